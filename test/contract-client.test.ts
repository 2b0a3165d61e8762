/**
 * The contract is usable, not only valid: a typed client is generated from the committed
 * api/openapi.json (openapi-typescript; committed as test/client/api.d.ts, which must be current),
 * the client scripts of test/client/ (openapi-fetch) are type-checked against it with tsc in a
 * project of their own — and a script that misuses a field is refused, so the types are real —
 * then run against a real server on an ephemeral port: score the seed form, submit, page through
 * the submissions with the cursor, and drive a job from post to results.
 */
import { execFile } from 'node:child_process';
import { childEnv } from './support/child-env.js';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t, { type Test } from 'tap';
import { createKey, ensureBootstrapKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { openStore } from '../src/store/index.js';
import { clientTypesText } from './client/generate.js';

const run = promisify(execFile);
// Four tsc runs and three child processes: sized by that work (a busy 2-core machine), not by tap's default 30 s.
t.setTimeout(600_000);
const ROOT = new URL('..', import.meta.url).pathname;
const CLIENT = new URL('./client/', import.meta.url).pathname;
const FORM = new URL('./fixtures/seed/01-jingban.json', import.meta.url).pathname;
const CLI = { keyId: null, name: 'test', role: 'cli' as const };

// Under node_modules/ so that the scripts resolve openapi-fetch and tsc finds @types/node.
mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(join(ROOT, 'node_modules/.cache/jixiao-client-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const types = await clientTypesText(readFileSync(join(ROOT, 'api/openapi.json'), 'utf8'));
writeFileSync(join(dir, 'api.d.ts'), types);
writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
for (const f of ['drive.ts', 'drive-job.ts']) copyFileSync(join(CLIENT, f), join(dir, f));
writeFileSync(
  join(dir, 'misuse.ts'),
  [
    "import createClient from 'openapi-fetch';",
    "import type { paths } from './api.js';",
    "const jx = createClient<paths>({ baseUrl: 'http://x' });",
    "const r = await jx.GET('/v1/submissions', {});",
    'const n: number = r.data!.next; // next is a cursor string or null',
    "await jx.GET('/v1/nowhere', {});",
    'export { n };',
  ].join('\n'),
);

/** tsc --noEmit on one script (and the generated types), strict, as a client project would. */
async function typecheck(file: string): Promise<{ ok: boolean; out: string }> {
  const config = join(dir, `tsconfig.${file}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: ['node'], skipLibCheck: true },
      files: [file],
    }),
  );
  try {
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: dir });
    return { ok: true, out: '' };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

async function server(t: Test) {
  const data = mkdtempSync(join(dir, 'data-'));
  const store = await openStore({ dataDir: data });
  const boot = await ensureBootstrapKey(store);
  if (!boot.created || !boot.key) throw new Error('no bootstrap key');
  const unit = (await createKey(store, { name: 'unit', role: 'unit', unit: '209100', region: '140000' }, CLI)).key;
  const app = await buildApp({ config: { logLevel: 'silent' }, store });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  return { base, bureau: boot.key, unit };
}

/** Runs a client script with tsx, as a separate process over a real socket. */
async function drive(file: string, env: Record<string, string>): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(dir, file)], { cwd: ROOT, env: childEnv({ ...env, FORM }) });
  return JSON.parse(stdout) as Record<string, unknown>;
}

t.test('test/client/api.d.ts is the generation of api/openapi.json', async (t) => {
  t.equal(readFileSync(join(CLIENT, 'api.d.ts'), 'utf8'), types, 'test/client/api.d.ts is stale: run `npm run openapi`');
});

t.test('the generated client type-checks, and misuse does not', async (t) => {
  const good = await typecheck('drive.ts');
  t.equal(good.ok, true, good.out || 'drive.ts type-checks');
  const bad = await typecheck('misuse.ts');
  t.equal(bad.ok, false, 'misuse.ts is refused');
  t.match(bad.out, /misuse\.ts\(5,\d+\).*not assignable to type 'number'/, 'a cursor is not a number');
  t.match(bad.out, /misuse\.ts\(6,\d+\)/, 'an unknown path is an error');
});

t.test('score, submit and page through with the typed client', async (t) => {
  const s = await server(t);
  const out = await drive('drive.ts', { JX: s.base, KEY: s.bureau, UNIT_KEY: s.unit });
  t.equal(out.total, '93.76', 'the seed form’s total (scoring-rules.md)');
  const ids = out.ids as string[];
  t.equal(ids.length, 3);
  t.same([...(out.listed as string[])].sort(), [...ids].sort(), 'every submission, once, one a page');
  t.equal(out.badStatus, 400);
  t.equal(out.badCode, 'BAD_CURSOR');
});

t.test('a job from post to results with the typed client', async (t) => {
  const check = await typecheck('drive-job.ts');
  t.equal(check.ok, true, check.out || 'drive-job.ts type-checks');
  if (!check.ok) return;
  const s = await server(t);
  const out = await drive('drive-job.ts', { JX: s.base, KEY: s.bureau });
  t.equal(out.state, 'done');
  t.same(out.counts, { pending: 0, done: 3, failed: 0 });
  t.same(out.results, [
    { proCode: 'J1', status: 'done' },
    { proCode: 'J2', status: 'done' },
    { proCode: 'J3', status: 'done' },
  ]);
  t.same(out.one, { proCode: 'J2', status: 'done' });
});
