/**
 * Validation of a department form: the same codes, messages and pointers as a project form's
 * (model/validate.ts maps zod's issues; fields.ts checks money units; rows.ts the names and points
 * of every scored row), applied to the department's tables and goals. Unknown fields are stripped
 * and each is an UNKNOWN_FIELD warning, as for projects. Never throws.
 */
import { finding, type Finding, type Lang } from '../codes.js';
import { moneyUnitProblems } from '../model/fields.js';
import { requiredInRows } from '../model/rows.js';
import { knownOf, unknownFieldFindings, UNKNOWN_FIELDS_LISTED, type Known } from '../model/structure.js';
import { issueToFinding } from '../model/validate.js';
import { DepartmentFormSchema, type DepartmentForm } from './form.js';

const KNOWN = knownOf(DepartmentFormSchema);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The input less its unknown fields (the same object when it has none), and their paths. */
export function stripUnknown(input: unknown): { stripped: unknown; paths: (string | number)[][]; count: number } {
  const found = { paths: [] as (string | number)[][], count: 0 };
  const walk = (v: unknown, known: Known, path: (string | number)[]): unknown => {
    if (Array.isArray(v)) {
      const out = v.map((e, i) => walk(e, known, [...path, i]));
      return out.some((e, i) => e !== v[i]) ? out : v;
    }
    if (!isObject(v)) return v;
    const out: Record<string, unknown> = {};
    let changed = false;
    for (const key of Object.keys(v)) {
      if (!known.keys.has(key)) {
        if (found.paths.length < UNKNOWN_FIELDS_LISTED) found.paths.push([...path, key]);
        found.count++;
        changed = true;
        continue;
      }
      const sub = known.nested.get(key);
      out[key] = sub ? walk(v[key], sub, [...path, key]) : v[key];
      if (out[key] !== v[key]) changed = true;
    }
    return changed ? out : v;
  };
  const stripped = walk(input, KNOWN, []);
  return { stripped, ...found };
}

function prefixed(list: Finding[], from: string, to: string): Finding[] {
  return list.map((f) => (f.pointer.startsWith(from) ? { ...f, pointer: to + f.pointer.slice(from.length) } : f));
}

/** The checks zod cannot make field by field: money units of every table, names and points of every scored row. */
function extraProblems(input: Record<string, unknown>, lang: Lang): Finding[] {
  const funds = isObject(input.funds) ? input.funds : {};
  const out = moneyUnitProblems(input, lang);
  for (const table of ['sources', 'directions'] as const) {
    out.push(...prefixed(moneyUnitProblems({ moneyUnit: input.moneyUnit, funds: { rows: funds[table] } }, lang), '/funds/rows', `/funds/${table}`));
  }
  const goals = Array.isArray(input.goals) ? input.goals : [];
  goals.forEach((g, i) => {
    if (isObject(g)) out.push(...prefixed(requiredInRows(g.indicators, lang), '/indicators', `/goals/${i}/indicators`));
  });
  return out;
}

export type DepartmentValidation =
  | { ok: true; form: DepartmentForm; warnings: Finding[] }
  | { ok: false; problems: Finding[] };

export function validateDepartment(input: unknown, lang: Lang = 'zh'): DepartmentValidation {
  if (!isObject(input)) return { ok: false, problems: [finding('NOT_AN_OBJECT', '', {}, lang)] };
  const unknown = stripUnknown(input);
  const warnings = unknown.count > 0 ? unknownFieldFindings(unknown, lang) : [];
  const extra = extraProblems(input, lang);
  const r = DepartmentFormSchema.safeParse(input, { reportInput: true });
  if (r.success && extra.length === 0) return { ok: true, form: r.data, warnings };
  const problems = [...(r.success ? [] : r.error.issues.map((i) => issueToFinding(i, lang))), ...extra, ...warnings];
  const seen = new Set<string>();
  return { ok: false, problems: problems.filter((f) => !seen.has(f.code + ' ' + f.pointer) && !!seen.add(f.code + ' ' + f.pointer)) };
}
