import t from 'tap';
import { readFileSync, readdirSync, mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Dec } from '../src/core/decimal.js';
import {
  canonicalJson, compilePolicy, policyHash, PolicyCompileError, regionMatches, regionPrefix, selectPolicy,
  NATIONAL_GRADES, policyJsonSchemaText, type PolicyFile,
} from '../src/core/policy/index.js';
import { loadPolicies, loadPoliciesFrom } from '../src/data/policies.js';

const scoringDir = fileURLToPath(new URL('../scoring/', import.meta.url));
const policyFiles = readdirSync(scoringDir).filter((f) => f.endsWith('.json') && f !== 'policy.schema.json').sort();
const readRaw = (f: string) => JSON.parse(readFileSync(join(scoringDir, f), 'utf8')) as PolicyFile;
const s = (d: Dec | null) => (d === null ? null : d.toString());

t.test('every shipped policy file validates and compiles', async (t) => {
  const reg = loadPolicies();
  t.same(policyFiles, [
    'beijing-2016.json', 'guangxi.json', 'hubei.json', 'jiangxi.json', 'national-2020.json',
    'shanxi-2022.json', 'sichuan.json', 'zhejiang-2024.json',
  ]);
  t.same(reg.list.map((p) => p.id), policyFiles.map((f) => f.replace(/\.json$/, '')), 'file name = id');
  t.equal(reg.default.id, 'national-2020');
  t.same(reg.list.filter((p) => p.isDefault).map((p) => p.id), ['national-2020'], 'only national-2020 is default');
  t.equal(reg.get('hubei')?.id, 'hubei');
  t.equal(reg.get('nope'), undefined);
  t.equal(loadPolicies(), reg, 'the default registry is cached');
  for (const p of reg.list) {
    t.ok(p.totalPoints instanceof Dec, `${p.id}: numbers are Dec`);
    t.ok(p.sources.length > 0, `${p.id}: has sources`);
    t.match(p.version, /^\d+\.\d+\.\d+/, `${p.id}: semver`);
    t.ok(Object.isFrozen(p) && Object.isFrozen(p.budget.tiers), `${p.id}: frozen`);
    const levels = p.levelPoints.reduce((a, b) => a.plus(b.points), new Dec(0));
    t.equal(levels.plus(p.budget.points).toString(), p.totalPoints.toString(), `${p.id}: points add up`);
  }
});

t.test('national-2020 carries the §6.9 defaults', async (t) => {
  const p = loadPolicies().get('national-2020')!;
  t.same(p.appliesTo, { regions: [], yearFrom: 2020, yearTo: null });
  t.equal(s(p.totalPoints), '100');
  t.equal(p.scoreDecimals, 2);
  t.equal(s(p.tolerance), '0.01');
  t.same(
    { ...p.budget, points: s(p.budget.points), zero: s(p.budget.zeroBudgetBothZeroRate), low: s(p.budget.lowExecReasonThreshold), zeroBudgetBothZeroRate: undefined, lowExecReasonThreshold: undefined },
    { points: '10', formula: 'linear', tiers: [], rateDecimals: 2, over100: 'error', zero: null, low: null, zeroBudgetBothZeroRate: undefined, lowExecReasonThreshold: undefined },
  );
  t.same(p.levelPoints.map((l) => [l.keys, s(l.points)]), [[['output'], '50'], [['benefit'], '30'], [['satisfaction'], '10']]);
  t.same({ ...p.quantitative, overachieveFactor: s(p.quantitative.overachieveFactor) }, {
    reverseFormula: 'linear_to_2T', strictOperators: false, overachieveFactor: '1.2', overachieveRequiresReason: false, allowManualOverride: false,
  });
  t.same({ A: s(p.qualitative.tierMin.A), B: s(p.qualitative.tierMin.B), C: s(p.qualitative.tierMin.C) }, { A: '0.8', B: '0.6', C: '0' });
  t.same({ A: s(p.qualitative.defaults.A), B: s(p.qualitative.defaults.B), C: s(p.qualitative.defaults.C) }, { A: '1', B: null, C: null });
  t.same(p.qualitative.gradedActuals, { 优: 'A', 良: 'B', 中: 'B', 低: 'C', 差: 'C' });
  t.equal(p.qualitative.acceptReportedScoreInTier, true);
  t.equal(p.costRow.defaultRowCap, null);
  t.same([p.adjustedTargetSkip, p.manualDeduction, p.excludeAndRenormalise], [false, true, false]);
  t.same(p.grades.map((g) => [s(g.min), g.label, g.code]), [['90', '优', '1'], ['80', '良', '2'], ['60', '中', '3'], ['0', '差', '4']]);
  t.equal(p.gradeRequired, true);
  t.match(p.description, /no source/, 'says that the graded-actual mapping is unsourced');
});

