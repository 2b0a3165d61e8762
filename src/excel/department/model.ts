/**
 * Excel out, 部门（单位）整体支出 layout: the scored department form as a sheet model (cells and
 * merges) that the project exporter's xlsx and HTML writers render. The layout is the one
 * read.ts reads: identity label → value pairs, the 资金类别 / 资金来源 / 资金方向 tables, the goals
 * and the indicators (each row with its 所属目标), 总分 / 等级 and the analysis. jixiao's figures
 * stand in 计算… columns beside the filer's, so importing the export gives back the filer's form.
 * Findings land on the cells their pointers name.
 */
import type { Finding } from '../../core/codes.js';
import { Dec, fmtPlain } from '../../core/decimal.js';
import type { Form, FundRow } from '../../core/model/form.js';
import type { ScoreResult } from '../../core/model/result.js';
import type { MoneyTable } from '../../core/department/result.js';
import { gradeMark, totalMark } from '../export/marks.js';
import type { CellKind, ModelCell, SheetModel } from '../export/model.js';
import { address } from '../import/grid.js';
import { attachCells } from '../import/index.js';
import { cellRef, type CellMap } from '../import/sheet.js';

const COLS = 10;
const WIDTHS = [8, 12, 12, 22, 14, 14, 10, 10, 24, 10];

class Sheet {
  cells: ModelCell[] = [];
  map: CellMap = {};
  r = 0;
  constructor(readonly name: string) {}

  put(c: number, value: string | number | null | undefined, kind: CellKind, pointers: string[] = [], cs = 1, suffix?: string): void {
    const cell: ModelCell = { r: this.r, c, rs: 1, cs, value: value === '' || value === undefined ? null : value, kind, findings: [] };
    if (suffix) cell.suffix = suffix;
    this.cells.push(cell);
    for (const p of pointers) this.map[p] ??= cellRef(this.name, address(this.r, c));
  }

  row(values: [string | number | null | undefined, CellKind, string[]?][]): void {
    values.forEach(([v, kind, pointers], c) => this.put(c, v, kind, pointers ?? []));
    this.r++;
  }
}

const d = (v: Dec | undefined): string | number | null => (v === undefined ? null : num(fmtPlain(v)));

/** A decimal string as an Excel number when the double holds it exactly, else as text. */
function num(v: string | null): string | number | null {
  if (v === null || v === '' || !/^-?\d{1,15}(\.\d+)?$/.test(v)) return v;
  const n = Number(v);
  return new Dec(String(n)).equals(new Dec(v)) ? n : v;
}

function identity(s: Sheet, form: Form, result: ScoreResult): void {
  const unit = result.department!.unitName;
  s.put(0, `${unit}部门（单位）整体支出绩效自评表`, 'title', [''], COLS);
  s.r++;
  s.put(0, `(${form.fiscalYear}年度)`, 'subtitle', ['/fiscalYear'], COLS);
  s.r++;
  const pairs: [string, string | undefined, string][][] = [
    [['部门（单位）名称', form.agencyName, '/agencyName'], ['单位代码', form.agencyCode, '/agencyCode'], ['财政区划代码', form.mofDivCode, '/mofDivCode']],
    [['主管部门', form.deptName, '/deptName'], ['主管部门代码', form.deptCode, '/deptCode'], ['金额单位', form.moneyUnit, '/moneyUnit']],
  ];
  if (result.department!.ratioMode || form.id) pairs.push([['权重比例模式', result.department!.ratioMode ? '是' : '否', '/ratioMode'], ['自评编号', form.id, '/id']]);
  for (const line of pairs) {
    line.forEach(([label, value, p], i) => {
      s.put(i * 3, label, 'label');
      s.put(i * 3 + 1, value ?? null, 'text', [p], 2);
    });
    s.r++;
  }
  s.r++;
}

function categories(s: Sheet, form: Form, result: ScoreResult): void {
  const rows = form.funds.rows;
  const has = (k: keyof FundRow) => rows.some((x) => x[k] !== undefined);
  const opt = (['adjustment', 'reportedBalance', 'reason', 'isTotal', 'foundTypeCode'] as const).filter(has);
  const words: Record<(typeof opt)[number], string> = { adjustment: '年度调整数', reportedBalance: '资金结（转）余', reason: '原因说明', isTotal: '是否总额行', foundTypeCode: '资金来源代码' };
  const heads = ['资金类别', '年初预算数', '全年预算数', '全年执行数', '执行率', '得分', '分值', '计算执行率', '计算得分', '计算资金结（转）余', ...opt.map((k) => words[k])];
  heads.forEach((h, c) => s.put(c, h, h.startsWith('计算') ? 'computed' : 'header', c === 0 ? ['/funds/rows', '/funds'] : c === 6 ? ['/funds/points'] : []));
  s.r++;
  rows.forEach((row, i) => {
    const p = (f: string) => `/funds/rows/${i}/${f}`;
    const res = result.funds.rows[i];
    s.put(0, row.name, 'label', [p('name'), `/funds/rows/${i}`]);
    s.put(1, d(row.initial), 'number', [p('initial')]);
    s.put(2, d(row.budget), 'number', [p('budget')]);
    s.put(3, d(row.executed), 'number', [p('executed')]);
    s.put(4, row.reportedRate !== undefined ? `${fmtPlain(row.reportedRate)}%` : null, 'reported', [p('reportedRate')]);
    s.put(5, d(row.reportedScore), 'reported', [p('reportedScore')]);
    s.put(6, i === 0 ? d(form.funds.points) : null, 'number');
    s.put(7, res?.rate ? `${res.rate}%` : null, 'computed');
    s.put(8, num(res?.score ?? null), 'computed');
    s.put(9, num(res?.balance ?? null), 'computed');
    opt.forEach((k, j) => {
      const v = row[k];
      s.put(10 + j, typeof v === 'boolean' ? (v ? '是' : '否') : typeof v === 'string' ? v : d(v as Dec | undefined), 'text', [p(k)]);
    });
    s.r++;
  });
  s.r++;
}

