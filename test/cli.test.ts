/** The CLI through runCli with captured streams, and once through the real bin. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { renderResultTable, totalLine } from '../src/cli/commands/score.js';
import { runCli } from '../src/cli/main.js';
import type { ScoreResult } from '../src/core/model/result.js';
import { loadJixiao } from '../src/jixiao.js';
import type { CliIO } from '../src/cli/types.js';
import { childEnv } from './support/child-env.js';

const seedPath = (n: string) => new URL(`./fixtures/seed/${n}.json`, import.meta.url).pathname;

async function cli(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => stdin, env: {} };
  const code = await runCli(args, io);
  return { code, out, err };
}

t.test('score prints JSON with total, grade and findings', async (t) => {
  // [expected total, grade, file, policy, expected codes]
  const rows: [string, string, string, string, string[]][] = [
    ['93.76', '优', '01-jingban', 'shanxi-2022', []],
    ['95.00', '优', '02-dangan', 'shanxi-2022', []],
    ['90.00', '优', '03-dalou', 'shanxi-2022', ['WEIGHT_SUM', 'TOTAL_MISMATCH']],
    ['88.76', '良', '01-jingban', 'national-2020', ['TARGET_MISSING']],
  ];
  for (const [total, grade, file, policy, codes] of rows) {
    const r = await cli(['score', seedPath(file), '--policy', policy]);
    t.equal(r.code, 0, `${file} exit 0`);
    const json = JSON.parse(r.out) as { total: string; grade: string; findings: { code: string }[] };
    t.equal(json.total, total);
    t.equal(json.grade, grade);
    for (const c of codes) t.ok(json.findings.some((f) => f.code === c), `${file} ${c}`);
  }
});

t.test('score without --policy uses the policy in force', async (t) => {
  const r = await cli(['score', seedPath('01-jingban')]);
  t.equal((JSON.parse(r.out) as { policy: { id: string } }).policy.id, 'shanxi-2022');
});

t.test('score --format table is a readable Chinese table', async (t) => {
  const r = await cli(['score', seedPath('03-dalou'), '--format', 'table']);
  t.equal(r.code, 0);
  t.match(r.out, /总分：90\.00(（暂定）)?  等级：优/);
  t.match(r.out, '填报总分：95  填报等级：优', "the filer's total labelled as the filer's");
  t.notMatch(r.out, '（填报 ', 'not the old "分值合计：100（填报 95）" that reads like a points sum');
  t.match(r.out, '执行率 = 全年执行数48.78万元 ÷ 全年预算数48.78万元 = 100.00%', 'the funds explanation in the form’s money unit');
  t.match(r.out, /安全事故发生次数/);
  t.match(r.out, /WEIGHT_SUM/);
});

/** A scored seed with the issue-8 fields set by hand, as the engine will set them. */
function seedResult(over: Partial<ScoreResult>): ScoreResult {
  const out = loadJixiao().scoreInput(JSON.parse(readFileSync(seedPath('01-jingban'), 'utf8')), {});
  if (!out.ok) throw new Error('seed 01 invalid');
  return { ...out.result, ...over };
}

t.test('the total line: provisional marks, reasons, explanations, the grade for reference', async (t) => {
  const explanation = { total: '执行率得分 8.76 + 指标得分 85.00 = 93.76', grade: '93.76 ≥ 90 → 优' };
  // [why, overrides, expected total line, the lines under it]
  const rows: [string, Partial<ScoreResult>, string, string[]][] = [
    [
      'final, grade required',
      { provisional: false, gradeRequired: true, explanation },
      '总分：93.76  等级：优  分值合计：100  填报总分：93.76  填报等级：优',
      ['  总分计算：执行率得分 8.76 + 指标得分 85.00 = 93.76', '  等级评定：93.76 ≥ 90 → 优'],
    ],
    [
      'provisional: a row needs review',
      { provisional: true, gradeRequired: true, explanation, reported: { total: '94', grade: null } },
      '总分：93.76（暂定）  等级：优（暂定）  分值合计：100  填报总分：94',
      ['  总分与等级暂定：有待人工复核的事项', '  总分计算：执行率得分 8.76 + 指标得分 85.00 = 93.76', '  等级评定：93.76 ≥ 90 → 优'],
    ],
    [
      'grade not required (Hubei)',
      { provisional: false, gradeRequired: false, explanation: { total: '', grade: '' }, reported: { total: null, grade: null } },
      '总分：93.76  等级：优（仅供参考）  分值合计：100',
      ['  不要求评级，计算等级仅供参考'],
    ],
    [
      'no grade at all',
      { provisional: false, gradeRequired: true, grade: null, explanation: { total: '', grade: '' }, reported: { total: null, grade: null } },
      '总分：93.76  等级：不评级  分值合计：100',
      [],
    ],
  ];
  for (const [why, over, line, under] of rows) {
    const r = seedResult(over);
    t.equal(totalLine(r), line, why);
    const lines = renderResultTable(r).split('\n');
    const at = lines.indexOf(line);
    t.ok(at > 0, `${why}: the line is in the table`);
    t.same(lines.slice(at + 1, at + 1 + under.length), under, why);
    t.notMatch(lines[at + 1 + under.length] ?? '', /^ {2}\S/, `${why}: nothing more under the total`);
  }
});