t.test('provincial policies differ from national only where §3 says', async (t) => {
  const reg = loadPolicies();
  const nat = readRaw('national-2020.json');
  // Everything except identity, scope, prose and the expected parameters must equal national.
  const expected: Record<string, { regions: string[]; years: [number | null, number | null]; diff: Record<string, unknown> }> = {
    'shanxi-2022': { regions: ['140000'], years: [2022, null], diff: { costRow: { defaultRowCap: '5' }, adjustedTargetSkip: true } },
    hubei: {
      regions: ['420000'], years: [null, null],
      diff: {
        version: '1.1.0',
        budget: { ...nat.budget, points: '20' },
        levelPoints: { output: '40', 'benefit+satisfaction': '40' },
        qualitative: { ...nat.qualitative, tierMin: { A: '0.8', B: '0.5', C: '0' } },
        grades: null,
      },
    },
    jiangxi: {
      regions: ['360000'], years: [null, null],
      diff: { budget: { ...nat.budget, formula: 'tiered', tiers: [{ minRate: '100', share: '1' }, { minRate: '80', share: '0.7' }, { minRate: '60', share: '0.5' }, { minRate: '0', share: '0' }] } },
    },
    'zhejiang-2024': { regions: ['330000'], years: [2024, null], diff: { budget: { ...nat.budget, over100: 'allow', zeroBudgetBothZeroRate: '100' } } },
    guangxi: { regions: ['450000'], years: [null, null], diff: { quantitative: { ...nat.quantitative, overachieveFactor: '1.3', overachieveRequiresReason: true } } },
    sichuan: { regions: ['510000'], years: [null, null], diff: { budget: { ...nat.budget, lowExecReasonThreshold: '90' } } },
    'beijing-2016': {
      regions: ['110000'], years: [2016, 2019],
      diff: { budget: { ...nat.budget, rateDecimals: 0 }, quantitative: { ...nat.quantitative, reverseFormula: 'ratio' } },
    },
  };
  for (const [id, e] of Object.entries(expected)) {
    const raw = readRaw(`${id}.json`);
    t.equal(raw.id, id);
    t.equal(raw.default, false, `${id} is not default`);
    t.same(raw.appliesTo, { regions: e.regions, years: { from: e.years[0], to: e.years[1] } }, `${id} scope`);
    const { id: _i, name: _n, description: _d, default: _df, appliesTo: _a, sources: _s, ...params } = raw;
    const { id: _i2, name: _n2, description: _d2, default: _df2, appliesTo: _a2, sources: _s2, ...natParams } = nat;
    t.same(params, { ...natParams, ...e.diff }, `${id} parameters`);
    t.ok(reg.get(id), `${id} loaded`);
  }
  t.match(readRaw('hubei.json').description, /效益 \+ 满意度 = 40 together without a split/, 'Hubei keeps 效益 + 满意度 joined, as §3.2 rule 45 says');
});

t.test('compile converts strings to Dec and sorts bands and tiers highest first', async (t) => {
  const raw = readRaw('jiangxi.json');
  raw.budget.tiers.reverse();
  raw.grades!.reverse();
  const p = compilePolicy(raw, 'h');
  t.same(p.levelPoints.map((l) => l.keys), [['output'], ['benefit'], ['satisfaction']]);
  t.equal(p.hash, 'h');
  t.same(p.budget.tiers.map((x) => [s(x.minRate), s(x.share)]), [['100', '1'], ['80', '0.7'], ['60', '0.5'], ['0', '0']]);
  t.same(p.grades.map((g) => s(g.min)), ['90', '80', '60', '0']);
  t.ok(p.budget.tiers[1].share instanceof Dec);
  t.equal(p.budget.tiers[1].share.times(10).toString(), '7', 'exact decimal, no float drift');
  const bad = readRaw('national-2020.json');
  bad.qualitative.tierMin.B = '0.9';
  t.throws(() => compilePolicy(bad, 'h'), PolicyCompileError);
  t.throws(() => compilePolicy(bad, 'h'), { message: /\/qualitative\/tierMin\/A must be greater than tierMin B/ });
});

