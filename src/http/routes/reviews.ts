/**
 * Reviews (复核 / 抽评): a reviewer re-scores a submission version it may see; everyone who may
 * see the submission may read its reviews (another tenant's is 404, exactly like a missing one).
 *
 *   POST /v1/submissions/:id/versions/:n/reviews   reviewer    review (or revise: a new version), 201
 *   GET  /v1/reviews                               all roles   filters, cursor paging {items, next}
 *   GET  /v1/reviews/:rid                          all roles   the current side-by-side and every version
 *   GET  /v1/reviews/:rid/versions/:v              all roles   one version: the review as sent and its side-by-side
 *   GET  /v1/reviews/:rid/export                   all roles   the annotated workbook with the review columns
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../auth/keys.js';
import type { Form } from '../../core/model/form.js';
import type { ScoreResult } from '../../core/model/result.js';
import { exportReviewWorkbook } from '../../excel/export/review.js';
import { REVIEW_GRADES } from '../../review/grades.js';
import { loadRulePack, type RulePack } from '../../review/rules.js';
import type { ReviewResult } from '../../review/schema.js';
import { createReview } from '../../review/service.js';
import { REVIEW_CURSOR, ReviewStore } from '../../store/reviews.js';
import { authGroup, withStore } from '../auth.js';
import { langOf, problem } from '../problem.js';
import { PAGE_LIMIT_DEFAULT, problems } from '../schemas/common.js';
import {
  ExportVersionQuery,
  REVIEW_EXPORT_ANSWER,
  ReviewBodySchema,
  ReviewCreatedSchema,
  ReviewListQuery,
  ReviewOneSchema,
  ReviewPageSchema,
  ReviewParams,
  ReviewVersionParams,
  ReviewVersionSchema,
  RulesQuery,
  SubmissionVersionParams,
} from '../schemas/reviews.js';
import { XLSX_TYPE } from './excel.js';

const READERS = ['unit', 'department', 'bureau', 'reviewer'] as const;
const IDEMPOTENCY_RX = /^[\x21-\x7e]{1,255}$/;
const UUID_RX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  authGroup(app);
  const packFor = (asked: 'practice' | 'off' | undefined): RulePack | null =>
    (asked ?? app.config.reviewRules) === 'practice' ? loadRulePack() : null;

  app.post(
    '/submissions/:id/versions/:n/reviews',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['reviews'],
        summary: '复核 / 抽评一个自评表版本（复核人员）',
        description:
          '逐项写复核完成值、复核得分与理由（复核得分低于分值时理由必填），以及抽评等级（1 优、2 良、3 中、4 差）与复核结论。jixiao 将复核完成值代入该版本的表单，用同一评分引擎、同一评分政策计算，逐项与合计列出自评 / 复核 / 计算，差异作为问题（REVIEW_*）。同一复核机构再次复核同一版本生成复核的新版本，旧版本保留；Idempotency-Key 相同的重试返回首次的应答。?rules=practice 启用复核口径规则包（实务做法，非政策规定）。',
        params: SubmissionVersionParams,
        querystring: RulesQuery,
        headers: z.object({ 'idempotency-key': z.string().optional().meta({ description: '重试时沿用：同一密钥与 Idempotency-Key 的重试返回首次的应答，不生成新版本' }) }),
        body: ReviewBodySchema,
        response: { 201: ReviewCreatedSchema, ...problems(400, 401, 403, 404, 409, 413, 415, 422, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const { id, n } = req.params;
        if (!UUID_RX.test(id)) return problem(reply, 'NOT_FOUND', { what: `submission ${id.slice(0, 64)} version ${n}` });
        const idem = req.headers['idempotency-key'];
        if (idem !== undefined && !IDEMPOTENCY_RX.test(idem)) {
          return problem(reply, 'BAD_REQUEST', { detail: langOf(req) === 'en' ? 'Idempotency-Key: 1–255 printable ASCII characters' : 'Idempotency-Key 应为 1–255 个可打印 ASCII 字符' });
        }
        if (req.body === undefined || req.body === null) return problem(reply, 'EMPTY_BODY');
        const reviews = new ReviewStore(store.db);
        const out = await createReview(app.jixiao, store, reviews, req.principal!, {
          submissionId: id,
          version: n,
          body: req.body,
          pack: packFor(req.query.rules),
          lang: langOf(req),
          idempotencyKey: idem,
        });
        switch (out.kind) {
          case 'forbidden':
            return problem(reply, 'FORBIDDEN');
          case 'not_found':
            return problem(reply, 'NOT_FOUND', { what: `submission ${id} version ${n}` });
          case 'invalid':
            return problem(reply, 'INVALID_REVIEW', { count: out.problems.length }, out.problems);
          case 'idempotency_mismatch':
            return problem(reply, 'CONFLICT', {
              detail: langOf(req) === 'en' ? 'the Idempotency-Key was used for another request' : 'Idempotency-Key 已用于另一个请求',
            });
        }
        const body = out.response.body as { links: { version: string }; review: ReviewResult };
        req.work.policy = body.review.policy.id;
        if (out.kind === 'replayed') reply.header('idempotent-replayed', 'true');
        reply.header('location', body.links.version);
        return reply.code(201).send(body as never);
      }),
  );

  app.get(
    '/reviews',
    {
      config: { roles: READERS },
      schema: {
        tags: ['reviews'],
        summary: '复核列表（按角色限定范围，新的在前）',
        querystring: ReviewListQuery,
        response: { 200: ReviewPageSchema, ...problems(400, 401, 403, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const q = req.query;
        const after = q.cursor === undefined ? null : REVIEW_CURSOR.decode(q.cursor);
        if (q.cursor !== undefined && after === null) return problem(reply, 'BAD_CURSOR');
        const grade = q.grade === undefined ? undefined : REVIEW_GRADES.find((g) => g.code === q.grade || g.label === q.grade)!.code;
        return new ReviewStore(store.db).list(
          {
            submissionId: q.submission,
            submissionVersion: q.submissionVersion,
            year: q.year,
            deptCode: q.department,
            agencyCode: q.unit,
            mofDivCode: q.region,
            level: q.level,
            gradeCode: grade,
            finding: q.finding,
          },
          scopeOf(req.principal!),
          after && after[0],
          q.limit ?? PAGE_LIMIT_DEFAULT,
        );
      }),
  );

  app.get(
    '/reviews/:rid',
    {
      config: { roles: READERS },
      schema: {
        tags: ['reviews'],
        summary: '一份复核：当前版本的自评 / 复核 / 计算对照与全部版本',
        params: ReviewParams,
        response: { 200: ReviewOneSchema, ...problems(401, 403, 404, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const rid = req.params.rid;
        const reviews = new ReviewStore(store.db);
        const head = UUID_RX.test(rid) ? await reviews.get(rid, scopeOf(req.principal!)) : null;
        if (!head) return problem(reply, 'NOT_FOUND', { what: `review ${rid.slice(0, 64)}` });
        const current = await reviews.version(rid, head.currentVersion);
        return { ...head, review: current!.result as ReviewResult, versions: await reviews.versions(rid) };
      }),
  );

  app.get(
    '/reviews/:rid/versions/:v',
    {
      config: { roles: READERS },
      schema: {
        tags: ['reviews'],
        summary: '复核的一个版本：复核意见原文与其对照',
        params: ReviewVersionParams,
        response: { 200: ReviewVersionSchema, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const { rid, v } = req.params;
        const reviews = new ReviewStore(store.db);
        const head = UUID_RX.test(rid) ? await reviews.get(rid, scopeOf(req.principal!)) : null;
        const version = head ? await reviews.version(rid, v) : null;
        if (!version) return problem(reply, 'NOT_FOUND', { what: `review ${rid.slice(0, 64)} version ${v}` });
        return { id: rid, ...version, result: version.result as ReviewResult };
      }),
  );

  app.get(
    '/reviews/:rid/export',
    {
      config: { roles: READERS },
      schema: {
        tags: ['reviews'],
        summary: '导出复核后的自评表工作簿（自评与复核并列）',
        params: ReviewParams,
        querystring: ExportVersionQuery,
        response: { 200: REVIEW_EXPORT_ANSWER, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const rid = req.params.rid;
        const reviews = new ReviewStore(store.db);
        const head = UUID_RX.test(rid) ? await reviews.get(rid, scopeOf(req.principal!)) : null;
        const version = head ? await reviews.version(rid, req.query.version ?? head.currentVersion) : null;
        const sub = head ? await store.getVersion(head.submissionId, head.submissionVersion) : null;
        if (!head || !version || !sub) return problem(reply, 'NOT_FOUND', { what: `review ${rid.slice(0, 64)}` });
        const review = version.result as ReviewResult;
        const policy = app.jixiao.policies.get(review.policy.id);
        const scored = app.jixiao.scoreInput(sub.input, policy ? { policy } : {});
        if (!scored.ok) return problem(reply, 'INVALID_FORM', { count: scored.problems.length }, scored.problems);
        const buf = await exportReviewWorkbook({ form: scored.form as Form, result: scored.result as ScoreResult }, review);
        const name = `${head.submission.proName}（复核）.xlsx`;
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="jixiao-review.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(buf as unknown as string); // the binary answer; its schema documents the xlsx media type
      }),
  );
};
