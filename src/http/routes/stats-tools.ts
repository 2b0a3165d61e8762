/**
 * The bureau's tools under /v1/stats (registered by routes/stats.ts, inside its auth group):
 *
 * GET|POST /v1/stats/disclosure/document — the whole 预算绩效情况说明 of a 部门（单位）and year,
 *   sections (1)–(5), as JSON (text, sections and every figure with the submissions it came from),
 *   plain text or printable HTML (?format= or Accept). GET takes the supplied figures as query
 *   parameters; POST takes them as JSON, with the 部门评价 projects. The bureau names a unit or a
 *   department; a department key sees its own department and its units; a unit key its own unit.
 *   Out of scope, like nothing stored that year, is 404.
 * GET /v1/stats/inflation?year= — the self-score inflation index per department (bureau: every
 *   department; a department key: its own row), sortable (?sort=), JSON or CSV.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../auth/keys.js';
import { documentHtml } from '../../stats/document.js';
import { inflationCsv, sortRows } from '../../stats/inflation.js';
import { storedDocument, storedInflation, type DocumentRequest } from '../../stats/service.js';
import { withStore } from '../auth.js';
import { problem } from '../problem.js';
import { problems } from '../schemas/common.js';
import {
  DisclosureDocumentSchema,
  DocumentBodySchema,
  DocumentFormatQuerySchema,
  DocumentQuerySchema,
  INFLATION_DESCRIPTION,
  INFLATION_FORMULA,
  InflationQuerySchema,
  InflationSchema,
} from '../schemas/stats.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
type DocFormat = 'json' | 'text' | 'html';

/** ?format= wins; else the first of text/html, text/plain named in Accept; else JSON. */
function formatOf(req: FastifyRequest, asked: DocFormat | undefined): DocFormat {
  if (asked) return asked;
  const accept = String(req.headers.accept ?? '').toLowerCase();
  const html = accept.indexOf('text/html');
  const text = accept.indexOf('text/plain');
  const jsonAt = accept.indexOf('application/json');
  const first = [html, text, jsonAt].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (first === undefined || first === jsonAt) return 'json';
  return first === html ? 'html' : 'text';
}

const DOCUMENT_RESPONSE = {
  200: {
    description: '预算绩效情况说明：JSON（含各数字来源）、纯文本或可打印 HTML',
    content: {
      'application/json': { schema: DisclosureDocumentSchema },
      'text/plain': { schema: z.string() },
      'text/html': { schema: z.string() },
    },
  },
  ...problems(400, 401, 403, 404, 503),
};

export function registerStatsTools(app: App): void {
  const answer = (req: FastifyRequest, reply: FastifyReply, q: DocumentRequest & { format?: DocFormat }) =>
    withStore(app, reply, async (store) => {
      const p = req.principal!;
      const ask: DocumentRequest = { ...q };
      if (ask.unit === undefined && ask.department === undefined) {
        if (p.role === 'unit' && p.agencyCode) ask.unit = p.agencyCode;
        else if (p.role === 'department' && p.deptCode) ask.department = p.deptCode;
        else return problem(reply, 'BAD_REQUEST', { detail: 'unit / department' });
      }
      const what = `${ask.unit ?? ask.department} ${q.year}`;
      // A unit key reads its own unit only: never a department's document made of its own forms.
      if (p.role === 'unit' && ask.department !== undefined) return problem(reply, 'NOT_FOUND', { what });
      const doc = await storedDocument(store, scopeOf(p), ask);
      if (!doc) return problem(reply, 'NOT_FOUND', { what });
      req.work.forms = doc.figures.projects.sources.length;
      const format = formatOf(req, q.format);
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(documentHtml(doc));
      if (format === 'text') return reply.type('text/plain; charset=utf-8').send(doc.text);
      return doc;
    });

  app.get(
    '/stats/disclosure/document',
    {
      config: { roles: ['unit', 'department', 'bureau'] },
      schema: {
        tags: ['stats'],
        summary: '决算公开“预算绩效情况说明”全文（第（1）至（5）部分）',
        description: '由已存储的项目自评表与部门（单位）整体支出自评表生成；每个数字在 JSON 中列出其来源自评表（id 与版本）。',
        querystring: DocumentQuerySchema,
        response: DOCUMENT_RESPONSE,
      },
    },
    async (req, reply) => answer(req, reply, req.query),
  );

  app.post(
    '/stats/disclosure/document',
    {
      config: { roles: ['unit', 'department', 'bureau'] },
      schema: {
        tags: ['stats'],
        summary: '决算公开“预算绩效情况说明”全文，部门提供的数字（含部门评价项目）在请求体中',
        querystring: DocumentFormatQuerySchema,
        body: DocumentBodySchema,
        response: DOCUMENT_RESPONSE,
      },
    },
    async (req, reply) => answer(req, reply, { ...req.body, format: req.body.format ?? req.query.format }),
  );

  app.get(
    '/stats/inflation',
    {
      config: { roles: ['department', 'bureau'] },
      schema: {
        tags: ['stats'],
        summary: '各部门自评得分虚高指数（财政；部门只看本部门）',
        description: INFLATION_DESCRIPTION,
        querystring: InflationQuerySchema,
        response: {
          200: {
            description: '每个部门一行',
            content: { 'application/json': { schema: InflationSchema }, 'text/csv': { schema: z.string() } },
          },
          ...problems(400, 401, 403, 503),
        },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const q = req.query;
        const scope = scopeOf(req.principal!);
        const { rows, previousYearForms } = await storedInflation(store, { ...scope, ...(q.region && !scope.mofDivCode ? { mofDivCode: q.region } : {}) }, q.year);
        const sort = q.sort ?? '-index';
        const sorted = sortRows(rows, sort);
        req.work.forms = rows.reduce((n, r) => n + r.forms, 0);
        const csv = q.format === 'csv' || (q.format === undefined && /\btext\/csv\b/i.test(String(req.headers.accept ?? '')));
        if (csv) {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="inflation-${q.year}.csv"`)
            .send(inflationCsv(sorted));
        }
        return { year: q.year, previousYearForms, sort, formula: INFLATION_FORMULA, departments: sorted };
      }),
  );
}
