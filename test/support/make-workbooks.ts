/**
 * Writes test/fixtures/xlsx/: the forms of test/fixtures/seed/*.json and test/fixtures/xlsx/*.json
 * laid out as a person lays them out in Excel: merged title and header cells, 一级/二级 merged
 * down (or left blank), labels with colons, full-width brackets, line breaks in headers, numbers
 * typed as text, a percentage-formatted cell, blank rows. The layouts are written here by hand,
 * independently of src/excel/export, so that the importer is tested against something it did
 * not write itself.
 *
 *   npx tsx test/support/make-workbooks.ts        # rewrites the .xlsx files
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { Dec } from '../../src/core/decimal.js';
import { validateForm } from '../../src/core/model/validate.js';

export const SEED_DIR = fileURLToPath(new URL('../fixtures/seed/', import.meta.url));
export const XLSX_DIR = fileURLToPath(new URL('../fixtures/xlsx/', import.meta.url));

type Json = Record<string, any>;
type V = string | number | null | undefined;

export function loadJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

/** Quirks a person introduces; one set per fixture so that every reading path is exercised. */
export interface Quirks {
  /** Amounts and scores typed as text ("31.59") rather than numbers. */
  numbersAsText?: boolean;
  /** Full-width brackets and colons in labels: 资金结（转）余, （万元）, 资金总额： */
  fullWidth?: boolean;
  /** 一级/二级 written once and the cells below left blank instead of merged. */
  blankLevels?: boolean;
  /** Total and grade in one cell: "95 优". */
  totalOneCell?: boolean;
  /** A blank row between blocks and one inside the indicator block. */
  blankRows?: boolean;
  /** Line breaks inside the long header cells. */
  wrappedHeaders?: boolean;
  /** The execution rate as a percentage-formatted number (1 shown as 100.00%). */
  percentRate?: boolean;
  /** The whole table moved down and right, as when a unit pastes it under its own letterhead. */
  offset?: { rows: number; cols: number };
}

class Sheet {
  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly dr = 0,
    readonly dc = 0,
  ) {}

  set(row: number, col: number, v: V, opts: { bold?: boolean; wrap?: boolean; fmt?: string } = {}): ExcelJS.Cell {
    const cell = this.ws.getCell(row + this.dr, col + this.dc);
    if (v !== undefined && v !== null && v !== '') cell.value = v;
    cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: opts.bold ? 'center' : undefined };
    if (opts.bold) cell.font = { bold: true };
    if (opts.fmt) cell.numFmt = opts.fmt;
    return cell;
  }

  /** Write a value into a merged range (r1,c1)–(r2,c2). */
  put(r1: number, c1: number, r2: number, c2: number, v: V, opts: { bold?: boolean; fmt?: string } = {}): void {
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) this.set(r, c, r === r1 && c === c1 ? v : null, opts);
    if (r1 !== r2 || c1 !== c2) this.ws.mergeCells(r1 + this.dr, c1 + this.dc, r2 + this.dr, c2 + this.dc);
  }
}

function amount(v: unknown, q: Quirks): V {
  if (v === undefined || v === null || v === '') return null;
  const s = String(v);
  return q.numbersAsText ? s : Number(s);
}

function bracket(s: string, q: Quirks): string {
  return q.fullWidth ? s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：') : s;
}

