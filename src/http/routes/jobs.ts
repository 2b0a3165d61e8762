/**
 * Asynchronous batch jobs (README "Jobs"): a batch that survives restarts and proxies.
 *
 *   POST   /v1/jobs                        NDJSON (one form a line), a JSON array, or a batch workbook
 *                                          → 202 {job} + Location, once every line is stored
 *   GET    /v1/jobs                        the caller's jobs, newest first (limit, cursor → next)
 *   GET    /v1/jobs/:id                    counts by status (pending 审核中 / done 已审核 / failed 审核失败),
 *                                          progress, times, callback attempts
 *   GET    /v1/jobs/:id/results            NDJSON of every result (default), or ?format=json a page
 *                                          {items, next}; ?status=pending|done|failed
 *   GET    /v1/jobs/:id/results/:proCode   one project's result by pro_code
 *   DELETE /v1/jobs/:id                    cancel (lines not yet scored stay pending)
 *   POST   /v1/jobs/callback-secret        the caller's callback signing secret
 *
 * Any key may post jobs; a job is its key's alone (another key's job is 404, as a missing one).
 * Each form may be a jixiao form or a body of the 一体化 standard shape (src/standard/).
 * Options are query parameters: policy, detail=brief|full, shape=form|standard (or Accept:
 * application/vnd.jixiao.standard+json), callback=<url under CALLBACK_ORIGINS>,
 * store=true (bureau keys: each scored form is stored as a submission). The worker that scores
 * the lines is src/jobs/worker.ts, started and stopped with the app here.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Code, Lang } from '../../core/codes.js';
import { ImportPool } from '../../excel/pool.js';
import { allowedCallback, callbackSecret, SECRET_CONTEXT, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../jobs/callback.js';
import type { WorkbookLine } from '../../jobs/score.js';
import { lineKeys } from '../../jobs/shape.js';
import { jobUrl, jobView, lineJson } from '../../jobs/view.js';
import { JobWorker } from '../../jobs/worker.js';
import { cursorCodec } from '../../store/cursor.js';
import { JobStore, type NewLine } from '../../store/jobs.js';
import { ROLES } from '../../store/types.js';
import { authGroup, bearerOf, withStore } from '../auth.js';
import { HttpError } from '../errors.js';
import { nonUtf8 } from '../json.js';
import { FLUSH, ndjsonLines } from '../ndjson.js';
import { langOf, problem, problemBody, sendProblem, type Problem } from '../problem.js';
import { choosePolicy } from '../scoring.js';
import { wantsStandard } from '../schemas/standard.js';
import { declareRequestBody, PAGE_LIMIT_DEFAULT, problems } from '../schemas/common.js';
import { BinarySchema, ImportUploadSchema, XLSX_MEDIA_TYPE } from '../schemas/excel.js';
import { BatchBodySchema, ScoreBodySchema } from '../schemas/score.js';
import {
  CallbackSecretSchema,
  JobByProCodeSchema,
  JobIdParams,
  JobListQuerySchema,
  JobLineSchema,
  JobPageSchema,
  JobPostQuerySchema,
  JobProCodeParams,
  JobResultPageSchema,
  JobResultsQuerySchema,
  JobSchema,
} from '../schemas/jobs.js';
import { MULTIPART_LIMITS, UPLOAD_LIMIT, XLSX_TYPE } from './excel.js';

/** Any key may post and read its own jobs. */
const ANY_ROLE = ROLES;
const UUID_RX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Lines stored per transaction while a body is read. */
const LINE_BATCH = 500;
/** Rows read per query when the results are streamed. */
const STREAM_PAGE = 1000;
/** Characters per piece of the streamed results. */
const OUT_CHUNK = 64 * 1024;

const CURSOR = { jobs: cursorCodec('jobs', ['int']), results: cursorCodec('job-results', ['int']) };

// The body of POST /v1/jobs in the OpenAPI document: four content types (schemas/common.ts).
declareRequestBody('post', '/v1/jobs', {
  description: 'application/x-ndjson：每行一张表单（jixiao 表单或一体化规范表形状）；application/json：表单数组；multipart/form-data（字段 file）或 xlsx：批量工作簿',
  content: {
    'application/x-ndjson': ScoreBodySchema,
    'application/json': BatchBodySchema,
    'multipart/form-data': ImportUploadSchema,
    [XLSX_MEDIA_TYPE]: BinarySchema,
  },
});

