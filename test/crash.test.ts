/**
 * Crash test: a child process writes submissions as fast as it can and prints "ACK …" after
 * each one is acknowledged (committed); it is killed with SIGKILL at a random moment, 20 times.
 * After each kill the database is opened again (recovery) and checked: every acknowledged
 * submission is present and intact (the stored input hashes to its recorded hash, it has its
 * score snapshot and audit row), and no partial submission exists.
 *
 * The same file is the child when JX_CRASH_CHILD=1 (so the writer uses the service code path).
 */
import { spawn } from 'node:child_process';
import { writeSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from './support/child-env.js';

const SEED = JSON.parse(readFileSync(new URL('./fixtures/seed/01-jingban.json', import.meta.url), 'utf8')) as Record<string, unknown>;

async function child(): Promise<void> {
  const { loadJixiao } = await import('../src/jixiao.js');
  const { openStore } = await import('../src/store/index.js');
  const { submit } = await import('../src/store/service.js');
  const jx = loadJixiao();
  const store = await openStore({ dataDir: process.env.DATA_DIR! });
  const p = { keyId: 'key_crash', name: 'crash writer', role: 'unit' as const, agencyCode: '209100', deptCode: '209', mofDivCode: '140000' };
  const run = process.env.JX_RUN!;
  writeSync(1, 'READY\n');
  for (let i = 0; ; i++) {
    // Every third write is a new version of an earlier project: a head update inside the transaction.
    const project = i % 3 === 2 ? `CR-${run}-${i - 2}` : `CR-${run}-${i}`;
    const form = { ...SEED, id: `eval-${run}-${i}`, proCode: project, reportedTotal: String(80 + (i % 20)) };
    const out = await submit(jx, store, p, form);
    if (out.kind !== 'stored') throw new Error(out.kind);
    const b = out.response.body as { id: string; version: number };
    writeSync(1, `ACK ${b.id} ${b.version} ${project}\n`);
  }
}

/** Spawns a writer on `dir` and resolves once it is ready (with how long that took). */
async function startWriter(dir: string, run: string) {
  const started = performance.now();
  const kid = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: childEnv({ JX_CRASH_CHILD: '1', DATA_DIR: dir, JX_RUN: run }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  kid.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => kid.on('exit', (code, sig) => resolve(sig ?? code)));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    kid.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY\n')) resolve();
    });
    kid.on('exit', () => reject(new Error(`writer exited early: ${err}`)));
  });
  return { kid, exited, dir, readyMs: performance.now() - started };
}

async function parent(): Promise<void> {
  const { default: tap } = await import('tap');
  // Sized by work, not by wall-clock: 20 child starts (tsx + the core) dominate. One calibration
  // start is timed first; the file may take four times what 20 such starts, their writes and the
  // checks after each predict (at least 2 minutes), so a loaded machine slows it without failing it.
  const calibration = await startWriter(mkdtempSync(join(tmpdir(), 'jx-crash-cal-')), 'cal');
  tap.setTimeout(Math.max(120_000, Math.ceil(20 * (calibration.readyMs * 2 + 1_000) * 4)));
  tap.comment(`calibration: a writer is ready in ${Math.round(calibration.readyMs)} ms`);
  calibration.kid.kill('SIGKILL');
  await calibration.exited;
  rmSync(calibration.dir, { recursive: true, force: true });
  await tap.test('kill -9 while writing, 20 times: all acknowledged present, nothing partial', async (t) => {
  const { openStore } = await import('../src/store/index.js');
  const { canonicalJson, sha256 } = await import('../src/store/service.js');
  const dir = mkdtempSync(join(tmpdir(), 'jx-crash-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const self = fileURLToPath(import.meta.url);
  const acked = new Map<string, { id: string; version: number }>(); // "id/version"
  const RUNS = 20;
  // The writer runs without tap's loaders and process tracking: a plain process, killed plainly.
  let killedMidStream = 0;

  for (let run = 0; run < RUNS; run++) {
    const kid = spawn(process.execPath, ['--import', 'tsx', self], {
      env: childEnv({ JX_CRASH_CHILD: '1', DATA_DIR: dir, JX_RUN: String(run) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    kid.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => kid.on('exit', (code, sig) => resolve(sig ?? code)));
    await new Promise<void>((resolve, reject) => {
      kid.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('READY\n')) resolve();
      });
      kid.on('exit', () => reject(new Error(`writer exited early: ${err}`)));
    });
    await new Promise((r) => setTimeout(r, 30 + Math.floor(Math.random() * 300)));
    kid.kill('SIGKILL');
    t.equal(await exited, 'SIGKILL', `run ${run}: killed with -9`);
    const lines = out.split('\n').filter((l) => l.startsWith('ACK '));
    if (lines.length) killedMidStream++;
    for (const l of lines) {
      const [, id, v] = l.split(' ');
      acked.set(`${id}/${v}`, { id, version: Number(v) });
    }

    // Restart: open the database again and check it.
    const store = await openStore({ dataDir: dir });
    const db = store.db;
    const versions = await db.all<{ submission_id: string; version: number; input_json: string; input_hash: string }>(
      'SELECT submission_id, version, input_json, input_hash FROM submission_versions',
    );
    const have = new Set(versions.map((v) => `${v.submission_id}/${v.version}`));
    const missing = [...acked.keys()].filter((k) => !have.has(k));
    t.same(missing, [], `run ${run}: all ${acked.size} acknowledged submissions are present`);
    const corrupt = versions.filter((v) => sha256(canonicalJson(JSON.parse(v.input_json))) !== v.input_hash);
    t.equal(corrupt.length, 0, `run ${run}: every stored input is intact`);
    const partial = await db.all(
      `SELECT s.id FROM submissions s
       WHERE s.current_version < 1
          OR NOT EXISTS (SELECT 1 FROM submission_versions v WHERE v.submission_id = s.id AND v.version = s.current_version)
          OR NOT EXISTS (SELECT 1 FROM score_snapshots c WHERE c.id = s.current_snapshot_id)
          OR s.current_version <> (SELECT MAX(v.version) FROM submission_versions v WHERE v.submission_id = s.id)`,
    );
    t.equal(partial.length, 0, `run ${run}: no submission without its version and snapshot`);
    const bare = await db.all(
      `SELECT v.submission_id FROM submission_versions v
       WHERE NOT EXISTS (SELECT 1 FROM score_snapshots c WHERE c.submission_id = v.submission_id AND c.version = v.version)`,
    );
    t.equal(bare.length, 0, `run ${run}: no version without its score`);
    const audits = await db.get<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM audit_log WHERE action = 'submission.create'`);
    t.equal(Number(audits!.n), versions.length, `run ${run}: one audit row per version`);
    const check = await db.get<{ integrity_check: string }>('PRAGMA integrity_check');
    t.equal(check!.integrity_check, 'ok', `run ${run}: SQLite integrity_check`);
    await store.close();
  }
  t.ok(acked.size > RUNS, `acknowledged ${acked.size} submissions over ${RUNS} kills`);
  t.ok(killedMidStream >= RUNS / 4, `${killedMidStream} of ${RUNS} kills landed while writing`);
  });
}

if (process.env.JX_CRASH_CHILD === '1') await child();
else await parent();
