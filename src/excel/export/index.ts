/**
 * Excel out: the scored form as an xlsx workbook (one sheet per form, a summary sheet for a
 * batch) or as a printable HTML page, both rendered from the same sheet model. Each finding
 * becomes a cell comment and a coloured fill on the cell it concerns.
 */
import ExcelJS from 'exceljs';
import { CODES, type Finding, type Severity } from '../../core/codes.js';
import type { Form } from '../../core/model/form.js';
import type { ScoreResult } from '../../core/model/result.js';
import { gradeMark, totalMark } from './marks.js';
import { buildSheetModel, sheetName, type ModelCell, type SheetModel } from './model.js';
import { buildDepartmentSheetModel } from '../department/model.js';

export { buildSheetModel, sheetName, type SheetModel, type ModelCell } from './model.js';

export interface Scored {
  form: Form;
  result: ScoreResult;
}

const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function worst(findings: readonly Finding[]): Severity | null {
  let w: Severity | null = null;
  for (const f of findings) if (!w || RANK[f.severity] > RANK[w]) w = f.severity;
  return w;
}

function noteText(findings: readonly Finding[]): string {
  return findings.map((f) => `【${SEVERITY_ZH[f.severity]}】${f.message}（${f.code}）`).join('\n');
}

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };

function renderSheet(wb: ExcelJS.Workbook, m: SheetModel): void {
  const ws = wb.addWorksheet(m.name, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  ws.columns = m.widths.map((width) => ({ width }));
  for (const c of m.cells) {
    for (let r = c.r; r < c.r + c.rs; r++) {
      for (let k = c.c; k < c.c + c.cs; k++) {
        const cell = ws.getCell(r + 1, k + 1);
        cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      }
    }
    if (c.rs > 1 || c.cs > 1) ws.mergeCells(c.r + 1, c.c + 1, c.r + c.rs, c.c + c.cs);
    const cell = ws.getCell(c.r + 1, c.c + 1);
    if (c.value !== null) cell.value = c.value;
    if (c.kind === 'note') {
      cell.border = {};
      cell.alignment = { wrapText: true, vertical: 'top' };
    } else {
      cell.alignment = {
        wrapText: true,
        vertical: 'middle',
        horizontal: c.kind === 'title' || c.kind === 'subtitle' || c.kind === 'header' || c.kind === 'computed' ? 'center' : undefined,
      };
    }
    if (c.kind === 'title') cell.font = { bold: true, size: 16 };
    if (c.kind === 'header' || c.kind === 'label') cell.font = { bold: c.kind === 'header' };
    if (c.kind === 'header') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    if (c.kind === 'computed') {
      cell.font = { bold: true, color: { argb: 'FF1F4E79' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
    }
    if (c.kind === 'reported') cell.font = { italic: true, color: { argb: 'FF595959' } };
    if (c.numFmt) cell.numFmt = c.numFmt;
    // The mark shows after the value and leaves the value itself a plain number or word.
    if (c.suffix) cell.numFmt = `${c.numFmt ?? (typeof c.value === 'number' ? 'General' : '@')}"${c.suffix}"`;
    const w = worst(c.findings);
    if (w) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[w] } };
      cell.note = { texts: [{ text: noteText(c.findings) }] } as ExcelJS.Comment;
    }
  }
  ws.views = [{ state: 'normal', showGridLines: false }];
}

/** The sheet of one scored form: the 部门（单位）整体支出 layout for a department result (src/excel/department). */
function modelOf(it: Scored, name: string): SheetModel {
  return it.result.kind === 'department' ? buildDepartmentSheetModel(it.form, it.result, name) : buildSheetModel(it.form, it.result, name);
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  return wb;
}

/** One workbook, one sheet per form; with more than one form, a summary sheet first. */
export async function exportWorkbook(items: readonly Scored[]): Promise<Buffer> {
  const wb = newWorkbook();
  const taken = new Set<string>();
  const models = items.map((it) => {
    const want = items.length === 1 ? it.form.proName || 'Sheet1' : it.form.proName;
    return modelOf(it, sheetName(want, taken));
  });
  if (items.length > 1) {
    const summaryName = sheetName('汇总', new Set([...taken]));
    renderSummary(wb, summaryName, items, models);
  }
  for (const m of models) renderSheet(wb, m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const SUMMARY_HEADERS = ['序号', '预算单位', '项目名称', '全年预算数', '全年执行数', '执行率(%)', '总分', '等级', '问题数', '其中错误', '工作表'];

function renderSummary(wb: ExcelJS.Workbook, name: string, items: readonly Scored[], models: SheetModel[]): void {
  const ws = wb.addWorksheet(name);
  ws.columns = [6, 28, 32, 12, 12, 10, 8, 6, 8, 8, 24].map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, SUMMARY_HEADERS.length);
  ws.getCell(1, 1).value = `项目支出绩效自评结果汇总（共${items.length}个项目）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  SUMMARY_HEADERS.forEach((h, i) => {
    const c = ws.getCell(2, i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  });
  items.forEach((it, i) => {
    const res = it.result;
    const unit = [it.form.agencyCode, it.form.agencyName ?? it.form.deptName].filter(Boolean).join('-');
    const errors = res.findings.filter((f) => f.severity === 'error').length;
    const values: (string | number | null)[] = [
      i + 1,
      unit || null,
      it.form.proName,
      toNum(res.funds.budget),
      toNum(res.funds.executed),
      res.funds.rate === null ? null : toNum(res.funds.rate),
      toNum(res.total),
      res.grade,
      res.findings.length,
      errors,
      models[i].name,
    ];
    values.forEach((v, k) => {
      const c = ws.getCell(3 + i, k + 1);
      if (v !== null) c.value = v;
      c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    });
    const link = ws.getCell(3 + i, SUMMARY_HEADERS.length);
    link.value = { text: models[i].name, hyperlink: `#'${models[i].name.replace(/'/g, "''")}'!A1` };
    if (totalMark(res)) ws.getCell(3 + i, 7).numFmt = `General"${totalMark(res)}"`;
    if (gradeMark(res)) ws.getCell(3 + i, 8).numFmt = `@"${gradeMark(res)}"`;
    if (errors > 0) ws.getCell(3 + i, 10).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL.error } };
  });
}