/** The statuses POST /v1/import answers a refused workbook with (src/http/routes/excel.ts), kept alike here. */
const IMPORT_STATUS: Partial<Record<Code, number>> = { IMPORT_NOT_XLSX: 415, IMPORT_ENCRYPTED: 422, IMPORT_TOO_LARGE: 413, IMPORT_NO_FORM: 422, IMPORT_SHEET_NOT_FOUND: 422, IMPORT_TOO_MANY_ROWS: 413 };

/** A workbook the reader refused: answered as POST /v1/import answers it. */
class WorkbookRefused extends Error {
  constructor(
    readonly body: Problem,
    status: number,
  ) {
    super(body.code);
    this.body.status = status;
  }
}

type Received = { kind: 'ok'; total: number; failed: number } | { kind: 'empty' } | { kind: 'too_many' };

const isStream = (b: unknown): b is Readable => typeof b === 'object' && b !== null && typeof (b as Readable).pipe === 'function';

/** Counts the bytes of a streamed body; past `limit` the read fails with 413. */
async function* counted(source: AsyncIterable<Buffer>, limit: number): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.length;
    if (bytes > limit) throw new HttpError('BODY_TOO_LARGE', { limit });
    yield chunk;
  }
}

function pendingLine(n: number, text: string, keysFrom: unknown): NewLine {
  const k = lineKeys(keysFrom);
  return { line: n, status: 'pending', proCode: k.proCode, evalId: k.evalId, formKey: k.formKey, input: text, result: null };
}

