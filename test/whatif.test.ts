/**
 * What-if re-scoring on generated batches whose transitions are known by construction:
 *   - a policy whose grade bands are 80 / 70 / 60 (else Shanxi's): totals do not move, 82.00 and
 *     86.50 go from 良 to 优, the change is the bands';
 *   - Hubei (预算执行率 20 points): every total +10 from the execution score, 良 → 优 twice.
 * Over HTTP (a stored year, a JSON batch, NDJSON) and the CLI; nothing is stored.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { runCli } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/types.js';
import { loadJixiao } from '../src/jixiao.js';
import { batchWhatifItems, storedProjectForm } from '../src/stats/service.js';
import { policyFromJson, whatif } from '../src/stats/whatif.js';
import { known, knownTotal, storeApp, type StoreApp } from './stats-helpers.js';
import { form, indicator } from './support/forms.js';
import { listen } from './support/socket.js';

const jx = loadJixiao();
/** 100 优, 82 良, 86.50 良, 64 中, 46 差. */
const ACTUALS = [100, 80, 85, 60, 40];
const batch = (dept = '501') => ACTUALS.map((a, i) => known(dept, i, a));

function bandsPolicy(): Record<string, unknown> {
  const p = JSON.parse(readFileSync(new URL('../scoring/shanxi-2022.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  return {
    ...p,
    id: 'bands-80-70-60',
    version: '0.1.0',
    name: '等级 80/70/60',
    grades: [
      { min: '80', label: '优', code: '1' },
      { min: '70', label: '良', code: '2' },
      { min: '60', label: '中', code: '3' },
      { min: '0', label: '差', code: '4' },
    ],
  };
}

const matrixOf = (m: Record<string, Record<string, number>>) =>
  Object.entries(m).flatMap(([a, row]) => Object.entries(row).filter(([, n]) => n > 0).map(([b, n]) => `${a}→${b} ${n}`));

t.test('new grade bands: totals stay, the bands move two projects', async (t) => {
  const c = policyFromJson(bandsPolicy());
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  const r = whatif(jx, batchWhatifItems(batch()), c.policy, true);
  t.equal(r.count, 5);
  t.equal(r.changedTotal, 0);
  t.equal(r.changedGrade, 2);
  t.same(r.projects.map((p) => [p.old.total, p.old.grade, p.new.total, p.new.grade]), [
    ['100.00', '优', '100.00', '优'],
    ['82.00', '良', '82.00', '优'],
    ['86.50', '良', '86.50', '优'],
    ['64.00', '中', '64.00', '中'],
    ['46.00', '差', '46.00', '差'],
  ]);
  t.same(matrixOf(r.transitions.matrix), ['优→优 1', '良→优 2', '中→中 1', '差→差 1']);
  t.same(r.transitions.labels, ['优', '良', '中', '差']);
  t.same(r.drivers, [
    {
      rule: 'grade.bands',
      projects: 2,
      rows: 0,
      delta: '0.00',
      absDelta: '0.00',
      examples: [
        { line: 2, proName: '项目1', delta: '0.00' },
        { line: 3, proName: '项目2', delta: '0.00' },
      ],
    },
  ]);
  t.same(r.policy, { id: 'bands-80-70-60', version: '0.1.0', hash: c.policy.hash, name: '等级 80/70/60', uploaded: true });
  t.equal(r.departments[0].up, 2);
  t.equal(r.departments[0].delta, '0.00');
});

t.test('Hubei: the execution score is worth 20, every total +10', async (t) => {
  const r = whatif(jx, batchWhatifItems([...batch('501'), ...batch('502').slice(0, 2)]), jx.policies.get('hubei')!);
  t.same(r.projects.map((p) => p.delta), Array(7).fill('10.00'));
  t.same(r.drivers, [
    {
      rule: 'funds.linear',
      projects: 7,
      rows: 7,
      delta: '70.00',
      absDelta: '70.00',
      examples: [1, 2, 3].map((line) => ({ line, proName: `项目${line - 1}`, delta: '10.00' })),
    },
  ]);
  t.same(matrixOf(r.transitions.matrix), ['优→优 2', '良→优 3', '中→中 1', '差→差 1']);
  t.same(
    r.departments.map((d) => [d.deptCode, d.forms, d.oldSum, d.newSum, d.delta, d.meanDelta, d.up, d.down]),
    [
      ['501', 5, '378.50', '428.50', '50.00', '10.00', 2, 0],
      ['502', 2, '182.00', '202.00', '20.00', '10.00', 1, 0],
    ],
  );
  t.same(r.findings, [{ code: 'WEIGHT_SUM', before: 0, after: 7 }], 'the forms\' points no longer add up to the policy\'s total');
  t.same(r.failed, []);
});

t.test('a 一体化 standard body is re-scored like a form (as /v1/rescore reads stored ones)', async (t) => {
  const ex = JSON.parse(readFileSync(new URL('../api/examples/score-standard.json', import.meta.url), 'utf8')) as { request: { body: Record<string, unknown> } };
  const body = ex.request.body;
  const r = whatif(jx, batchWhatifItems([body]), jx.policies.get('hubei')!);
  t.equal(r.failed.length, 0);
  t.equal(r.count, 1);
  t.equal(r.projects[0].old.policy.id, jx.policyFor({ mofDivCode: '510000', fiscalYear: 2023 }).id, 'the old score under the policy in force');
  t.equal(r.projects[0].new.policy.id, 'hubei');
  const form = storedProjectForm(body);
  t.ok(form && form.indicators.length > 0, 'its rows read back as a form (for the deviation notes)');
});

t.test('a reverse-indicator formula: the delta is the indicator rows\', by method (T9)', async (t) => {
  // "≤90万元", actual 120, 8 points: linear_to_2T (1 − 30/90) × 8 = 5.33; ratio 90/120 × 8 = 6.00 (scoring-rules.md §6.10 T9).
  const rows = [indicator({ level2: '成本指标', name: '培训成本', points: 8, target: '≤90万元', actual: '120万元', deviationNote: '超支' }), indicator({ points: 82 })];
  const f = form({ mofDivCode: '140000', deptCode: '501', agencyCode: '501100', fiscalYear: 2022 }, rows);
  const ratio = policyFromJson({ ...bandsPolicy(), id: 'reverse-ratio', grades: null, quantitative: { ...(bandsPolicy().quantitative as object), reverseFormula: 'ratio' } });
  if (!ratio.ok) throw new Error(JSON.stringify(ratio.issues));
  const r = whatif(jx, batchWhatifItems([f, f]), ratio.policy);
  t.same(r.projects.map((p) => [p.old.total, p.new.total, p.delta]), [
    ['97.33', '98.00', '0.67'],
    ['97.33', '98.00', '0.67'],
  ]);
  t.same(r.drivers.map((d) => [d.rule, d.projects, d.rows, d.delta]), [['indicator.reverse_linear_to_2T→reverse_ratio', 2, 2, '1.34']]);
});

t.test('an item that does not validate is listed, not scored', async (t) => {
  const r = whatif(jx, batchWhatifItems([{ proName: '坏表' }, batch()[0]]), jx.policies.get('hubei')!);
  t.equal(r.count, 1);
  t.equal(r.failed.length, 1);
  t.equal(r.failed[0].line, 1);
  t.ok(r.failed[0].problems.length > 0);
});

async function counts(s: StoreApp): Promise<string> {
  const one = async (table: string) => Number((await s.store.db.get<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${table}`))!.n);
  return [await one('submissions'), await one('submission_versions'), await one('score_snapshots'), await one('audit_log')].join('/');
}

t.test('POST /v1/whatif over a stored year, a JSON batch and NDJSON; nothing is stored', async (t) => {
  const s = await storeApp(t);
  const ids: string[] = [];
  for (const f of [...batch('501'), ...batch('502')]) ids.push((await s.submit(f)).id);
  // A 部门整体支出 form is re-scored too (the seed's, all zeros: 0.00 差 under any bands).
  const dept = JSON.parse(readFileSync(new URL('./fixtures/department/seed-shebao-2022.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  ids.push((await s.submit(dept)).id);
  const before = await counts(s);

  const res = await s.post('/v1/whatif', s.bureau, { year: 2022, policy: bandsPolicy() });
  t.equal(res.statusCode, 200, res.statusCode === 200 ? '' : res.body);
  const r = res.json();
  t.equal(r.year, 2022);
  t.equal(r.count, 11);
  t.same(matrixOf(r.transitions.matrix), ['优→优 2', '良→优 4', '中→中 2', '差→差 3']);
  t.same(r.projects.map((p: { kind: string }) => p.kind), [...Array(10).fill('project'), 'department']);
  t.same(r.projects.map((p: { id: string }) => p.id), ids);
  t.equal(r.projects[0].version, 1);
  t.same(r.projects[0].old.policy, { id: 'shanxi-2022', version: r.projects[0].old.policy.version }, 'the old score is the stored one');
  t.same(r.drivers.map((d: { rule: string; projects: number }) => [d.rule, d.projects]), [['grade.bands', 4]]);

  const one = await s.post('/v1/whatif', s.bureau, { year: 2022, policy: 'hubei', filter: { department: '502' } });
  t.same(one.json().departments.map((d: { deptCode: string; delta: string }) => [d.deptCode, d.delta]), [['502', '50.00']]);
  t.equal((await s.post('/v1/whatif', s.bureau, { year: 2021, policy: 'hubei' })).json().count, 0);

  const json = await s.post('/v1/whatif', s.bureau, { forms: batch('503'), policy: 'hubei' });
  t.equal(json.statusCode, 200);
  t.same(json.json().projects.map((p: { line: number; old: { total: string } }) => [p.line, p.old.total]), ACTUALS.map((a, i) => [i + 1, knownTotal(a)]));
  const nd = await s.post('/v1/whatif?policy=hubei', s.bureau, batch('503').map((f) => JSON.stringify(f)).join('\n') + '\n', { 'content-type': 'application/x-ndjson' });
  t.equal(nd.statusCode, 200);
  t.same(nd.json().projects, json.json().projects, 'NDJSON and a JSON array give the same answer');

  t.equal(await counts(s), before, 'no submission, version, snapshot or audit row was added');
});

t.test('POST /v1/whatif: bad requests and roles', async (t) => {
  const s = await storeApp(t);
  const bad = bandsPolicy();
  (bad.budget as Record<string, unknown>).points = 'ten';
  const res = await s.post('/v1/whatif', s.bureau, { forms: batch(), policy: bad });
  t.equal(res.statusCode, 400);
  t.match(res.json().errors, [{ code: 'BAD_REQUEST', pointer: '/policy/budget/points' }], 'the problem points into the uploaded policy');
  const cases: [string, unknown, number][] = [
    ['unknown policy id', { year: 2022, policy: 'nowhere' }, 404],
    ['year and forms', { year: 2022, forms: [], policy: 'hubei' }, 400],
    ['neither', { policy: 'hubei' }, 400],
    ['no policy', { year: 2022 }, 400],
    ['unknown field', { year: 2022, policy: 'hubei', extra: 1 }, 400],
    ['not an object', [1, 2], 400],
  ];
  for (const [name, body, status] of cases) t.equal((await s.post('/v1/whatif', s.bureau, body)).statusCode, status, name);
  const nd = (body: string, q = '?policy=hubei') => s.post(`/v1/whatif${q}`, s.bureau, body, { 'content-type': 'application/x-ndjson' });
  t.equal((await nd('{"a":1}\nnot json\n')).statusCode, 400, 'a line that is not JSON');
  t.equal((await nd('{"a":1}\n', '')).statusCode, 400, 'NDJSON without ?policy=');
  t.equal((await s.post('/v1/whatif', s.bureau, JSON.stringify('{"a":1}'), { 'content-type': 'application/json' })).statusCode, 400, 'a JSON string is not NDJSON');
  t.equal((await s.post('/v1/whatif', await s.deptKey('501'), { year: 2022, policy: 'hubei' })).statusCode, 403);
  t.equal((await s.post('/v1/whatif', await s.unitKey('501100'), { year: 2022, policy: 'hubei' })).statusCode, 403);
  t.equal((await s.app.inject({ method: 'POST', url: '/v1/whatif', payload: { year: 2022, policy: 'hubei' } })).statusCode, 401);
});

function cliIO(env: Record<string, string>): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { stdout: (x) => void (out += x), stderr: (x) => void (err += x), readStdin: async () => '', env }, out: () => out, err: () => err };
}

t.test('npx jixiao whatif: a stored year (the service\'s store) and a batch file', async (t) => {
  const s = await storeApp(t);
  for (const f of batch('501')) await s.submit(f);
  const a = cliIO({ DATA_DIR: s.dir });
  t.equal(await runCli(['whatif', '--year', '2022', '--policy', 'hubei', '--format', 'json'], a.io), 0, a.err());
  const r = JSON.parse(a.out());
  t.equal(r.count, 5);
  t.equal(r.year, 2022);
  t.same(r.drivers.map((d: { rule: string; delta: string }) => [d.rule, d.delta]), [['funds.linear', '50.00']]);

  const table = cliIO({ DATA_DIR: s.dir });
  t.equal(await runCli(['whatif', '--year', '2022', '--policy', 'hubei'], table.io), 0);
  t.match(table.out(), /等级迁移/);
  t.match(table.out(), /funds\.linear/);

  const file = join(s.dir, 'batch.ndjson');
  writeFileSync(file, batch('504').map((f) => JSON.stringify(f)).join('\n') + '\n');
  const pfile = join(s.dir, 'bands.json');
  writeFileSync(pfile, JSON.stringify(bandsPolicy()));
  const b = cliIO({});
  t.equal(await runCli(['whatif', '--input', file, '--policy-file', pfile, '--format', 'json'], b.io), 0, b.err());
  t.equal(JSON.parse(b.out()).changedGrade, 2);

  const usage = cliIO({});
  t.equal(await runCli(['whatif', '--year', '2022'], usage.io), 2, 'a policy is required');
  t.equal(await runCli(['whatif', '--input', file, '--year', '2022', '--policy', 'hubei'], usage.io), 2, 'year or input, not both');
  t.equal(await runCli(['whatif', '--input', file, '--policy', 'nowhere'], usage.io), 2);
  t.match(usage.err(), /unknown policy: nowhere/);
});

t.test('over a real socket: NDJSON within the limit is answered, beyond it 413 (never a reset)', async (t) => {
  const s = await storeApp(t, { batchBodyLimit: 8192 });
  const port = await listen(s.app);
  const send = (body: string) =>
    fetch(`http://127.0.0.1:${port}/v1/whatif?policy=hubei`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.bureau}`, 'content-type': 'application/x-ndjson' },
      body,
    });
  const line = JSON.stringify(batch()[0]);
  const ok = await send(line + '\n');
  t.equal(ok.status, 200);
  t.equal(((await ok.json()) as { count: number }).count, 1);
  const big = await send(Array(Math.ceil(9000 / line.length) + 1).fill(line).join('\n'));
  t.equal(big.status, 413);
  t.match(big.headers.get('content-type'), /application\/problem\+json/);
  t.equal(((await big.json()) as { code: string }).code, 'BODY_TOO_LARGE');
});
