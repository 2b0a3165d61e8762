/** GET /v1/policies and GET /v1/policies/:id: the policies in scoring/ with their parameters. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Dec } from '../../core/decimal.js';
import type { Policy } from '../../core/policy/types.js';
import { problem } from '../problem.js';
import { problems } from '../schemas/common.js';
import { PolicyListSchema, PolicyParamsSchema, PolicySchema, PolicySummarySchema } from '../schemas/policies.js';
import type { z } from 'zod';

/** Decimals become their exact string; everything else is copied as it is. */
export function plain(value: unknown): unknown {
  if (Dec.isDecimal(value)) return (value as Dec).toString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

export function policySummary(p: Policy): z.output<typeof PolicySummarySchema> {
  return {
    id: p.id,
    version: p.version,
    name: p.name,
    description: p.description,
    hash: p.hash,
    isDefault: p.isDefault,
    appliesTo: { regions: [...p.appliesTo.regions], yearFrom: p.appliesTo.yearFrom, yearTo: p.appliesTo.yearTo },
  };
}

export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/policies',
    { schema: { tags: ['policies'], summary: '评分政策列表', response: { 200: PolicyListSchema } } },
    async () => ({ default: app.jixiao.policies.default.id, policies: app.jixiao.policies.list.map(policySummary) }),
  );

  app.get(
    '/policies/:id',
    {
      schema: {
        tags: ['policies'],
        summary: '一个评分政策的全部参数',
        params: PolicyParamsSchema,
        response: { 200: PolicySchema, ...problems(404) },
      },
    },
    async (req, reply) => {
      const p = app.jixiao.policies.get(req.params.id);
      if (!p) return problem(reply, 'UNKNOWN_POLICY', { policy: req.params.id });
      req.work.policy = p.id;
      return plain(p) as z.output<typeof PolicySchema>;
    },
  );
};