t.test('the reasons a total is provisional', async (t) => {
  const base = seedResult({ provisional: true, gradeRequired: true, explanation: { total: '', grade: '' } });
  const review = { ...base, indicators: base.indicators.map((i, k) => (k === 1 ? { ...i, status: 'needs_review' as const } : i)) };
  t.match(renderResultTable(review), `  总分与等级暂定：1个指标需人工复核（${base.indicators[1].name}）\n`);
  const weights = {
    ...base,
    findings: [...base.findings, { code: 'WEIGHT_SUM' as const, severity: 'error' as const, pointer: '/indicators', message: 'm', params: { sum: '90', expected: '100' } }],
  };
  t.match(renderResultTable(weights), '  总分与等级暂定：分值合计90分，不等于政策总分100分\n');
});

t.test('score reads standard input', async (t) => {
  const { readFileSync } = await import('node:fs');
  const r = await cli(['score', '-'], readFileSync(seedPath('02-dangan'), 'utf8'));
  t.equal((JSON.parse(r.out) as { total: string }).total, '95.00');
});

t.test('invalid input exits 2 with every problem on stderr', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ fiscalYear: 'x', indicators: [] }));
  const r = await cli(['score', bad]);
  t.equal(r.code, 2);
  t.match(r.err, /INVALID_YEAR\t\/fiscalYear/);
  t.match(r.err, /EMPTY_INDICATORS\t\/indicators/);
  t.match(r.err, /REQUIRED\t\/proName/);
  t.equal(r.out, '');
  const v = await cli(['validate', bad]);
  t.equal(v.code, 2);
  t.match(v.err, /EMPTY_INDICATORS/);
  writeFileSync(join(dir, 'trunc.json'), '{"fiscalYear": 20');
  const trunc = await cli(['score', join(dir, 'trunc.json')]);
  t.equal(trunc.code, 2);
  t.match(trunc.err, /不是有效的 JSON/);
  const missing = await cli(['score', join(dir, 'none.json')]);
  t.equal(missing.code, 2);
  t.match(missing.err, /ENOENT/);
});

t.test('usage errors exit 2', async (t) => {
  // [args, stderr pattern]
  const rows: [string[], RegExp][] = [
    [['score'], /usage/],
    [['score', 'a', '--format', 'xml'], /usage/],
    [['score', seedPath('01-jingban'), '--policy', 'mars'], /unknown policy: mars/],
    [['score', 'a', '--what'], /usage/],
    [['validate'], /usage/],
    [['policies', 'x'], /usage/],
    [['frobnicate'], /unknown command/],
    [['keys'], /--role unit --unit CODE --region CODE .*a unit key needs --region/],
    [['keys', 'create', '--what'], /usage/],
  ];
  for (const [args, pattern] of rows) {
    const r = await cli(args);
    t.equal(r.code, 2, args.join(' '));
    t.match(r.err, pattern);
  }
  t.equal((await cli([])).code, 2, 'no command');
});