/** Group consecutive equal values: [[start, end, value], …]. */
function runs(values: string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  values.forEach((v, i) => {
    const last = out.at(-1);
    if (last && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  });
  return out;
}

const NOTES = [
  '备注:1.“年初预算数”项下的“目标申报数”和“预算编制数”为并列关系,其中“目标申报数”的数据来源于项目目标申报表中的项目资金总额表中的年度资金,“预算编制数”数据来源于项目预算支出明细表。',
  '2.“全年预算数”的取数规则,如果年初预算未调整,取预算编制数;如果有调整,取调整后的预算数。',
  '3.“全年执行数”是指预算执行指标确认数。',
  '4.“执行率”是执行数与“全年预算数”相比较。',
];

/** The Shanxi layout of S1 (10 columns A–J). */
export function writeShanxi(wb: ExcelJS.Workbook, name: string, f: Json, q: Quirks = {}): void {
  const s = new Sheet(wb.addWorksheet(name), q.offset?.rows ?? 0, q.offset?.cols ?? 0);
  s.ws.columns = [8, 10, 12, 22, 12, 12, 12, 8, 8, 18].map((width) => ({ width }));
  let r = 1;
  s.put(r, 1, r, 10, `${f.proName}项目支出绩效自评表`, { bold: true });
  r++;
  s.put(r, 1, r, 10, bracket(`(${f.fiscalYear}年度)`, q));
  r++;
  s.put(r, 1, r, 3, '项目名称', { bold: true });
  s.put(r, 4, r, 10, f.proName);
  r++;
  s.put(r, 1, r, 3, '主管部门及代码', { bold: true });
  s.put(r, 4, r, 7, `${f.deptCode}-${f.deptName}`);
  s.put(r, 8, r, 8, '预算单位', { bold: true });
  s.put(r, 9, r, 10, `${f.agencyCode}-${f.agencyName}`);
  r++;
  if (q.blankRows) r++;
  // Money block: two header rows.
  s.put(r, 1, r + 1, 3, bracket('项目资金预算安排及执行进度(万元)', q), { bold: true });
  s.put(r, 4, r, 5, '年初预算数', { bold: true });
  s.put(r + 1, 4, r + 1, 4, '目标申报数', { bold: true });
  s.put(r + 1, 5, r + 1, 5, '预算编制数', { bold: true });
  s.put(r, 6, r + 1, 6, '全年预算数', { bold: true });
  s.put(r, 7, r + 1, 7, '全年执行数', { bold: true });
  s.put(r, 8, r + 1, 8, bracket('资金结(转)余', q), { bold: true });
  s.put(r, 9, r + 1, 9, '执行率', { bold: true });
  s.put(r, 10, r + 1, 10, '得分', { bold: true });
  r += 2;
  for (const row of f.funds.rows as Json[]) {
    s.put(r, 1, r, 3, row.isTotal ? bracket('资金总额:', q) : row.name);
    const vals = [row.declared, row.initial, row.budget, row.executed, row.reportedBalance];
    vals.forEach((v, i) => s.set(r, 4 + i, amount(v, q)));
    if (q.percentRate && row.reportedRate !== undefined) {
      s.set(r, 9, Number(row.reportedRate) / 100, { fmt: '0.00%' });
    } else s.set(r, 9, amount(row.reportedRate, q));
    s.set(r, 10, amount(row.reportedScore, q));
    r++;
  }
  // Goals.
  const goals = (f.goals ?? []) as Json[];
  s.put(r, 1, r + Math.max(goals.length, 1), 1, '项目年度绩效目标', { bold: true });
  s.put(r, 2, r, 6, '年度目标', { bold: true });
  s.put(r, 7, r, 10, '实际完成情况', { bold: true });
  r++;
  for (const g of goals) {
    s.put(r, 2, r, 6, g.target);
    s.put(r, 7, r, 10, g.completion);
    r++;
  }
  if (goals.length === 0) r++;
  if (q.blankRows) r++;
  // Indicators.
  const inds = f.indicators as Json[];
  const top = r;
  const wrap = (t: string) => (q.wrappedHeaders ? t.replace('分析及', '分析\n及') : t);
  ['一级指标', '二级指标', '三级指标', '年初指标值', '调整后指标值', '实际完成值', '分值', '得分', wrap('偏差原因分析及改进措施')].forEach((h, i) =>
    s.set(r, 2 + i, h, { bold: true }),
  );
  r++;
  const first = r;
  // A blank row inside the block, as a person leaves when deleting an indicator.
  const gap = q.blankRows ? Math.min(3, inds.length) : -1;
  const rowOf = (i: number) => first + i + (gap >= 0 && i >= gap ? 1 : 0);
  inds.forEach((ind, i) => {
    const rr = rowOf(i);
    s.set(rr, 4, ind.name);
    s.set(rr, 5, ind.initialTarget);
    s.set(rr, 6, ind.target);
    s.set(rr, 7, ind.actual);
    s.set(rr, 8, amount(ind.points, q));
    s.set(rr, 9, amount(ind.reportedScore, q));
    s.set(rr, 10, ind.deviationNote);
  });
  if (gap >= 0) for (let c = 2; c <= 10; c++) s.set(first + gap, c, null);
  const last = rowOf(inds.length - 1);
  if (q.blankLevels) {
    // Written once, the cells below left blank.
    let p1 = '';
    let p2 = '';
    inds.forEach((ind, i) => {
      const rr = rowOf(i);
      s.set(rr, 2, ind.level1 !== p1 ? ind.level1 : null);
      s.set(rr, 3, ind.level1 !== p1 || ind.level2 !== p2 ? ind.level2 : null);
      p1 = ind.level1;
      p2 = ind.level2;
    });
  } else if (gap < 0) {
    for (const [a, b, v] of runs(inds.map((i) => i.level1))) s.put(rowOf(a), 2, rowOf(b), 2, v);
    for (const [a, b, v] of runs(inds.map((i) => `${i.level1}\u0000${i.level2}`))) s.put(rowOf(a), 3, rowOf(b), 3, v.split('\u0000')[1]);
  } else {
    inds.forEach((ind, i) => {
      s.set(rowOf(i), 2, ind.level1);
      s.set(rowOf(i), 3, ind.level2);
    });
  }
  s.put(top, 1, last, 1, '绩效指标', { bold: true });
  r = last + 1;
  // Total.
  s.put(r, 1, r, 7, '总分', { bold: true });
  if (q.totalOneCell) {
    s.put(r, 8, r, 9, `${f.reportedTotal} ${f.reportedGrade}`);
  } else {
    s.set(r, 8, amount(f.reportedTotal, q));
    s.set(r, 9, f.reportedGrade);
  }
  s.set(r, 10, null);
  r++;
  // Analysis.
  const a = (f.analysis ?? {}) as Json;
  const aStart = r;
  const sub: [string, string][] = [
    ['项目实施和预算执行情况', a.implementation],
    ['产出情况', a.outputs],
    ['效益情况', a.benefits],
    ['满意度情况', a.satisfaction],
  ];
  s.put(r, 2, r + 3, 2, '自评结果分析', { bold: true });
  for (const [label, text] of sub) {
    s.put(r, 3, r, 4, label);
    s.put(r, 5, r, 10, text);
    r++;
  }
  s.put(r, 2, r, 4, '主要经验做法');
  s.put(r, 5, r, 10, a.experience);
  r++;
  s.put(r, 2, r, 4, '项目管理中存在的主要问题及原因分析');
  s.put(r, 5, r, 10, a.problems);
  r++;
  s.put(aStart, 1, r - 1, 1, '项目绩效分析', { bold: true });
  s.put(r, 1, r, 4, '下一步改进措施及管理建议');
  s.put(r, 5, r, 10, a.improvements);
  r += 2;
  for (const n of NOTES) {
    s.put(r, 1, r, 10, bracket(n, q));
    r++;
  }
}

/** The central layout (§5.1: 年度指标值, 分值 in the money block, 年度总体目标). */
export function writeCentral(wb: ExcelJS.Workbook, name: string, f: Json): void {
  const s = new Sheet(wb.addWorksheet(name));
  s.ws.columns = [10, 10, 14, 24, 14, 14, 8, 8, 12, 12].map((width) => ({ width }));
  let r = 1;
  s.put(r, 1, r, 10, '项目支出绩效自评表', { bold: true });
  r++;
  s.put(r, 1, r, 10, `（${f.fiscalYear}年度）`);
  r++;
  s.put(r, 1, r, 2, '项目名称', { bold: true });
  s.put(r, 3, r, 10, f.proName);
  r++;
  s.put(r, 1, r, 2, '主管部门', { bold: true });
  s.put(r, 3, r, 5, f.deptName);
  s.put(r, 6, r, 7, '实施单位', { bold: true });
  s.put(r, 8, r, 10, f.agencyName);
  r++;
  const rows = f.funds.rows as Json[];
  s.put(r, 1, r + rows.length, 2, '项目资金（万元）', { bold: true });
  s.put(r, 3, r, 4, null);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => s.set(r, 5 + i, h, { bold: true }));
  r++;
  rows.forEach((row, i) => {
    s.put(r, 3, r, 4, i === 0 ? row.name : `其中：${row.name}`.replace(/^其中：(上年|其他)/, '$1'));
    s.set(r, 5, amount(row.initial, {}));
    s.set(r, 6, amount(row.budget, {}));
    s.set(r, 7, amount(row.executed, {}));
    s.set(r, 8, i === 0 ? amount(f.funds.points, {}) : '—');
    s.set(r, 9, row.reportedRate !== undefined ? `${row.reportedRate}%` : '—');
    s.set(r, 10, i === 0 ? amount(row.reportedScore, {}) : '—');
    r++;
  });
  const goals = (f.goals ?? []) as Json[];
  s.put(r, 1, r + goals.length, 2, '年度总体目标', { bold: true });
  s.put(r, 3, r, 6, '预期目标', { bold: true });
  s.put(r, 7, r, 10, '实际完成情况', { bold: true });
  r++;
  for (const g of goals) {
    s.put(r, 3, r, 6, g.target);
    s.put(r, 7, r, 10, g.completion);
    r++;
  }
  const inds = f.indicators as Json[];
  const top = r;
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].forEach((h, i) => s.set(r, 2 + i, h, { bold: true }));
  s.put(r, 9, r, 10, '偏差原因分析及改进措施', { bold: true });
  r++;
  const first = r;
  const l1points = new Map<string, number>();
  for (const i of inds) l1points.set(i.level1, (l1points.get(i.level1) ?? 0) + Number(i.points));
  inds.forEach((ind, i) => {
    s.set(first + i, 4, ind.name);
    s.set(first + i, 5, ind.target);
    s.set(first + i, 6, ind.actual);
    s.set(first + i, 7, amount(ind.points, {}));
    s.set(first + i, 8, amount(ind.reportedScore, {}));
    s.put(first + i, 9, first + i, 10, ind.deviationNote);
  });
  for (const [a, b, v] of runs(inds.map((i) => i.level1))) s.put(first + a, 2, first + b, 2, `${v}（${l1points.get(v)}分）`);
  for (const [a, b, v] of runs(inds.map((i) => `${i.level1}\u0000${i.level2}`))) s.put(first + a, 3, first + b, 3, v.split('\u0000')[1]);
  r = first + inds.length;
  s.put(top, 1, r - 1, 1, '绩效指标', { bold: true });
  s.put(r, 1, r, 6, '总分', { bold: true });
  s.set(r, 7, 100);
  s.set(r, 8, amount(f.reportedTotal, {}));
  s.put(r, 9, r, 10, f.reportedGrade);
}

