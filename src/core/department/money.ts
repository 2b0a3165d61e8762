/**
 * The department's money (scoring-rules.md §4 rule 63, §3.1 rule 42, §3.6 rule 54): the category
 * rows are the funds block of the project form and are scored by the same step (engine/funds.ts:
 * 执行率 = Σ执行数 / Σ全年预算数); the 资金来源 and 资金方向 tables are read by that step too and
 * must reconcile with the categories' figures, field by field (FUND_TABLES_MISMATCH, on the
 * table's total cell when it has one).
 */
import { ptr } from '../codes.js';
import { Dec, ZERO, fmt, sum } from '../decimal.js';
import { fundRowRole, scoreFunds, type FundsOutcome } from '../engine/funds.js';
import { pending, type Pending } from '../engine/pending.js';
import type { Form, FundRow } from '../model/form.js';
import type { Vocabulary } from '../parse/vocabulary.js';
import type { Policy } from '../policy/types.js';
import type { CategoryList, DepartmentData } from './data.js';
import type { DepartmentBlock, MoneyTable, Reconciliation } from './result.js';
import { tablePointer } from './view.js';

const TABLE_WORDS = { sources: '资金来源', directions: '资金方向' } as const;
const FIELD_WORDS = { budget: '全年预算数', executed: '全年执行数' } as const;
/** Of a table's own findings, those about the table itself (its rate and score are not scored). */
const TABLE_CODES = new Set(['FUNDS_SUM_MISMATCH', 'BALANCE_MISMATCH', 'BUDGET_FROM_PARTS']);

export interface Money {
  funds: FundsOutcome;
  findings: Pending[];
  categories: DepartmentBlock['categories'];
  sources: MoneyTable | null;
  directions: MoneyTable | null;
  reconciliation: Reconciliation[];
}

/** The categories: each source row's key in the list; a row not in it is named (info); Σ below the total row too. */
function categoryChecks(rows: FundRow[], list: CategoryList, data: DepartmentData, vocab: Vocabulary, out: Pending[]): DepartmentBlock['categories'] {
  const roles = rows.map((r) => fundRowRole(r, vocab));
  const cats = rows.map((r, index) => {
    if (roles[index] !== 'source') return { index, key: null, name: r.name };
    const c = data.category(list, r.name);
    if (!c) out.push(pending('DEPT_CATEGORY_UNKNOWN', ptr('funds', 'rows', index, 'name'), { row: r.name, list: list.name }));
    return { index, key: c?.key ?? null, name: c?.name ?? r.name };
  });
  const t = roles.indexOf('total');
  if (t >= 0) {
    // Rule 54: 资金总额 is the sum of the categories (engine/funds.ts names a sum above it).
    for (const field of ['budget', 'executed'] as const) {
      const total = rows[t][field];
      const parts = sum(rows.filter((_, i) => roles[i] === 'source').map((r) => r[field] ?? ZERO));
      if (total !== undefined && parts.lessThan(total)) {
        out.push(pending('FUNDS_SUM_MISMATCH', ptr('funds', 'rows', t, field), { field: FIELD_WORDS[field], sum: fmt(parts), total: fmt(total) }));
      }
    }
  }
  return cats;
}

function readTable(view: Form, table: 'sources' | 'directions', rows: FundRow[], policy: Policy, vocab: Vocabulary, out: Pending[]): MoneyTable {
  const scored = scoreFunds({ ...view, funds: { points: view.funds.points, rows } }, policy, vocab);
  for (const f of scored.findings) if (TABLE_CODES.has(f.code)) out.push({ ...f, pointer: tablePointer(f.pointer, table) });
  const r = scored.result();
  return {
    budget: r.budget,
    executed: r.executed,
    basis: r.basis,
    rows: r.rows.map((x) => ({ index: x.index, pointer: tablePointer(x.pointer, table), name: x.name, isTotal: x.isTotal, budget: x.budget, executed: x.executed })),
  };
}

function reconcile(table: 'sources' | 'directions', t: MoneyTable, funds: { budget: string; executed: string }, out: Pending[]): Reconciliation[] {
  const totalRow = t.basis === 'total_row' ? t.rows.find((r) => r.isTotal) : undefined;
  return (['budget', 'executed'] as const).map((field) => {
    const pointer = totalRow ? `${totalRow.pointer}/${field}` : ptr('funds', table);
    const equal = new Dec(t[field]).equals(new Dec(funds[field]));
    if (!equal) {
      out.push(pending('FUND_TABLES_MISMATCH', pointer, { table: TABLE_WORDS[table], field: FIELD_WORDS[field], sum: t[field], expected: funds[field] }));
    }
    return { table, field, pointer, sum: t[field], expected: funds[field], equal };
  });
}

export interface MoneyInput {
  view: Form;
  sources: FundRow[] | undefined;
  directions: FundRow[] | undefined;
  list: CategoryList;
}

export function scoreMoney(m: MoneyInput, policy: Policy, vocab: Vocabulary, data: DepartmentData): Money {
  const funds = scoreFunds(m.view, policy, vocab);
  const findings: Pending[] = [];
  const categories = categoryChecks(m.view.funds.rows, m.list, data, vocab, findings);
  const figures = funds.result();
  const tables: Record<'sources' | 'directions', MoneyTable | null> = { sources: null, directions: null };
  const reconciliation: Reconciliation[] = [];
  for (const table of ['sources', 'directions'] as const) {
    const rows = m[table];
    if (!rows || rows.length === 0) continue;
    const t = readTable(m.view, table, rows, policy, vocab, findings);
    tables[table] = t;
    reconciliation.push(...reconcile(table, t, figures, findings));
  }
  return { funds, findings, categories, sources: tables.sources, directions: tables.directions, reconciliation };
}