t.test('validate names each unknown field it ignored', async (t) => {
  const file = join(mkdtempSync(join(tmpdir(), 'jixiao-cli-')), 'unknown.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(seedPath('01-jingban'), 'utf8')), 备注: 'x' }));
  const v = await cli(['validate', file]);
  t.equal(v.code, 0);
  t.match(v.out, /表单有效/);
  t.equal(v.err, 'warning\tUNKNOWN_FIELD\t/备注\t未知字段“备注”已忽略（不评分、不保存）\n');
});

t.test('validate, policies, help and version', async (t) => {
  const v = await cli(['validate', seedPath('01-jingban')]);
  t.equal(v.code, 0);
  t.match(v.out, /表单有效/);
  const p = await cli(['policies']);
  t.equal(p.code, 0);
  t.match(p.out, /national-2020 \*/);
  t.match(p.out, /shanxi-2022/);
  const pj = await cli(['policies', '--format', 'json']);
  t.ok((JSON.parse(pj.out) as { id: string }[]).some((x) => x.id === 'hubei'));
  const h = await cli(['--help']);
  t.equal(h.code, 0);
  t.match(h.out, /score FILE/);
  t.match((await cli(['--version'])).out, /^\d+\.\d+\.\d+\n$/);
});

t.test('npx jixiao works from the checkout (bin → tsx)', async (t) => {
  const run = promisify(execFile);
  const bin = new URL('../bin/jixiao.js', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, [bin, 'score', seedPath('02-dangan'), '--policy', 'shanxi-2022'], { env: childEnv() });
  t.equal((JSON.parse(stdout) as { total: string }).total, '95.00');
  const bad = await run(process.execPath, [bin, 'score', '/nonexistent.json'], { env: childEnv() }).catch((e: { code: number; stderr: string }) => e);
  t.equal((bad as { code: number }).code, 2);
});

t.test('jixiao import: one shape, that of POST /v1/import, whatever the workbook and the flags (issue 12)', async (t) => {
  const ExcelJS = (await import('exceljs')).default;
  const { loadJson, SEED_DIR, XLSX_DIR, writeShanxi } = await import('./support/make-workbooks.js');
  const { buildApp } = await import('../src/http/app.js');
  const form = loadJson(SEED_DIR + '01-jingban.json') as { funds: { rows: Record<string, unknown>[] } };
  const wb = new ExcelJS.Workbook();
  writeShanxi(wb, 'ok', form);
  writeShanxi(wb, 'bad', { ...form, funds: { ...form.funds, rows: form.funds.rows.map((r) => ({ ...r, budget: '-5' })) } });
  const two = join(mkdtempSync(join(tmpdir(), 'jixiao-import-')), 'two.xlsx');
  writeFileSync(two, Buffer.from(await wb.xlsx.writeBuffer()));
  const ENTRY = ['sheet', 'layout', 'form', 'cells', 'findings'];
  // [args, exit code, sheets, what each entry adds to ENTRY]
  const cases: [string[], number, string[], string[][]][] = [
    [[XLSX_DIR + '01-jingban.xlsx'], 0, ['Sheet1'], [[]]],
    [[XLSX_DIR + '06-seed-all.xlsx'], 0, ['经办', '档案', '大楼'], [[], [], []]],
    [[XLSX_DIR + '06-seed-all.xlsx', '--sheet', '大楼'], 0, ['大楼'], [[]]],
    [['--score', XLSX_DIR + '03-dalou.xlsx'], 0, ['大楼 运行费'], [['result']]],
    [['--score', two], 2, ['ok', 'bad'], [['result'], ['problems']]],
    [[two], 0, ['ok', 'bad'], [[], []]],
  ];
  for (const [args, code, sheets, extra] of cases) {
    const r = await cli(['import', ...args]);
    t.equal(r.code, code, args.join(' '));
    const out = JSON.parse(r.out) as { forms: Record<string, unknown>[]; findings: unknown[] };
    t.same(Object.keys(out), ['forms', 'findings'], `${args.join(' ')}: {forms, findings}`);
    t.same(out.forms.map((f) => f.sheet), sheets);
    t.same(out.forms.map((f) => Object.keys(f)), extra.map((e) => [...ENTRY, ...e]));
  }
  const bad = JSON.parse((await cli(['import', '--score', two])).out).forms[1].problems as { code: string; cell: string }[];
  t.same(bad.map((p) => `${p.code} ${p.cell}`), ['NEGATIVE_NUMBER bad!F7', 'NEGATIVE_NUMBER bad!F8'], 'problems with their cells');

  // The same workbook through POST /v1/import: the same shape (the service scores by default).
  const app = await buildApp({ config: { logLevel: 'silent' } });
  t.teardown(() => app.close());
  const http = await app.inject({ method: 'POST', url: '/v1/import', headers: { 'content-type': 'application/octet-stream' }, payload: readFileSync(two) });
  t.equal(http.statusCode, 200);
  const cliOut = JSON.parse((await cli(['import', '--score', two])).out);
  t.same(http.json(), cliOut, 'the CLI prints what the service answers');
});