/** The Sichuan layout (§3.7: 指标性质 / 指标值 / 度量单位, 权重, 未完成原因分析; 评价结论). */
export function writeSichuan(wb: ExcelJS.Workbook, name: string, f: Json): void {
  const s = new Sheet(wb.addWorksheet(name));
  s.ws.columns = [12, 10, 12, 22, 8, 10, 8, 10, 8, 8, 20].map((width) => ({ width }));
  let r = 1;
  s.put(r, 1, r, 11, `${f.fiscalYear}年度部门预算项目支出绩效自评表`, { bold: true });
  r++;
  s.put(r, 1, r, 2, '项目名称', { bold: true });
  s.put(r, 3, r, 11, f.proName);
  r++;
  s.put(r, 1, r, 2, '主管部门', { bold: true });
  s.put(r, 3, r, 6, `${f.deptName}（${f.deptCode}）`);
  s.put(r, 7, r, 8, '实施单位', { bold: true });
  s.put(r, 9, r, 11, `[${f.agencyCode}]${f.agencyName}`);
  r++;
  const rows = f.funds.rows as Json[];
  s.put(r, 1, r + rows.length, 1, '预算执行情况（万元）（10分）', { bold: true });
  s.put(r, 2, r, 3, null);
  ['年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分'].forEach((h, i) => s.set(r, 4 + i, h, { bold: true }));
  s.put(r, 10, r, 11, '原因', { bold: true });
  r++;
  rows.forEach((row, i) => {
    s.put(r, 2, r, 3, row.name);
    s.set(r, 4, row.initial ?? null);
    s.set(r, 5, row.budget ?? null);
    s.set(r, 6, row.executed ?? null);
    s.set(r, 7, row.reportedRate !== undefined ? `${row.reportedRate}%` : null);
    s.set(r, 8, i === 0 ? f.funds.points : null);
    s.set(r, 9, row.reportedScore ?? null);
    s.put(r, 10, r, 11, row.reason ?? null);
    r++;
  });
  const goals = (f.goals ?? []) as Json[];
  s.put(r, 1, r + goals.length, 1, '年度总体目标', { bold: true });
  s.put(r, 2, r, 6, '预期目标', { bold: true });
  s.put(r, 7, r, 11, '实际完成情况', { bold: true });
  r++;
  for (const g of goals) {
    s.put(r, 2, r, 6, g.target);
    s.put(r, 7, r, 11, g.completion);
    r++;
  }
  const inds = f.indicators as Json[];
  const top = r;
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'].forEach((h, i) =>
    s.set(r, 2 + i, h, { bold: true }),
  );
  r++;
  const first = r;
  inds.forEach((ind, i) => {
    const rr = first + i;
    s.set(rr, 4, ind.name);
    s.set(rr, 5, ind.operator);
    // Numbers typed as numbers where they are numbers, as the Sichuan system exports them.
    s.set(rr, 6, /^\d+(\.\d+)?$/.test(ind.target) ? Number(ind.target) : ind.target);
    s.set(rr, 7, ind.unit);
    s.set(rr, 8, /^\d+(\.\d+)?$/.test(ind.actual) ? Number(ind.actual) : ind.actual);
    s.set(rr, 9, ind.points);
    s.set(rr, 10, ind.reportedScore);
    s.set(rr, 11, ind.deviationNote);
  });
  for (const [a, b, v] of runs(inds.map((i) => i.level1))) s.put(first + a, 2, first + b, 2, v);
  for (const [a, b, v] of runs(inds.map((i) => `${i.level1}\u0000${i.level2}`))) s.put(first + a, 3, first + b, 3, v.split('\u0000')[1]);
  r = first + inds.length;
  s.put(top, 1, r - 1, 1, '绩效指标（90分）', { bold: true });
  s.put(r, 1, r, 9, '总分', { bold: true });
  s.set(r, 10, f.reportedTotal);
  s.set(r, 11, f.reportedGrade);
  r++;
  const a = (f.analysis ?? {}) as Json;
  for (const [label, text] of [
    ['评价结论', a.implementation],
    ['存在问题', a.problems],
    ['改进措施', a.improvements],
  ] as [string, string][]) {
    s.put(r, 1, r, 2, label, { bold: true });
    s.put(r, 3, r, 11, text);
    r++;
  }
}

