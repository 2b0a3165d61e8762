import t from 'tap';
import { readFileSync } from 'node:fs';
import { loadPoliciesFrom, PolicyLoadError } from '../src/data/policies.js';

type Json = Record<string, any>;
const read = (f: string): Json => JSON.parse(readFileSync(new URL(`../scoring/${f}`, import.meta.url), 'utf8'));
const national = () => read('national-2020.json');
const jiangxi = () => read('jiangxi.json');
const other = (patch: (p: Json) => void = () => {}) => {
  const p = national();
  p.id = 'other';
  p.default = false;
  p.appliesTo.regions = ['140000'];
  patch(p);
  return p;
};

/** Load national plus `files`; return the error lines (or fail the test if nothing throws). */
function errorsOf(files: { name: string; json: unknown }[], withNational = true): string[] {
  try {
    loadPoliciesFrom(withNational ? [{ name: 'scoring/national-2020.json', json: national() }, ...files] : files);
  } catch (err) {
    if (!(err instanceof PolicyLoadError)) throw err;
    return err.message.split('\n');
  }
  return ['(loaded without error)'];
}

const cases: { name: string; files: () => { name: string; json: unknown }[]; withNational?: boolean; expect: string[] }[] = [
  {
    name: 'wrong type',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.scoreDecimals = '2'; }) }],
    expect: ['scoring/bad.json: /scoreDecimals must be integer'],
  },
  {
    name: 'wrong enum',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.budget.over100 = 'warn'; }) }],
    expect: ['scoring/bad.json: /budget/over100 must be equal to one of the allowed values'],
  },
  {
    name: 'unknown field (nested)',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.budget.blockOver100 = true; }) }],
    expect: ['scoring/bad.json: /budget/blockOver100 must NOT have additional properties'],
  },
  {
    name: 'unknown field (top level) and unknown graded actual',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.weights = {}; p.qualitative.gradedActuals['好'] = 'A'; }) }],
    expect: [
      'scoring/bad.json: /weights must NOT have additional properties',
      'scoring/bad.json: /qualitative/gradedActuals/好 must NOT have additional properties',
    ],
  },
  {
    name: 'missing id',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { delete p.id; }) }],
    expect: ["scoring/bad.json: /id must have required property 'id'"],
  },
  {
    name: 'float number instead of decimal string',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.quantitative.overachieveFactor = 1.2; p.budget.points = 10; }) }],
    expect: ['scoring/bad.json: /budget/points must be string', 'scoring/bad.json: /quantitative/overachieveFactor must be string'],
  },
  {
    name: 'malformed decimal strings',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.tolerance = '1e-2'; p.qualitative.defaults.B = '.7'; p.grades[0].min = '90.'; }) }],
    expect: [
      'scoring/bad.json: /tolerance must match pattern "^-?\\d+(\\.\\d+)?$"',
      'scoring/bad.json: /qualitative/defaults/B must match pattern "^-?\\d+(\\.\\d+)?$"',
      'scoring/bad.json: /grades/0/min must match pattern "^-?\\d+(\\.\\d+)?$"',
    ],
  },
  {
    name: 'bad id, version and region',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.id = 'Shanxi_2022'; p.version = '1.0'; p.appliesTo.regions = ['14']; }) }],
    expect: [
      'scoring/bad.json: /id must match pattern "^[a-z0-9-]+$"',
      'scoring/bad.json: /version must match pattern',
      'scoring/bad.json: /appliesTo/regions/0 must match pattern "^\\d{6}$"',
    ],
  },
  {
    name: 'two defaults',
    files: () => [{ name: 'scoring/second.json', json: other((p) => { p.default = true; p.appliesTo.regions = []; }) }],
    expect: [
      'scoring/national-2020.json: /default must be true in one file only (true in scoring/national-2020.json, scoring/second.json)',
      'scoring/second.json: /default must be true in one file only',
    ],
  },
  {
    name: 'no default',
    withNational: false,
    files: () => [{ name: 'scoring/a.json', json: other() }],
    expect: ['scoring/a.json: /default must be true in exactly one file'],
  },
  {
    name: 'default limited to a region',
    withNational: false,
    files: () => [{ name: 'scoring/a.json', json: other((p) => { p.default = true; }) }],
    expect: ['scoring/a.json: /appliesTo/regions must be empty for the default policy'],
  },
  {
    name: 'duplicate ids',
    files: () => [{ name: 'scoring/copy.json', json: other((p) => { p.id = 'national-2020'; }) }],
    expect: ['scoring/copy.json: /id duplicates id "national-2020" of scoring/national-2020.json'],
  },
  {
    name: 'bad tier: share above 1 and duplicate minRate',
    files: () => [{ name: 'scoring/jx.json', json: (() => { const p = jiangxi(); p.budget.tiers[1].share = '1.5'; p.budget.tiers[2].minRate = '80'; return p; })() }],
    expect: [
      'scoring/jx.json: /budget/tiers/1/share must be between 0 and 1',
      'scoring/jx.json: /budget/tiers/2/minRate duplicates /budget/tiers/1/minRate',
    ],
  },
  {
    name: 'bad tier: missing share, unknown key',
    files: () => [{ name: 'scoring/jx.json', json: (() => { const p = jiangxi(); delete p.budget.tiers[0].share; p.budget.tiers[0].points = '10'; return p; })() }],
    expect: [
      "scoring/jx.json: /budget/tiers/0/share must have required property 'share'",
      'scoring/jx.json: /budget/tiers/0/points must NOT have additional properties',
    ],
  },
  {
    name: 'bad tier: tiered without tiers, linear with tiers',
    files: () => [
      { name: 'scoring/jx.json', json: (() => { const p = jiangxi(); p.budget.tiers = []; return p; })() },
      { name: 'scoring/lin.json', json: other((p) => { p.budget.tiers = [{ minRate: '0', share: '1' }]; }) },
    ],
    expect: [
      'scoring/jx.json: /budget/tiers must NOT have fewer than 1 items',
      'scoring/lin.json: /budget/tiers must NOT have more than 0 items',
    ],
  },
  {
    name: 'bad tier: no tier at 0, share falls as the rate rises',
    files: () => [{ name: 'scoring/jx.json', json: (() => { const p = jiangxi(); p.budget.tiers = [{ minRate: '100', share: '0.5' }, { minRate: '60', share: '0.7' }]; return p; })() }],
    expect: [
      'scoring/jx.json: /budget/tiers must have a tier with minRate 0',
      'scoring/jx.json: /budget/tiers share must not fall as minRate rises',
    ],
  },
  {
    name: 'points do not add up to the total',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.budget.points = '20'; }) }],
    expect: ['scoring/bad.json: /levelPoints budget points 20 + level points 90 must equal totalPoints 100'],
  },
  {
    name: 'qualitative tiers out of order, default outside its tier',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.qualitative.tierMin.C = '0.1'; p.qualitative.defaults.B = '0.8'; }) }],
    expect: ['scoring/bad.json: /qualitative/tierMin/C must be 0', "scoring/bad.json: /qualitative/defaults/B must lie in tier B's range"],
  },
  {
    name: 'grades: duplicate code, no band at 0',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.grades = [{ min: '90', label: '优', code: '1' }, { min: '60', label: '中', code: '1' }]; }) }],
    expect: ['scoring/bad.json: /grades/1/code duplicates /grades/0/code', 'scoring/bad.json: /grades must have a band with min 0'],
  },
  {
    name: 'years reversed; overachieve factor below 1; threshold above 100',
    files: () => [{ name: 'scoring/bad.json', json: other((p) => { p.appliesTo.years = { from: 2024, to: 2020 }; p.quantitative.overachieveFactor = '0.9'; p.budget.lowExecReasonThreshold = '190'; }) }],
    expect: [
      'scoring/bad.json: /appliesTo/years/to must not be before from (2024)',
      'scoring/bad.json: /budget/lowExecReasonThreshold must be between 0 and 100',
      'scoring/bad.json: /quantitative/overachieveFactor must be at least 1',
    ],
  },
  {
    name: 'not an object',
    files: () => [{ name: 'scoring/bad.json', json: [] }],
    expect: ['scoring/bad.json: (root) must be object'],
  },
  {
    name: 'errors in several files are all reported',
    files: () => [
      { name: 'scoring/a.json', json: other((p) => { p.name = ''; }) },
      { name: 'scoring/b.json', json: other((p) => { p.id = 'b'; p.sources = []; }) },
    ],
    expect: ['scoring/a.json: /name must NOT have fewer than 1 characters', 'scoring/b.json: /sources must NOT have fewer than 1 items'],
  },
];

for (const c of cases) {
  t.test(c.name, async (t) => {
    const lines = errorsOf(c.files(), c.withNational ?? true);
    for (const want of c.expect) {
      t.ok(lines.some((l) => l.startsWith(want)), `reports: ${want}`, { lines });
    }
    // Every line names a file and a pointer (or the root), never a bare message.
    for (const l of lines) t.match(l, /^scoring\/[a-z0-9-]+\.json: (\/|\(root\))/, l);
  });
}

t.test('a valid extra file loads next to national', async (t) => {
  const reg = loadPoliciesFrom([
    { name: 'scoring/national-2020.json', json: national() },
    { name: 'scoring/other.json', json: other() },
  ]);
  t.same(reg.list.map((p) => p.id), ['national-2020', 'other']);
  t.equal(reg.select({ mofDivCode: '140000', fiscalYear: 2024 }).id, 'other');
});
