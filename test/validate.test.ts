/**
 * Invalid forms: every problem comes back at once, each with a code, a JSON pointer and a
 * Chinese message; nothing throws.
 */
import t from 'tap';
import { unknownFields } from '../src/core/model/structure.js';
import { validateForm } from '../src/core/model/validate.js';
import { form, indicator, seed, type Json } from './support/forms.js';

const problems = (input: unknown) => {
  const v = validateForm(input);
  return v.ok ? [] : v.problems;
};

t.test('the seed forms are valid', async (t) => {
  for (const n of ['01-jingban', '02-dangan', '03-dalou'] as const) {
    const v = validateForm(seed(n));
    t.ok(v.ok, n);
  }
});

t.test('one form, thirty mistakes, one answer', async (t) => {
  const bad: Json = {
    fiscalYear: '二〇二二', // 1 INVALID_YEAR
    mofDivCode: '14', // 2 INVALID_CODE
    agencyCode: { code: 209100 }, // 3 INVALID_TYPE
    agencyName: 42, // (a number is accepted as text)
    proName: '', // 4 EMPTY_TEXT
    moneyUnit: '美元', // 5 INVALID_VALUE
    funds: {
      points: 'ten', // 6 NOT_A_NUMBER
      rows: [
        { name: '资金总额', budget: '-5', executed: '1,2,3' }, // 7 NEGATIVE_NUMBER, 8 NOT_A_NUMBER
        { budget: true, executed: [] }, // 9 REQUIRED name, 10 INVALID_TYPE, 11 INVALID_TYPE
        { name: '其他资金', reportedRate: 'abc%', reportedScore: {} }, // 12 NOT_A_NUMBER, 13 INVALID_TYPE
      ],
    },
    goals: [{ target: ['x'] }], // 14 INVALID_TYPE
    indicators: [
      { level2: '数量指标', name: 'a', points: 10, target: '≥1', actual: '1' }, // 15 REQUIRED level1
      { level1: '产出指标', name: 'b', points: -3 }, // 16 REQUIRED level2, 17 NEGATIVE_NUMBER
      { level1: '产出指标', level2: '数量指标', points: '十分' }, // 18 REQUIRED name, 19 NOT_A_NUMBER
      { level1: '产出指标', level2: '数量指标', name: 'c' }, // 20 REQUIRED points
      { level1: '产出指标', level2: '数量指标', name: 'd', points: 5, target: { op: '≥' } }, // 21 INVALID_TYPE
      { level1: '产出指标', level2: '数量指标', name: 'e', points: 5, actual: null }, // 22 INVALID_TYPE (null text)
      { level1: '产出指标', level2: '数量指标', name: 'f', points: 5, manualScore: 'NaN' }, // 23 NOT_A_NUMBER
      { level1: '产出指标', level2: '数量指标', name: 'g', points: 5, deduction: '-1' }, // 24 NEGATIVE_NUMBER
      { level1: '产出指标', level2: '数量指标', name: 'h', points: 5, isDefaultCostRow: 'yes' }, // 25 INVALID_TYPE
      { level1: '产出指标', level2: '数量指标', name: 'x'.repeat(1001), points: 5 }, // 26 TEXT_TOO_LONG
      'not an object', // 27 INVALID_TYPE
      { level1: '产出指标', level2: '数量指标', name: 'dup', points: 5 },
      { level1: '产出指标', level2: '数量指标', name: 'dup', points: 5 }, // 28 DUPLICATE_INDICATOR
      { level1: '产出指标', level2: '数量指标', name: 'i', points: 1e999 }, // 29 NOT_A_NUMBER (Infinity)
    ],
    reportedTotal: '九十', // 30 NOT_A_NUMBER
    reportedGrade: ['优'], // 31 INVALID_TYPE
  };
  const v = validateForm(bad);
  t.equal(false, v.ok);
  const got = v.ok ? [] : v.problems;
  const expect: [string, string][] = [
    ['INVALID_YEAR', '/fiscalYear'],
    ['INVALID_CODE', '/mofDivCode'],
    ['INVALID_TYPE', '/agencyCode'],
    ['EMPTY_TEXT', '/proName'],
    ['INVALID_VALUE', '/moneyUnit'],
    ['NOT_A_NUMBER', '/funds/points'],
    ['NEGATIVE_NUMBER', '/funds/rows/0/budget'],
    ['NOT_A_NUMBER', '/funds/rows/0/executed'],
    ['REQUIRED', '/funds/rows/1/name'],
    ['INVALID_TYPE', '/funds/rows/1/budget'],
    ['INVALID_TYPE', '/funds/rows/1/executed'],
    ['NOT_A_NUMBER', '/funds/rows/2/reportedRate'],
    ['INVALID_TYPE', '/funds/rows/2/reportedScore'],
    ['INVALID_TYPE', '/goals/0/target'],
    ['REQUIRED', '/indicators/0/level1'],
    ['REQUIRED', '/indicators/1/level2'],
    ['NEGATIVE_NUMBER', '/indicators/1/points'],
    ['REQUIRED', '/indicators/2/name'],
    ['NOT_A_NUMBER', '/indicators/2/points'],
    ['REQUIRED', '/indicators/3/points'],
    ['INVALID_TYPE', '/indicators/4/target'],
    ['INVALID_TYPE', '/indicators/5/actual'],
    ['NOT_A_NUMBER', '/indicators/6/manualScore'],
    ['NEGATIVE_NUMBER', '/indicators/7/deduction'],
    ['INVALID_TYPE', '/indicators/8/isDefaultCostRow'],
    ['TEXT_TOO_LONG', '/indicators/9/name'],
    ['INVALID_TYPE', '/indicators/10'],
    ['DUPLICATE_INDICATOR', '/indicators/12/name'],
    ['NOT_A_NUMBER', '/indicators/13/points'],
    ['NOT_A_NUMBER', '/reportedTotal'],
    ['INVALID_TYPE', '/reportedGrade'],
  ];
  for (const [code, pointer] of expect) {
    const p = got.find((x) => x.pointer === pointer);
    t.equal(code, p?.code, `${pointer}: ${p?.message ?? 'missing'}`);
    t.match(p?.message ?? '', /[\u4e00-\u9fff]/, `${pointer} has a Chinese message`);
  }
  t.ok(got.length >= 30, `${got.length} problems`);
});