export interface FixtureSpec {
  file: string;
  /** The expected forms, one per sheet, with the writer and quirks for each. */
  sheets: { name: string; json: string; write: (wb: ExcelJS.Workbook, name: string, f: Json) => void }[];
}

const seed = (n: string) => SEED_DIR + n;
const own = (n: string) => XLSX_DIR + n;

export const FIXTURES: FixtureSpec[] = [
  { file: '01-jingban.xlsx', sheets: [{ name: 'Sheet1', json: seed('01-jingban.json'), write: (wb, n, f) => writeShanxi(wb, n, f) }] },
  {
    file: '02-dangan.xlsx',
    sheets: [
      {
        name: '档案管理',
        json: seed('02-dangan.json'),
        write: (wb, n, f) => writeShanxi(wb, n, f, { numbersAsText: true, fullWidth: true, blankLevels: true, totalOneCell: true }),
      },
    ],
  },
  {
    file: '03-dalou.xlsx',
    sheets: [
      {
        name: '大楼 运行费',
        json: seed('03-dalou.json'),
        write: (wb, n, f) => writeShanxi(wb, n, f, { fullWidth: true, blankRows: true, wrappedHeaders: true, percentRate: true }),
      },
    ],
  },
  { file: '04-central.xlsx', sheets: [{ name: '自评表', json: own('04-central.json'), write: writeCentral }] },
  { file: '05-sichuan.xlsx', sheets: [{ name: '项目自评', json: own('05-sichuan.json'), write: writeSichuan }] },
  {
    file: '06-seed-all.xlsx',
    sheets: [
      { name: '经办', json: seed('01-jingban.json'), write: (wb, n, f) => writeShanxi(wb, n, f) },
      { name: '档案', json: seed('02-dangan.json'), write: (wb, n, f) => writeShanxi(wb, n, f, { blankLevels: true }) },
      { name: '大楼', json: seed('03-dalou.json'), write: (wb, n, f) => writeShanxi(wb, n, f, { numbersAsText: true }) },
    ],
  },
];

export async function buildFixture(spec: FixtureSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao test fixtures';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  for (const sh of spec.sheets) sh.write(wb, sh.name, loadJson(sh.json));
  if (spec.sheets.length > 1) {
    // A workbook also carries sheets that are not forms.
    const notes = wb.addWorksheet('填表说明');
    notes.getCell('A1').value = '本工作簿包含三张项目支出绩效自评表。';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  mkdirSync(XLSX_DIR, { recursive: true });
  for (const spec of FIXTURES) writeFileSync(XLSX_DIR + spec.file, await buildFixture(spec));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}

/** A form with every Decimal as its exact string, for comparison (fields in `drop` left out). */
export function canon(v: unknown, drop: string[] = []): unknown {
  if (Dec.isDecimal(v)) return (v as Dec).toString();
  if (Array.isArray(v)) return v.map((x) => canon(x, drop));
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && !drop.includes(k)) o[k] = canon(x, drop);
    return o;
  }
  return v;
}

/** Validate and canonicalise; throws on an invalid form (a test failure). */
export function parsed(input: unknown, drop: string[] = []): unknown {
  const v = validateForm(input);
  if (!v.ok) throw new Error('invalid: ' + JSON.stringify(v.problems));
  return canon(v.form, drop);
}
