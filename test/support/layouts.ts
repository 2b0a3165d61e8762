/**
 * Variations of the layouts published 自评表 workbooks come in, written with exceljs from a
 * JSON form (test/fixtures/xlsx/04-central.json): title rows with the year and a money unit,
 * a header split over two merged rows, columns in another order, extra columns (序号, 备注,
 * 指标值说明, 评分标准), other words for 年初预算数 / 全年预算数 / 全年执行数, 一级 / 二级 merged
 * down many rows, line breaks in names, numbers typed as text with 万 / 元 / % / 分, formulas
 * with a cached result, hidden rows and columns, notes (注：…) and a footer (填表人 …), two
 * forms on one sheet. Written independently of src/excel/export, as a person lays them out.
 */
import ExcelJS from 'exceljs';
import { Dec } from '../../src/core/decimal.js';

type Json = Record<string, any>;
type V = ExcelJS.CellValue;

/** The columns of the indicator table, in the order written. */
export type IndCol = 'seq' | 'l1' | 'l2' | 'name' | 'target' | 'actual' | 'points' | 'score' | 'note' | 'remark' | 'valueDesc' | 'evalStd';

export const CENTRAL_COLS: IndCol[] = ['l1', 'l2', 'name', 'target', 'actual', 'points', 'score', 'note'];

const IND_HEADER: Record<IndCol, string> = {
  seq: '序号',
  l1: '一级指标',
  l2: '二级指标',
  name: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  points: '分值',
  score: '得分',
  note: '偏差原因分析及改进措施',
  remark: '备注',
  valueDesc: '指标值说明',
  evalStd: '评分标准',
};

export type FundCol = 'initial' | 'budget' | 'executed' | 'points' | 'rate' | 'score';

export interface Variant {
  /** Row the form starts on (1-based); a second form on the same sheet starts lower. */
  top?: number;
  /** 'year-in-title': "2023年度项目支出绩效自评表"; 'year-row' (default): the title, then "（2023年度）". */
  title?: 'year-in-title' | 'year-row';
  /** Where the money unit is stated, and how. */
  unit?: { where: 'title' | 'row' | 'fundLabel' | 'none'; text: string };
  /** A unit in the funds label as well (where the unit is stated elsewhere too). */
  fundLabelUnit?: string;
  /** Amounts written in 元 (×10000) instead of 万元. */
  yuan?: boolean;
  /** Header words of the funds block. */
  fundWords?: Partial<Record<FundCol, string>>;
  indCols?: IndCol[];
  /** The indicator header over two rows: 绩效指标 / 指标值 / 完成情况 groups merged above the column names. */
  twoRowHeader?: boolean;
  /** The 绩效指标 label merged down the left edge of the indicator block. */
  blockLabel?: boolean;
  /** Line breaks inside 三级 names (and the 一级 / 二级 labels). */
  nameBreaks?: boolean;
  /** Amounts as "320万" / "3200000元", points as "15分", rates as "89.50%": text with units. */
  textUnits?: boolean;
  /** Execution rate and scores as formulas with a cached result. */
  formulas?: boolean;
  /** Hide this indicator row (index into the indicators) and the column of this key. */
  hideIndicator?: number;
  hideCol?: IndCol;
  notes?: boolean;
  footer?: boolean;
  /** The indicator header written again before this indicator (a sheet printed over two pages). */
  repeatHeaderAt?: number;
  /** Text written in the extra columns, per indicator: i → text. */
  extra?: Partial<Record<IndCol, (i: number) => string>>;
}

export interface Written {
  /** The next free row. */
  next: number;
  /** Cell addresses of interest, by name. */
  at: Record<string, string>;
}