t.test('canonical JSON and hashes', async (t) => {
  t.equal(canonicalJson({ b: 1, a: { d: '2', c: [3, { f: null, e: true }] }, u: undefined }), '{"a":{"c":[3,{"e":true,"f":null}],"d":"2"},"b":1}');
  t.equal(canonicalJson('中'), '"中"');
  t.equal(canonicalJson([undefined, 1]), JSON.stringify([undefined, 1]), 'undefined in an array is null, as in JSON');
  t.throws(() => canonicalJson(() => 1), TypeError);
  const reg = loadPolicies();
  const hashes = new Set<string>();
  for (const f of policyFiles) {
    const raw = readRaw(f);
    const p = reg.get(raw.id)!;
    t.match(p.hash, /^[0-9a-f]{64}$/);
    t.equal(p.hash, policyHash(raw), `${f}: hash is of the file content`);
    // Re-serialised with other key order and indentation: same content, same hash.
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(raw).reverse())));
    t.equal(policyHash(reordered), p.hash, `${f}: key order does not matter`);
    hashes.add(p.hash);
  }
  t.equal(hashes.size, policyFiles.length, 'every policy has its own hash');
  const nat = readRaw('national-2020.json');
  const changed = { ...nat, tolerance: '0.02' };
  t.not(policyHash(changed), policyHash(nat), 'content change → hash change');
  t.not(policyHash({ ...nat, version: '1.0.1' }), policyHash(nat));
  t.equal(policyHash(nat), policyHash(readRaw('national-2020.json')), 'stable across reads');
});

t.test('selectPolicy', async (t) => {
  const reg = loadPolicies();
  const table: [string, string | null | undefined, number | null | undefined][] = [
    ['shanxi-2022', '140000', 2022],
    ['shanxi-2022', '140100', 2023],
    ['national-2020', '140000', 2021],
    ['hubei', '420000', 2023],
    ['hubei', '420000', null],
    ['national-2020', '330000', 2023],
    ['zhejiang-2024', '330000', 2024],
    ['beijing-2016', '110000', 2017],
    ['national-2020', null, 2023],
    ['national-2020', undefined, undefined],
    ['national-2020', '990000', 2023],
    // extra: bounds and missing data
    ['beijing-2016', '110108', 2016],
    ['beijing-2016', '110000', 2019],
    ['national-2020', '110000', 2020],
    ['national-2020', '110000', null], // no year → only policies still in force
    ['shanxi-2022', '140000', null],
    ['jiangxi', '360102', 2021],
    ['national-2020', '', 2023],
    ['national-2020', '410000', 2023], // 41 is not 14
    ['national-2020', '014000', 2023],
  ];
  for (const [want, code, year] of table) {
    t.equal(reg.select({ mofDivCode: code, fiscalYear: year }).id, want, `${code}/${year} → ${want}`);
    t.equal(selectPolicy(reg.list, { mofDivCode: code, fiscalYear: year }).id, want);
  }
  t.throws(() => selectPolicy([], {}), /no default policy/);
});

t.test('selection prefers the most specific region, then the latest yearFrom', async (t) => {
  const nat = readRaw('national-2020.json');
  const mk = (id: string, regions: string[], from: number | null, to: number | null = null): { name: string; json: PolicyFile } => ({
    name: `${id}.json`,
    json: { ...nat, id, default: false, appliesTo: { regions, years: { from, to } } },
  });
  const reg = loadPoliciesFrom([
    { name: 'national-2020.json', json: nat },
    mk('province', ['140000'], null),
    mk('province-2023', ['140000'], 2023),
    mk('city', ['140100'], null),
    mk('national-2025', [], 2025),
    mk('two', ['420000', '420100'], null),
  ]);
  const pick = (code: string | null, year: number | null) => reg.select({ mofDivCode: code, fiscalYear: year }).id;
  t.equal(pick('140100', 2024), 'city', 'city beats province even when the province is newer');
  t.equal(pick('140101', 2020), 'city');
  t.equal(pick('140200', 2024), 'province-2023', 'same region: latest yearFrom');
  t.equal(pick('140200', 2022), 'province');
  t.equal(pick(null, 2026), 'national-2025', 'region-less: latest yearFrom');
  t.equal(pick(null, 2024), 'national-2020');
  t.equal(pick('420100', 2024), 'two');
  t.equal(pick('140100', 2026), 'city', 'a region beats a newer region-less policy');
  const shuffled = [...reg.list].reverse();
  t.equal(selectPolicy(shuffled, { mofDivCode: '140200', fiscalYear: 2024 }).id, 'province-2023', 'order does not matter');
});