function toNum(v: string): number | string {
  const n = Number(v);
  return Number.isFinite(n) && String(n) === v.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') ? n : v;
}

// ---- HTML --------------------------------------------------------------------------------------

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
body{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;margin:24px;color:#000}
h1{font-size:20px;text-align:center;margin:0 0 4px}
p.sub{text-align:center;margin:0 0 12px}
table.form{border-collapse:collapse;width:100%;font-size:12px;table-layout:auto}
table.form td{border:1px solid #666;padding:3px 5px;vertical-align:middle}
td.header,td.computed{text-align:center;font-weight:bold}
td.header{background:#f2f2f2}
td.computed{background:#e2efda;color:#1f4e79}
td.reported{color:#595959;font-style:italic}
td.number,td.computed,td.reported{white-space:nowrap}
td.note{border:none;padding-top:8px;font-size:11px}
td.error{background:#ffc7ce}td.warning{background:#ffeb9c}td.info{background:#ddebf7}
sup.fn{color:#c00}
span.mark{color:#c00;font-weight:bold}
ol.findings{font-size:12px}
ol.findings li.error{color:#9c0006}ol.findings li.warning{color:#7f6000}
section.form{page-break-after:always}
section.form:last-child{page-break-after:auto}
@media print{body{margin:10mm}table.form{font-size:10pt}a{color:#000;text-decoration:none}}
@page{size:A4 landscape;margin:12mm}
`;

function htmlTable(m: SheetModel, title: string): string {
  const covered = new Set<string>();
  const at = new Map<string, ModelCell>();
  for (const c of m.cells) {
    at.set(`${c.r},${c.c}`, c);
    for (let r = c.r; r < c.r + c.rs; r++) for (let k = c.c; k < c.c + c.cs; k++) if (r !== c.r || k !== c.c) covered.add(`${r},${k}`);
  }
  const rows = Math.max(0, ...m.cells.map((c) => c.r + c.rs));
  const fnIndex = new Map<Finding, number>();
  let n = 0;
  for (const c of m.cells) for (const f of c.findings) fnIndex.set(f, ++n);
  const out: string[] = [`<section class="form"><h1>${escapeHtml(title)}</h1>`, '<table class="form">'];
  for (let r = 0; r < rows; r++) {
    if (r === 0 || r === 1) continue; // title and year are the heading
    out.push('<tr>');
    for (let c = 0; c < m.cols; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const cell = at.get(key);
      if (!cell) {
        out.push('<td></td>');
        continue;
      }
      const w = worst(cell.findings);
      const cls = [cell.kind, w ?? ''].filter(Boolean).join(' ');
      const span = (cell.rs > 1 ? ` rowspan="${cell.rs}"` : '') + (cell.cs > 1 ? ` colspan="${cell.cs}"` : '');
      const tip = cell.findings.length ? ` title="${escapeHtml(cell.findings.map((f) => f.message).join('\n'))}"` : '';
      const marks = cell.findings.map((f) => `<sup class="fn">${fnIndex.get(f)}</sup>`).join('');
      const text = cell.value === null ? '' : escapeHtml(String(cell.value)).replace(/\n/g, '<br>');
      const suffix = cell.suffix ? `<span class="mark">${escapeHtml(cell.suffix)}</span>` : '';
      out.push(`<td class="${cls}"${span}${tip}>${text}${suffix}${marks}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</table>');
  const listed = m.cells.flatMap((c) => c.findings);
  if (listed.length) {
    out.push('<h2 style="font-size:14px">检查发现的问题</h2><ol class="findings">');
    for (const f of listed) {
      const where = f.cell ? `${escapeHtml(f.cell)}：` : '';
      out.push(`<li class="${f.severity}" value="${fnIndex.get(f)}">${where}【${CODES[f.code].severity === 'error' ? '错误' : CODES[f.code].severity === 'warning' ? '警告' : '提示'}】${escapeHtml(f.message)}</li>`);
    }
    out.push('</ol>');
  }
  out.push('</section>');
  return out.join('\n');
}

/** A printable page of the scored form(s): the same table as the workbook, every text escaped. */
export function exportHtml(items: readonly Scored[]): string {
  const taken = new Set<string>();
  const sections = items.map((it) => {
    const m = modelOf(it, sheetName(it.form.proName, taken));
    const year = `(${it.form.fiscalYear}年度)`;
    return htmlTable(m, it.result.kind === 'department' ? `${it.form.proName}绩效自评表` : `${it.form.proName}项目支出绩效自评表`).replace('</h1>', `</h1><p class="sub">${escapeHtml(year)}</p>`);
  });
  const title = items.length === 1 ? `${items[0].form.proName}项目支出绩效自评表` : `项目支出绩效自评表（${items.length}个项目）`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    ...sections,
    '</body></html>',
  ].join('\n');
}
