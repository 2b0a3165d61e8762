/**
 * The scored form laid out as the official (Shanxi-style) 自评表, as a plain model of cells and
 * merges that both the xlsx and the HTML writers render. Computed values (得分, 执行率, 资金结(转)余,
 * 总分, 等级) stand in the official columns; the filer's own figures stay beside them in 填报
 * columns, so that importing the export gives back the filer's form. Each cell knows the JSON
 * pointers it shows, so findings land on cells. Pure.
 */
import { attachCells } from '../import/index.js';
import { cellRef, type CellMap } from '../import/sheet.js';
import { address } from '../import/grid.js';
import { Dec, fmtPlain } from '../../core/decimal.js';
import type { Finding } from '../../core/codes.js';
import type { Form } from '../../core/model/form.js';
import type { ScoreResult } from '../../core/model/result.js';
import { gradeMark, totalLines, totalMark } from './marks.js';

export type CellKind = 'title' | 'subtitle' | 'header' | 'label' | 'text' | 'number' | 'computed' | 'reported' | 'note';

export interface ModelCell {
  r: number;
  c: number;
  /** Rows and columns spanned (1 = no merge). */
  rs: number;
  cs: number;
  value: string | number | null;
  kind: CellKind;
  numFmt?: string;
  /** Shown right after the value, not part of it: the provisional mark "（暂定）" of the total and grade. */
  suffix?: string;
  findings: Finding[];
}

export interface SheetModel {
  name: string;
  cols: number;
  widths: number[];
  cells: ModelCell[];
  /** JSON pointer → "Sheet!H14". */
  cellMap: CellMap;
  findings: Finding[];
}

const WIDTHS = [8, 10, 12, 22, 12, 12, 12, 8, 8, 20, 12, 12, 12];

function dec(v: Dec | undefined): string | null {
  return v === undefined ? null : fmtPlain(v);
}

/** Numbers go to Excel as numbers when they are exact in a double, else as text. */
function num(v: string | null): string | number | null {
  if (v === null || v === '') return null;
  if (!/^-?\d{1,15}(\.\d+)?$/.test(v)) return v;
  const n = Number(v);
  // Exact when the decimal survives the double (to 15 significant digits, what Excel keeps).
  return new Dec(String(n)).equals(new Dec(v)) ? n : v;
}

function codeName(code: string | undefined, name: string | undefined): string | null {
  if (code && name) return `${code}-${name}`;
  return code ?? name ?? null;
}

class Builder {
  cells: ModelCell[] = [];
  map: CellMap = {};
  constructor(readonly name: string) {}