t.test('regionMatches and regionPrefix', async (t) => {
  const table: [string, string, boolean][] = [
    ['140100', '140000', true],
    ['140000', '140000', true],
    ['140100000', '140000', true],
    ['150100', '140000', false],
    ['140200', '140100', false],
    ['140101', '140100', true],
    ['110000', '100000', false],
    ['100000', '100000', true],
  ];
  for (const [code, prefix, want] of table) t.equal(regionMatches(code, prefix), want, `${code} in ${prefix}`);
  t.equal(regionPrefix('140000'), '14');
  t.equal(regionPrefix('140100'), '1401');
  t.equal(regionPrefix('000000'), '00', 'never strips below a province');
});

t.test('levelPoints: a joined key compiles to one sum over several 一级 keys (Hubei §3.2 rule 45)', async (t) => {
  const p = loadPolicies().get('hubei')!;
  t.same(p.levelPoints.map((l) => [l.keys, s(l.points)]), [[['output'], '40'], [['benefit', 'satisfaction'], '40']]);
  t.equal(s(p.budget.points), '20');
});

t.test('levelPoints: keys are checked across the joined groups', async (t) => {
  const nat = readRaw('national-2020.json');
  // [case, levelPoints, expected issue (pointer and message start)]
  const cases: [string, Record<string, string>, string][] = [
    ['a key twice', { output: '50', 'benefit+output': '30', satisfaction: '10' }, '/levelPoints/benefit+output repeats the 一级 key output (already in /levelPoints/output)'],
    ['a key twice in one group', { output: '50', 'benefit+benefit': '30', satisfaction: '10' }, '/levelPoints/benefit+benefit repeats the 一级 key benefit'],
    ['satisfaction missing', { output: '50', benefit: '40' }, '/levelPoints must give points to satisfaction'],
    ['an unknown key', { output: '50', 'benefit+effect': '30', satisfaction: '10' }, '/levelPoints/benefit+effect is not an allowed key: must match pattern'],
    ['group beyond the total', { output: '50', 'benefit+satisfaction': '140' }, '/levelPoints/benefit+satisfaction must be between 0 and 100'],
  ];
  for (const [name, levelPoints, want] of cases) {
    let message = '(compiled without error)';
    try {
      compilePolicy({ ...nat, levelPoints }, 'h');
    } catch (err) {
      message = (err as Error).message;
    }
    t.ok(message.includes(want), `${name}: ${want}`, { message });
  }
  const joined = compilePolicy({ ...nat, levelPoints: { output: '50', 'benefit+satisfaction': '40' } }, 'h');
  t.same(joined.levelPoints.map((l) => l.keys), [['output'], ['benefit', 'satisfaction']], 'national 30 + 10 may also be written joined');
});

t.test('grades: null means grading is optional, not absent', async (t) => {
  const nat = readRaw('national-2020.json');
  t.same(nat.grades, NATIONAL_GRADES, 'the built-in national bands are the ones of national-2020.json');
  const hubei = loadPolicies().get('hubei')!;
  t.equal(readRaw('hubei.json').grades, null);
  t.equal(hubei.gradeRequired, false, 'Hubei: 可以不评级');
  t.same(hubei.grades.map((g) => [s(g.min), g.label, g.code]), [['90', '优', '1'], ['80', '良', '2'], ['60', '中', '3'], ['0', '差', '4']]);
  // [file grades, file gradeRequired, expected compiled gradeRequired]
  const rows: [PolicyFile['grades'], boolean | undefined, boolean][] = [
    [nat.grades, undefined, true],
    [null, undefined, false],
    [nat.grades, false, false],
    [null, true, true],
  ];
  for (const [grades, gradeRequired, want] of rows) {
    const p = compilePolicy({ ...nat, grades, gradeRequired }, 'h');
    t.equal(p.gradeRequired, want, `grades ${grades === null ? 'null' : 'bands'}, gradeRequired ${gradeRequired} → ${want}`);
    t.equal(p.grades.length, 4);
  }
});

