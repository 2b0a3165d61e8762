/**
 * Oversize and slow requests over real sockets (loopback, ephemeral ports, bounded waits):
 *  - a 5 MiB body gets the documented 413 problem with undici (node's fetch) and curl, not a
 *    reset; beyond DRAIN_LIMIT too (lingering close), and for an over-long first NDJSON line;
 *  - a slow body, slow headers and an idle connection are cut, with a 408 problem when a request
 *    was under way; an idle keep-alive connection is closed; one IP's connections are capped.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import type { Config } from '../src/config.js';
import type { HttpSecurity } from '../src/http/app.js';
import { seedText, testApp } from './support/http.js';
import { listen, rawExchange } from './support/socket.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-limits-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const cfg = (c: Partial<HttpSecurity & Config>) => ({ logLevel: 'silent', ...c }) as Partial<Config>;
/** A JSON body of `bytes` (a valid form padded by one long field). */
const bigJson = (bytes: number) => {
  const form = JSON.parse(seedText('01-jingban')) as Record<string, unknown>;
  const base = JSON.stringify({ ...form, pad: '' });
  return JSON.stringify({ ...form, pad: 'x'.repeat(bytes - base.length) });
};

async function haveCurl(): Promise<boolean> {
  try {
    await run('curl', ['--version']);
    return true;
  } catch {
    return false;
  }
}

t.test('a 5 MiB body: 413 problem for fetch (undici) and curl', async (t) => {
  const { app } = await testApp(cfg({}));
  t.teardown(() => app.close());
  const port = await listen(app);
  const body = bigJson(5 * MiB);
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    t.equal(res.status, 413, `fetch ${i}: status`);
    t.match(res.headers.get('content-type'), /^application\/problem\+json/);
    const p = (await res.json()) as { code: string; detail: string };
    t.equal(p.code, 'BODY_TOO_LARGE');
  }
  // Chunked, without a Content-Length: the limit is found while reading.
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(MiB).fill(0x20));
      c.close();
    },
  });
  const chunked = await fetch(`http://127.0.0.1:${port}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
  t.equal(chunked.status, 413, 'chunked: status');
  t.equal(((await chunked.json()) as { code: string }).code, 'BODY_TOO_LARGE');

  if (!(await haveCurl())) {
    t.comment('curl is not installed: the curl cases are skipped');
    return;
  }
  const file = join(dir, 'big.json');
  writeFileSync(file, body);
  for (let i = 0; i < 5; i++) {
    const { stdout } = await run('curl', ['-sS', '--max-time', '30', '-H', 'content-type: application/json', '--data-binary', `@${file}`, '-w', '\n%{http_code}', `http://127.0.0.1:${port}/v1/score`]);
    const lines = stdout.trim().split('\n');
    t.equal(lines.at(-1), '413', `curl ${i}: status`);
    t.match(lines.slice(0, -1).join('\n'), /"code":"BODY_TOO_LARGE"/);
  }
});

