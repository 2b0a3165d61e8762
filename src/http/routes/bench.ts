/**
 * POST /bench/echo: the baseline of bench/http.ts, registered only when BENCH_BASELINE=1.
 * It parses the body like /v1/score does and answers with the same body, so the bench can
 * tell the cost of scoring from the cost of HTTP and JSON.
 */
import type { FastifyPluginAsync } from 'fastify';

export const benchRoutes: FastifyPluginAsync = async (app) => {
  app.post('/echo', { schema: { hide: true } }, async (req) => req.body);
};