t.test('an invalid year is quoted as written', async (t) => {
  t.equal('年度“二〇二二”无效，应为四位年份', problems(form({ fiscalYear: '二〇二二' }))[0].message);
  t.equal('年度“1800”无效，应为四位年份', problems(form({ fiscalYear: 1800 }))[0].message);
});

t.test('messages name the row and the field', async (t) => {
  const p = problems(form({}, [indicator(), indicator({ name: 'b', points: 'abc' })]));
  t.equal('“绩效指标第2行·分值”不是有效的数值：abc', p[0].message);
  t.equal('/indicators/1/points', p[0].pointer);
});

t.test('English problems with lang en', async (t) => {
  const v = validateForm(form({ proName: '' }), 'en');
  t.equal('"项目名称" must not be empty', v.ok ? '' : v.problems[0].message);
});

t.test('shapes that are not a form at all', async (t) => {
  // [expected code, input]
  const rows: [string, unknown][] = [
    ['NOT_AN_OBJECT', null],
    ['NOT_AN_OBJECT', []],
    ['NOT_AN_OBJECT', 'form'],
    ['NOT_AN_OBJECT', 42],
    ['EMPTY_INDICATORS', form({}, [])],
    ['EMPTY_FUNDS', form({ funds: { rows: [] } })],
    ['REQUIRED', {}],
    ['TOO_MANY_ITEMS', form({}, Array.from({ length: 501 }, (_, i) => indicator({ name: 'n' + i, points: 0 })))],
  ];
  for (const [code, input] of rows) t.equal(code, problems(input)[0]?.code, JSON.stringify(input)?.slice(0, 40));
});

t.test('numbers arrive as JSON numbers or decimal strings', async (t) => {
  // [expected decimal string, input]
  const rows: [string, unknown][] = [
    ['252.83', 252.83],
    ['252.83', '252.83'],
    ['1234.5', '1,234.5'],
    ['12', '１２'],
    ['0.1', 0.1],
    ['87.61', '87.61%'],
  ];
  for (const [expected, input] of rows) {
    const v = validateForm(form({ funds: { rows: [{ name: '资金总额', budget: '100', executed: '1', reportedRate: input }] } }));
    t.equal(expected, v.ok ? v.form.funds.rows[0].reportedRate?.toString() : 'invalid', String(input));
  }
  const blank = validateForm(form({ funds: { rows: [{ name: '资金总额', budget: '100', executed: '', reportedScore: null }] } }));
  t.equal(undefined, blank.ok ? blank.form.funds.rows[0].executed : 'invalid', 'blank cells are absent');
  t.equal(false, validateForm(form({ funds: { rows: [{ name: '资金总额', budget: '87.61%' }] } })).ok, 'a % is only accepted on rates');
});

