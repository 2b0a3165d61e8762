/**
 * Excel in, 部门（单位）整体支出 layout: a sheet whose title says 整体支出绩效自评表
 * (indicators/department.json `labels.title`) is read as a department form. Its tables are found
 * by their header cells and their columns by name (department.json `columns`), so the filer's
 * workbook and jixiao's own export (which adds 计算… columns, never read back) both import:
 *
 *   部门（单位）名称 | … | 单位代码 | …          label → value pairs (identity, 总分, 等级)
 *   资金类别 | 全年预算数 | 全年执行数 | …        funds.rows       (also 资金来源 → sources, 资金方向 → directions)
 *   年度目标 / 重点工作任务                       then its header: 序号 | 类型 | 名称 | 目标内容 | 实际完成情况 | 权重比例
 *   绩效指标                                      then its header: 所属目标 | 一级指标 | … | 偏差原因分析及改进措施
 *   发现的主要问题及原因 | 一行一条               analysis (also 下一步改进措施, 主要经验做法)
 *
 * Every value read is mapped to its cell; a value in no known column is IMPORT_CELL_UNREADABLE and
 * a row that fits no table IMPORT_ROW_SKIPPED: nothing the filer wrote is dropped silently.
 */
import { finding, type Finding, type Lang } from '../../core/codes.js';
import type { DepartmentData } from '../../core/department/data.js';
import { loadDepartmentData } from '../../data/vocabulary.js';
import type { Grid, GridCell } from '../import/grid.js';
import { cellRef, type CellMap } from '../import/sheet.js';

type Json = Record<string, unknown>;
type Table = 'rows' | 'sources' | 'directions' | 'goals' | 'indicators';

interface State {
  grid: Grid;
  data: DepartmentData;
  lang: Lang;
  form: Json;
  funds: Record<'rows' | 'sources' | 'directions', Json[]>;
  goals: Json[];
  analysis: Record<string, string[]>;
  cells: CellMap;
  findings: Finding[];
  /** The table being read and its columns (column index → field), or the header it waits for. */
  table: { kind: Table; cols: Map<number, string> } | { expect: 'goals' | 'indicators' } | null;
  lastGoal: number;
}

export interface DepartmentSheetRead {
  sheet: string;
  layout: 'department';
  form: Json;
  cells: CellMap;
  findings: Finding[];
}

/** The non-empty cells of a row that are not covered by a merge. */
function masters(row: GridCell[]): { cell: GridCell; col: number }[] {
  const out: { cell: GridCell; col: number }[] = [];
  row.forEach((cell, col) => {
    if (cell.master === cell.address && cell.text.trim() !== '') out.push({ cell, col });
  });
  return out;
}

/** Whether the sheet's title (in its first rows) names the department form. */
export function isDepartmentSheet(grid: Grid, data: DepartmentData = loadDepartmentData()): boolean {
  for (let r = 0; r < Math.min(6, grid.rows); r++) {
    if (masters(grid.cells[r]).some((m) => data.label('title', m.cell.text))) return true;
  }
  return false;
}

function put(s: State, pointer: string, cell: GridCell): void {
  s.cells[pointer] ??= cellRef(s.grid.sheet, cell.address);
}

const FUND_TABLE_LABEL = { rows: 'categoryTable', sources: 'sourceTable', directions: 'directionTable' } as const;

/** A money table's header row: its first cell names the table. */
function fundHeader(s: State, m: { cell: GridCell; col: number }[]): boolean {
  if (m.length < 3) return false;
  const kind = (['sources', 'directions', 'rows'] as const).find((k) => s.data.label(FUND_TABLE_LABEL[k], m[0].cell.text));
  if (!kind) return false;
  s.table = { kind, cols: columnsOf(s, m.slice(1), 'funds') };
  s.table.cols.set(m[0].col, 'name');
  // A finding on the table as a whole (FUND_TABLES_MISMATCH without a 合计 row) lands on its header.
  put(s, kind === 'rows' ? '/funds' : `/funds/${kind}`, m[0].cell);
  return true;
}

