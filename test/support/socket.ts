/** Real-socket helpers of the HTTP tests: loopback only, an ephemeral port, bounded waits. */
import { connect, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** Listen on 127.0.0.1, port 0; the port. */
export async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return addr.port;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How the connection ended: 'end' (FIN), 'reset' or 'timeout' (our bound). */
  ended: 'end' | 'reset' | 'timeout';
}

/** Parse the first HTTP/1.1 answer in `text` (Content-Length bodies only). */
export function parseAnswer(text: string, ended: RawAnswer['ended']): RawAnswer {
  const head = text.indexOf('\r\n\r\n');
  const lines = (head < 0 ? text : text.slice(0, head)).split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  let body = head < 0 ? '' : text.slice(head + 4);
  const len = Number(headers['content-length']);
  if (Number.isFinite(len)) body = Buffer.from(body, 'utf8').subarray(0, len).toString('utf8');
  return { status, headers, body, ended };
}

/**
 * Send `chunks` (each after `gapMs`), then read until the server closes or `maxMs` passes.
 * `keepOpen`: do not end our side after the last chunk.
 */
export function rawExchange(
  port: number,
  chunks: (string | Buffer)[],
  opts: { gapMs?: number; maxMs?: number; keepOpen?: boolean } = {},
): Promise<RawAnswer & { socket: Socket; elapsedMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    let done = false;
    const finish = (ended: RawAnswer['ended']) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseAnswer(Buffer.concat(parts).toString('utf8'), ended), socket, elapsedMs: Date.now() - started });
    };
    const timer = setTimeout(() => finish('timeout'), opts.maxMs ?? 10_000);
    socket.on('data', (d) => parts.push(d));
    socket.on('end', () => finish('end'));
    socket.on('error', () => finish('reset'));
    socket.on('close', () => finish('end'));
    socket.once('connect', async () => {
      for (let i = 0; i < chunks.length; i++) {
        if (i > 0 && opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
        if (done) return;
        socket.write(chunks[i]);
      }
      if (!opts.keepOpen) socket.end();
    });
  });
}
