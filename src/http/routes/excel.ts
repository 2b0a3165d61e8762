/**
 * Excel over HTTP:
 *   POST /v1/import     a 自评表 workbook (multipart field "file", or the raw xlsx body) → forms,
 *                       each scored, every finding with its cell ("Sheet1!H14")
 *   POST /v1/export     form(s) as JSON → the scored official table, ?format=xlsx (default) | html
 *   POST /v1/narrative  form(s) as JSON → the 项目绩效自评综述 paragraph
 * Bad uploads are 4xx problems whose code says why (IMPORT_NOT_XLSX 415, IMPORT_ENCRYPTED 422,
 * IMPORT_TOO_LARGE 413 — also a workbook over the worker's time or memory budget —,
 * IMPORT_TOO_MANY_ROWS 413, IMPORT_NO_FORM 422); nothing a client sends gives a 5xx. Workbooks are
 * read by src/excel/pool.ts in child processes (readers with their own heap limit); when they are all busy and the queue is full: 503.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { finding, type Code, type Finding } from '../../core/codes.js';
import { exportHtml, exportWorkbook } from '../../excel/export/index.js';
import { ImportPool } from '../../excel/pool.js';
import { MAX_EXPORT_FORMS, formsOf, scoreImported, scoreMany } from '../../excel/score.js';
import { summaryParagraph } from '../../narrative/index.js';
import { langOf, problem, problemBody, sendProblem } from '../problem.js';
import { wantsStandard } from '../schemas/standard.js';
import { formToStandard, type Json } from '../../standard/convert.js';
import { loadStandardCodes } from '../../standard/load.js';
import { resultToStandard } from '../../standard/output.js';
import { PolicyQuerySchema, problems } from '../schemas/common.js';
import { choosePolicy } from '../scoring.js';
import type { Policy } from '../../core/policy/types.js';
import { EXPORT_ANSWER, ExportQuerySchema, FormsBodySchema, ImportAnswerSchema, ImportQuerySchema, NarrativeAnswerSchema } from '../schemas/excel.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An upload may be larger than a JSON form; the zip check bounds what it unpacks to. */
export const UPLOAD_LIMIT = 20 * 1024 * 1024;
/** The multipart limits of /v1/import (errors.ts reports them). */
export const MULTIPART_LIMITS = { fileSize: UPLOAD_LIMIT, files: 1, fields: 10, parts: 12 };

const IMPORT_STATUS: Partial<Record<Code, number>> = {
  IMPORT_NOT_XLSX: 415,
  IMPORT_ENCRYPTED: 422,
  IMPORT_TOO_LARGE: 413,
  IMPORT_NO_FORM: 422,
  IMPORT_SHEET_NOT_FOUND: 422,
  IMPORT_TOO_MANY_ROWS: 413,
};

/** 503 + Retry-After: every import worker is busy and the queue is full (src/excel/pool.ts). */
function importBusy(reply: FastifyReply): FastifyReply {
  reply.header('retry-after', '5');
  const detail = langOf(reply.request) === 'en' ? 'every workbook reader is busy; try again shortly' : '工作簿读取任务已满，请稍后再试';
  return problem(reply, 'SERVICE_UNAVAILABLE', { detail });
}

function importProblem(reply: FastifyReply, error: Finding, findings: Finding[]): FastifyReply {
  const body = problemBody(error.code, error.params, langOf(reply.request), findings);
  body.status = IMPORT_STATUS[error.code] ?? 422;
  body.detail = error.message;
  return sendProblem(reply, body);
}

