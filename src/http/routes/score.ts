/**
 * POST /v1/score?policy=ID&detail=full|brief&shape=form|standard: one form → its result (200 even
 * with findings; 422 when not a valid form). The body may be a jixiao form or the 一体化 standard
 * shape (src/standard/); the answer is in the standard shape with ?shape=standard or
 * Accept: application/vnd.jixiao.standard+json. detail=full (the default) answers the ScoreResult, detail=brief the
 * BriefResult; the core builds only the one asked for (scoreLean).
 *
 * The answer is written by the app's serializer, JSON.stringify. A serializer compiled from the
 * response schemas (fast-json-stringify on the JSON Schema of ScoreResultSchema / BriefResultSchema,
 * byte-identical on every fixture) was measured slower (issue 9, CPU time to a UTF-8 buffer:
 * the seed form's full result 86 µs vs 57 µs, a generated form's 234 µs vs 150 µs, the brief
 * answers 7.5 vs 6.3 µs and 22 vs 18 µs; under autocannon 815 vs 887 req/s for full), so
 * JSON.stringify stays. test/http-detail.test.ts holds the bodies to JSON.stringify of the core's answers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { langOf, problem } from '../problem.js';
import { choosePolicy, findingCodes, noBody } from '../scoring.js';
import { problems } from '../schemas/common.js';
import { ScoreAnswerSchema, ScoreBodySchema, ScoreQuerySchema } from '../schemas/score.js';
import { STANDARD_MEDIA_TYPE, StandardAnswerSchema, standardContentType, wantsStandard } from '../schemas/standard.js';
import { loadStandardCodes } from '../../standard/load.js';
import { scoreAny, standardAnswer } from '../../standard/score.js';

export const scoreRoutes: FastifyPluginAsyncZod = async (app) => {
  const codes = loadStandardCodes();
  app.post(
    '/score',
    {
      schema: {
        tags: ['score'],
        summary: '评分一张自评表',
        description:
          '返回计算结果（各指标得分、执行率得分、总分、等级、问题清单与偏差报告）。表单有问题（findings）时仍为 200；不是有效表单时为 422，errors 列出每个问题及其 JSON 指针。detail=brief 时只返回 BriefResult（总分、等级、状态、各指标得分与问题代码）。',
        querystring: ScoreQuerySchema,
        body: ScoreBodySchema,
        response: {
          200: {
            description: '评分结果',
            content: { 'application/json': { schema: ScoreAnswerSchema }, [STANDARD_MEDIA_TYPE]: { schema: StandardAnswerSchema } },
          },
          ...problems(400, 404, 413, 415, 422),
        },
      },
    },
    async (req, reply) => {
      const choice = choosePolicy(app, req.query.policy);
      if (!choice.ok) return problem(reply, 'UNKNOWN_POLICY', { policy: choice.id });
      if (noBody(req)) return problem(reply, 'EMPTY_BODY');
      req.work.forms = 1;
      req.work.policy = choice.label;
      // Either shape: a body with the 一体化 table keys is converted (src/standard/).
      const out = scoreAny(app.jixiao, req.body, codes, { policy: choice.policy, lang: langOf(req) });
      if (!out.ok) {
        app.metrics.observeRejected();
        return problem(reply, 'INVALID_FORM', { count: out.problems.length }, out.problems);
      }
      if (wantsStandard(req.query.shape, req.headers.accept)) {
        const full = out.lean.full();
        req.work.policy = full.policy.id;
        app.metrics.observeScored(full.grade, findingCodes(full.summary));
        reply.header('vary', 'Accept');
        return reply.type(standardContentType(req.headers.accept)).send(standardAnswer(out, req.body, codes, req.query.detail, full) as never);
      }
      // Only the answer asked for is built; grade and finding counts are in both.
      const answer = req.query.detail === 'brief' ? out.lean.brief() : out.lean.full();
      req.work.policy = answer.policy.id;
      app.metrics.observeScored(answer.grade, findingCodes(answer.summary));
      return answer;
    },
  );
};
