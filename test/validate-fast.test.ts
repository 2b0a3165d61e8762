/**
 * The validation fast path against zod: for valid and invalid forms (fast-check mutations of the
 * seed forms, the bench's generated forms and the test builders), the fast path either gives a
 * Form that deep-equals zod's (same keys in the same order, undefined where zod has undefined,
 * Decimals compared by value) or defers to zod — and it never accepts what zod rejects.
 */
import { deepStrictEqual } from 'node:assert';
import fc from 'fast-check';
import t from 'tap';
import { requiredInRows } from '../src/core/model/rows.js';
import { moneyUnitProblems } from '../src/core/model/fields.js';
import { generateForm } from '../bench/generate.js';
import { Dec } from '../src/core/decimal.js';
import { DOUBT, fastParseForm } from '../src/core/model/fast.js';
import { FormSchema } from '../src/core/model/form.js';
import { FIELD_LABELS, validateForm } from '../src/core/model/validate.js';
import { form, indicator, seed, type Json } from './support/forms.js';

/** A comparable picture: key order kept, undefined kept, Decimals by value and by constructor. */
function canon(v: unknown): unknown {
  if (v instanceof Dec) return `Dec(${v.toString()})`;
  if (v !== null && typeof v === 'object' && 'toFixed' in v) return `foreign decimal ${String(v)}`;
  if (Array.isArray(v)) return v.map(canon);
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, x === undefined ? '<undefined>' : canon(x)]);
  return v;
}

const bases: Json[] = [
  seed('01-jingban'),
  seed('02-dangan'),
  seed('03-dalou'),
  form(),
  form({ moneyUnit: '元', kind: 'project', mofDivCode: '140000', id: ' E-1 ' }, [indicator({ points: '90分', manualScore: null, deduction: '' })]),
  ...Array.from({ length: 12 }, (_, i) => generateForm(i * 7919) as Json),
];

const tricky: unknown[] = [
  0, -0, 1, -1, 0.1, 2.5e-7, 1e21, 2022, 2101, 140000, 123456789012, -5.5, 10.005,
  '', ' ', '  \t ', ' 10 ', '10分', '-10分', '85%', '85％', '85百分比', '８５．５', '1,234.50', '1,23', '-1,234', 'abc', '-3', '+3',
  '.5', '5.', '-', '十分', ' x ', '0.00', '-0', 'NaN', 'Infinity', '1e5', '140000', '14', '140100001', 'P-1.x', 'P 1', 'P/1',
  '31.59万元', '31.59元', '1亿元', '-7.17万元', '10万元分', '—', '无', '/', '１０分', '８７％',
  '209100', '元', '万元', '美元', 'project', 'dept', '\u3000全角\u3000', '达成年度指标', '≥95%', '2023', ' 2023 ', '二〇二三',
  'a'.repeat(20), 'a'.repeat(21), 'a'.repeat(38), 'a'.repeat(39), 'a'.repeat(180), 'a'.repeat(181), ' ' + 'b'.repeat(180) + ' ',
  'c'.repeat(1000), 'c'.repeat(1001), 'd'.repeat(4001), 'A1'.repeat(150) + 'x',
  null, true, false, [], {}, [1], { a: 1 }, [{}], [{ name: 'x' }],
  // at and beyond the bounds of numbers (fields.ts NUMBER_BOUNDS)
  1000, 1000.0001, '1000.0001', 1e15, 1e308, 5e-324, '10000000000000', '10000000000000.000001', '-10000000000000', '-10000000000001',
  '84.2766666666667', '0.00000000000000000001', '0.000000000000000000001', '10000000', '10000001%', '9'.repeat(64), '9'.repeat(65),
];
const fieldNames = [...Object.keys(FIELD_LABELS), 'unknownField', '__proto__', 'constructor', 'toString'];

const mutation = fc.record({
  path: fc.array(fc.nat(), { minLength: 0, maxLength: 4 }),
  newKey: fc.option(fc.constantFrom(...fieldNames), { nil: undefined }),
  op: fc.constantFrom('set', 'set', 'set', 'delete'),
  value: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...tricky) },
    { weight: 1, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
  ),
});