function colLetter(c: number): string {
  let s = '';
  let n = c;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const addr = (r: number, c: number) => colLetter(c) + String(r);

class S {
  constructor(readonly ws: ExcelJS.Worksheet) {}
  set(r: number, c: number, v: V | undefined): ExcelJS.Cell {
    const cell = this.ws.getCell(r, c);
    if (v !== undefined && v !== null && v !== '') cell.value = v;
    cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    return cell;
  }
  put(r1: number, c1: number, r2: number, c2: number, v: V | undefined): void {
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) this.set(r, c, r === r1 && c === c1 ? v : null);
    if (r1 !== r2 || c1 !== c2) this.ws.mergeCells(r1, c1, r2, c2);
  }
}

function runs(values: string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  values.forEach((v, i) => {
    const last = out.at(-1);
    if (last && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  });
  return out;
}

/** "农村公路优良路率" → "农村公路\n优良路率": a break where a person widens nothing and presses Alt+Enter. */
export function broken(s: string): string {
  return s.length >= 6 ? s.slice(0, Math.ceil(s.length / 2)) + '\n' + s.slice(Math.ceil(s.length / 2)) : s;
}

/** Write one central-style form of `f` into `ws` as the variant says. */
export function writeVariant(ws: ExcelJS.Worksheet, f: Json, v: Variant = {}): Written {
  const s = new S(ws);
  const at: Record<string, string> = {};
  const cols = v.indCols ?? CENTRAL_COLS;
  const off = v.blockLabel ? 1 : 0;
  const width = Math.max(cols.length + off, 10);
  const money = (x: unknown): V => {
    if (x === undefined || x === null || x === '') return null;
    const d = new Dec(String(x)).times(v.yuan ? 10000 : 1);
    if (v.textUnits) return `${d.toString()}${v.yuan ? '元' : '万'}`;
    return Number(d.toString());
  };
  const pts = (x: unknown): V => (x === undefined || x === null ? null : v.textUnits ? `${x}分` : Number(x));
  let r = v.top ?? 1;
  const unitText = v.unit?.text ?? '（单位：万元）';
  const where = v.unit?.where ?? 'fundLabel';
  // Title.
  if (v.title === 'year-in-title') {
    s.put(r, 1, r, width, `${f.fiscalYear}年度项目支出绩效自评表${where === 'title' ? unitText : ''}`);
    at.title = addr(r, 1);
    r++;
  } else {
    s.put(r, 1, r, width, '项目支出绩效自评表');
    at.title = addr(r, 1);
    r++;
    s.put(r, 1, r, width, `（${f.fiscalYear}年度）${where === 'title' ? unitText : ''}`);
    r++;
  }
  if (where === 'row') {
    s.put(r, width - 1, r, width, unitText);
    at.unit = addr(r, width - 1);
    r++;
  }
  s.put(r, 1, r, 2, '项目名称');
  s.put(r, 3, r, width, v.nameBreaks ? broken(f.proName) : f.proName);
  r++;
  s.put(r, 1, r, 2, '主管部门');
  s.put(r, 3, r, 5, f.deptName);
  s.put(r, 6, r, 7, '实施单位');
  s.put(r, 8, r, width, f.agencyName);
  r++;
  // Funds.
  const rows = f.funds.rows as Json[];
  const words: Record<FundCol, string> = { initial: '年初预算数', budget: '全年预算数', executed: '全年执行数', points: '分值', rate: '执行率', score: '得分', ...v.fundWords };
  const fundCols: FundCol[] = ['initial', 'budget', 'executed', 'points', 'rate', 'score'];
  s.put(r, 1, r + rows.length, 2, where === 'fundLabel' ? `项目资金${unitText.replace(/单位[:：]/, '')}` : `项目资金${v.fundLabelUnit ?? ''}`);
  if (where === 'fundLabel') at.unit = addr(r, 1);
  s.put(r, 3, r, 4, null);
  fundCols.forEach((k, i) => s.set(r, 5 + i, words[k]));
  at.fundHeader = addr(r, 5);
  r++;
  rows.forEach((row, i) => {
    const fundName = v.nameBreaks ? broken(row.name) : row.name;
    s.put(r, 3, r, 4, i === 0 ? fundName : `其中：${fundName}`.replace(/^其中：(上年|其他)/, '$1'));
    s.set(r, 5, money(row.initial));
    s.set(r, 6, money(row.budget));
    const ex = s.set(r, 7, money(row.executed));
    if (i === 0) at.executed = ex.address;
    s.set(r, 8, i === 0 ? pts(f.funds.points) : '—');
    if (row.reportedRate === undefined) s.set(r, 9, '—');
    else if (v.formulas) {
      // =G/F as a percentage-formatted cell with its cached result.
      const c = s.set(r, 9, { formula: `${addr(r, 7)}/${addr(r, 6)}`, result: Number(row.reportedRate) / 100 } as ExcelJS.CellFormulaValue);
      c.numFmt = '0.00%';
      if (i === 0) at.rate = c.address;
    } else s.set(r, 9, `${row.reportedRate}%`);
    if (i === 0 && v.formulas) s.set(r, 10, { formula: `MIN(${addr(r, 9)}*${addr(r, 8)},${addr(r, 8)})`, result: Number(row.reportedScore) } as ExcelJS.CellFormulaValue);
    else s.set(r, 10, i === 0 ? pts(row.reportedScore) : '—');
    r++;
  });
  // Goals.
  const goals = (f.goals ?? []) as Json[];
  s.put(r, 1, r + goals.length, 2, '年度总体目标');
  s.put(r, 3, r, 6, '预期目标');
  s.put(r, 7, r, width, '实际完成情况');
  r++;
  for (const g of goals) {
    s.put(r, 3, r, 6, g.target);
    s.put(r, 7, r, width, g.completion);
    r++;
  }
  // Indicators.
  const inds = f.indicators as Json[];
  const col = (k: IndCol) => cols.indexOf(k) + 1 + off;
  const top = r;
  const header = (r: number): number => {
  if (v.twoRowHeader) {
    // Row 1: groups; row 2: the column names. Columns without a group are merged over both rows.
    const group = (k: IndCol) => (k === 'l1' || k === 'l2' || k === 'name' ? '绩效指标' : k === 'target' || k === 'actual' ? '指标值及完成情况' : null);
    let c = 0;
    while (c < cols.length) {
      const g = group(cols[c]);
      let e = c;
      if (g) while (e + 1 < cols.length && group(cols[e + 1]) === g) e++;
      if (g && e > c) {
        s.put(r, c + 1 + off, r, e + 1 + off, g);
        for (let k = c; k <= e; k++) s.set(r + 1, k + 1 + off, IND_HEADER[cols[k]]);
      } else {
        s.put(r, c + 1 + off, r + 1, c + 1 + off, IND_HEADER[cols[c]]);
      }
      c = e + 1;
    }
    return 2;
  }
  cols.forEach((k) => s.set(r, col(k), IND_HEADER[k]));
  return 1;
  };
  const hdr = header(r);
  r += hdr;
  at.indHeader = addr(top, col('name'));
  const first = r;
  // The header again before indicator k, as a sheet printed over two pages repeats it.
  const rep = v.repeatHeaderAt;
  const rowOf = (i: number) => first + i + (rep !== undefined && i >= rep ? hdr : 0);
  if (rep !== undefined) {
    header(first + rep);
    at.repeatedHeader = addr(first + rep, col('name'));
  }
  const nm = (x: string) => (v.nameBreaks ? broken(x) : x);
  inds.forEach((ind, i) => {
    const rr = rowOf(i);
    for (const k of cols) {
      const c = col(k);
      if (k === 'l1' || k === 'l2') continue;
      const val: V =
        k === 'seq' ? i + 1
        : k === 'name' ? nm(ind.name)
        : k === 'target' ? ind.target
        : k === 'actual' ? ind.actual
        : k === 'points' ? pts(ind.points)
        : k === 'score' ? (v.formulas ? ({ formula: `${addr(rr, col('points'))}*1`, result: Number(ind.reportedScore) } as ExcelJS.CellFormulaValue) : pts(ind.reportedScore))
        : k === 'note' ? ind.deviationNote
        : (v.extra?.[k]?.(i) ?? null);
      const cell = s.set(rr, c, val);
      at[`${k}${i}`] = cell.address;
    }
  });
  const l1points = new Map<string, Dec>();
  for (const i of inds) l1points.set(i.level1, (l1points.get(i.level1) ?? new Dec(0)).plus(i.points));
  // 一级 / 二级 merged down their runs (a repeated header splits the runs, as a page break does).
  const parts: [number, number][] = rep === undefined ? [[0, inds.length]] : [[0, rep], [rep, inds.length]];
  for (const [from, to] of parts) {
    const slice = inds.slice(from, to);
    if (cols.includes('l1')) for (const [a, b, t] of runs(slice.map((i) => i.level1))) s.put(rowOf(from + a), col('l1'), rowOf(from + b), col('l1'), `${nm(t)}（${l1points.get(t)!.toString()}分）`);
    if (cols.includes('l2')) for (const [a, b, t] of runs(slice.map((i) => `${i.level1}\u0000${i.level2}`))) s.put(rowOf(from + a), col('l2'), rowOf(from + b), col('l2'), nm(t.split('\u0000')[1]));
  }
  r = rowOf(inds.length - 1) + 1;
  if (v.blockLabel) s.put(top, 1, r - 1, 1, '绩效指标');
  // Total: the label merged from the left edge to the column before 分值 (or 得分).
  const firstNum = Math.min(col('points'), col('score'));
  s.put(r, 1, r, Math.max(1, firstNum - 1), '总分');
  if (col('points') < col('score')) s.set(r, col('points'), 100);
  const tot = s.set(r, col('score'), Number(f.reportedTotal));
  at.total = tot.address;
  const gradeCol = Math.max(col('points'), col('score')) + 1;
  if (gradeCol <= cols.length + off) s.set(r, gradeCol, f.reportedGrade);
  r++;
  if (v.notes) {
    s.put(r, 1, r, width, '注：1.年初预算数为年初批复的预算数；2.全年执行数为截至12月31日的实际支出数。');
    at.note = addr(r, 1);
    r++;
    s.put(r, 1, r, width, '    2.得分保留两位小数。');
    at.note2 = addr(r, 1);
    r++;
  }
  if (v.footer) {
    s.put(r, 1, r, 3, '填表人：张明');
    s.put(r, 4, r, 6, '联系电话：0566-2021234');
    s.put(r, 7, r, width, '填报日期：2024年3月15日');
    at.footer = addr(r, 1);
    r++;
  }
  if (v.hideIndicator !== undefined) ws.getRow(rowOf(v.hideIndicator)).hidden = true;
  if (v.hideCol) ws.getColumn(col(v.hideCol)).hidden = true;
  return { next: r, at };
}

/** A workbook of one or more forms: [sheet name, form, variant] (forms on the same sheet follow each other). */
export async function variantWorkbook(parts: [string, Json, Variant][]): Promise<{ buf: Buffer; at: Record<string, string>[] }> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  const next = new Map<string, number>();
  const at: Record<string, string>[] = [];
  for (const [name, f, v] of parts) {
    const ws = wb.getWorksheet(name) ?? wb.addWorksheet(name);
    const top = next.has(name) ? next.get(name)! + 2 : (v.top ?? 1);
    const w = writeVariant(ws, f, { ...v, top });
    next.set(name, w.next);
    at.push(w.at);
  }
  return { buf: Buffer.from(await wb.xlsx.writeBuffer()), at };
}

/** The form in 元: every amount of the funds ×10000 and moneyUnit 元. */
export function inYuan(f: Json): Json {
  const g = structuredClone(f);
  g.moneyUnit = '元';
  for (const row of g.funds.rows as Json[]) {
    for (const k of ['declared', 'initial', 'adjustment', 'budget', 'executed', 'reportedBalance']) {
      if (row[k] !== undefined) row[k] = new Dec(row[k]).times(10000).toString();
    }
  }
  return g;
}