t.test('scoring/policy.schema.json is generated from the zod declaration and current', async (t) => {
  const committed = readFileSync(join(scoringDir, 'policy.schema.json'), 'utf8');
  t.equal(committed, policyJsonSchemaText(), 'scoring/policy.schema.json is stale: run `npm run openapi` and commit it');
});

t.test('the generated JSON Schema accepts every shipped file (ajv, draft 2020-12) and rejects what zod rejects', async (t) => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(readFileSync(join(scoringDir, 'policy.schema.json'), 'utf8')) as object);
  for (const f of policyFiles) t.equal(validate(readRaw(f)), true, `${f} is valid`, { errors: validate.errors });
  const nat = readRaw('national-2020.json');
  // [case, file, expected validity]
  const rows: [string, unknown, boolean][] = [
    ['joined level key', { ...nat, levelPoints: { output: '50', 'benefit+satisfaction': '40' } }, true],
    ['unknown level key', { ...nat, levelPoints: { output: '50', effect: '40' } }, false],
    ['grades null with gradeRequired', { ...nat, grades: null, gradeRequired: false }, true],
    ['tiered without tiers', { ...nat, budget: { ...nat.budget, formula: 'tiered' } }, false],
    ['decimal as a number', { ...nat, tolerance: 0.01 }, false],
  ];
  for (const [name, json, want] of rows) {
    t.equal(validate(json), want, `ajv: ${name}`);
    let zodOk = true;
    try {
      compilePolicy(json, 'h');
    } catch {
      zodOk = false;
    }
    t.equal(zodOk, want, `zod: ${name}`);
  }
});

t.test('every schema property has a description citing scoring-rules.md', async (t) => {
  const schema = JSON.parse(readFileSync(join(scoringDir, 'policy.schema.json'), 'utf8'));
  const missing: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    for (const key of ['properties', '$defs']) {
      const props = n[key] as Record<string, Record<string, unknown>> | undefined;
      if (!props) continue;
      for (const [name, sub] of Object.entries(props)) {
        if (typeof sub.description !== 'string' || !/§\d/.test(sub.description)) missing.push(`${path}/${key}/${name}`);
      }
    }
    for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
  };
  walk(schema, '#');
  t.same(missing, []);
  t.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
});

t.test('loadPolicies reads a folder and names files by folder', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-policy-'));
  const dir = join(root, 'scoring');
  mkdirSync(dir);
  copyFileSync(join(scoringDir, 'national-2020.json'), join(dir, 'national-2020.json'));
  copyFileSync(join(scoringDir, 'policy.schema.json'), join(dir, 'policy.schema.json'));
  writeFileSync(join(dir, 'notes.txt'), 'ignored');
  const reg = loadPolicies(dir);
  t.same(reg.list.map((p) => p.id), ['national-2020'], 'schema and non-JSON files are skipped');
  t.not(reg, loadPolicies(), 'an explicit folder is not the cached registry');
  t.same(loadPolicies(new URL(`file://${dir}/`)).list.map((p) => p.id), ['national-2020'], 'a folder URL works too');

  const bad = readRaw('national-2020.json') as unknown as Record<string, Record<string, unknown>>;
  bad.budget.points = 10;
  bad.id = 'bad' as unknown as Record<string, unknown>;
  bad.default = false as unknown as Record<string, unknown>;
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
  t.throws(() => loadPolicies(dir), { name: 'PolicyLoadError', message: /^scoring\/bad\.json: \/budget\/points must be string$/m });
  bad.budget.points = '10.';
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
  t.throws(() => loadPolicies(dir), { message: 'scoring/bad.json: /budget/points must match pattern "^-?\\d+(\\.\\d+)?$"' });
  writeFileSync(join(dir, 'bad.json'), '{ "id": ');
  t.throws(() => loadPolicies(dir), { message: /^scoring\/bad\.json: \(root\) is not valid JSON/ });
});

t.test('quantitative.strictOperators is documented for the engine', async (t) => {
  const schema = JSON.parse(readFileSync(join(scoringDir, 'policy.schema.json'), 'utf8'));
  const d: string = schema.properties.quantitative.properties.strictOperators.description;
  t.match(d, /actual equal to a ＞ \(GT\) or ＜ \(LT\) target is not met/);
  t.match(d, /§2\.2 rule 26/);
});
