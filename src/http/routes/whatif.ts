/**
 * POST /v1/whatif (bureau): what a year — or an uploaded batch — would score under another
 * policy (an id of scoring/ or an uploaded policy JSON, validated like the files), storing
 * nothing. The body is JSON ({year | forms, policy, filter}) or NDJSON (one form a line, the policy
 * in ?policy=). See src/stats/whatif.ts for what the answer holds.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { scopeOf } from '../../auth/keys.js';
import type { Policy } from '../../core/policy/types.js';
import { batchWhatifItems, storedWhatif } from '../../stats/service.js';
import { policyFromJson, whatif } from '../../stats/whatif.js';
import { authGroup, withStore } from '../auth.js';
import { HttpError } from '../errors.js';
import { nonUtf8, parseJson, utf8Text } from '../json.js';
import { langOf, problem, type ProblemError } from '../problem.js';
import { documentedOnly, problems } from '../schemas/common.js';
import { WhatifBodySchema, WhatifQuerySchema, WhatifReportSchema } from '../schemas/stats.js';

type Body = z.output<typeof WhatifBodySchema>;

const zodErrors = (e: z.ZodError): ProblemError[] =>
  e.issues.map((i) => ({ code: 'BAD_REQUEST', pointer: i.path.map((k) => '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join(''), message: i.message }));

/** NDJSON lines as forms; a line that is not JSON is a 400 naming it (nothing is scored). */
function ndjsonForms(text: string): { ok: true; forms: unknown[] } | { ok: false; line: number } {
  const forms: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].replace(/\r$/, '');
    if (l.trim() === '') continue;
    const r = parseJson(l);
    if (!r.ok) return { ok: false, line: i + 1 };
    forms.push(r.value);
  }
  return { ok: true, forms };
}

export const whatifRoutes: FastifyPluginAsyncZod = async (app) => {
  authGroup(app);
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'buffer' }, (req, body, done) => {
    const bad = nonUtf8(req.headers['content-type']);
    const text = bad ? null : utf8Text(body as Buffer);
    if (bad) done(new HttpError('UNSUPPORTED_MEDIA_TYPE', { type: bad }), undefined);
    else if (text === null) done(new HttpError('INVALID_UTF8'), undefined);
    else done(null, text);
  });

  app.post(
    '/whatif',
    {
      bodyLimit: app.config.batchBodyLimit,
      config: { roles: ['bureau'] },
      schema: {
        tags: ['stats'],
        summary: '假设评分（财政）：按另一评分政策重新评分一个年度或一批表单，不存储',
        description:
          '每个项目的新旧总分与等级、等级迁移矩阵（优→良 …）、各部门合计、出现或消失的问题代码，以及造成变化最大的规则（drivers：按产生分差的部分归集——funds.<method> 预算执行率得分、indicator.<method> 指标行得分（方法改变时为 旧→新）、grade.bands 总分未变而等级改变）。' +
          '已存储年度的“旧”分为其当前评分；上传的表单“旧”分按各表单适用的政策计算。application/x-ndjson：每行一个表单，政策用 ?policy=。',
        querystring: WhatifQuerySchema,
        body: documentedOnly(WhatifBodySchema),
        response: {
          200: WhatifReportSchema,
          ...problems(400, 401, 403, 404, 413, 415, 503),
        },
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      let body: Body;
      // The content type decides, not the body's shape: a JSON body may itself be a string.
      if (/^application\/x-ndjson/i.test(String(req.headers['content-type'] ?? '')) && typeof req.body === 'string') {
        const lines = ndjsonForms(req.body);
        if (!lines.ok) {
          const detail = lang === 'en' ? `line ${lines.line} is not valid JSON` : `第${lines.line}行不是有效的 JSON`;
          return problem(reply, 'BAD_REQUEST', { detail }, [{ code: 'BAD_REQUEST', pointer: '', message: detail }]);
        }
        if (!req.query.policy) return problem(reply, 'BAD_REQUEST', { detail: lang === 'en' ? 'NDJSON needs ?policy=' : 'NDJSON 请求须以 ?policy= 指定评分政策' });
        body = { forms: lines.forms, policy: req.query.policy };
      } else {
        const parsed = WhatifBodySchema.safeParse(req.body ?? null);
        if (!parsed.success) return problem(reply, 'BAD_REQUEST', { detail: lang === 'en' ? 'invalid what-if request' : '假设评分请求无效' }, zodErrors(parsed.error));
        body = parsed.data;
      }
      if ((body.year === undefined) === (body.forms === undefined)) {
        const detail = lang === 'en' ? 'give either year or forms' : '须且只能给出 year 或 forms 之一';
        return problem(reply, 'BAD_REQUEST', { detail }, [{ code: 'BAD_REQUEST', pointer: '', message: detail }]);
      }
      if (body.forms && body.forms.length > app.config.batchMaxItems) {
        return problem(reply, 'BAD_REQUEST', { detail: `forms ≤ ${app.config.batchMaxItems}` });
      }
      let policy: Policy;
      const uploaded = typeof body.policy !== 'string';
      if (typeof body.policy === 'string') {
        const p = app.jixiao.policies.get(body.policy);
        if (!p) return problem(reply, 'UNKNOWN_POLICY', { policy: body.policy });
        policy = p;
      } else {
        const c = policyFromJson(body.policy);
        if (!c.ok) {
          const detail = lang === 'en' ? 'the uploaded policy is invalid' : '上传的评分政策无效';
          return problem(reply, 'BAD_REQUEST', { detail }, c.issues.map((i) => ({ code: 'BAD_REQUEST', pointer: '/policy' + i.pointer, message: i.message })));
        }
        policy = c.policy;
      }
      req.work.policy = policy.id;
      if (body.forms) {
        req.work.forms = body.forms.length;
        return whatif(app.jixiao, batchWhatifItems(body.forms), policy, uploaded);
      }
      const year = body.year!;
      return withStore(app, reply, async (store) => {
        const f = body.filter ?? {};
        const scope = scopeOf(req.principal!);
        const filter = {
          ...scope,
          year,
          ...(f.department ? { deptCode: f.department } : {}),
          ...(f.unit ? { agencyCode: f.unit } : {}),
          ...(f.region && !scope.mofDivCode ? { mofDivCode: f.region } : {}),
        };
        const report = await storedWhatif(app.jixiao, store, filter, policy, uploaded);
        req.work.forms = report.count + report.failed.length;
        return { year, ...report };
      });
    },
  );
};