function mutate(base: Json, muts: { path: number[]; newKey?: string; op: string; value: unknown }[]): Json {
  const root = structuredClone(base);
  for (const m of muts) {
    let node: Record<string, unknown> | unknown[] = root;
    for (const step of m.path) {
      const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0) break;
      const next = (node as Record<string, unknown>)[keys[step % keys.length]];
      if (next === null || typeof next !== 'object') break;
      node = next as Record<string, unknown>;
    }
    const keys = Array.isArray(node) ? node.map((_, i) => String(i)) : Object.keys(node);
    const key = m.newKey && !Array.isArray(node) ? m.newKey : keys[(m.path.at(-1) ?? 0) % Math.max(1, keys.length)];
    if (key === undefined) continue;
    if (m.op === 'delete') {
      if (Array.isArray(node)) node.splice(Number(key), 1);
      else delete node[key];
    } else if (key === '__proto__') {
      Object.defineProperty(node, key, { value: m.value, enumerable: true, configurable: true, writable: true });
    } else {
      (node as Record<string, unknown>)[key] = m.value;
    }
  }
  return root;
}

let accepted = 0;
let deferred = 0;
let zodValid = 0;

function check(input: unknown): void {
  const fast = fastParseForm(input);
  const z = FormSchema.safeParse(input, { reportInput: true });
  if (z.success) zodValid++;
  if (fast === DOUBT) {
    deferred++;
    return;
  }
  accepted++;
  if (!z.success) throw new Error(`the fast path accepted a form zod rejects: ${JSON.stringify(z.error.issues.slice(0, 3))}`);
  deepStrictEqual(canon(fast), canon(z.data));
  const v = validateForm(input);
  // The money-unit rule is form-level (an amount's unit against moneyUnit): the one check besides both parses.
  // So are the names and points of scored rows (blank template rows and cleared rows need none).
  const units = moneyUnitProblems(input);
  const extra = [...units, ...requiredInRows((input as { indicators?: unknown }).indicators, 'zh')];
  if (extra.length === 0 && (!v.ok || v.problems.length)) throw new Error('validateForm disagrees');
  if (units.length > 0 && (v.ok || !units.every((u) => v.problems.some((p) => p.code === u.code && p.pointer === u.pointer)))) {
    throw new Error('validateForm does not report the money unit');
  }
}

t.test('the unchanged base forms take the fast path and equal zod', async (t) => {
  for (const b of bases) {
    t.not(fastParseForm(b), DOUBT, String(b.proName));
    check(b);
  }
});

t.test('valid and invalid mutations: the same Form as zod, or zod decides', async (t) => {
  fc.assert(
    fc.property(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { minLength: 0, maxLength: 4 }), (i, muts) => {
      check(mutate(bases[i], muts));
    }),
    { numRuns: 4000, seed: 20221231 },
  );
  t.ok(accepted > 500, `fast path taken ${accepted} times`);
  t.ok(deferred > 500, `deferred to zod ${deferred} times`);
  t.ok(accepted <= zodValid, 'never more than zod accepts');
});

t.test('arrays at their bounds, non-objects, JS values JSON cannot carry', async (t) => {
  const f = bases[0];
  const inds = (f.indicators as Json[])[0];
  const rows = (f.funds as { rows: Json[] }).rows[0];
  const d0 = deferred;
  let rejected = 0;
  for (const input of [
    { ...f, indicators: [] },
    { ...f, indicators: Array.from({ length: 500 }, () => inds) },
    { ...f, indicators: Array.from({ length: 501 }, () => inds) },
    { ...f, funds: { rows: Array.from({ length: 50 }, () => rows) } },
    { ...f, funds: { rows: Array.from({ length: 51 }, () => rows) } },
    { ...f, funds: { rows: [] } },
    { ...f, goals: Array.from({ length: 51 }, () => ({})) },
    { ...f, goals: [{ target: undefined, completion: 3 }] },
    { ...f, analysis: undefined, reportedTotal: undefined, id: undefined },
    { ...f, reportedTotal: Number.NaN },
    { ...f, reportedTotal: Infinity },
    { ...f, agencyName: Infinity },
    { ...f, reportedTotal: 10n },
    { ...f, reportedTotal: new Dec(5) },
    { ...f, fiscalYear: new Date() },
    { ...f, indicators: [{ ...inds, points: undefined }] },
    { ...f, indicators: [{ ...inds, name: undefined }] },
    { ...f, indicators: [{ ...inds, isDefaultCostRow: 'yes' }] },
    { ...f, kind: undefined, moneyUnit: undefined },
    { ...f, kind: 'dept' },
    [f],
    null,
    'form',
  ]) {
    if (!FormSchema.safeParse(input).success) rejected++;
    check(input);
  }
  t.ok(rejected > 0, 'the list holds inputs zod rejects');
  t.ok(deferred - d0 >= rejected, 'every input zod rejects went to zod');
});