function table(s: Sheet, kind: 'sources' | 'directions', t: MoneyTable | null): void {
  if (!t) return;
  s.row([[kind === 'sources' ? '资金来源' : '资金方向', 'header', [`/funds/${kind}`]], ['全年预算数', 'header'], ['全年执行数', 'header']]);
  for (const row of t.rows) {
    s.row([[row.name, 'label', [`${row.pointer}/name`, row.pointer]], [num(row.budget), 'number', [`${row.pointer}/budget`]], [num(row.executed), 'number', [`${row.pointer}/executed`]]]);
  }
  s.r++;
}

function goals(s: Sheet, result: ScoreResult): void {
  s.put(0, '年度目标 / 重点工作任务', 'header', ['/goals'], COLS);
  s.r++;
  s.row([['序号', 'header'], ['类型', 'header'], ['名称', 'header'], ['目标内容', 'header'], ['实际完成情况', 'header'], ['权重比例', 'header'], ['计算得分', 'computed']]);
  for (const g of result.department!.goals) {
    const p = (f: string) => `${g.pointer}/${f}`;
    s.row([
      [g.index + 1, 'text', [g.pointer]], [g.type, 'text', [p('type')]], [g.name, 'text', [p('name')]], [g.target, 'text', [p('target')]],
      [g.completion, 'text', [p('completion')]], [num(g.ratio), 'number', [p('ratio')]], [num(g.score), 'computed'],
    ]);
  }
  s.r++;
}

function indicators(s: Sheet, form: Form, result: ScoreResult): void {
  s.put(0, '绩效指标', 'header', [], COLS);
  s.r++;
  const heads = ['所属目标', '一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '计算得分', '年初指标值', '指标性质', '度量单位'];
  heads.forEach((h, c) => s.put(c, h, h.startsWith('计算') ? 'computed' : 'header'));
  s.r++;
  for (const g of result.department!.goals) {
    for (const i of g.indicators) {
      const ind = form.indicators[i];
      const res = result.indicators[i];
      const p = (f: string) => `${res.pointer}/${f}`;
      s.row([
        [g.index + 1, 'text'], [ind.level1, 'text', [p('level1')]], [ind.level2, 'text', [p('level2')]], [ind.name, 'text', [p('name'), res.pointer]],
        [ind.target, 'text', [p('target')]], [ind.actual, 'text', [p('actual')]], [d(ind.points), 'number', [p('points')]],
        [d(ind.reportedScore), 'reported', [p('reportedScore')]], [ind.deviationNote, 'text', [p('deviationNote')]],
        [res.status === 'skipped' ? null : num(res.score), 'computed'], [ind.initialTarget, 'text', [p('initialTarget')]],
        [ind.operator, 'text', [p('operator')]], [ind.unit, 'text', [p('unit')]],
      ]);
    }
  }
  s.r++;
}

function closing(s: Sheet, form: Form, result: ScoreResult): void {
  s.put(0, '总分', 'label');
  s.put(1, d(form.reportedTotal), 'reported', ['/reportedTotal']);
  s.put(2, '等级', 'label');
  s.put(3, form.reportedGrade ?? null, 'reported', ['/reportedGrade']);
  s.put(4, '计算总分', 'computed');
  s.put(5, num(result.total), 'computed', [], 1, totalMark(result));
  s.put(6, '计算等级', 'computed');
  s.put(7, result.grade, 'computed', [], 1, gradeMark(result));
  s.r++;
  const a = result.department!.analysis;
  for (const [label, key, items] of [['发现的主要问题及原因', 'problems', a.problems], ['下一步改进措施', 'improvements', a.improvements], ['主要经验做法', 'experience', a.experience]] as const) {
    s.put(0, label, 'label', [], 2);
    s.put(2, items.join('\n') || null, 'text', [`/analysis/${key}`], COLS - 2);
    s.r++;
  }
  s.r++;
  s.put(0, `备注：“计算”列由 jixiao 按评分政策“${result.policy.name}”（${result.policy.id} ${result.policy.version}）计算；其余为原表数值；有批注和底色的单元格为检查发现的问题（红：错误，黄：警告，蓝：提示）。`, 'note', [], COLS);
  s.r++;
}

/** The department result as a sheet model; `form` is the department form seen as a project form (the outcome's `form`). */
export function buildDepartmentSheetModel(form: Form, result: ScoreResult, name = 'Sheet1'): SheetModel {
  const s = new Sheet(name);
  identity(s, form, result);
  categories(s, form, result);
  table(s, 'sources', result.department!.sources);
  table(s, 'directions', result.department!.directions);
  goals(s, result);
  indicators(s, form, result);
  closing(s, form, result);
  const located: Finding[] = attachCells(result.findings, s.map);
  const byAddr = new Map<string, ModelCell>();
  for (const c of s.cells) byAddr.set(cellRef(name, address(c.r, c.c)), c);
  for (const f of located) (f.cell ? byAddr.get(f.cell) ?? s.cells[0] : s.cells[0]).findings.push(f);
  const cols = Math.max(COLS, ...s.cells.map((c) => c.c + c.cs));
  return { name, cols, widths: Array.from({ length: cols }, (_, i) => WIDTHS[i] ?? 12), cells: s.cells, cellMap: s.map, findings: located };
}