t.test('__proto__ keys never reach a prototype', async (t) => {
  const input = JSON.parse('{"__proto__": {"polluted": true}, "fiscalYear": 2023, "proName": "p", "funds": {"rows": [{"name": "资金总额", "budget": 1, "executed": 1}]}, "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "a", "points": 90, "target": "≥1", "actual": "1", "constructor": {"prototype": {"x": 1}}}]}');
  const v = validateForm(input);
  t.ok(v.ok);
  t.equal(undefined, ({} as Record<string, unknown>).polluted);
  t.equal(undefined, (v.ok ? (v.form as unknown as Record<string, unknown>).polluted : 'x'));
});

t.test('scores and points may carry 分', async (t) => {
  const v = validateForm(form({ reportedTotal: '93.76分' }, [indicator({ points: '90分', reportedScore: '90 分' })]));
  t.equal('93.76', v.ok ? v.form.reportedTotal?.toString() : 'invalid');
  t.equal('90', v.ok ? v.form.indicators[0].points?.toString() : 'invalid');
  t.equal(false, validateForm(form({ funds: { rows: [{ name: '资金总额', budget: '100分' }] } })).ok, 'not on amounts');
});

t.test('one number reader: an amount may carry the form’s money unit, never another', async (t) => {
  const withBudget = (budget: unknown, moneyUnit?: string) =>
    form({ ...(moneyUnit ? { moneyUnit } : {}), funds: { rows: [{ name: '资金总额', budget, executed: '10' }] } });
  // [budget as written, moneyUnit, read as, problem code or null]
  const cases: [string, string | undefined, string | null, string | null][] = [
    ['31.59万元', undefined, '31.59', null], // the default moneyUnit is 万元
    ['31.59 万元', '万元', '31.59', null],
    ['３１.５９万元', '万元', '31.59', null], // full-width digits, the one converter
    ['1,234.50元', '元', '1234.5', null],
    ['31.59元', undefined, null, 'MONEY_UNIT_MISMATCH'], // 元 on a 万元 form: not converted
    ['1亿元', '万元', null, 'MONEY_UNIT_MISMATCH'],
    ['315900万元', '元', null, 'MONEY_UNIT_MISMATCH'],
    ['31.59美元', undefined, null, 'NOT_A_NUMBER'],
    ['—', undefined, null, null], // a dash is "not filled in", as in a workbook cell
    ['无', undefined, null, null],
  ];
  for (const [budget, unit, value, code] of cases) {
    const v = validateForm(withBudget(budget, unit));
    if (code === null) {
      t.equal(v.ok, true, budget);
      if (v.ok) t.equal(v.form.funds.rows[0].budget?.toString() ?? null, value, budget);
    } else {
      t.equal(v.ok, false, budget);
      const p = v.ok ? undefined : v.problems.find((x) => x.pointer === '/funds/rows/0/budget');
      t.equal(p?.code, code, budget);
    }
  }
  const p = problems(withBudget('31.59元'))[0];
  t.equal(p.message, '“资金第1行·全年预算数”写明的金额单位“元”与表单金额单位“万元”不一致：31.59元（不作换算，请按万元填写或改正金额单位）');
  t.same(p.params, { field: '资金第1行·全年预算数', unit: '元', moneyUnit: '万元', value: '31.59元' });
  const scored = problems(form({}, [indicator({ points: '10万元' })]));
  t.equal(scored[0]?.code, 'NOT_A_NUMBER', 'a money unit only on amounts, not on points');
  const rate = validateForm(form({ funds: { rows: [{ name: '资金总额', budget: '10', executed: '10', reportedRate: '８７.６１％' }] } }));
  t.equal(rate.ok ? rate.form.funds.rows[0].reportedRate?.toString() : 'invalid', '87.61');
});