function columnsOf(s: State, m: { cell: GridCell; col: number }[], table: 'funds' | 'goals' | 'indicators'): Map<number, string> {
  const cols = new Map<number, string>();
  for (const { cell, col } of m) {
    const field = s.data.column(table, cell.text);
    if (field) cols.set(col, field);
    else if (!/^序号$/.test(cell.text.trim())) s.findings.push(finding('IMPORT_CELL_UNREADABLE', '', { cell: cellRef(s.grid.sheet, cell.address), value: cell.text.trim().slice(0, 40) }, s.lang));
  }
  return cols;
}

/** The values of a data row by field, with their cells; cells in no known column are named. */
function rowValues(s: State, row: GridCell[], cols: Map<number, string>): Map<string, GridCell> {
  const out = new Map<string, GridCell>();
  for (const { cell, col } of masters(row)) {
    const field = cols.get(col);
    if (field === 'computed') continue;
    if (field) out.set(field, cell);
    else s.findings.push(finding('IMPORT_CELL_UNREADABLE', '', { cell: cellRef(s.grid.sheet, cell.address), value: cell.text.trim().slice(0, 40) }, s.lang));
  }
  return out;
}

function flag(s: State, text: string): boolean | string {
  if (/^(是|true|y|√)$/i.test(text.trim())) return true;
  if (/^(否|false|n|×)$/i.test(text.trim())) return false;
  return text;
}

function readFundRow(s: State, kind: 'rows' | 'sources' | 'directions', v: Map<string, GridCell>): void {
  const i = s.funds[kind].length;
  const row: Json = {};
  for (const [field, cell] of v) {
    if (field === 'points') {
      s.form.funds = { ...(s.form.funds as Json), points: cell.text.trim() };
      put(s, '/funds/points', cell);
      continue;
    }
    row[field] = field === 'isTotal' ? flag(s, cell.text) : cell.text.trim();
    put(s, `/funds/${kind}/${i}/${field}`, cell);
    if (field === 'name') put(s, `/funds/${kind}/${i}`, cell);
  }
  s.funds[kind].push(row);
}

function readGoalRow(s: State, v: Map<string, GridCell>): void {
  const i = s.goals.length;
  const goal: Json = {};
  for (const [field, cell] of v) {
    if (field === 'index') continue;
    const t = cell.text.trim();
    goal[field] = field === 'type' ? (s.data.label('taskWords', t) ? '重点工作任务' : '年度目标') : t;
    put(s, `/goals/${i}/${field}`, cell);
  }
  put(s, `/goals/${i}`, [...v.values()][0]);
  goal.indicators = [];
  s.goals.push(goal);
}

/** The goal an indicator row belongs to: its 序号 (1-based), its name, else the previous row's. */
function goalOf(s: State, ref: GridCell | undefined): number {
  const t = ref?.text.trim() ?? '';
  if (t === '') return Math.max(0, s.lastGoal);
  const n = /^\d+$/.test(t) ? Number(t) - 1 : s.goals.findIndex((g) => g.name === t || g.target === t);
  if (n >= 0 && n < s.goals.length) return n;
  s.goals.push({ name: t, indicators: [] });
  return s.goals.length - 1;
}

function readIndicatorRow(s: State, v: Map<string, GridCell>): void {
  const ref = v.get('goal');
  if (s.goals.length === 0 && !ref) s.goals.push({ indicators: [] });
  const g = goalOf(s, ref);
  s.lastGoal = g;
  const list = s.goals[g].indicators as Json[];
  const j = list.length;
  const ind: Json = {};
  for (const [field, cell] of v) {
    if (field === 'goal') continue;
    ind[field] = cell.text.trim();
    put(s, `/goals/${g}/indicators/${j}/${field}`, cell);
  }
  put(s, `/goals/${g}/indicators/${j}`, v.get('name') ?? [...v.values()][0]);
  list.push(ind);
}

function readDataRow(s: State, row: GridCell[], kind: Table, cols: Map<number, string>): void {
  const v = rowValues(s, row, cols);
  if (v.size === 0) return;
  if (kind === 'goals') readGoalRow(s, v);
  else if (kind === 'indicators') readIndicatorRow(s, v);
  else readFundRow(s, kind, v);
}

const ANALYSIS = ['problems', 'improvements', 'experience'] as const;

