/**
 * The web workbench (web/, built by `npm run build` into dist/ui) served by this same service:
 *   GET /              → 302 /ui/
 *   GET /ui            → 301 /ui/
 *   GET /ui/…          the built page (@fastify/static; pre-compressed .br/.gz when present; the
 *                      files are listed at start, so a missing one is a plain 404).
 *                      Hashed files under /ui/assets/ are cached for a year (immutable), the
 *                      HTML revalidates (no-cache + ETag → 304).
 *   GET /ui/session    who the presented API key is (role, name, unit, department, region), for
 *                      the page's sign-in; any role. Hidden from the OpenAPI document: it is the
 *                      page's, not part of the integration contract.
 * Without a build (a checkout before `npm run build`) /ui/ answers 503 problem+json saying so.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { authGroup } from '../auth.js';
import { langOf, problem } from '../problem.js';

/** dist/ui of the package: the same path from src/http/routes/ and from dist/http/routes/. */
export const UI_ROOT = fileURLToPath(new URL('../../../dist/ui/', import.meta.url));

const ASSET_RX = /[/\\]assets[/\\]/;

export interface UiOptions {
  /** The built page; default UI_ROOT. */
  uiRoot?: string;
}

export const uiRoutes: FastifyPluginAsync<UiOptions> = async (app, opts) => {
  const root = opts.uiRoot ?? UI_ROOT;
  const hide = { schema: { hide: true } };
  app.get('/', hide, async (_req, reply) => reply.redirect('/ui/', 302));

  authGroup(app);
  app.get('/ui/session', { ...hide, config: { roles: ['unit', 'department', 'bureau', 'reviewer'] } }, async (req) => {
    const p = req.principal!;
    return { role: p.role, name: p.name, agencyCode: p.agencyCode, deptCode: p.deptCode, mofDivCode: p.mofDivCode };
  });

  if (!existsSync(`${root}/index.html`)) {
    app.get('/ui/*', hide, async (req, reply) =>
      problem(reply, 'SERVICE_UNAVAILABLE', {
        detail: langOf(req) === 'en' ? 'the web page is not built: run npm run build' : '网页尚未构建：请先运行 npm run build',
      }),
    );
    return;
  }
  // The router ignores trailing slashes, so /ui reaches the page too: send it to the one address.
  app.addHook('onRequest', async (req, reply) => {
    if (req.url === '/ui' || req.url.startsWith('/ui?')) return reply.redirect('/ui/' + req.url.slice(3), 301);
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/ui/',
    preCompressed: true,
    cacheControl: false,
    // One route per built file (read at start): a missing file is a plain 404, not a 405 of a wildcard.
    wildcard: false,
    index: ['index.html'],
    setHeaders(res, path) {
      res.header('cache-control', ASSET_RX.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
};
