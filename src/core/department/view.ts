/**
 * A department form seen through the project form's shape, so that the steps written for
 * projects (the funds block, the indicator pipeline) and the shells that read `Form` (store, export,
 * narrative) work on it unchanged: its categories are the fund rows, its goals' indicators one
 * flat list in goal order. Pointers of that flat list are mapped back to the goals
 * (`/indicators/5` → `/goals/1/indicators/2`).
 */
import type { Form } from '../model/form.js';
import type { DepartmentForm } from './form.js';
import { unitName } from './form.js';

/** The project name a department form is stored and listed under: "<单位>部门（单位）整体支出". */
export const DEPARTMENT_SUFFIX = '部门（单位）整体支出';

/** Where each row of the flat list sits: its goal and its place in the goal. */
export interface Slot {
  goal: number;
  row: number;
}

export function slotsOf(form: DepartmentForm): Slot[] {
  const out: Slot[] = [];
  form.goals.forEach((g, goal) => g.indicators.forEach((_, row) => out.push({ goal, row })));
  return out;
}

function joined(v: string | (string | undefined)[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  const items = v.filter((s): s is string => !!s);
  return items.length ? items.join('；') : undefined;
}

/** The department form as a project form (pointers of its indicators: see `mapPointer`). */
export function projectView(form: DepartmentForm): Form {
  const a = form.analysis;
  const view: Form = {
    kind: 'project',
    id: form.id,
    fiscalYear: form.fiscalYear,
    mofDivCode: form.mofDivCode,
    deptCode: form.deptCode,
    deptName: form.deptName,
    agencyCode: form.agencyCode,
    agencyName: form.agencyName,
    proName: unitName(form) + DEPARTMENT_SUFFIX,
    moneyUnit: form.moneyUnit,
    funds: { points: form.funds.points, rows: form.funds.rows },
    goals: form.goals.map((g) => ({ target: g.target ?? g.name, completion: g.completion })),
    indicators: form.goals.flatMap((g) => g.indicators),
    reportedTotal: form.reportedTotal,
    reportedGrade: form.reportedGrade,
    analysis: a ? { experience: joined(a.experience), problems: joined(a.problems), improvements: joined(a.improvements) } : undefined,
  };
  return view;
}

/** A pointer of the flat list (`/indicators/i…`) as a pointer into the department form. */
export function mapPointer(pointer: string, slots: readonly Slot[]): string {
  const m = /^\/indicators\/(\d+)(\/.*)?$/.exec(pointer);
  if (!m) return pointer;
  const s = slots[Number(m[1])];
  return s ? `/goals/${s.goal}/indicators/${s.row}${m[2] ?? ''}` : pointer;
}

/** A pointer of the funds block of a table scored as if it were `funds.rows`: `/funds/rows/i` → `/funds/<table>/i`. */
export function tablePointer(pointer: string, table: 'sources' | 'directions'): string {
  return pointer.replace(/^\/funds\/rows(?=\/|$)/, `/funds/${table}`);
}