/** Label → value pairs (identity, 总分, 等级) and the analysis rows; false when the row is neither. */
function readLabels(s: State, m: { cell: GridCell; col: number }[]): boolean {
  const a = ANALYSIS.find((k) => s.data.label(k, m[0].cell.text));
  if (a) {
    const value = m[1]?.cell;
    if (value) {
      s.analysis[a] = value.text.split(/\r?\n/).map((t) => t.trim()).filter((t) => t !== '');
      put(s, `/analysis/${a}`, value);
    }
    return true;
  }
  let found = false;
  for (let i = 0; i < m.length; i++) {
    const field = s.data.column('identity', m[i].cell.text);
    if (!field || field === 'computed') continue;
    found = true;
    const value = m[i + 1];
    if (!value || s.data.column('identity', value.cell.text)) continue;
    s.form[field] = field === 'ratioMode' ? flag(s, value.cell.text) : value.cell.text.trim();
    put(s, `/${field}`, value.cell);
    i++;
  }
  return found;
}

function readRow(s: State, r: number): void {
  const m = masters(s.grid.cells[r]);
  if (m.length === 0) {
    s.table = null;
    return;
  }
  const first = m[0].cell.text;
  if ((r < 6 && s.data.label('title', first)) || s.data.label('remark', first)) return;
  if (m.length === 1 && /^[(（]\s*\d{4}\s*年度?\s*[)）]$/.test(first.trim())) {
    s.form.fiscalYear ??= first.replace(/\D/g, '');
    put(s, '/fiscalYear', m[0].cell);
    return;
  }
  if (m.length === 1 && (s.data.label('goalTable', first) || s.data.label('indicatorTable', first))) {
    s.table = { expect: s.data.label('indicatorTable', first) ? 'indicators' : 'goals' };
    if (s.table.expect === 'goals') put(s, '/goals', m[0].cell);
    return;
  }
  if (s.table && 'expect' in s.table) {
    s.table = { kind: s.table.expect, cols: columnsOf(s, m, s.table.expect) };
    return;
  }
  if (fundHeader(s, m)) return;
  if (readLabels(s, m)) {
    s.table = null;
    return;
  }
  if (s.table) return readDataRow(s, s.grid.cells[r], s.table.kind, s.table.cols);
  s.findings.push(finding('IMPORT_ROW_SKIPPED', '', { cell: cellRef(s.grid.sheet, m[0].cell.address), text: first.trim().slice(0, 40), reason: '不属于任何表格' }, s.lang));
}

export interface DepartmentSheetOptions {
  lang?: Lang;
  mofDivCode?: string;
}

/** The department form of a sheet, or null when the sheet is not one. */
export function readDepartmentSheet(grid: Grid, opts: DepartmentSheetOptions = {}, data: DepartmentData = loadDepartmentData()): DepartmentSheetRead | null {
  if (!isDepartmentSheet(grid, data)) return null;
  const s: State = {
    grid, data, lang: opts.lang ?? 'zh', form: { kind: 'department' }, funds: { rows: [], sources: [], directions: [] }, goals: [], analysis: {},
    cells: { '': cellRef(grid.sheet, 'A1') }, findings: [], table: null, lastGoal: -1,
  };
  for (let r = 0; r < grid.rows; r++) readRow(s, r);
  if (opts.mofDivCode && !s.form.mofDivCode) s.form.mofDivCode = opts.mofDivCode;
  const funds: Json = { ...(s.form.funds as Json | undefined), rows: s.funds.rows };
  if (s.funds.sources.length) funds.sources = s.funds.sources;
  if (s.funds.directions.length) funds.directions = s.funds.directions;
  const form: Json = { ...s.form, funds, goals: s.goals };
  if (Object.keys(s.analysis).length) form.analysis = s.analysis;
  if (s.goals.length === 0) s.findings.push(finding('IMPORT_HEADER_MISSING', '', { sheet: grid.sheet, header: '年度目标 / 重点工作任务' }, s.lang));
  return { sheet: grid.sheet, layout: 'department', form: order(form), cells: s.cells, findings: s.findings };
}

const ORDER = ['kind', 'id', 'fiscalYear', 'mofDivCode', 'deptCode', 'deptName', 'agencyCode', 'agencyName', 'moneyUnit', 'funds', 'ratioMode', 'goals', 'reportedTotal', 'reportedGrade', 'analysis'];

function order(o: Json): Json {
  const out: Json = {};
  for (const k of ORDER) if (o[k] !== undefined) out[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in out)) out[k] = o[k];
  return out;
}
