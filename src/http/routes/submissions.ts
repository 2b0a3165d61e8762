/**
 * Submissions: a unit submits its forms; units, departments and the bureau read them within
 * their tenancy (another tenant's submission is 404, exactly like a missing one).
 *
 *   POST /v1/submissions                      unit          validate, score, store (Idempotency-Key)
 *   GET  /v1/submissions                      all roles     filters, cursor paging
 *   GET  /v1/submissions/:id                  all roles     the head, its current form and score, its versions
 *   GET  /v1/submissions/:id/versions         all roles     its versions, oldest first, cursor paging
 *   GET  /v1/submissions/:id/versions/:n      all roles     one version: the form as sent and every score of it
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../auth/keys.js';
import { CURSORS } from '../../store/repository.js';
import { submit } from '../../store/service.js';
import { authGroup, withStore } from '../auth.js';
import { langOf, problem } from '../problem.js';
import { PAGE_LIMIT_DEFAULT, PageQueryFields, PageQuerySchema, problems } from '../schemas/common.js';
import { ScoreBodySchema } from '../schemas/score.js';
import { SubmissionPageSchema, SubmissionSchema, SubmitAnswerSchema, VersionPageSchema, VersionSchema } from '../schemas/store.js';

const CODE = z.string().trim().regex(/^[0-9A-Za-z]{1,21}$/, 'a code such as 209100');
const DECIMAL = z.string().trim().regex(/^\d{1,6}(\.\d{1,6})?$/, 'a score such as 90 or 89.5');
const YEAR = z
  .string()
  .regex(/^\d{4}$/, 'a year such as 2022')
  .transform(Number);

export const ListQuerySchema = z.object({
  year: YEAR.optional().meta({ description: '年度' }),
  department: CODE.optional().meta({ description: '主管部门代码 dept_code' }),
  unit: CODE.optional().meta({ description: '单位代码 agency_code' }),
  region: z.string().regex(/^\d{6}(\d{3})?$/).optional().meta({ description: '财政区划代码 mof_div_code' }),
  proCode: z.string().trim().min(1).max(21).optional().meta({ description: '项目代码 pro_code' }),
  grade: z.string().trim().min(1).max(20).optional().meta({ description: '计算等级：优 / 良 / 中 / 差' }),
  finding: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/).optional().meta({ description: '问题代码，如 TOTAL_MISMATCH' }),
  minScore: DECIMAL.optional().meta({ description: '计算总分下限（含）' }),
  maxScore: DECIMAL.optional().meta({ description: '计算总分上限（含）' }),
  ...PageQueryFields,
});

const IdParams = z.object({ id: z.string().max(64) });
const VersionParams = z.object({ id: z.string().max(64), n: z.string().regex(/^\d{1,9}$/).transform(Number) });

const IDEMPOTENCY_RX = /^[\x21-\x7e]{1,255}$/;
const UUID_RX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Who may read submissions (each within its tenancy, scopeOf): reviewers read what they may review. */
const ANY_ROLE = ['unit', 'department', 'bureau', 'reviewer'] as const;