/** The keys of an NDJSON line, read when it arrives (the worker reads it again to score it). */
function keysOfText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // not JSON: the worker answers it as a failed line
  }
}

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  authGroup(app);
  const c = app.config;
  await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS });
  app.addContentTypeParser('application/x-ndjson', (req, payload, done) => {
    const bad = nonUtf8(req.headers['content-type']);
    if (bad) done(new HttpError('UNSUPPORTED_MEDIA_TYPE', { type: bad }), undefined);
    else done(null, payload);
  });
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));
  const pool = new ImportPool({ workers: c.importWorkers, queue: c.importQueue, timeoutMs: c.importTimeoutMs, memoryMb: c.importMemoryMb, maxRows: c.importMaxRows });

  const jobs = app.store ? new JobStore(app.store.db) : null;
  const worker = app.store && jobs && c.jobWorker ? new JobWorker(jobs, app.store, app.jixiao, c, app.log) : null;
  app.addHook('onReady', async () => worker?.start());
  // Before the server and the store close: the chunk under way commits (or rolls back) whole.
  app.addHook('preClose', async () => worker?.stop());
  app.addHook('onClose', async () => pool.close());

  const own = async (req: { params: { id: string }; principal: FastifyRequest['principal'] }) =>
    UUID_RX.test(req.params.id) ? jobs!.get(req.params.id, req.principal!.keyId) : null;
  const notFound = (reply: FastifyReply, id: string) => problem(reply, 'NOT_FOUND', { what: `job ${id.slice(0, 64)}` });

  /** Reads the body into the job's lines; never holds more than LINE_BATCH lines. */
  async function receive(req: FastifyRequest, id: string, lang: Lang): Promise<Received> {
    const store = jobs!;
    let batch: NewLine[] = [];
    let total = 0;
    let failed = 0;
    const flush = async () => {
      await store.addLines(id, batch);
      batch = [];
    };
    const body = req.body;
    if (isStream(body)) {
      const limit = c.batchLineLimit;
      // Not destroyed when reading stops early (too many forms, too large): the client reads the 413
      // (with Connection: close) instead of a reset.
      for await (const item of ndjsonLines(counted(body.iterator({ destroyOnReturn: false }), c.jobBodyLimit), limit)) {
        if (item === FLUSH) continue;
        if (++total > c.jobMaxForms) return { kind: 'too_many' };
        if (item.tooLarge || item.invalidUtf8) {
          failed++;
          const p = JSON.stringify(item.tooLarge ? problemBody('LINE_TOO_LARGE', { line: item.n, limit }, lang) : problemBody('INVALID_UTF8', {}, lang));
          batch.push({ line: item.n, status: 'failed', proCode: null, evalId: null, formKey: null, input: null, result: p });
        } else {
          batch.push(pendingLine(item.n, item.text!, keysOfText(item.text!)));
        }
        if (batch.length >= LINE_BATCH) await flush();
      }
    } else {
      // A workbook's line keeps its sheet, cells and import findings (src/jobs/score.ts unwraps it).
      const items = Array.isArray(body)
        ? body.map((f: unknown) => ({ text: JSON.stringify(f) ?? 'null', keys: f }))
        : (await workbookForms(req, lang)).map((w) => ({ text: JSON.stringify(w), keys: w.form as unknown }));
      if (items.length > c.jobMaxForms) return { kind: 'too_many' };
      for (let i = 0; i < items.length; i++) {
        total++;
        batch.push(pendingLine(i + 1, items[i].text, items[i].keys));
        if (batch.length >= LINE_BATCH) await flush();
      }
    }
    await flush();
    return total === 0 ? { kind: 'empty' } : { kind: 'ok', total, failed };
  }

  /** The forms of an uploaded batch workbook (the reader of POST /v1/import, in its reader processes). */
  async function workbookForms(req: FastifyRequest, lang: Lang): Promise<WorkbookLine[]> {
    let buf: Buffer;
    if (req.isMultipart()) {
      const file = await req.file();
      if (!file) throw new HttpError('BAD_REQUEST', { detail: lang === 'en' ? 'no file in the upload' : '上传内容中没有文件（字段 file）' });
      buf = await file.toBuffer();
    } else {
      buf = req.body as Buffer;
    }
    const q = req.query as { sheet?: string; mofDivCode?: string };
    const run = await pool.run(buf, { sheet: q.sheet, mofDivCode: q.mofDivCode, lang });
    if (run.kind === 'busy') throw new HttpError('SERVICE_UNAVAILABLE', { detail: lang === 'en' ? 'every workbook reader is busy; try again shortly' : '工作簿读取任务已满，请稍后再试' });
    if (run.kind === 'too_costly') {
      const detail = run.reason === 'time' ? `> ${c.importTimeoutMs} ms` : `> ${c.importMemoryMb} MB`;
      throw new WorkbookRefused(problemBody('IMPORT_TOO_LARGE', { detail }, lang), 413);
    }
    if (!run.result.ok) {
      const e = run.result.error;
      throw new WorkbookRefused({ ...problemBody(e.code, e.params, lang, run.result.findings), detail: e.message }, IMPORT_STATUS[e.code] ?? 422);
    }
    return run.result.forms.map((f) => ({ sheet: f.sheet, form: f.form, cells: f.cells, findings: f.findings }));
  }

  app.post(
    '/jobs',
    {
      config: { roles: ANY_ROLE },
      bodyLimit: c.batchBodyLimit,
      schema: {
        tags: ['jobs'],
        summary: '提交异步批量评分作业（NDJSON、JSON 数组或批量工作簿）',
        description:
          '全部行保存后答复 202（Location 为作业 URL）；服务重启后从中断处继续，不丢失、不重复。application/x-ndjson：每行一张表单（JOB_BODY_LIMIT）；application/json：表单数组（BATCH_BODY_LIMIT）；multipart/form-data（字段 file）或 xlsx：批量工作簿。选项为查询参数。',
        querystring: JobPostQuerySchema,
        response: { 202: JobSchema, ...problems(400, 401, 403, 404, 413, 415, 422, 429, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async () => {
        const p = req.principal!;
        const q = req.query;
        const lang = langOf(req);
        if (isStream(req.body)) reply.header('connection', 'close'); // dropped again once the body is read
        const choice = choosePolicy(app, q.policy);
        if (!choice.ok) return problem(reply, 'UNKNOWN_POLICY', { policy: choice.id });
        if (q.store && p.role !== 'bureau') return problem(reply, 'FORBIDDEN');
        let callback: string | null = null;
        if (q.callback !== undefined) {
          callback = allowedCallback(q.callback, c.callbackOrigins);
          if (!callback) return problem(reply, 'CALLBACK_NOT_ALLOWED', { url: q.callback.slice(0, 200) });
        }
        const body = req.body;
        if (!req.isMultipart() && (body === undefined || body === null)) return problem(reply, 'EMPTY_BODY');
        if (!isStream(body) && !Array.isArray(body) && !Buffer.isBuffer(body) && !req.isMultipart()) {
          const detail = lang === 'en' ? 'expected NDJSON, an array of forms or a workbook' : '应为 NDJSON、表单数组或工作簿';
          return problem(reply, 'BAD_REQUEST', { detail });
        }
        const id = randomUUID();
        const source = isStream(body) ? 'ndjson' : Array.isArray(body) ? 'json' : 'xlsx';
        const made = await jobs!.create(
          {
            id,
            keyId: p.keyId,
            keyRegion: p.mofDivCode,
            source,
            policy: choice.policy?.id ?? null,
            detail: q.detail,
            shape: wantsStandard(q.shape, req.headers.accept) ? 'standard' : 'form',
            lang,
            store: q.store,
            callbackUrl: callback,
            callbackSecret: callback ? callbackSecret(bearerOf(req)!) : null,
          },
          c.jobMaxActive,
        );
        if (made.kind === 'limit') {
          reply.header('retry-after', '60');
          return problem(reply, 'JOB_LIMIT', { count: made.count, max: c.jobMaxActive });
        }
        let got: Received;
        try {
          got = await receive(req, id, lang);
        } catch (err) {
          await jobs!.drop(id).catch(() => undefined);
          if (err instanceof WorkbookRefused) return sendProblem(reply, err.body);
          throw err;
        }
        if (got.kind !== 'ok') {
          await jobs!.drop(id);
          if (got.kind === 'empty') return problem(reply, 'EMPTY_BODY');
          return problem(reply, 'JOB_TOO_LARGE', { max: c.jobMaxForms });
        }
        reply.removeHeader('connection');
        await jobs!.accept(id, got.total, got.failed);
        req.work.forms = got.total;
        req.work.policy = choice.label;
        worker?.wake();
        const job = (await jobs!.get(id))!;
        return reply.code(202).header('location', jobUrl(id)).send(jobView(job, []));
      }),
  );

  app.get(
    '/jobs',
    {
      config: { roles: ANY_ROLE },
      schema: { tags: ['jobs'], summary: '本密钥的作业（新的在前）', querystring: JobListQuerySchema, response: { 200: JobPageSchema, ...problems(400, 401, 503) } },
    },
    async (req, reply) =>
      withStore(app, reply, async () => {
        const after = req.query.cursor === undefined ? null : CURSOR.jobs.decode(req.query.cursor);
        if (req.query.cursor !== undefined && after === null) return problem(reply, 'BAD_CURSOR');
        const page = await jobs!.list(req.principal!.keyId, after ? after[0] : null, req.query.limit ?? PAGE_LIMIT_DEFAULT);
        const items = await Promise.all(page.items.map(async (j) => jobView(j, j.callbackUrl ? await jobs!.attempts(j.id) : [])));
        return { items, next: page.lastSeq === null ? null : CURSOR.jobs.encode([page.lastSeq]) };
      }),
  );

  app.post(
    '/jobs/callback-secret',
    {
      config: { roles: ANY_ROLE },
      schema: {
        tags: ['jobs'],
        summary: '本密钥的回调签名密钥',
        description: `回调请求带 ${TIMESTAMP_HEADER} 与 ${SIGNATURE_HEADER}: sha256=hex(HMAC-SHA256(secret, timestamp + "." + 请求体))。secret 由 API 密钥派生：hex(HMAC-SHA256(API 密钥, "${SECRET_CONTEXT}"))，吊销密钥即作废。`,
        response: { 200: CallbackSecretSchema, ...problems(401, 503) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        secret: callbackSecret(bearerOf(req)!),
        algorithm: 'HMAC-SHA256' as const,
        headers: { timestamp: TIMESTAMP_HEADER, signature: SIGNATURE_HEADER },
        signed: 'timestamp + "." + body',
      };
    },
  );

  app.get(
    '/jobs/:id',
    {
      config: { roles: ANY_ROLE },
      schema: { tags: ['jobs'], summary: '作业状态：按状态计数、进度、时间与回调投递', params: JobIdParams, response: { 200: JobSchema, ...problems(401, 404, 503) } },
    },
    async (req, reply) =>
      withStore(app, reply, async () => {
        const job = await own(req);
        if (!job) return notFound(reply, req.params.id);
        return jobView(job, job.callbackUrl ? await jobs!.attempts(job.id) : []);
      }),
  );

  app.get(
    '/jobs/:id/results',
    {
      config: { roles: ANY_ROLE },
      schema: {
        tags: ['jobs'],
        summary: '作业结果（NDJSON 流或 JSON 分页）',
        description: '每个项目一行（按输入行序）：{line, proCode, evalId, id, status, label, result | problem}。status 过滤；format=json 时为一页 {items, next}。',
        params: JobIdParams,
        querystring: JobResultsQuerySchema,
        response: {
          200: { description: '结果', content: { 'application/x-ndjson': { schema: JobLineSchema }, 'application/json': { schema: JobResultPageSchema } } },
          ...problems(400, 401, 404, 503),
        },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async () => {
        const job = await own(req);
        if (!job) return notFound(reply, req.params.id);
        const q = req.query;
        const status = q.status ?? null;
        if (q.format === 'json') {
          const after = q.cursor === undefined ? null : CURSOR.results.decode(q.cursor);
          if (q.cursor !== undefined && after === null) return problem(reply, 'BAD_CURSOR');
          const limit = q.limit ?? PAGE_LIMIT_DEFAULT;
          const rows = await jobs!.results(job.id, after ? after[0] : 0, status, limit + 1);
          const page = rows.slice(0, limit);
          const next = rows.length > limit ? CURSOR.results.encode([page[page.length - 1].line]) : null;
          reply.type('application/json; charset=utf-8');
          return reply.send(`{"items":[${page.map(lineJson).join(',')}],"next":${JSON.stringify(next)}}` as never);
        }
        const store = jobs!;
        async function* lines(): AsyncGenerator<string> {
          let after = 0;
          for (;;) {
            const rows = await store.results(job!.id, after, status, STREAM_PAGE);
            if (rows.length === 0) return;
            // Written in pieces of about OUT_CHUNK: large strings make the compressor hold far more.
            let buf = '';
            for (const r of rows) {
              buf += lineJson(r) + '\n';
              if (buf.length >= OUT_CHUNK) {
                yield buf;
                buf = '';
              }
            }
            if (buf.length > 0) yield buf;
            after = rows[rows.length - 1].line;
            if (rows.length < STREAM_PAGE) return;
          }
        }
        reply.type('application/x-ndjson; charset=utf-8');
        return reply.send(Readable.from(lines(), { objectMode: true, highWaterMark: 1 }) as never);
      }),
  );

  app.get(
    '/jobs/:id/results/:proCode',
    {
      config: { roles: ANY_ROLE },
      schema: {
        tags: ['jobs'],
        summary: '一个项目的结果（按项目代码 pro_code）',
        description: '同一作业中同一项目代码出现多次时，答复最后一行，otherLines 列出其余行号。',
        params: JobProCodeParams,
        response: { 200: JobByProCodeSchema, ...problems(401, 404, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async () => {
        const job = await own(req);
        if (!job) return notFound(reply, req.params.id);
        const rows = await jobs!.byProCode(job.id, req.params.proCode);
        if (rows.length === 0) return problem(reply, 'NOT_FOUND', { what: `pro_code ${req.params.proCode.slice(0, 64)}` });
        const last = rows[rows.length - 1];
        const others = rows.slice(0, -1).map((r) => r.line);
        const text = lineJson(last);
        reply.type('application/json; charset=utf-8');
        return reply.send(`${text.slice(0, -1)},"otherLines":${JSON.stringify(others)}}` as never);
      }),
  );

  app.delete(
    '/jobs/:id',
    {
      config: { roles: ANY_ROLE },
      schema: {
        tags: ['jobs'],
        summary: '取消作业',
        description: '尚未评分的行不再评分（保持 pending 审核中）；已有结果保留至清理。已结束的作业答复 409 JOB_FINISHED。',
        params: JobIdParams,
        response: { 200: JobSchema, ...problems(401, 404, 409, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async () => {
        const job = await own(req);
        if (!job) return notFound(reply, req.params.id);
        const r = await jobs!.cancel(job.id);
        if (!r.ok) return problem(reply, 'JOB_FINISHED', { state: r.state });
        const now = (await jobs!.get(job.id))!;
        return jobView(now, now.callbackUrl ? await jobs!.attempts(now.id) : []);
      }),
  );
};
