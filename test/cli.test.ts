/** The CLI through runCli with captured streams, and once through the real bin. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { runCli } from '../src/cli/main.js';
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
    t.equal(0, r.code, `${file} exit 0`);
    const json = JSON.parse(r.out) as { total: string; grade: string; findings: { code: string }[] };
    t.equal(total, json.total);
    t.equal(grade, json.grade);
    for (const c of codes) t.ok(json.findings.some((f) => f.code === c), `${file} ${c}`);
  }
});

t.test('score without --policy uses the policy in force', async (t) => {
  const r = await cli(['score', seedPath('01-jingban')]);
  t.equal('shanxi-2022', (JSON.parse(r.out) as { policy: { id: string } }).policy.id);
});

t.test('score --format table is a readable Chinese table', async (t) => {
  const r = await cli(['score', seedPath('03-dalou'), '--format', 'table']);
  t.equal(0, r.code);
  t.match(r.out, /总分：90\.00  等级：优/);
  t.match(r.out, /安全事故发生次数/);
  t.match(r.out, /WEIGHT_SUM/);
});

t.test('score reads standard input', async (t) => {
  const { readFileSync } = await import('node:fs');
  const r = await cli(['score', '-'], readFileSync(seedPath('02-dangan'), 'utf8'));
  t.equal('95.00', (JSON.parse(r.out) as { total: string }).total);
});

t.test('invalid input exits 2 with every problem on stderr', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ fiscalYear: 'x', indicators: [] }));
  const r = await cli(['score', bad]);
  t.equal(2, r.code);
  t.match(r.err, /INVALID_YEAR\t\/fiscalYear/);
  t.match(r.err, /EMPTY_INDICATORS\t\/indicators/);
  t.match(r.err, /REQUIRED\t\/proName/);
  t.equal('', r.out);
  const v = await cli(['validate', bad]);
  t.equal(2, v.code);
  t.match(v.err, /EMPTY_INDICATORS/);
  writeFileSync(join(dir, 'trunc.json'), '{"fiscalYear": 20');
  const trunc = await cli(['score', join(dir, 'trunc.json')]);
  t.equal(2, trunc.code);
  t.match(trunc.err, /不是有效的 JSON/);
  const missing = await cli(['score', join(dir, 'none.json')]);
  t.equal(2, missing.code);
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
  ];
  for (const [args, pattern] of rows) {
    const r = await cli(args);
    t.equal(2, r.code, args.join(' '));
    t.match(r.err, pattern);
  }
  t.equal(2, (await cli([])).code, 'no command');
});

t.test('validate, policies, help and version', async (t) => {
  const v = await cli(['validate', seedPath('01-jingban')]);
  t.equal(0, v.code);
  t.match(v.out, /表单有效/);
  const p = await cli(['policies']);
  t.equal(0, p.code);
  t.match(p.out, /national-2020 \*/);
  t.match(p.out, /shanxi-2022/);
  const pj = await cli(['policies', '--format', 'json']);
  t.ok((JSON.parse(pj.out) as { id: string }[]).some((x) => x.id === 'hubei'));
  const h = await cli(['--help']);
  t.equal(0, h.code);
  t.match(h.out, /score FILE/);
  t.match((await cli(['--version'])).out, /^\d+\.\d+\.\d+\n$/);
});

t.test('npx jixiao works from the checkout (bin → tsx)', async (t) => {
  const run = promisify(execFile);
  const bin = new URL('../bin/jixiao.js', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, [bin, 'score', seedPath('02-dangan'), '--policy', 'shanxi-2022'], { env: childEnv() });
  t.equal('95.00', (JSON.parse(stdout) as { total: string }).total);
  const bad = await run(process.execPath, [bin, 'score', '/nonexistent.json'], { env: childEnv() }).catch((e: { code: number; stderr: string }) => e);
  t.equal(2, (bad as { code: number }).code);
});
