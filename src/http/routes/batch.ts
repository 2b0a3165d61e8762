/**
 * POST /v1/score/batch?policy=ID&detail=brief|full: many forms at once. Each result is the
 * BriefResult (detail=brief, the default) or the whole ScoreResult (detail=full); only that one is built.
 *  - application/json: an array of forms → { results: BatchItem[], summary } (at most BATCH_MAX_ITEMS),
 *    written as each form is scored.
 *  - application/x-ndjson: one form a line → a streamed NDJSON answer, one BatchLine per input
 *    line in order, then {"summary": …}. A bad line gives an error line and the rest go on.
 *    Memory stays flat: the body is read one line at a time (at most BATCH_LINE_LIMIT bytes,
 *    a longer line is skipped and answered by a LINE_TOO_LARGE error line), and a line is read
 *    only when the answer stream wants more (backpressure both ways). When the very first line
 *    is already too long, or the body is empty, the answer is a 413 / 400 problem instead.
 * Each form (array item or line) may be a jixiao form or a body in the 一体化 standard shape;
 * with ?shape=standard (or Accept: application/vnd.jixiao.standard+json) each result is a
 * StandardAnswer (the rows with the computed columns filled, the result under `jixiao`).
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Code, Lang } from '../../core/codes.js';
import type { BriefResult, ScoreResult } from '../../core/model/result.js';
import type { StandardCodes } from '../../standard/codes.js';
import { standardKey } from '../../standard/convert.js';
import { loadStandardCodes } from '../../standard/load.js';
import type { StandardAnswer } from '../../standard/output.js';
import { scoreAny, standardAnswer } from '../../standard/score.js';
import type { Policy } from '../../core/policy/types.js';
import { HttpError } from '../errors.js';
import { nonUtf8, parseJson } from '../json.js';
import { FLUSH, ndjsonLines, type NdjsonItem, type NdjsonLine } from '../ndjson.js';
import { langOf, problem, problemBody, type Problem } from '../problem.js';
import { choosePolicy, findingCodes, formKey, noBody } from '../scoring.js';
import { problems } from '../schemas/common.js';
import { BatchBodySchema, BatchJsonResultSchema, BatchLineSchema, BatchQuerySchema } from '../schemas/score.js';
import { wantsStandard } from '../schemas/standard.js';

export interface BatchSummary {
  lines: number;
  scored: number;
  failed: number;
  byGrade: Record<string, number>;
  byFinding: Record<string, number>;
  failures: Record<string, number>;
}

interface ItemOutcome {
  id: string | null;
  ok: boolean;
  result?: ScoreResult | BriefResult | StandardAnswer;
  problem?: Problem;
}

const OUT_CHUNK = 64 * 1024;

/** Scores items one by one and keeps the counts of the summary. */
class BatchScorer {
  readonly summary: BatchSummary = { lines: 0, scored: 0, failed: 0, byGrade: {}, byFinding: {}, failures: {} };

  constructor(
    private readonly app: FastifyInstance,
    private readonly req: FastifyRequest,
    private readonly policy: Policy | undefined,
    private readonly lang: Lang,
    private readonly detail: 'full' | 'brief',
    /** Each line may be either shape; `standard` writes every answer in the standard shape. */
    private readonly codes: StandardCodes,
    private readonly standard: boolean,
  ) {}

  fail(code: Code, params: Record<string, string | number>, id: string | null, errors?: Parameters<typeof problemBody>[3]): ItemOutcome {
    this.summary.failed++;
    this.summary.failures[code] = (this.summary.failures[code] ?? 0) + 1;
    this.app.metrics.observeRejected();
    return { id, ok: false, problem: problemBody(code, params, this.lang, errors) };
  }

  /**
   * One parsed form (or anything that arrived in its place). Only the answer asked for is built:
   * the summary and the metrics take the grade and the finding counts from it, which both carry.
   */
  score(input: unknown): ItemOutcome {
    this.summary.lines++;
    this.req.work.forms++;
    const id = standardKey(input) ?? formKey(input);
    let result: ScoreResult | BriefResult;
    let answer: StandardAnswer | undefined;
    try {
      const out = scoreAny(this.app.jixiao, input, this.codes, { policy: this.policy, lang: this.lang });
      if (!out.ok) return this.fail('INVALID_FORM', { count: out.problems.length }, id, out.problems);
      if (this.standard) {
        answer = standardAnswer(out, input, this.codes, this.detail);
        result = answer.jixiao;
      } else result = this.detail === 'brief' ? out.lean.brief() : out.lean.full();
    } catch (err) {
      this.req.log.error({ err, id }, 'scoring failed');
      return this.fail('INTERNAL', {}, id);
    }
    const s = this.summary;
    s.scored++;
    const g = result.grade ?? 'none';
    s.byGrade[g] = (s.byGrade[g] ?? 0) + 1;
    const byCode = result.summary.byCode;
    for (const c in byCode) s.byFinding[c] = (s.byFinding[c] ?? 0) + byCode[c];
    this.app.metrics.observeScored(result.grade, findingCodes(result.summary));
    return { id, ok: true, result: answer ?? result };
  }

  /** One NDJSON line. */
  line(l: NdjsonLine, limit: number): ItemOutcome {
    if (l.tooLarge) {
      this.summary.lines++;
      this.req.work.forms++;
      return this.fail('LINE_TOO_LARGE', { line: l.n, limit }, null);
    }
    const parsed = l.invalidUtf8 ? ({ ok: false, code: 'INVALID_UTF8' } as const) : parseJson(l.text as string);
    if (!parsed.ok) {
      this.summary.lines++;
      this.req.work.forms++;
      if (parsed.code === 'BAD_REQUEST') {
        const detail = this.lang === 'en' ? `forbidden key "${parsed.forbiddenKey}"` : `禁止使用的键“${parsed.forbiddenKey}”`;
        return this.fail('BAD_REQUEST', { detail }, null);
      }
      return this.fail(parsed.code, {}, null);
    }
    return this.score(parsed.value);
  }
}