t.test('beyond DRAIN_LIMIT: 413 with Connection: close, still readable', async (t) => {
  const { app } = await testApp(cfg({ drainLimit: 256 * 1024 }));
  t.teardown(() => app.close());
  const port = await listen(app);
  const body = bigJson(5 * MiB);
  if (await haveCurl()) {
    const file = join(dir, 'big2.json');
    writeFileSync(file, body);
    for (let i = 0; i < 3; i++) {
      const { stdout } = await run('curl', ['-sS', '--max-time', '30', '-H', 'content-type: application/json', '--data-binary', `@${file}`, '-w', '\n%{http_code}', `http://127.0.0.1:${port}/v1/score`]);
      const lines = stdout.trim().split('\n');
      t.equal(lines.at(-1), '413', `curl ${i}: status`);
      t.match(lines.slice(0, -1).join('\n'), /"code":"BODY_TOO_LARGE"/);
    }
  }
  // Raw: the answer arrives whole, with Connection: close, while we are still sending.
  const head = `POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
  const a = await rawExchange(port, [head, body.slice(0, 2 * MiB)], { keepOpen: true, maxMs: 10_000 });
  t.equal(a.status, 413);
  t.equal(a.headers.connection, 'close');
  t.match(a.body, /"code":"BODY_TOO_LARGE"/);
});

t.test('an over-long first NDJSON line: 413 LINE_TOO_LARGE, readable by fetch', async (t) => {
  const { app } = await testApp(cfg({ batchLineLimit: 64 * 1024 }));
  t.teardown(() => app.close());
  const port = await listen(app);
  const body = JSON.stringify({ pad: 'x'.repeat(3 * MiB) }) + '\n' + JSON.stringify(JSON.parse(seedText('01-jingban'))) + '\n';
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/v1/score/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    t.equal(res.status, 413);
    t.equal(((await res.json()) as { code: string }).code, 'LINE_TOO_LARGE');
  }
});

t.test('slow bodies, slow headers and idle connections are cut; 408 problem when a request was under way', async (t) => {
  const { app } = await testApp(cfg({ bodyTimeoutMs: 400, headersTimeoutMs: 400, idleTimeoutMs: 1500, keepAliveTimeoutMs: 300 }));
  t.teardown(() => app.close());
  const port = await listen(app);

  // A body that never completes: 10 of 1000 bytes, then silence.
  const slowBody = await rawExchange(port, ['POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"fiscalYe'], { keepOpen: true, maxMs: 8000 });
  t.equal(slowBody.status, 408, 'slow body: 408');
  t.match(slowBody.headers['content-type'], /^application\/problem\+json/);
  t.match(slowBody.body, /"code":"REQUEST_TIMEOUT"/);
  t.not(slowBody.ended, 'timeout', 'the server closed the connection');

  // A body trickling one byte every 150 ms: each byte keeps the socket busy, the body timer still cuts it.
  const trickle = ['POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n', ...'{"fiscalYear":2022,"x":"'.split('')];
  const slow2 = await rawExchange(port, trickle, { gapMs: 150, keepOpen: true, maxMs: 8000 });
  t.equal(slow2.status, 408, 'trickling body: 408');
  t.ok(slow2.elapsedMs < 6000, `cut after ${slow2.elapsedMs} ms`);

  // Headers that never end.
  const slowHead = await rawExchange(port, ['POST /v1/score HTTP/1.1\r\nHost: x\r\n'], { keepOpen: true, maxMs: 8000 });
  t.equal(slowHead.status, 408, 'slow headers: 408');
  t.match(slowHead.body, /"code":"REQUEST_TIMEOUT"/);

  // A connection that says nothing at all is closed.
  const silent = await rawExchange(port, [], { keepOpen: true, maxMs: 8000 });
  t.not(silent.ended, 'timeout', 'a silent connection is closed');

  // An idle keep-alive connection is closed after its answer.
  const ka = await rawExchange(port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'], { keepOpen: true, maxMs: 8000 });
  t.equal(ka.status, 200);
  t.not(ka.ended, 'timeout', 'keep-alive connection closed');
  t.ok(ka.elapsedMs < 3000, `closed after ${ka.elapsedMs} ms`);

  // The service still answers.
  const ok = await fetch(`http://127.0.0.1:${port}/healthz`);
  t.equal(ok.status, 200);
});

t.test('one IP holds at most MAX_CONNECTIONS_PER_IP connections', async (t) => {
  const { app } = await testApp(cfg({ maxConnectionsPerIp: 3 }));
  t.teardown(() => app.close());
  const port = await listen(app);
  const { connect } = await import('node:net');
  const held = await Promise.all(
    [0, 1, 2].map(
      () =>
        new Promise<import('node:net').Socket>((resolve) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  t.teardown(() => held.forEach((s) => s.destroy()));
  const fourth = await rawExchange(port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'], { keepOpen: true, maxMs: 5000 });
  t.equal(fourth.status, 429);
  t.match(fourth.body, /"code":"TOO_MANY_REQUESTS"/);
  t.ok(fourth.headers['retry-after']);
  held[0].destroy();
  // Once one is released, a new connection is served (the release is seen on 'close').
  let status = 0;
  for (let i = 0; i < 20 && status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 50));
    status = (await rawExchange(port, ['GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'], { maxMs: 5000 })).status;
  }
  t.equal(status, 200);
});
