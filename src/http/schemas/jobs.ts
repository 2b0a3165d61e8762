/** The shapes of /v1/jobs, declared once: the query strings, the job, a result line, the pages. */
import { z } from 'zod';
import { PageQueryFields, pageSchema } from './common.js';

const TIME = z.string().meta({ description: 'ISO 8601 时间（UTC）' });
const BOOL = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const JobPostQuerySchema = z.object({
  policy: z.string().max(64).optional().meta({ description: '评分政策 id；省略时每张表单按其财政区划与年度选择适用的政策' }),
  detail: z.enum(['brief', 'full']).default('brief').meta({ description: '每个结果为 BriefResult（brief，默认）或完整的 ScoreResult（full）' }),
  shape: z.enum(['form', 'standard']).optional().meta({ description: 'standard：每个结果为标准表格式（填好计算列，jixiao 结果在 jixiao 键下）；也可用 Accept: application/vnd.jixiao.standard+json' }),
  callback: z.string().max(2000).optional().meta({ description: '作业结束后接收签名摘要的 URL；其来源须在 CALLBACK_ORIGINS 之内' }),
  store: BOOL.default(false).meta({ description: 'true：评分后把表单保存为自评表（仅财政密钥）' }),
  sheet: z.string().max(100).optional().meta({ description: '上传工作簿时：只读该工作表' }),
  mofDivCode: z.string().max(9).optional().meta({ description: '上传工作簿时：财政区划代码' }),
});

export const JobIdParams = z.object({ id: z.string().max(64) });
export const JobProCodeParams = z.object({ id: z.string().max(64), proCode: z.string().max(64) });

export const LineStatusSchema = z.enum(['pending', 'done', 'failed']).meta({ description: 'pending 审核中 / done 已审核 / failed 审核失败' });

export const JobResultsQuerySchema = z.object({
  status: LineStatusSchema.optional(),
  format: z.enum(['ndjson', 'json']).default('ndjson').meta({ description: 'ndjson（默认）：全部结果的流；json：一页 {items, next}' }),
  ...PageQueryFields,
});

export const JobListQuerySchema = z.object(PageQueryFields);

const CountsSchema = z.object({ pending: z.number().int(), done: z.number().int(), failed: z.number().int() });

export const CallbackAttemptSchema = z
  .object({
    attempt: z.number().int(),
    at: TIME,
    status: z.number().int().nullable().meta({ description: '接收方的 HTTP 状态码；未得到应答时为 null' }),
    error: z.string().nullable().meta({ description: '失败原因（非 2xx、超时、连接失败）；成功时为 null' }),
    ms: z.number().int(),
  })
  .meta({ id: 'CallbackAttempt', description: '回调的一次投递' });

export const JobSchema = z
  .object({
    id: z.string(),
    state: z.enum(['receiving', 'queued', 'running', 'done', 'cancelled']).meta({ description: '作业状态：queued 排队、running 评分中、done 完成、cancelled 已取消' }),
    total: z.number().int().meta({ description: '表单（行）数' }),
    counts: CountsSchema.meta({ description: '按项目状态计数' }),
    labels: z.object({ pending: z.string(), done: z.string(), failed: z.string() }).meta({ description: '状态的中文名称：审核中 / 已审核 / 审核失败' }),
    progress: z.string().meta({ description: '已处理的百分比，两位小数，如 "37.50"' }),
    policy: z.string().nullable(),
    detail: z.enum(['brief', 'full']),
    shape: z.enum(['form', 'standard']).meta({ description: '结果的格式' }),
    store: z.boolean(),
    source: z.string().meta({ description: 'ndjson | json | xlsx' }),
    createdAt: TIME,
    startedAt: TIME.nullable(),
    finishedAt: TIME.nullable(),
    links: z.object({ self: z.string(), results: z.string() }),
    callback: z
      .object({
        url: z.string(),
        state: z.enum(['pending', 'delivered', 'failed']).nullable().meta({ description: '作业结束前为 null' }),
        nextAt: TIME.nullable().meta({ description: '下一次投递的时间' }),
        attempts: z.array(CallbackAttemptSchema),
      })
      .nullable(),
  })
  .meta({ id: 'Job', description: '异步批量评分作业' });

export const JobLineSchema = z
  .object({
    line: z.number().int().meta({ description: '输入中的行号（NDJSON）或序号（从1起）' }),
    proCode: z.string().nullable().meta({ description: '项目代码 pro_code' }),
    evalId: z.string().nullable().meta({ description: '表单 id / eval_id' }),
    id: z.string().nullable().meta({ description: '表单 id，否则项目代码' }),
    status: LineStatusSchema,
    label: z.string().meta({ description: '审核中 / 已审核 / 审核失败' }),
    result: z.unknown().optional().meta({ description: 'done：评分结果（BriefResult 或 ScoreResult）' }),
    problem: z.unknown().optional().meta({ description: 'failed：RFC 9457 问题（如 INVALID_FORM 及其 errors）' }),
  })
  .meta({ id: 'JobLine', description: '作业中一个项目的结果' });

export const JobResultPageSchema = pageSchema(JobLineSchema, 'JobResultPage', '一页作业结果');
export const JobPageSchema = pageSchema(JobSchema, 'JobPage', '一页作业（新的在前）');

export const JobByProCodeSchema = JobLineSchema.extend({
  otherLines: z.array(z.number().int()).meta({ description: '同一作业中同一项目代码的其他行（答复的是最后一行）' }),
}).meta({ id: 'JobLineByProCode' });

export const CallbackSecretSchema = z
  .object({
    secret: z.string().meta({ description: 'hex(HMAC-SHA256(API 密钥, "jixiao-callback-v1"))' }),
    algorithm: z.literal('HMAC-SHA256'),
    headers: z.object({ timestamp: z.string(), signature: z.string() }),
    signed: z.string().meta({ description: '签名的内容：timestamp + "." + 请求体' }),
  })
  .meta({ id: 'CallbackSecret', description: '本密钥的回调签名密钥' });
