/** GET /healthz (the process is alive), GET /readyz (policies loaded, the store answers), GET /metrics (Prometheus text). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../problem.js';
import { problems } from '../schemas/common.js';
import { HealthSchema, ReadySchema } from '../schemas/health.js';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['ops'], summary: '存活检查', response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    { schema: { tags: ['ops'], summary: '就绪检查：评分政策已加载', response: { 200: ReadySchema, ...problems(503) } } },
    async (_req, reply) => {
      const { list } = app.jixiao.policies;
      const fallback = app.jixiao.policies.default as { id: string } | undefined;
      if (list.length === 0 || !fallback) return problem(reply, 'SERVICE_UNAVAILABLE', { detail: 'no scoring policy loaded' });
      // The store answers a ping within READY_TIMEOUT_MS, or this instance is not ready.
      const store = app.store ? await app.store.ready(app.config.readyTimeoutMs) : null;
      if (store && !store.ok) {
        reply.header('retry-after', '5');
        return problem(reply, 'SERVICE_UNAVAILABLE', { detail: `store: ${store.reason}` });
      }
      return { status: 'ready' as const, policies: list.length, defaultPolicy: fallback.id };
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['ops'],
        summary: 'Prometheus 指标（文本格式 0.0.4）',
        response: { 200: { description: 'text/plain; version=0.0.4', content: { 'text/plain': { schema: z.string() } } } },
      },
    },
    async (_req, reply) => reply.type(app.metrics.contentType).serializer((s) => s as string).send(await app.metrics.render()),
  );
};
