/**
 * POST /v1/rescore (bureau): re-scores the current version of every stored submission of a
 * year (optionally filtered) under a policy, adds the new snapshots in one transaction, and
 * answers with every grade change. Nothing is overwritten: the earlier snapshots stay readable
 * under GET /v1/submissions/:id/versions/:n.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rescore } from '../../store/service.js';
import { authGroup, withStore } from '../auth.js';
import { problem } from '../problem.js';
import { problems } from '../schemas/common.js';
import { OTHER_REGION } from './stats.js';
import { RescoreAnswerSchema } from '../schemas/store.js';

const CODE = z.string().trim().regex(/^[0-9A-Za-z]{1,21}$/);
const DECIMAL = z.string().trim().regex(/^\d{1,6}(\.\d{1,6})?$/);

export const RescoreBodySchema = z
  .object({
    year: z.number().int().min(1990).max(2100).meta({ description: '年度' }),
    policy: z.string().max(64).optional().meta({ description: '评分政策 id；省略时按各表单的财政区划与年度选择适用的政策' }),
    filter: z
      .object({
        department: CODE.optional(),
        unit: CODE.optional(),
        region: z.string().regex(/^\d{6}(\d{3})?$/).optional(),
        proCode: z.string().trim().min(1).max(21).optional(),
        grade: z.string().trim().min(1).max(20).optional(),
        finding: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/).optional(),
        minScore: DECIMAL.optional(),
        maxScore: DECIMAL.optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .meta({ id: 'RescoreRequest' });

export const rescoreRoutes: FastifyPluginAsyncZod = async (app) => {
  authGroup(app);
  app.post(
    '/rescore',
    {
      config: { roles: ['bureau'] },
      schema: {
        tags: ['submissions'],
        summary: '按评分政策重新评分（财政）',
        body: RescoreBodySchema,
        response: {
          200: RescoreAnswerSchema,
          ...problems(400, 401, 403, 404, 503),
        },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const b = req.body;
        const policy = b.policy === undefined ? null : app.jixiao.policies.get(b.policy);
        if (policy === undefined) return problem(reply, 'UNKNOWN_POLICY', { policy: String(b.policy) });
        req.work.policy = policy?.id ?? 'by-form';
        const f = b.filter;
        // A bureau key bound to a region re-scores that region only (another region asked for: nothing).
        const own = req.principal!.mofDivCode;
        const region = own === null || f.region === undefined || f.region === own ? (own ?? f.region) : OTHER_REGION;
        const out = await rescore(app.jixiao, store, req.principal!, {
          year: b.year,
          policy,
          filter: {
            deptCode: f.department,
            agencyCode: f.unit,
            mofDivCode: region,
            proCode: f.proCode,
            grade: f.grade,
            finding: f.finding,
            minTotal: f.minScore,
            maxTotal: f.maxScore,
          },
        });
        req.work.forms = out.rescored;
        return out;
      }),
  );
};