t.test('unknown fields are stripped, each one a warning with its pointer', async (t) => {
  const base = form({}, [indicator({ points: 90 })]);
  // [what is added, the pointers reported]
  const rows: [(f: Json) => void, string[]][] = [
    [() => undefined, []],
    [(f) => void (f.foo = 1), ['/foo']],
    [(f) => void ((f.indicators as Json[])[0].bar = 'x'), ['/indicators/0/bar']],
    [(f) => void ((f.funds as { rows: Json[] }).rows[0].note = 'x'), ['/funds/rows/0/note']],
    [(f) => void ((f.funds as Json).total = 5), ['/funds/total']],
    [(f) => void (f.goals = [{ target: 't', why: 'x' }]), ['/goals/0/why']],
    [(f) => void (f.analysis = { outputs: 'o', extra: { deep: [1, 2] } }), ['/analysis/extra']],
    [(f) => void Object.assign(f, { a: 1, b: 2 }), ['/a', '/b']],
    [(f) => void ((f.indicators as Json[])[0]['a/b~c'] = 1), ['/indicators/0/a~1b~0c']],
    [(f) => void ['constructor', 'toString', '__proto__'].forEach((k) => Object.defineProperty(f, k, { value: 1, enumerable: true })), ['/constructor', '/toString', '/__proto__']],
  ];
  for (const [add, pointers] of rows) {
    const input = structuredClone(base);
    add(input);
    const before = JSON.stringify(input);
    const v = validateForm(input);
    t.equal(v.ok, true, pointers.join(' '));
    if (!v.ok) continue;
    t.same(v.warnings.map((w) => w.pointer), pointers);
    t.ok(v.warnings.every((w) => w.code === 'UNKNOWN_FIELD' && w.severity === 'warning'));
    t.equal(JSON.stringify(input), before, 'the input itself is not changed');
    const stripped = unknownFields(input).stripped;
    t.equal(stripped === input, pointers.length === 0, 'the very same object when nothing is stripped');
    t.same(unknownFields(stripped).count, 0, 'nothing unknown is left');
    t.same(validateForm(stripped), { ...v, warnings: [] }, 'the same form without them');
  }
  const named = validateForm({ ...base, indicators: [{ ...indicator({ points: 90 }), 备注: 'x' }], 名称: 1, name: 2 }, 'en');
  t.same(named.ok ? named.warnings.map((w) => w.message) : [], [
    'Unknown field "绩效指标第1行·备注" was ignored (neither scored nor stored)',
    'Unknown field "名称" was ignored (neither scored nor stored)',
    'Unknown field "name" was ignored (neither scored nor stored)',
  ], 'named by the key as written, under its row');
});

t.test('unknown fields: at most 20 named, a huge key or value never echoed', async (t) => {
  const many = form(Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`x${i}`, i])));
  const v = validateForm(many);
  t.equal(v.ok && v.warnings.length, 21);
  t.same(v.ok && v.warnings.at(-1), { code: 'UNKNOWN_FIELDS_MORE', severity: 'warning', pointer: '', message: '另有5个未知字段已忽略（未逐一列出）', params: { count: '5' } });
  t.equal(unknownFields(many).count, 25);
  const key = 'k'.repeat(900_000);
  const huge = validateForm(form({ [key]: 'v'.repeat(900_000), junk: 'j'.repeat(900_000) }));
  t.ok(huge.ok);
  const text = JSON.stringify(huge.ok && huge.warnings);
  t.ok(text.length < 1000, `the warnings are ${text.length} characters`);
  t.equal(huge.ok && huge.warnings[0].pointer, '/' + 'k'.repeat(64) + '…');
  const invalid = validateForm({ ...form({ proName: '' }), junk: 1 });
  t.same(invalid.ok ? [] : invalid.problems.map((p) => `${p.severity} ${p.code} ${p.pointer}`), ['error EMPTY_TEXT /proName', 'warning UNKNOWN_FIELD /junk'], 'an invalid form lists them among its problems');
});

t.test('deep values never make validation throw (10 000 levels)', async (t) => {
  let deep: unknown = 1;
  for (let i = 0; i < 10_000; i++) deep = [deep];
  let deepObj: unknown = 1;
  for (let i = 0; i < 10_000; i++) deepObj = { a: deepObj };
  const unknown = validateForm(form({ junk: deepObj }));
  t.same(unknown.ok ? unknown.warnings.map((w) => w.pointer) : 'invalid', ['/junk']);
  // [the field given the deep value, the problem]
  const rows: [Json, string][] = [
    [form({ proName: deep }), 'INVALID_TYPE /proName “项目名称”应为数值或文本，实际为数组'],
    [form({ reportedTotal: deepObj }), 'INVALID_TYPE /reportedTotal “总分”应为数值或文本，实际为对象'],
    [form({ analysis: { outputs: deep } }), 'INVALID_TYPE /analysis/outputs “绩效分析·产出情况”应为数值或文本，实际为数组'],
    [form({ analysis: { outputs: { a: 'x'.repeat(1000), b: deep } } }), 'INVALID_TYPE /analysis/outputs “绩效分析·产出情况”应为数值或文本，实际为对象'],
    [form({ kind: deep }), 'INVALID_VALUE /kind “表单类型”的取值无效：[[[[…]]]]'],
    [form({}, [indicator({ points: 90, level1: deep }), indicator({ points: 10 })]), 'INVALID_TYPE /indicators/0/level1 “绩效指标第1行·一级指标”应为数值或文本，实际为数组'],
  ];
  for (const [input, want] of rows) {
    const p = problems(input)[0];
    t.equal(p ? `${p.code} ${p.pointer} ${p.message}` : 'valid', want);
  }
});

