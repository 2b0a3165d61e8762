/** GET /healthz (the process is alive), GET /readyz (the store answers a ping within READY_TIMEOUT_MS; policies loaded), GET /metrics (Prometheus text). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { langOf, problem } from '../problem.js';
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
    {
      schema: {
        tags: ['ops'],
        summary: '就绪检查：存储在限时内应答（READY_TIMEOUT_MS，默认1秒），评分政策已加载',
        description: '实例可以接收流量时为200：数据库（SQLite 或 PostgreSQL）在 READY_TIMEOUT_MS 内应答一次探测，且评分政策已加载；否则503（Retry-After: 5）。存活检查见 /healthz。',
        response: { 200: ReadySchema, ...problems(503) },
      },
    },
    async (req, reply) => {
      const { list } = app.jixiao.policies;
      const fallback = app.jixiao.policies.default as { id: string } | undefined;
      const en = langOf(req) === 'en';
      if (list.length === 0 || !fallback) return problem(reply, 'SERVICE_UNAVAILABLE', { detail: en ? 'no scoring policy loaded' : '未加载评分政策' });
      // The store answers a ping within READY_TIMEOUT_MS, or this instance is not ready.
      const ms = app.config.readyTimeoutMs;
      const store = app.store ? await app.store.ready(ms) : null;
      if (store && !store.ok) {
        reply.header('retry-after', '5');
        if (store.error) req.log.warn({ err: store.error }, 'readiness: the store failed its ping');
        const detail =
          store.reason === 'timeout' ? (en ? `store: no answer within ${ms} ms` : `存储未在${ms}毫秒内应答`) : en ? 'store: unavailable' : '存储不可用';
        return problem(reply, 'SERVICE_UNAVAILABLE', { detail });
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