function isStream(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function';
}

export const batchRoutes: FastifyPluginAsyncZod = async (app) => {
  const codes = loadStandardCodes();
  // The body stream itself: lines are read as the answer is written.
  app.addContentTypeParser('application/x-ndjson', (req, payload, done) => {
    const bad = nonUtf8(req.headers['content-type']);
    if (bad) done(new HttpError('UNSUPPORTED_MEDIA_TYPE', { type: bad }), undefined);
    else done(null, payload);
  });

  app.post(
    '/score/batch',
    {
      bodyLimit: app.config.batchBodyLimit,
      schema: {
        tags: ['score'],
        summary: '批量评分（JSON 数组或 NDJSON 流）',
        description:
          'application/json：表单数组，返回 {results, summary}。application/x-ndjson：每行一个表单，返回流式 NDJSON：每个输入行一行（line、id、ok、result 或 problem），按输入顺序，最后一行为 {"summary": …}；坏行给出错误行，其余照常评分。',
        querystring: BatchQuerySchema,
        body: BatchBodySchema,
        response: {
          200: {
            description: '评分结果',
            content: {
              'application/json': { schema: BatchJsonResultSchema },
              'application/x-ndjson': { schema: BatchLineSchema },
            },
          },
          ...problems(400, 404, 413, 415),
        },
      },
    },
    async (req, reply) => {
      const body: unknown = req.body;
      const streamed = isStream(body);
      const choice = choosePolicy(app, req.query.policy);
      if (!choice.ok) {
        if (streamed) reply.header('connection', 'close');
        return problem(reply, 'UNKNOWN_POLICY', { policy: choice.id });
      }
      req.work.policy = choice.label;
      const lang = langOf(req);
      const scorer = new BatchScorer(app, req, choice.policy, lang, req.query.detail, codes, wantsStandard(req.query.shape, req.headers.accept));

      if (!streamed) {
        if (noBody(req)) return problem(reply, 'EMPTY_BODY');
        if (!Array.isArray(body)) {
          const detail = lang === 'en' ? 'expected an array of forms' : '应为表单数组';
          return problem(reply, 'BAD_REQUEST', { detail }, [{ code: 'BAD_REQUEST', pointer: '', message: detail }]);
        }
        if (body.length > app.config.batchMaxItems) {
          const detail =
            lang === 'en'
              ? `at most ${app.config.batchMaxItems} forms per JSON batch (got ${body.length}); send NDJSON for more`
              : `JSON 批量最多${app.config.batchMaxItems}个表单（收到${body.length}个），更多请用 NDJSON`;
          return problem(reply, 'BAD_REQUEST', { detail });
        }
        // Written as it is scored, so that a large array never holds all its results at once.
        reply.type('application/json; charset=utf-8');
        return reply.send(Readable.from(jsonAnswer(scorer, body), { objectMode: true, highWaterMark: 1 }) as never);
      }

      const limit = app.config.batchLineLimit;
      // The body is not destroyed when the answer stops reading it early (LINE_TOO_LARGE): the
      // rest is drained, so the client reads the answer instead of a reset.
      const lines = ndjsonLines(body.iterator({ destroyOnReturn: false }), limit);
      let first: NdjsonLine | undefined;
      for (;;) {
        const r = await lines.next();
        if (r.done) break;
        if (r.value !== FLUSH) {
          first = r.value;
          break;
        }
      }
      if (first === undefined) return problem(reply, 'EMPTY_BODY');
      if (first.tooLarge) {
        reply.header('connection', 'close');
        void lines.return(undefined);
        return problem(reply, 'LINE_TOO_LARGE', { line: first.n, limit });
      }
      reply.type('application/x-ndjson; charset=utf-8');
      const stream = Readable.from(answer(scorer, first, lines, limit), { objectMode: true, highWaterMark: 1 });
      // A stream is sent as it is; the response schema only documents its lines.
      return reply.send(stream as never);
    },
  );
};

/** The JSON-array answer {results, summary}, produced only as fast as it is read. */
function* jsonAnswer(scorer: BatchScorer, items: unknown[]): Generator<string> {
  let buf = '{"results":[';
  for (let i = 0; i < items.length; i++) {
    buf += (i ? ',' : '') + JSON.stringify({ index: i, ...scorer.score(items[i]) });
    items[i] = undefined; // the input goes as soon as it is scored
    if (buf.length >= OUT_CHUNK) {
      yield buf;
      buf = '';
    }
  }
  yield buf + '],"summary":' + JSON.stringify(scorer.summary) + '}';
}

/** The NDJSON answer, produced only as fast as it is read. */
async function* answer(
  scorer: BatchScorer,
  first: NdjsonLine,
  rest: AsyncGenerator<NdjsonItem>,
  limit: number,
): AsyncGenerator<string> {
  const line = (l: NdjsonLine) => JSON.stringify({ line: l.n, ...scorer.line(l, limit) }) + '\n';
  let buf = line(first);
  for await (const item of rest) {
    if (item === FLUSH) {
      if (buf.length > 0) {
        yield buf;
        buf = '';
      }
      continue;
    }
    buf += line(item);
    if (buf.length >= OUT_CHUNK) {
      yield buf;
      buf = '';
    }
  }
  yield buf + JSON.stringify({ summary: scorer.summary }) + '\n';
}
