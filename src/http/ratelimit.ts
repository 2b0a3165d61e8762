/**
 * Rate limits with @fastify/rate-limit. Where the counters live (RATE_LIMIT_STORE): `memory` (the
 * plugin's own store; each instance counts on its own) or `database` (PostgreSQL, shared by every
 * instance: ./ratelimit-store.ts; it fails over to memory while the database does not answer):
 *  - per client IP: RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_MS (all routes but the probes);
 *  - per API key:   RATE_LIMIT_KEY_MAX requests per window, for requests that carry a key;
 *  - wrong keys:    after AUTH_FAIL_MAX wrong keys from one IP within AUTH_FAIL_WINDOW_MS, that
 *                   IP's keyed requests get 429 until the block ends; every further attempt while
 *                   blocked doubles the block (exponential back-off).
 * A limit of 0 turns that limit off. Exceeding one is a 429 TOO_MANY_REQUESTS problem with
 * `Retry-After` (seconds).
 */
import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConfigError } from '../config.js';
import { HttpError } from './errors.js';
import { problem } from './problem.js';
import { PgCounters, pgStore } from './ratelimit-store.js';

export interface RateLimits {
  rateLimitMax: number;
  rateLimitKeyMax: number;
  rateLimitWindowMs: number;
  authFailMax: number;
  authFailWindowMs: number;
  rateLimitStore: 'memory' | 'database';
  rateLimitDbWaitMs: number;
  /** PostgreSQL's URL and limits, for `database`. */
  databaseUrl: string | null;
  pgConnectTimeoutMs: number;
  pgStatementTimeoutMs: number;
  pgPoolMax: number;
}

/** Routes never limited: the probes and the metrics scrape. */
const EXEMPT = new Set(['/healthz', '/readyz', '/metrics']);
const MAX_RETRY_AFTER = 24 * 3600;
/** Entries of each in-memory store (and of the blocked-IP map). */
const CACHE = 10_000;

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

export interface AuthGuard {
  /** Seconds the request's IP is still blocked for wrong keys (and counts this attempt), or 0. */
  blocked(req: FastifyRequest): Promise<number>;
  /** Count a wrong key; the seconds of the block it starts, or 0. */
  failed(req: FastifyRequest): Promise<number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    authGuard: AuthGuard;
  }
}

/** The wrong-key counter of an IP (its bucket in the store). */
const authFailKey = (ip: string) => 'authfail:' + ip;
const keyId = (key: string) => 'k:' + createHash('sha256').update(key).digest('hex').slice(0, 32);

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(h);
  return m ? m[1] : null;
}

/** 429 with Retry-After. */
export function tooMany(reply: FastifyReply, seconds: number): FastifyReply {
  reply.header('retry-after', String(Math.max(1, Math.min(MAX_RETRY_AFTER, Math.ceil(seconds)))));
  return problem(reply, 'TOO_MANY_REQUESTS');
}

function exceeded(seconds: number): HttpError {
  const err = new HttpError('TOO_MANY_REQUESTS') as HttpError & { statusCode: number; retryAfter: number };
  err.statusCode = 429;
  err.retryAfter = Math.max(1, Math.min(MAX_RETRY_AFTER, seconds));
  return err;
}

/** The shared counters for RATE_LIMIT_STORE=database (closed with the app); null for `memory` or when every limit is off. */
function sharedCounters(app: FastifyInstance, l: RateLimits): PgCounters | null {
  if (l.rateLimitStore !== 'database') return null;
  if (!l.databaseUrl) {
    throw new ConfigError([
      'RATE_LIMIT_STORE: `database` shares the counters through PostgreSQL and needs DATABASE_URL (postgres://…); with SQLite only one instance runs: use `memory`',
    ]);
  }
  if (l.rateLimitMax === 0 && l.rateLimitKeyMax === 0 && l.authFailMax === 0) return null;
  const counters = new PgCounters({
    url: l.databaseUrl,
    connectTimeoutMs: l.pgConnectTimeoutMs,
    statementTimeoutMs: l.pgStatementTimeoutMs,
    poolMax: l.pgPoolMax,
    waitMs: l.rateLimitDbWaitMs,
    log: app.log,
  });
  app.addHook('onClose', async () => counters.close());
  return counters;
}

export async function setupRateLimit(app: FastifyInstance, l: RateLimits): Promise<void> {
  const shared = sharedCounters(app, l);
  await app.register(fastifyRateLimit, {
    global: l.rateLimitMax > 0,
    max: l.rateLimitMax > 0 ? l.rateLimitMax : 1,
    timeWindow: l.rateLimitWindowMs,
    hook: 'onRequest',
    cache: CACHE,
    ...(shared ? { store: pgStore(shared, CACHE) } : {}),
    // A store that fails lets the request through rather than answer 500 (ratelimit-store.ts
    // already falls back to memory; this covers anything else).
    skipOnError: true,
    keyGenerator: (req) => 'ip:' + req.ip,
    allowList: (req) => EXEMPT.has(req.routeOptions.url ?? ''),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_req, ctx) => exceeded(Math.ceil(ctx.ttl / 1000)),
  });

  const perKey: Limiter | null =
    l.rateLimitKeyMax > 0
      ? app.createRateLimit({ max: l.rateLimitKeyMax, timeWindow: l.rateLimitWindowMs, keyGenerator: (req) => keyId(bearer(req) ?? '') })
      : null;
  if (perKey) {
    app.addHook('onRequest', async (req, reply) => {
      if (bearer(req) === null || EXEMPT.has(req.routeOptions.url ?? '')) return;
      const r = await perKey(req);
      if (!r.isAllowed && r.isExceeded) return tooMany(reply, r.ttlInSeconds);
    });
  }

  const fails: Limiter | null =
    l.authFailMax > 0
      ? app.createRateLimit({
          max: l.authFailMax,
          timeWindow: l.authFailWindowMs,
          exponentialBackoff: true, // honoured by the plugin, missing from its CreateRateLimitOptions type
          keyGenerator: (req: FastifyRequest) => authFailKey(req.ip),
        } as Parameters<FastifyInstance['createRateLimit']>[0])
      : null;
  // The IPs blocked now, and until when (ms); bounded like the plugin's own store. With shared
  // counters the database says who is blocked, and this map serves while it does not answer.
  const blockedUntil = new Map<string, number>();
  const block = (ip: string, ttlMs: number) => {
    if (blockedUntil.size >= CACHE) blockedUntil.delete(blockedUntil.keys().next().value as string);
    blockedUntil.delete(ip);
    blockedUntil.set(ip, Date.now() + ttlMs);
  };
  const count = async (req: FastifyRequest): Promise<number> => {
    if (!fails) return 0;
    const r = await fails(req);
    if (r.isAllowed || !r.isExceeded) return 0;
    block(req.ip, r.ttl);
    return r.ttlInSeconds;
  };
  app.decorate('authGuard', {
    async blocked(req) {
      const left = shared && fails ? await shared.blockedFor(authFailKey(req.ip), l.authFailMax) : null;
      if (left !== null) return left > 0 ? (await count(req)) || Math.ceil(left / 1000) : 0;
      const until = blockedUntil.get(req.ip);
      if (until === undefined) return 0;
      if (until <= Date.now()) {
        blockedUntil.delete(req.ip);
        return 0;
      }
      return (await count(req)) || Math.ceil((until - Date.now()) / 1000);
    },
    failed: count,
  } satisfies AuthGuard);
}
