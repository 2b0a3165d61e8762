/**
 * Socket-level limits: timeouts, the per-IP connection cap, `Expect`, and answers that a client
 * can read even when it is still sending its body.
 *
 *  - headers must arrive within HEADERS_TIMEOUT_MS, a whole (non-streamed) body within
 *    BODY_TIMEOUT_MS, anything at all within REQUEST_TIMEOUT_MS (the NDJSON batch stream is read
 *    as it is answered, so only this cap and the idle timeout apply to it); a connection idle
 *    (nothing read or written) for IDLE_TIMEOUT_MS is cut, an idle keep-alive connection after
 *    KEEP_ALIVE_TIMEOUT_MS. A request cut this way gets a 408 problem when no answer has started.
 *  - one IP holds at most MAX_CONNECTIONS_PER_IP connections; the next one is answered 429 and
 *    closed.
 *  - an error answered before the body was read (413, 401, 408 …) first reads and discards the
 *    rest of the body, up to DRAIN_LIMIT bytes and DRAIN_TIMEOUT_MS: a client that writes its
 *    whole body before reading (undici / fetch) then reads the answer instead of a reset. Beyond
 *    that bound the answer goes out with `Connection: close` and the socket is half-closed and
 *    read (discarding) for a moment before it is closed ("lingering close"), so that what the
 *    client still sends does not turn into a reset that destroys the answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { langFromHeader, langOf, problem } from './problem.js';
import { clientErrorHandler, HttpError, instanceFromRaw, rawProblem } from './errors.js';

/** The limits of this module, with their variables (README "Security and limits"). */
export interface SocketLimits {
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  requestTimeoutMs: number;
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnectionsPerIp: number;
  maxHeaderBytes: number;
  drainLimit: number;
  drainTimeoutMs: number;
}

/** The methods of the service's routes (the Allow of a 405 to CONNECT). */
const ALLOWED_METHODS = 'DELETE, GET, HEAD, POST';

/** How long a half-closed socket is still read before it is closed. */
const LINGER_MS = 2000;

/** fastify's server options for the limits (server.ts and buildApp pass them to Fastify()). */
export function socketServerOptions(l: SocketLimits): Record<string, unknown> {
  return {
    http: {
      headersTimeout: l.headersTimeoutMs,
      maxHeaderSize: l.maxHeaderBytes,
      // How often Node checks the header and request timeouts (its default is 30 s).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(l.headersTimeoutMs / 4))),
      // Node answers a missing Host with a bare 400; installSocketLimits answers it as a problem.
      requireHostHeader: false,
    },
    requestTimeout: l.requestTimeoutMs,
    keepAliveTimeout: l.keepAliveTimeoutMs,
    connectionTimeout: l.idleTimeoutMs,
    clientErrorHandler,
  };
}

type LingerSocket = Socket & { _httpMessage?: ServerResponse | null };

/**
 * When Node ends the request's socket after a `Connection: close` answer, half-close it instead
 * and keep reading (and discarding) the body for LINGER_MS, then close it.
 */
export function lingerOnClose(raw: IncomingMessage): void {
  const s = raw.socket;
  if (!s || s.destroyed) return;
  (s as unknown as { destroySoon: () => void }).destroySoon = () => {
    s.end();
    const timer = setTimeout(() => s.destroy(), LINGER_MS);
    timer.unref();
    const close = () => {
      clearTimeout(timer);
      s.destroy();
    };
    s.once('end', close);
    s.once('error', close);
    raw.once('end', close);
    raw.once('close', close);
    // The HTTP parser reads the socket: let the body flow (and be dropped) so that the client's
    // end is seen.
    raw.removeAllListeners('data');
    raw.resume();
  };
}

/** True when the request has a body that has not been read to its end. */
function bodyPending(raw: IncomingMessage): boolean {
  if (raw.complete || raw.readableEnded || raw.destroyed) return false;
  const len = raw.headers['content-length'];
  return raw.headers['transfer-encoding'] !== undefined || (len !== undefined && len !== '0');
}

/** Read and discard the rest of the body: true when it ended within `limit` bytes and `ms`. */
function drain(raw: IncomingMessage, limit: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = 0;
    let done = false;
    const finish = (ended: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      raw.removeListener('data', onData);
      raw.removeListener('end', onEnd);
      raw.removeListener('close', onClose);
      if (!ended) raw.pause();
      resolve(ended);
    };
    const onData = (c: Buffer) => {
      seen += c.length;
      if (seen > limit) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(raw.complete);
    const timer = setTimeout(() => finish(false), ms);
    raw.unpipe();
    raw.on('data', onData);
    raw.once('end', onEnd);
    raw.once('close', onClose);
    raw.resume();
  });
}