export const submissionRoutes: FastifyPluginAsyncZod = async (app) => {
  authGroup(app);

  app.post(
    '/submissions',
    {
      config: { roles: ['unit'] },
      schema: {
        tags: ['submissions'],
        summary: '提交一张自评表（预算单位）',
        description:
          '校验、按适用的评分政策评分并保存（含评分快照）。同一财政区划、年度、项目再次提交生成新版本。Idempotency-Key 相同的重试返回首次的应答；相同 eval_id（表单 id）且内容相同时不生成新版本（200）。请求体也可为一体化规范表形状（pm_perf_self_eval.eval_id 为幂等键，同一 mof_div_code、fiscal_year、pro_code 的新 eval_id 为新版本；原样保存，问题指针指向规范表的行与列）。',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: ScoreBodySchema,
        response: {
          200: SubmitAnswerSchema.meta({ description: '同一 eval_id 且内容相同：已有版本（duplicate: true）' }),
          201: SubmitAnswerSchema.meta({ description: '已保存（Location 为自评表的 URL）' }),
          ...problems(400, 401, 403, 409, 413, 415, 422, 503),
        },
      },
    },
    async (req, reply) => withStore(app, reply, async (store) => {
      const idem = req.headers['idempotency-key'];
      if (idem !== undefined && !IDEMPOTENCY_RX.test(idem)) {
        return problem(reply, 'BAD_REQUEST', { detail: langOf(req) === 'en' ? 'Idempotency-Key: 1–255 printable ASCII characters' : 'Idempotency-Key 应为 1–255 个可打印 ASCII 字符' });
      }
      if (req.body === undefined || req.body === null) return problem(reply, 'EMPTY_BODY');
      req.work.forms = 1;
      const out = await submit(app.jixiao, store, req.principal!, req.body, { idempotencyKey: idem, lang: langOf(req) });
      switch (out.kind) {
        case 'invalid':
          return problem(reply, 'INVALID_FORM', { count: out.problems.length }, out.problems);
        case 'forbidden':
          return problem(reply, 'FORBIDDEN');
        case 'idempotency_mismatch':
          return problem(reply, 'CONFLICT', {
            detail: langOf(req) === 'en' ? 'the Idempotency-Key was used for another request' : 'Idempotency-Key 已用于另一个请求',
          });
      }
      const body = out.response.body as { id: string; score: { policy: { id: string } } };
      req.work.policy = body.score.policy.id;
      if (out.kind === 'replayed') reply.header('idempotent-replayed', 'true');
      if (out.response.status === 201) reply.header('location', `/v1/submissions/${body.id}`);
      return reply.code(out.response.status as 200 | 201).send(out.response.body as z.output<typeof SubmitAnswerSchema>);
    }),
  );

  app.get(
    '/submissions',
    {
      config: { roles: ANY_ROLE },
      schema: {
        tags: ['submissions'],
        summary: '自评表列表（按角色限定范围）',
        querystring: ListQuerySchema,
        response: { 200: SubmissionPageSchema, ...problems(400, 401, 503) },
      },
    },
    async (req, reply) => withStore(app, reply, async (store) => {
      const q = req.query;
      const after = q.cursor === undefined ? null : CURSORS.submissions.decode(q.cursor);
      if (q.cursor !== undefined && after === null) return problem(reply, 'BAD_CURSOR');
      const page = await store.list(
        {
          year: q.year,
          deptCode: q.department,
          agencyCode: q.unit,
          mofDivCode: q.region,
          proCode: q.proCode,
          grade: q.grade,
          finding: q.finding,
          minTotal: q.minScore,
          maxTotal: q.maxScore,
        },
        scopeOf(req.principal!),
        after && after[0],
        q.limit ?? PAGE_LIMIT_DEFAULT,
      );
      // nextCursor: the same cursor under its name before issue 12 (deprecated).
      return { ...page, nextCursor: page.next };
    }),
  );

  app.get(
    '/submissions/:id',
    {
      config: { roles: ANY_ROLE },
      schema: { tags: ['submissions'], summary: '一张自评表：当前版本、评分与全部版本', params: IdParams, response: { 200: SubmissionSchema, ...problems(401, 404, 503) } },
    },
    async (req, reply) => withStore(app, reply, async (store) => {
      const id = req.params.id;
      const head = UUID_RX.test(id) ? await store.getHead(id, scopeOf(req.principal!)) : null;
      if (!head) return problem(reply, 'NOT_FOUND', { what: `submission ${id.slice(0, 64)}` });
      const versions = await store.listVersions(id);
      const current = await store.getVersion(id, head.currentVersion);
      return { ...head, form: current!.input, versions };
    }),
  );

  app.get(
    '/submissions/:id/versions',
    {
      config: { roles: ANY_ROLE },
      schema: {
        tags: ['submissions'],
        summary: '一张自评表的版本列表（从旧到新，分页）',
        params: IdParams,
        querystring: PageQuerySchema,
        response: { 200: VersionPageSchema, ...problems(400, 401, 404, 503) },
      },
    },
    async (req, reply) => withStore(app, reply, async (store) => {
      const { id } = req.params;
      const q = req.query;
      const after = q.cursor === undefined ? null : CURSORS.versions.decode(q.cursor);
      if (q.cursor !== undefined && after === null) return problem(reply, 'BAD_CURSOR');
      const head = UUID_RX.test(id) ? await store.getHead(id, scopeOf(req.principal!)) : null;
      if (!head) return problem(reply, 'NOT_FOUND', { what: `submission ${id.slice(0, 64)}` });
      return store.versionsPage(id, after && after[0], q.limit ?? PAGE_LIMIT_DEFAULT);
    }),
  );

  app.get(
    '/submissions/:id/versions/:n',
    {
      config: { roles: ANY_ROLE },
      schema: {
        tags: ['submissions'],
        summary: '一个版本：提交的表单原文与其全部评分快照',
        params: VersionParams,
        response: { 200: VersionSchema, ...problems(400, 401, 404, 503) },
      },
    },
    async (req, reply) => withStore(app, reply, async (store) => {
      const { id, n } = req.params;
      const head = UUID_RX.test(id) ? await store.getHead(id, scopeOf(req.principal!)) : null;
      const version = head ? await store.getVersion(id, n) : null;
      if (!version) return problem(reply, 'NOT_FOUND', { what: `submission ${id.slice(0, 64)} version ${n}` });
      // The stored result is a ScoreResult as JSON.
      return { id, ...version } as z.output<typeof VersionSchema>;
    }),
  );
};