t.test('numbers are bounded: amounts, points and scores, rates', async (t) => {
  const amount = (v: unknown) => form({ funds: { rows: [{ name: '资金总额', budget: '100', executed: v }] } });
  const adjustment = (v: unknown) => form({ funds: { rows: [{ name: '资金总额', budget: '100', executed: '1', adjustment: v }] } });
  const rate = (v: unknown) => form({ funds: { rows: [{ name: '资金总额', budget: '100', executed: '1', reportedRate: v }] } });
  const points = (over: Json) => form({}, [indicator({ points: 90, ...over })]);
  // [input, the first problem ('' = valid)]
  const rows: [Json, string][] = [
    [amount('10000000000000'), ''],
    [amount('10000000000000.000001'), 'VALUE_OUT_OF_RANGE /funds/rows/0/executed'],
    [amount(1e308), 'VALUE_OUT_OF_RANGE /funds/rows/0/executed'],
    [amount('84.2766666666667'), ''],
    [amount('123.456789012345678901234'), 'VALUE_OUT_OF_RANGE /funds/rows/0/executed'],
    [amount('0.00000000000000000001'), ''],
    [amount('0.000000000000000000001'), 'VALUE_OUT_OF_RANGE /funds/rows/0/executed'],
    [amount('123.4567890000000000000000000'), ''],
    [amount('0.' + '0'.repeat(100_000) + '1'), 'VALUE_OUT_OF_RANGE /funds/rows/0/executed'],
    [amount('9'.repeat(65)), 'VALUE_OUT_OF_RANGE /funds/rows/0/executed'],
    [amount('1,000,000,000,000'), ''],
    [adjustment('-10000000000000'), ''],
    [adjustment('-10000000000001'), 'VALUE_OUT_OF_RANGE /funds/rows/0/adjustment'],
    [rate('10000000'), ''],
    [rate('10000001%'), 'VALUE_OUT_OF_RANGE /funds/rows/0/reportedRate'],
    [rate('87.6125063085869'), ''],
    [points({ points: 1000 }), ''],
    [points({ points: '1000.0001' }), 'VALUE_OUT_OF_RANGE /indicators/0/points'],
    [points({ points: 1e15 }), 'VALUE_OUT_OF_RANGE /indicators/0/points'],
    [points({ reportedScore: '4.28571428571429' }), ''],
    [points({ reportedScore: 0.30000000000000004 }), ''],
    [points({ reportedScore: '0.000000000000000000001' }), 'VALUE_OUT_OF_RANGE /indicators/0/reportedScore'],
    [points({ manualScore: 1001 }), 'VALUE_OUT_OF_RANGE /indicators/0/manualScore'],
    [points({ deduction: '5000分' }), 'VALUE_OUT_OF_RANGE /indicators/0/deduction'],
    [form({ reportedTotal: 1e300 }), 'VALUE_OUT_OF_RANGE /reportedTotal'],
    [form({ funds: { points: 1e6, rows: [{ name: '资金总额', budget: '1', executed: '1' }] } }), 'VALUE_OUT_OF_RANGE /funds/points'],
  ];
  for (const [input, want] of rows) {
    const p = problems(input)[0];
    t.equal(p ? `${p.code} ${p.pointer}` : '', want, want || 'valid');
  }
  t.same(problems(amount(1e308))[0].params, { field: '项目资金·资金第1行·全年执行数', value: '1e+308', max: '10000000000000', decimals: '20' });
  t.equal(
    validateForm(points({ points: 1e15 }), 'en').ok ? '' : (validateForm(points({ points: 1e15 }), 'en') as { problems: { message: string }[] }).problems[0].message,
    '"绩效指标第1行·分值" is out of range: 1000000000000000 (at most 1000 in absolute value, at most 20 decimal places)',
  );
});