  put(r: number, c: number, value: string | number | null, kind: CellKind, opts: { rs?: number; cs?: number; pointers?: string[]; numFmt?: string; suffix?: string } = {}): void {
    this.cells.push({ r, c, rs: opts.rs ?? 1, cs: opts.cs ?? 1, value: value === '' ? null : value, kind, numFmt: opts.numFmt, findings: [] });
    if (opts.suffix) this.cells[this.cells.length - 1].suffix = opts.suffix;
    for (const p of opts.pointers ?? []) this.map[p] ??= cellRef(this.name, address(r, c));
  }
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ and not blank. */
export function sheetName(want: string, taken: Set<string>): string {
  let base = want.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  base = base.slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

export function buildSheetModel(form: Form, result: ScoreResult, name = 'Sheet1'): SheetModel {
  const b = new Builder(name);
  const unit = form.moneyUnit ?? '万元';
  let r = 0;
  const all = 10;
  b.put(r, 0, `${form.proName}项目支出绩效自评表`, 'title', { cs: all, pointers: [''] });
  r++;
  b.put(r, 0, `(${form.fiscalYear}年度)`, 'subtitle', { cs: all, pointers: ['/fiscalYear'] });
  r++;
  b.put(r, 0, '项目名称', 'label', { cs: 3 });
  b.put(r, 3, form.proName, 'text', { cs: 7, pointers: ['/proName'] });
  r++;
  b.put(r, 0, '主管部门及代码', 'label', { cs: 3 });
  b.put(r, 3, codeName(form.deptCode, form.deptName), 'text', { cs: 4, pointers: ['/deptCode', '/deptName'] });
  b.put(r, 7, '预算单位', 'label');
  b.put(r, 8, codeName(form.agencyCode, form.agencyName), 'text', { cs: 2, pointers: ['/agencyCode', '/agencyName'] });
  r++;
  if (form.mofDivCode || form.proCode || form.id) {
    b.put(r, 0, '财政区划代码', 'label', { cs: 3 });
    b.put(r, 3, form.mofDivCode ?? null, 'text', { cs: 2, pointers: ['/mofDivCode'] });
    b.put(r, 5, '项目代码', 'label');
    b.put(r, 6, form.proCode ?? null, 'text', { cs: 2, pointers: ['/proCode'] });
    b.put(r, 8, '自评编号', 'label');
    b.put(r, 9, form.id ?? null, 'text', { pointers: ['/id'] });
    r++;
  }

  // ---- money block -----------------------------------------------------------------------
  const rows = form.funds.rows;
  const fr = result.funds.rows;
  const hasAdj = rows.some((x) => x.adjustment !== undefined);
  const hasReason = rows.some((x) => x.reason !== undefined);
  const hasPoints = form.funds.points !== undefined;
  // Carried for the round trip (export → import gives the same form): codes and explicit total marks.
  const hasFoundType = rows.some((x) => x.foundTypeCode !== undefined);
  const hasIsTotal = rows.some((x) => x.isTotal !== undefined);
  b.put(r, 0, `项目资金预算安排及执行进度(${unit})`, 'header', { cs: 3, rs: 2, pointers: ['/funds'] });
  b.put(r, 3, '年初预算数', 'header', { cs: 2 });
  b.put(r + 1, 3, '目标申报数', 'header');
  b.put(r + 1, 4, '预算编制数', 'header');
  const heads = ['全年预算数', '全年执行数', '资金结(转)余', '执行率', '得分', '填报资金结(转)余', '填报执行率', '填报得分'];
  heads.forEach((h, i) => b.put(r, 5 + i, h, i >= 2 && i <= 4 ? 'computed' : 'header', { rs: 2 }));
  let extra = 13;
  const adjCol = hasAdj ? extra++ : -1;
  const ptsCol = hasPoints ? extra++ : -1;
  const reasonCol = hasReason ? extra++ : -1;
  const foundTypeCol = hasFoundType ? extra++ : -1;
  const isTotalCol = hasIsTotal ? extra++ : -1;
  if (adjCol >= 0) b.put(r, adjCol, '年度调整数', 'header', { rs: 2 });
  if (ptsCol >= 0) b.put(r, ptsCol, '分值', 'header', { rs: 2, pointers: ['/funds/points'] });
  if (reasonCol >= 0) b.put(r, reasonCol, '原因说明', 'header', { rs: 2 });
  if (foundTypeCol >= 0) b.put(r, foundTypeCol, '资金来源代码', 'header', { rs: 2 });
  if (isTotalCol >= 0) b.put(r, isTotalCol, '是否总额行', 'header', { rs: 2 });
  r += 2;
  rows.forEach((row, i) => {
    const p = (f: string) => `/funds/rows/${i}/${f}`;
    const res = fr.find((x) => x.index === i);
    b.put(r, 0, row.name, 'label', { cs: 3, pointers: [p('name'), `/funds/rows/${i}`] });
    b.put(r, 3, num(dec(row.declared)), 'number', { pointers: [p('declared')] });
    b.put(r, 4, num(dec(row.initial)), 'number', { pointers: [p('initial')] });
    b.put(r, 5, num(dec(row.budget)), 'number', { pointers: [p('budget')] });
    b.put(r, 6, num(dec(row.executed)), 'number', { pointers: [p('executed')] });
    b.put(r, 7, num(res?.balance ?? null), 'computed', { numFmt: '0.00' });
    b.put(r, 8, res?.rate ? `${res.rate}%` : null, 'computed');
    b.put(r, 9, num(res?.score ?? null), 'computed', { numFmt: '0.00' });
    b.put(r, 10, num(dec(row.reportedBalance)), 'reported', { pointers: [p('reportedBalance')] });
    b.put(r, 11, row.reportedRate !== undefined ? `${fmtPlain(row.reportedRate)}%` : null, 'reported', { pointers: [p('reportedRate')] });
    b.put(r, 12, num(dec(row.reportedScore)), 'reported', { pointers: [p('reportedScore')] });
    if (adjCol >= 0) b.put(r, adjCol, num(dec(row.adjustment)), 'number', { pointers: [p('adjustment')] });
    if (ptsCol >= 0) b.put(r, ptsCol, i === 0 ? num(dec(form.funds.points)) : null, 'number');
    if (reasonCol >= 0) b.put(r, reasonCol, row.reason ?? null, 'text', { pointers: [p('reason')] });
    if (foundTypeCol >= 0) b.put(r, foundTypeCol, row.foundTypeCode ?? null, 'text', { pointers: [p('foundTypeCode')] });
    if (isTotalCol >= 0) b.put(r, isTotalCol, row.isTotal === undefined ? null : row.isTotal ? '是' : '否', 'text', { pointers: [p('isTotal')] });
    r++;
  });

  // ---- goals ------------------------------------------------------------------------------
  const goals = form.goals ?? [];
  b.put(r, 0, '项目年度绩效目标', 'header', { rs: goals.length + 1 });
  b.put(r, 1, '年度目标', 'header', { cs: 5 });
  b.put(r, 6, '实际完成情况', 'header', { cs: 4 });
  r++;
  goals.forEach((g, i) => {
    b.put(r, 1, g.target ?? null, 'text', { cs: 5, pointers: [`/goals/${i}/target`, `/goals/${i}`] });
    b.put(r, 6, g.completion ?? null, 'text', { cs: 4, pointers: [`/goals/${i}/completion`] });
    r++;
  });

  // ---- indicators ---------------------------------------------------------------------------
  const inds = form.indicators;
  const opt = {
    operator: inds.some((x) => x.operator !== undefined),
    unit: inds.some((x) => x.unit !== undefined),
    manualScore: inds.some((x) => x.manualScore !== undefined),
    deduction: inds.some((x) => x.deduction !== undefined),
    deductionReason: inds.some((x) => x.deductionReason !== undefined),
    evalStd: inds.some((x) => x.evalStd !== undefined),
    id: inds.some((x) => x.id !== undefined),
    level1Code: inds.some((x) => x.level1Code !== undefined),
    level2Code: inds.some((x) => x.level2Code !== undefined),
    code: inds.some((x) => x.code !== undefined),
    isDefaultCostRow: inds.some((x) => x.isDefaultCostRow !== undefined),
  };
  const optLabels: [keyof typeof opt, string][] = [
    ['operator', '指标性质'],
    ['unit', '度量单位'],
    ['manualScore', '人工评分'],
    ['deduction', '扣减分数'],
    ['deductionReason', '扣减理由'],
    ['evalStd', '评(扣)分标准'],
    ['id', '指标主键'],
    ['level1Code', '一级指标代码'],
    ['level2Code', '二级指标代码'],
    ['code', '三级指标代码'],
    ['isDefaultCostRow', '默认成本指标'],
  ];
  const optCols = new Map<string, number>();
  let oc = 11;
  for (const [k] of optLabels) if (opt[k]) optCols.set(k, oc++);
  const top = r;
  b.put(r, 0, '绩效指标', 'header', { rs: inds.length + 1 });
  ['一级指标', '二级指标', '三级指标', '年初指标值', '调整后指标值', '实际完成值', '分值'].forEach((h, i) =>
    b.put(r, 1 + i, h, 'header', { pointers: i === 6 ? ['/indicators'] : [] }),
  );
  b.put(r, 8, '得分', 'computed');
  b.put(r, 9, '偏差原因分析及改进措施', 'header');
  b.put(r, 10, '填报得分', 'header');
  for (const [k, label] of optLabels) if (optCols.has(k)) b.put(r, optCols.get(k)!, label, 'header');
  r++;
  const first = r;
  // 一级 / 二级 merged down over runs of equal names, as the official table shows them.
  const runs = (key: (i: number) => string, col: number, text: (i: number) => string, field: string) => {
    let start = 0;
    for (let i = 1; i <= inds.length; i++) {
      if (i === inds.length || key(i) !== key(start)) {
        const pointers: string[] = [];
        for (let j = start; j < i; j++) pointers.push(`/indicators/${j}/${field}`);
        b.put(first + start, col, text(start), 'text', { rs: i - start, pointers });
        start = i;
      }
    }
  };
  runs((i) => inds[i].level1 ?? '', 1, (i) => inds[i].level1 ?? '', 'level1');
  runs((i) => `${inds[i].level1 ?? ''}\u0000${inds[i].level2 ?? ''}`, 2, (i) => inds[i].level2 ?? '', 'level2');
  inds.forEach((ind, i) => {
    const p = (f: string) => `/indicators/${i}/${f}`;
    const res = result.indicators.find((x) => x.index === i);
    const rr = first + i;
    b.put(rr, 3, ind.name ?? null, 'text', { pointers: [p('name')] });
    b.put(rr, 4, ind.initialTarget ?? null, 'text', { pointers: [p('initialTarget')] });
    b.put(rr, 5, ind.target ?? null, 'text', { pointers: [p('target')] });
    b.put(rr, 6, ind.actual ?? null, 'text', { pointers: [p('actual')] });
    b.put(rr, 7, num(ind.points === undefined ? null : fmtPlain(ind.points)), 'number', { pointers: [p('points')] });
    b.put(rr, 8, res && res.status !== 'skipped' ? num(res.score) : null, 'computed', { pointers: [`/indicators/${i}`], numFmt: '0.00' });
    b.put(rr, 9, ind.deviationNote ?? null, 'text', { pointers: [p('deviationNote')] });
    b.put(rr, 10, num(dec(ind.reportedScore)), 'reported', { pointers: [p('reportedScore')] });
    if (optCols.has('operator')) b.put(rr, optCols.get('operator')!, ind.operator ?? null, 'text', { pointers: [p('operator')] });
    if (optCols.has('unit')) b.put(rr, optCols.get('unit')!, ind.unit ?? null, 'text', { pointers: [p('unit')] });
    if (optCols.has('manualScore')) b.put(rr, optCols.get('manualScore')!, num(dec(ind.manualScore)), 'number', { pointers: [p('manualScore')] });
    if (optCols.has('deduction')) b.put(rr, optCols.get('deduction')!, num(dec(ind.deduction)), 'number', { pointers: [p('deduction')] });
    if (optCols.has('deductionReason')) b.put(rr, optCols.get('deductionReason')!, ind.deductionReason ?? null, 'text', { pointers: [p('deductionReason')] });
    if (optCols.has('evalStd')) b.put(rr, optCols.get('evalStd')!, ind.evalStd ?? null, 'text', { pointers: [p('evalStd')] });
    for (const k of ['id', 'level1Code', 'level2Code', 'code'] as const) {
      if (optCols.has(k)) b.put(rr, optCols.get(k)!, ind[k] ?? null, 'text', { pointers: [p(k)] });
    }
    const cost = ind.isDefaultCostRow;
    if (optCols.has('isDefaultCostRow')) b.put(rr, optCols.get('isDefaultCostRow')!, cost === undefined ? null : cost ? '是' : '否', 'text', { pointers: [p('isDefaultCostRow')] });
  });
  r = first + inds.length;
  void top;

  // ---- total ------------------------------------------------------------------------------
  b.put(r, 0, '总分', 'header', { cs: 7 });
  b.put(r, 7, num(result.total), 'computed', { numFmt: '0.00', suffix: totalMark(result) });
  b.put(r, 8, result.grade, 'computed', { suffix: gradeMark(result) });
  b.put(r, 9, null, 'text');
  const reported = [form.reportedTotal !== undefined ? fmtPlain(form.reportedTotal) : '', form.reportedGrade ?? ''].filter((x) => x !== '').join(' ');
  b.put(r, 10, reported || null, 'reported', { pointers: ['/reportedTotal', '/reportedGrade'] });
  r++;
  // Why provisional, how the total and the grade came about. Each line ends with 。 so that the
  // import, which reads the analysis from the rows after the total, never takes one for a label.
  const lines = totalLines(result);
  if (lines.length) {
    b.put(r, 0, '总分说明', 'label', { cs: 7 });
    b.put(r, 7, lines.map((l) => l + '。').join('\n'), 'text', { cs: 4 });
    r++;
  }

  // ---- analysis ---------------------------------------------------------------------------
  const a = form.analysis ?? {};
  const aStart = r;
  b.put(r, 1, '自评结果分析', 'header', { rs: 4 });
  for (const [label, key] of [
    ['项目实施和预算执行情况', 'implementation'],
    ['产出情况', 'outputs'],
    ['效益情况', 'benefits'],
    ['满意度情况', 'satisfaction'],
  ] as const) {
    b.put(r, 2, label, 'label', { cs: 2 });
    b.put(r, 4, a[key] ?? null, 'text', { cs: 6, pointers: [`/analysis/${key}`] });
    r++;
  }
  b.put(r, 1, '主要经验做法', 'label', { cs: 3 });
  b.put(r, 4, a.experience ?? null, 'text', { cs: 6, pointers: ['/analysis/experience'] });
  r++;
  b.put(r, 1, '项目管理中存在的主要问题及原因分析', 'label', { cs: 3 });
  b.put(r, 4, a.problems ?? null, 'text', { cs: 6, pointers: ['/analysis/problems'] });
  r++;
  b.put(aStart, 0, '项目绩效分析', 'header', { rs: r - aStart });
  b.put(r, 0, '下一步改进措施及管理建议', 'label', { cs: 4 });
  b.put(r, 4, a.improvements ?? null, 'text', { cs: 6, pointers: ['/analysis/improvements'] });
  r += 2;
  b.put(
    r,
    0,
    `备注：得分、执行率、资金结(转)余、总分和等级由 jixiao 按评分政策“${result.policy.name}”（${result.policy.id} ${result.policy.version}）计算；“填报”列为原表数值；有批注和底色的单元格为检查发现的问题（红：错误，黄：警告，蓝：提示）。`,
    'note',
    { cs: all },
  );

  // ---- findings onto cells ------------------------------------------------------------------
  const located = attachCells(result.findings, b.map);
  const byAddr = new Map<string, ModelCell>();
  for (const c of b.cells) byAddr.set(cellRef(name, address(c.r, c.c)), c);
  for (const f of located) {
    const cell = f.cell ? byAddr.get(f.cell) : undefined;
    (cell ?? b.cells[0]).findings.push(f);
  }
  const cols = Math.max(all, ...b.cells.map((c) => c.c + c.cs));
  const widths = Array.from({ length: cols }, (_, i) => WIDTHS[i] ?? 12);
  return { name, cols, widths, cells: b.cells, cellMap: b.map, findings: located };
}
