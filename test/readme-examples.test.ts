/**
 * The README as an integrator reads it (issue 12 item 7): every block fenced as `sh example` runs,
 * as pasted, against the real server (src/server.ts with the defaults of `npm start`, on an
 * ephemeral port, with a fresh DATA_DIR) — the only change is `http://localhost:3000` → that
 * port — and every `# → text` annotation is found in what its block printed. Each curl of the
 * blocks uses `-f` unless it shows a problem on purpose, so a 4xx or 5xx fails the block. The
 * `ts example` block ("From a plain script") runs with tsx and prints the seed form's score.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { childEnv } from './support/child-env.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import t from 'tap';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
// A server start, about twenty curl calls, three CLI runs and a tsx run: sized by that work.
t.setTimeout(600_000);

interface Block {
  lang: 'sh' | 'ts';
  line: number;
  text: string;
}

/** The fenced blocks whose info string is "sh example" or "ts example". */
export function exampleBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^```(sh|ts) example\s*$/.exec(lines[i]);
    if (!m) continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j])) j++;
    out.push({ lang: m[1] as 'sh' | 'ts', line: start + 1, text: lines.slice(start, j).join('\n') });
    i = j;
  }
  return out;
}

/** The `# → text` annotations of a block (a trailing … is dropped: the text is a prefix). */
function annotations(text: string): string[] {
  return [...text.matchAll(/#\s*→\s*(.+?)\s*$/gm)].map((m) => m[1].replace(/…$/, '').trim());
}

const blocks = exampleBlocks(README);
const missing = ['jq', 'curl'].filter((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0);

t.test('the README marks its examples', async (t) => {
  t.ok(blocks.filter((b) => b.lang === 'sh').length >= 7, 'the curl blocks');
  t.equal(blocks.filter((b) => b.lang === 'ts').length, 1, 'the plain-script block');
  const text = blocks.map((b) => b.text).join('\n');
  // Every route group of the contract has a curl example.
  for (const path of ['/healthz', '/readyz', '/metrics', '/v1/policies', '/v1/score', '/v1/score/batch', '/v1/targets/check', '/v1/import', '/v1/export', '/v1/narrative', '/v1/submissions', '/v1/rescore', '/v1/stats', '/v1/stats/disclosure', '/v1/stats/inflation', '/v1/whatif', '/v1/audit', '/v1/keys', '/v1/jobs']) {
    t.ok(text.includes(`$JX${path}`) || text.includes(`http://localhost:3000${path}`), `an example of ${path}`);
  }
});

t.test('the curl examples, against the server', { skip: missing.length ? `not installed: ${missing.join(', ')}` : false }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-readme-'));
  const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server.ts')], {
    cwd: ROOT,
    env: childEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
  t.teardown(async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  const base = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: server.stdout });
    rl.on('line', (line) => {
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (m) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
  });

  const sh = blocks.filter((b) => b.lang === 'sh');
  const script = ['set -euo pipefail', ...sh.map((b, i) => `echo "@@block ${i}@@"\n${b.text.replaceAll('http://localhost:3000', base)}`)].join('\n');
  let stdout = '';
  let failed: string | null = null;
  try {
    ({ stdout } = await run('bash', ['-c', script], { cwd: ROOT, env: childEnv({ DATA_DIR: dataDir }), maxBuffer: 64 * 1024 * 1024 }));
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    stdout = e.stdout ?? '';
    failed = `exit ${e.code}: ${e.stderr ?? ''}`;
  }
  const outputs = stdout.split(/^@@block \d+@@$/m).slice(1);
  const ran = outputs.length;
  t.equal(failed, null, failed ? `the block at README.md line ${sh[ran - 1]?.line} failed: ${failed}` : 'every block ran');
  for (const [i, b] of sh.entries()) {
    for (const a of annotations(b.text)) t.ok(outputs[i]?.includes(a), `README.md line ${b.line}: "${a}" in ${JSON.stringify(outputs[i]?.slice(0, 400))}`);
  }
});

t.test('"From a plain script" runs as pasted', async (t) => {
  const ts = blocks.find((b) => b.lang === 'ts')!;
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-script-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'score-one.mts'), ts.text);
  // `jixiao` is the package: here its sources (an installed package resolves it to dist/).
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', paths: { jixiao: [join(ROOT, 'src/index.ts')] } } }));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(dir, 'score-one.mts'), join(ROOT, 'test/fixtures/seed/01-jingban.json')], {
    cwd: ROOT,
    env: childEnv({ TSX_TSCONFIG_PATH: join(dir, 'tsconfig.json') }),
  });
  t.equal(stdout, '93.76 优\n', 'the total and grade of the seed form (scoring-rules.md)');
});
