/**
 * The web page as the service serves it (app.inject): / and /ui redirect to /ui/, the HTML
 * revalidates (ETag → 304), hashed assets are immutable and pre-compressed, a missing file is
 * 404, the CSP stays strict, /ui/session says who a key is, and the scoring page's JavaScript
 * stays within 60 KB gzip (ECharts is a lazy chunk of the dashboard, not counted).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import t from 'tap';
import { createKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import { UI_ROOT, uiRoutes } from '../src/http/routes/ui.js';
import { openStore } from '../src/store/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The environment of a build child: outside tap's coverage (web/ is not measured by tap). */
function uncovered(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_V8_COVERAGE;
  delete env.NODE_OPTIONS;
  return env;
}
t.setTimeout(300_000);
if (!existsSync(join(UI_ROOT, 'index.html'))) {
  const r = spawnSync('npm', ['run', 'build:ui'], { cwd: ROOT, stdio: 'inherit', env: uncovered() });
  if (r.status !== 0) throw new Error('npm run build:ui failed');
}
const html = readFileSync(join(UI_ROOT, 'index.html'), 'utf8');

t.test('/ and /ui lead to /ui/; the page revalidates, assets are immutable and pre-compressed', async (t) => {
  const app = await buildApp({ config: { logLevel: 'silent' } });
  t.teardown(() => app.close());
  const root = await app.inject({ url: '/' });
  t.same([root.statusCode, root.headers.location], [302, '/ui/']);
  const bare = await app.inject({ url: '/ui' });
  t.same([bare.statusCode, bare.headers.location], [301, '/ui/']);
  const query = await app.inject({ url: '/ui?lang=en' });
  t.same([query.statusCode, query.headers.location], [301, '/ui/?lang=en']);

  const page = await app.inject({ url: '/ui/' });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /^text\/html/);
  t.equal(page.headers['cache-control'], 'no-cache');
  t.match(page.body, /<html lang="zh-CN">/);
  const etag = page.headers.etag as string;
  t.ok(etag, 'an ETag');
  const again = await app.inject({ url: '/ui/', headers: { 'if-none-match': etag } });
  t.equal(again.statusCode, 304, 'revalidated');
  const csp = String(page.headers['content-security-policy']);
  t.match(csp, /script-src 'self'(;|$)/, "scripts from the service only (no 'unsafe-inline', no eval)");
  t.match(csp, /default-src 'self'/);

  const entry = /<script type="module" crossorigin src="(\/ui\/assets\/[^"]+\.js)">/.exec(html)?.[1];
  t.ok(entry, 'the entry script');
  for (const enc of ['br', 'gzip']) {
    const js = await app.inject({ url: entry!, headers: { 'accept-encoding': enc } });
    t.equal(js.statusCode, 200, enc);
    t.equal(js.headers['content-encoding'], enc, `served pre-compressed (${enc})`);
    t.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
    t.match(js.headers['content-type'], /javascript/);
    t.match(String(js.headers.vary), /accept-encoding/i);
  }
  const missing = await app.inject({ url: '/ui/assets/nope.js' });
  t.equal(missing.statusCode, 404);
  t.match(missing.headers['content-type'], /^application\/problem\+json/);
  t.equal(missing.json().code, 'NOT_FOUND');
});

t.test('/ui/session: who a key is; 401 without one; hidden from the OpenAPI document', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-ui-static-'));
  const store = await openStore({ dataDir: dir });
  const app = await buildApp({ config: { logLevel: 'silent' }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = { keyId: null, name: 't', role: 'cli' as const };
  const unit = await createKey(store, { name: '社保局', role: 'unit', unit: '209100', region: '140000' }, cli);
  const bureau = await createKey(store, { name: '财政厅', role: 'bureau' }, cli);
  const cases: [string, number, unknown][] = [
    [unit.key, 200, { role: 'unit', name: '社保局', agencyCode: '209100', deptCode: '209', mofDivCode: '140000' }],
    [bureau.key, 200, { role: 'bureau', name: '财政厅', agencyCode: null, deptCode: null, mofDivCode: null }],
    ['jx_this-key-does-not-exist-at-all-000000000', 401, null],
  ];
  for (const [key, status, body] of cases) {
    const r = await app.inject({ url: '/ui/session', headers: { authorization: `Bearer ${key}` } });
    t.equal(r.statusCode, status);
    if (body) t.same(r.json(), body);
  }
  const none = await app.inject({ url: '/ui/session' });
  t.equal(none.statusCode, 401);
  t.equal(none.json().code, 'UNAUTHORIZED');
  const doc = (await app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
  t.same(Object.keys(doc.paths).filter((p) => p === '/' || p.startsWith('/ui')), [], 'the page is not part of the API contract');
});

t.test('without a build, /ui/ says how to make one (503 problem+json)', async (t) => {
  const empty = mkdtempSync(join(tmpdir(), 'jixiao-ui-empty-'));
  const app = Fastify();
  app.decorate('store', null);
  app.decorateRequest('principal', null);
  await app.register(uiRoutes, { uiRoot: empty });
  t.teardown(async () => {
    await app.close();
    rmSync(empty, { recursive: true, force: true });
  });
  for (const [url, lang, detail] of [
    ['/ui/', 'zh-CN', '服务暂不可用：网页尚未构建：请先运行 npm run build'],
    ['/ui/assets/x.js', 'en', 'Service unavailable: the web page is not built: run npm run build'],
  ]) {
    const r = await app.inject({ url, headers: { 'accept-language': lang } });
    t.equal(r.statusCode, 503, url);
    t.equal(r.json().detail, detail);
  }
  t.equal((await app.inject({ url: '/' })).headers.location, '/ui/');
  t.equal((await app.inject({ url: '/ui/session' })).statusCode, 503, 'no store: 503');
});

t.test("the scoring page's JavaScript is at most 60 KB gzip; ECharts is a separate lazy chunk", async (t) => {
  const scripts = [...html.matchAll(/(?:src|href)="\/ui\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  t.ok(scripts.length > 0, 'the page loads its scripts from /ui/assets/');
  t.notOk(scripts.some((s) => /chart/.test(s)), 'no chart chunk among the page’s scripts');
  const gz = scripts.map((s) => gzipSync(readFileSync(join(UI_ROOT, s)), { level: 9 }).length);
  const total = gz.reduce((a, b) => a + b, 0);
  t.comment(`scoring page JS: ${scripts.join(', ')} = ${total} bytes gzip`);
  t.ok(total <= 60 * 1024, `${total} bytes gzip ≤ 61440`);
  const entry = readFileSync(join(UI_ROOT, scripts[0]!), 'utf8');
  t.ok(/chart-[\w-]+\.js/.test(entry), 'the entry refers to the chart chunk, to load it on demand');
});
