/**
 * API keys over HTTP: `Authorization: Bearer <key>`. A route group of the store calls
 * `authGroup(app)` once at its top; each of its routes then says who may call it with
 * `config: { roles: ['bureau'] }`. The group's one onRequest hook authenticates (before the
 * body is read, so a request without a key is 401 even when its body is broken), and its
 * onRoute hook declares the bearer scheme on the route in the OpenAPI document:
 *   no key, an unknown or a revoked key → 401 UNAUTHORIZED (with WWW-Authenticate: Bearer)
 *   too many wrong keys from one IP     → 429 TOO_MANY_REQUESTS (Retry-After; see ratelimit.ts)
 *   a key whose role may not do this   → 403 FORBIDDEN
 * Another tenant's record is the route's business: it answers 404, as for a missing one.
 *
 * `setupAuth` also makes the scoring routes (everything else under /v1) ask for a key of any
 * role when AUTH_SCORING=required; by default they stay open.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { authenticate, type Principal } from '../auth/keys.js';
import { StoreUnavailableError } from '../store/driver.js';
import type { Repository } from '../store/repository.js';
import type { Role } from '../store/types.js';
import { langOf, problem } from './problem.js';
import { tooMany } from './ratelimit.js';
import { problems } from './schemas/common.js';

/** The OpenAPI security requirement of a route that needs a key. */
export const BEARER_SECURITY = [{ bearerAuth: [] as string[] }];

/**
 * Runs the body of a store route: a StoreUnavailableError becomes 503 (Retry-After: 5), an
 * absent store 503 too; everything else goes to the app's error handler.
 *   async (req, reply) => withStore(app, reply, async (store) => { … })
 */
export async function withStore<R>(
  app: FastifyInstance,
  reply: FastifyReply,
  fn: (store: Repository) => Promise<R>,
): Promise<R | FastifyReply> {
  if (!app.store) return unavailable(reply);
  try {
    return await fn(app.store);
  } catch (err) {
    if (err instanceof StoreUnavailableError) return unavailable(reply, err);
    throw err;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The store; null when the app was built without one (its routes then answer 503). */
    store: Repository | null;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** The roles that may call a route of an authGroup (its hook authenticates). */
    roles?: readonly Role[];
  }
}

const BEARER_RX = /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i;

export function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = BEARER_RX.exec(h);
  return m ? m[1] : null;
}

export function unauthorized(reply: FastifyReply): FastifyReply {
  reply.header('www-authenticate', 'Bearer realm="jixiao"');
  return problem(reply, 'UNAUTHORIZED');
}

/** 503 for a store that cannot answer now (disk full, database unreachable) or is not configured. */
export function unavailable(reply: FastifyReply, err?: unknown): FastifyReply {
  reply.header('retry-after', '5');
  if (err) reply.request.log.warn({ err: (err as Error).message }, 'store unavailable');
  const zh = langOf(reply.request) === 'zh';
  const detail = err ? (zh ? '数据库暂不可用' : 'the database is unavailable') : zh ? '未配置存储' : 'no storage configured';
  return problem(reply, 'SERVICE_UNAVAILABLE', { detail });
}

/** Resolves the request's key; answers 401/503 itself and returns null when it did. */
async function principalOr(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
  if (!app.store) {
    unavailable(reply);
    return null;
  }
  const key = bearerOf(req);
  if (!key) {
    unauthorized(reply);
    return null;
  }
  try {
    const blocked = app.hasDecorator('authGuard') ? await app.authGuard.blocked(req) : 0;
    if (blocked > 0) {
      tooMany(reply, blocked);
      return null;
    }
    const p = await authenticate(app.store, key);
    if (!p) {
      const wait = app.hasDecorator('authGuard') ? await app.authGuard.failed(req) : 0;
      if (wait > 0) tooMany(reply, wait);
      else unauthorized(reply);
    }
    return p;
  } catch (err) {
    if (err instanceof StoreUnavailableError) {
      unavailable(reply, err);
      return null;
    }
    throw err;
  }
}

/**
 * Call once at the top of a route plugin: every route of the plugin with `config.roles` needs
 * a key of one of those roles (one onRequest hook), and is documented with the bearer scheme.
 */
export function authGroup(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.config?.roles) return;
    route.schema = { ...route.schema, security: BEARER_SECURITY } as RouteOptions['schema'];
  });
  app.addHook('onRequest', async (req, reply) => {
    const roles = req.routeOptions.config?.roles;
    if (!roles) return;
    const p = await principalOr(app, req, reply);
    if (!p) return reply;
    if (!roles.includes(p.role)) return problem(reply, 'FORBIDDEN');
    req.principal = p;
  });
}

/** The scoring routes: everything under /v1 that is not in an authGroup (score, batch, targets, policies, Excel). */
const isScoringRoute = (url: string, roles: readonly Role[] | undefined) => url.startsWith('/v1/') && !roles;

/**
 * Root-level setup: the decorations, and the AUTH_SCORING guard of the scoring routes. With
 * AUTH_SCORING=required they need a key of any role (one onRequest hook), and the OpenAPI
 * document declares the bearer scheme and the 401 on each of them, as for the store's routes.
 */
export function setupAuth(app: FastifyInstance, store: Repository | null, authScoring: 'optional' | 'required'): void {
  app.decorate('store', store);
  app.decorateRequest('principal', null);
  if (authScoring !== 'required') return;
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isScoringRoute(route.url, route.config?.roles)) return;
    const schema = (route.schema ?? {}) as { response?: Record<number, unknown> };
    route.schema = { ...schema, security: BEARER_SECURITY, response: { ...schema.response, ...problems(401) } } as RouteOptions['schema'];
  });
  app.addHook('onRequest', async (req, reply) => {
    if (!isScoringRoute(req.url, req.routeOptions.config?.roles)) return;
    if (req.routeOptions.url === undefined) return; // 404 stays 404
    const p = await principalOr(app, req, reply);
    if (!p) return reply;
    req.principal = p;
  });
}
