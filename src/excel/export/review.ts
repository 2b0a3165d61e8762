/**
 * The annotated workbook of a reviewed submission version: the usual export of the form (one
 * sheet, findings as comments) with the review beside it — to the right of the indicator table,
 * the columns 复核完成值 / 复核得分 / 计算得分（复核） / 复核理由 on each indicator row, the review
 * totals on the total row, and below the table the 抽评等级, the conclusion and who reviewed.
 * The review's findings are comments on its cells. Kept apart from index.ts: it reads the
 * workbook that exportWorkbook writes and adds to it.
 */
import ExcelJS from 'exceljs';
import type { Finding } from '../../core/codes.js';
import type { ReviewResult } from '../../review/schema.js';
import { buildSheetModel, exportWorkbook, worst, type Scored } from './index.js';

export const REVIEW_HEADERS = ['复核完成值', '复核得分', '计算得分（复核）', '复核理由'] as const;

const FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' } as const;
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFCE4D6' } };

function rowOf(ref: string | undefined): number | null {
  const m = ref ? /(\d+)$/.exec(ref) : null;
  return m ? Number(m[1]) : null;
}

/** Numbers as numbers when they survive a double exactly; else as the decimal string. */
function num(v: string | null): string | number | null {
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) && /^-?\d{1,15}(\.\d{1,6})?$/.test(v) ? n : v;
}

function put(ws: ExcelJS.Worksheet, r: number, c: number, value: string | number | null, findings: readonly Finding[] = [], header = false): void {
  const cell = ws.getCell(r, c);
  if (value !== null) cell.value = value;
  cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  cell.alignment = { wrapText: true, vertical: 'middle', horizontal: header ? 'center' : undefined };
  if (header) {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  }
  if (typeof value === 'number') cell.numFmt = '0.00';
  const w = worst(findings);
  if (w) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[w] } };
    cell.note = { texts: [{ text: findings.map((f) => `${f.message}（${f.code}）`).join('\n') }] } as ExcelJS.Comment;
  }
}

/** The workbook of one scored form with its review beside it. */
export async function exportReviewWorkbook(item: Scored, review: ReviewResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportWorkbook([item])) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const model = buildSheetModel(item.form, item.result, ws.name);
  const c0 = model.cols + 1;
  REVIEW_HEADERS.forEach((_, i) => (ws.getColumn(c0 + i).width = i === 3 ? 30 : 12));
  const head = rowOf(model.cellMap['/indicators']);
  if (head !== null) REVIEW_HEADERS.forEach((h, i) => put(ws, head, c0 + i, h, [], true));
  const on = (pointer: string) => review.findings.filter((f) => f.pointer === pointer || f.pointer.startsWith(pointer + '/'));
  for (const row of review.indicators) {
    const r = rowOf(model.cellMap[`${row.pointer}/name`]);
    if (r === null) continue;
    const fs = on(row.pointer);
    put(ws, r, c0, row.reviewer.reviewed ? row.reviewer.actual : null, fs.filter((f) => f.code === 'REVIEW_ACTUAL_CHANGED'));
    put(ws, r, c0 + 1, num(row.reviewer.score), fs.filter((f) => f.code === 'REVIEW_SCORE_CHANGED' || f.code === 'REVIEW_SCORE_VS_COMPUTED'));
    put(ws, r, c0 + 2, num(row.computed.score), fs.filter((f) => f.code.startsWith('REVIEW_RULE_')));
    put(ws, r, c0 + 3, row.reviewer.reason);
  }
  const totalRow = rowOf(model.cellMap['/reportedTotal']);
  const t = review.totals;
  const tails = review.findings.filter((f) => f.pointer === '/reportedTotal' || f.pointer === '/reportedGrade');
  if (totalRow !== null) {
    put(ws, totalRow, c0, `抽评等级 ${review.grade.code} ${review.grade.label}`, tails.filter((f) => f.code === 'REVIEW_GRADE_MISMATCH'));
    put(ws, totalRow, c0 + 1, num(t.reviewer.total), tails.filter((f) => f.code !== 'REVIEW_GRADE_MISMATCH'));
    put(ws, totalRow, c0 + 2, num(t.computed.total));
    put(ws, totalRow, c0 + 3, t.computed.grade === null ? null : `计算等级 ${t.computed.grade}`);
  }
  let r = ws.rowCount + 2;
  const who = review.reviewer.level === 'department' ? '主管部门复核' : '财政复核';
  const lines: [string, string][] = [
    ['复核结论', review.conclusion],
    ['抽评等级', `${review.grade.code} ${review.grade.label}`],
    ['复核', `${who}（${review.reviewer.office}，${review.reviewer.name}）`],
    ['复核口径', review.rules ? `${review.rules.labelZh}（${review.rules.id} ${review.rules.version}，${review.rules.label}）` : '未启用规则包'],
  ];
  for (const [label, text] of lines) {
    put(ws, r, 1, label, [], true);
    ws.mergeCells(r, 2, r, Math.max(2, model.cols));
    put(ws, r, 2, text);
    r++;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