const BODY_TIMER = Symbol('jixiao.bodyTimer');

/** The hooks and server listeners of the limits. */
export function installSocketLimits(app: FastifyInstance, l: SocketLimits): void {
  // ---- per-IP connection cap, Expect, idle sockets (real sockets only; inject has none) ----------
  const perIp = new Map<string, number>();
  app.server.on('connection', (socket: Socket) => {
    const ip = socket.remoteAddress ?? '?';
    const n = (perIp.get(ip) ?? 0) + 1;
    perIp.set(ip, n);
    socket.once('close', () => {
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left <= 0) perIp.delete(ip);
      else perIp.set(ip, left);
    });
    if (l.maxConnectionsPerIp > 0 && n > l.maxConnectionsPerIp) {
      const lang = 'zh';
      socket.end(
        rawProblem('TOO_MANY_REQUESTS', lang, {
          params: {},
          headers: { 'Retry-After': '1' },
        }),
      );
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    }
  });

  app.server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const lang = langFromHeader(req.headers['accept-language']);
    const expect = String(req.headers.expect ?? '').slice(0, 100);
    const text = rawProblem('EXPECTATION_FAILED', lang, { params: { expect }, instance: (req.url ?? '/').split('?')[0].slice(0, 200) });
    res.socket?.end(text);
  });

  // CONNECT (a proxy's method) never reaches the routes: Node would close the socket unanswered.
  app.server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const lang = langFromHeader(req.headers['accept-language']);
    const params = { method: 'CONNECT', allow: ALLOWED_METHODS };
    socket.end(rawProblem('METHOD_NOT_ALLOWED', lang, { params, instance: instanceFromRaw(Buffer.from(`CONNECT ${req.url ?? ''}`, 'latin1')), headers: { Allow: ALLOWED_METHODS } }));
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });

  // An HTTP/1.1 request must name its Host (RFC 9112 §3.2): 400, as a problem.
  app.addHook('onRequest', async (req, reply) => {
    const raw = req.raw;
    if (raw.httpVersionMajor === 1 && raw.httpVersionMinor >= 1 && raw.headers.host === undefined) {
      return problem(reply, 'BAD_REQUEST', { detail: langOf(req) === 'en' ? 'an HTTP/1.1 request needs a Host header' : 'HTTP/1.1 请求缺少 Host 请求头' });
    }
  });

  // An idle socket: 408 when a request is waiting for its body, else just closed.
  app.server.on('timeout', (socket: LingerSocket) => {
    const res = socket._httpMessage;
    if (res && !res.headersSent && socket.writable) {
      const req = (res as ServerResponse & { req?: IncomingMessage }).req;
      socket.end(rawProblem('REQUEST_TIMEOUT', langFromHeader(req?.headers['accept-language']), { instance: (req?.url ?? '/').split('?')[0].slice(0, 200) }));
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    } else {
      socket.destroy();
    }
  });

  // ---- the body timer ------------------------------------------------------------------------
  app.addHook('onRequest', async (req) => {
    const raw = req.raw;
    if (l.bodyTimeoutMs <= 0 || !bodyPending(raw)) return;
    // The NDJSON batch stream is read as it is answered: only REQUEST_TIMEOUT_MS applies to it.
    if (String(raw.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-ndjson')) return;
    const timer = setTimeout(() => {
      if (raw.complete || raw.listenerCount('error') === 0) return;
      raw.emit('error', new HttpError('REQUEST_TIMEOUT'));
    }, l.bodyTimeoutMs);
    timer.unref();
    (req as FastifyRequest & { [BODY_TIMER]?: NodeJS.Timeout })[BODY_TIMER] = timer;
    raw.once('end', () => clearTimeout(timer));
  });
  app.addHook('onResponse', async (req) => {
    const t = (req as FastifyRequest & { [BODY_TIMER]?: NodeJS.Timeout })[BODY_TIMER];
    if (t) clearTimeout(t);
  });

  // ---- early error answers: drain, else close readably ------------------------------------------
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode < 400 || !bodyPending(req.raw)) return payload;
    // A slow body is not waited for again.
    const ended = reply.statusCode !== 408 && (await drain(req.raw, l.drainLimit, l.drainTimeoutMs));
    if (!ended) {
      reply.header('connection', 'close');
      lingerOnClose(req.raw);
    }
    return payload;
  });
}
