/** POST /v1/score?policy=ID: one form → its result (200 even with findings; 422 when not a valid form). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ScoreResultSchema } from '../../core/model/result.js';
import { langOf, problem } from '../problem.js';
import { choosePolicy, findingCodes, noBody } from '../scoring.js';
import { PolicyQuerySchema, problems } from '../schemas/common.js';
import { ScoreBodySchema } from '../schemas/score.js';

export const scoreRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/score',
    {
      schema: {
        tags: ['score'],
        summary: '评分一张自评表',
        description:
          '返回计算结果（各指标得分、执行率得分、总分、等级、问题清单与偏差报告）。表单有问题（findings）时仍为 200；不是有效表单时为 422，errors 列出每个问题及其 JSON 指针。',
        querystring: PolicyQuerySchema,
        body: ScoreBodySchema,
        response: { 200: ScoreResultSchema, ...problems(400, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const choice = choosePolicy(app, req.query.policy);
      if (!choice.ok) return problem(reply, 'UNKNOWN_POLICY', { policy: choice.id });
      if (noBody(req)) return problem(reply, 'EMPTY_BODY');
      req.work.forms = 1;
      req.work.policy = choice.label;
      const out = app.jixiao.scoreInput(req.body, { policy: choice.policy, lang: langOf(req) });
      if (!out.ok) {
        app.metrics.observeRejected();
        return problem(reply, 'INVALID_FORM', { count: out.problems.length }, out.problems);
      }
      req.work.policy = out.result.policy.id;
      app.metrics.observeScored(out.result.grade, findingCodes(out.result));
      return out.result;
    },
  );
};