function bool(v: unknown, dflt: boolean): boolean {
  if (typeof v !== 'string') return dflt;
  return !/^(0|false|no|off)$/i.test(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' && v.length <= 100 ? v.trim() : undefined;
}

/** "/3/indicators/0" for the fourth form of an array, "/forms/3/…" for { forms: [...] }. */
function prefixed(input: unknown, index: number, problems: Finding[]): Finding[] {
  if (!Array.isArray(input) && !(input && typeof input === 'object' && Array.isArray((input as { forms?: unknown }).forms))) return problems;
  const pre = Array.isArray(input) ? `/${index}` : `/forms/${index}`;
  return problems.map((p) => ({ ...p, pointer: pre + p.pointer }));
}

/**
 * The body of /export and /narrative: one form, an array or {forms: [...]}, each scored.
 * On a problem the answer is sent and returned as `sent`.
 */
function scoreBody(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, policy?: Policy) {
  const fail = (sent: FastifyReply) => ({ ok: false as const, sent });
  if (req.body === undefined || req.body === null) return fail(problem(reply, 'EMPTY_BODY'));
  if (Buffer.isBuffer(req.body)) return fail(problem(reply, 'UNSUPPORTED_MEDIA_TYPE', { type: String(req.headers['content-type'] ?? '') }));
  const count = formsOf(req.body).length;
  if (count === 0 || count > MAX_EXPORT_FORMS) {
    const detail = langOf(req) === 'en' ? `from 1 to ${MAX_EXPORT_FORMS} forms, got ${count}` : `表单数应在1到${MAX_EXPORT_FORMS}之间，实际为${count}`;
    return fail(problem(reply, 'BAD_REQUEST', { detail }));
  }
  const scored = scoreMany(app.jixiao, req.body, langOf(req), policy);
  if (!scored.ok) {
    const problems = prefixed(req.body, scored.index, scored.problems);
    return fail(problem(reply, 'INVALID_FORM', { count: problems.length }, problems));
  }
  req.work.forms = scored.items.length;
  return { ok: true as const, items: scored.items };
}

export const excelRoutes: FastifyPluginAsync = async (app) => {
  // Encapsulated: these parsers apply to the routes of this plugin only.
  await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS });
  // Workbooks are read in reader processes, never on the event loop nor in the server's heap (IMPORT_* in src/config.ts).
  const c = app.config;
  const pool = new ImportPool({ workers: c.importWorkers, queue: c.importQueue, timeoutMs: c.importTimeoutMs, memoryMb: c.importMemoryMb, maxRows: c.importMaxRows });
  app.addHook('onClose', async () => pool.close());
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/import',
    {
      bodyLimit: UPLOAD_LIMIT,
      // Shed load before the upload is read when no worker could take it.
      onRequest: async (_req, reply) => (pool.full ? importBusy(reply) : undefined),
      schema: {
        tags: ['excel'],
        summary: '导入自评表工作簿（xlsx）',
        description:
          'multipart/form-data（字段 file）或原始 xlsx 请求体。每张工作表读出一张表单并评分，问题带有单元格位置（cell，如 "Sheet1!H14"）。查询参数：sheet 只读该工作表；mofDivCode 指定财政区划；score=false 只读不评分；shape=standard（或 Accept: application/vnd.jixiao.standard+json）时每张表单的结果为一体化规范表形状（standard：各行填入计算值，评分结果在 standard.jixiao 下，金额单位同工作簿）。',
        querystring: ImportQuerySchema,
        response: { 200: ImportAnswerSchema, ...problems(400, 413, 415, 422, 503) },
      },
    },
    async (req, reply) => {
      const q = (req.query ?? {}) as Record<string, unknown>;
      let buf: Buffer | undefined;
      if (req.isMultipart()) {
        try {
          const file = await req.file();
          if (!file) return problem(reply, 'BAD_REQUEST', { detail: langOf(req) === 'en' ? 'no file in the upload' : '上传内容中没有文件（字段 file）' });
          buf = await file.toBuffer();
        } catch (err) {
          throw err; // multipart limits and errors: one mapping, src/http/errors.ts
        }
      } else if (Buffer.isBuffer(req.body)) {
        buf = req.body;
      } else if (req.body === undefined || req.body === null) {
        return problem(reply, 'EMPTY_BODY');
      } else {
        return problem(reply, 'UNSUPPORTED_MEDIA_TYPE', { type: String(req.headers['content-type'] ?? '') });
      }
      const lang = langOf(req);
      const run = await pool.run(buf, { sheet: str(q.sheet), mofDivCode: str(q.mofDivCode), lang });
      if (run.kind === 'busy') return importBusy(reply);
      if (run.kind === 'too_costly') {
        const en = lang === 'en';
        const detail =
          run.reason === 'time'
            ? en ? `reading it took longer than ${c.importTimeoutMs} ms` : `读取超过${c.importTimeoutMs}毫秒`
            : en ? `reading it needs more than ${c.importMemoryMb} MB` : `读取所需内存超过${c.importMemoryMb} MB`;
        const error = finding('IMPORT_TOO_LARGE', '', { detail }, lang);
        return importProblem(reply, error, [error]);
      }
      const r = run.result;
      if (!r.ok) return importProblem(reply, r.error, r.findings);
      req.work.forms = r.forms.length;
      const score = bool(q.score, true);
      // ?shape=standard (or the Accept type): each scored form also as the 一体化 standard shape, its
      // result under standard.jixiao (amounts in the workbook's unit, stated in standard.moneyUnit).
      const standard = score && wantsStandard(str(q.shape), req.headers.accept);
      const codes = loadStandardCodes();
      const forms = r.forms.map((f) => {
        const base = { sheet: f.sheet, layout: f.layout, form: f.form, cells: f.cells, findings: f.findings };
        if (!score) return base;
        const s = scoreImported(app.jixiao, f, lang);
        if (s.ok && s.result && standard) return { ...base, standard: resultToStandard(formToStandard(f.form as Json, codes).body, s.result, codes) };
        return s.ok ? { ...base, result: s.result } : { ...base, problems: s.findings.slice(f.findings.length) };
      });
      return reply.send({ forms, findings: r.findings });
    },
  );

  app.post(
    '/export',
    {
      schema: {
        tags: ['excel'],
        summary: '导出评分后的自评表（xlsx 或可打印 HTML）',
        description:
          '请求体为一张表单、表单数组或 {"forms": [...]}。format=xlsx（默认）返回官方版式工作簿（多张表单时含汇总表），计算值与填报值并列，问题以批注和底色标在单元格上；format=html 返回可打印页面。policy 指定评分政策（同 POST /v1/score；未知为 404 UNKNOWN_POLICY），省略时按各表单的财政区划与年度选用。',
        querystring: ExportQuerySchema.extend(PolicyQuerySchema.shape),
        body: FormsBodySchema,
        response: { 200: EXPORT_ANSWER, ...problems(400, 404, 406, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const q = (req.query ?? {}) as Record<string, unknown>;
      const format = str(q.format) ?? 'xlsx';
      if (format !== 'xlsx' && format !== 'html') return problem(reply, 'NOT_ACCEPTABLE');
      // ?policy= as POST /v1/score takes it (else DEFAULT_POLICY, else each form's own).
      const choice = choosePolicy(app, str(q.policy));
      if (!choice.ok) return problem(reply, 'UNKNOWN_POLICY', { policy: choice.id });
      req.work.policy = choice.label;
      const scored = scoreBody(app, req, reply, choice.policy);
      if (!scored.ok) return scored.sent;
      const base = scored.items.length === 1 ? scored.items[0].form.proName : `自评表${scored.items.length}张`;
      const ascii = 'jixiao-export';
      if (format === 'html') {
        return reply.type('text/html; charset=utf-8').send(exportHtml(scored.items));
      }
      const buf = await exportWorkbook(scored.items);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${ascii}.xlsx"; filename*=UTF-8''${encodeURIComponent(base + '.xlsx')}`)
        .send(buf);
    },
  );

  app.post(
    '/narrative',
    {
      schema: {
        tags: ['excel'],
        summary: '生成项目绩效自评综述',
        description: '请求体为一张表单（返回 {text, …}）或表单数组 / {"forms": [...]}（返回 {items: [...]}）。',
        body: FormsBodySchema,
        response: { 200: NarrativeAnswerSchema, ...problems(400, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const scored = scoreBody(app, req, reply);
      if (!scored.ok) return scored.sent;
      const items = scored.items.map((it) => ({
        id: it.form.id ?? null,
        proName: it.form.proName,
        total: it.result.total,
        grade: it.result.grade,
        text: summaryParagraph(it.result, it.form),
      }));
      const single = !Array.isArray(req.body) && !Array.isArray((req.body as { forms?: unknown }).forms);
      return reply.send(single ? items[0] : { items });
    },
  );
};
