/** Schemas of POST /v1/score and POST /v1/score/batch. */
import { z } from 'zod';
import { AnyFormSchema } from '../../core/department/form.js';
import { BriefResultSchema, ScoreResultSchema } from '../../core/model/result.js';
import { documentedOnly, PolicyQuerySchema, ProblemSchema } from './common.js';
import { ShapeQuerySchema, StandardAnswerSchema, StandardBodySchema } from './standard.js';

/** Body of POST /v1/score: one form or one body in the 一体化 standard shape (validated by the core, not by fastify). */
export const ScoreBodySchema = documentedOnly(
  z.union([AnyFormSchema, StandardBodySchema]).meta({ description: 'jixiao 表单（camelCase；kind 为 department 时为部门整体支出自评表），或一体化规范表形状（pm_perf_self_eval 等小写键）' }),
);

/** Body of POST /v1/score/batch as application/json. */
export const BatchBodySchema = documentedOnly(
  z.array(z.union([AnyFormSchema, StandardBodySchema])).meta({ description: '表单数组（application/json）；或以 application/x-ndjson 每行一个表单。每个表单可为 jixiao 表单或一体化规范表形状' }),
);

/** `?detail=`: the whole ScoreResult, or the BriefResult (no explanations, parsed values, messages or deviations). */
function detailQuery(byDefault: 'full' | 'brief') {
  return z
    .enum(['full', 'brief'])
    .default(byDefault)
    .meta({
      description: `full：完整的 ScoreResult（含计算过程、解析值、问题说明与偏差报告）；brief：BriefResult，只给总分、等级、状态、政策、问题计数与各指标的得分、状态和问题代码。默认 ${byDefault}`,
    });
}

/** Query of POST /v1/score: `?policy=` and `?detail=` (default full: single-form users want the explanations). */
export const ScoreQuerySchema = PolicyQuerySchema.extend({ detail: detailQuery('full'), shape: ShapeQuerySchema });

/** The answer of POST /v1/score: a ScoreResult (detail=full) or a BriefResult (detail=brief). */
export const ScoreAnswerSchema = z
  .union([ScoreResultSchema, BriefResultSchema, StandardAnswerSchema])
  .meta({ description: 'detail=full（默认）时为 ScoreResult；detail=brief 时为 BriefResult；shape=standard 时为 StandardAnswer' });

export const BatchQuerySchema = z.object({
  policy: z
    .string()
    .max(64)
    .optional()
    .meta({ description: '评分政策 id；省略时每个表单按其财政区划与年度选择适用的政策' }),
  detail: detailQuery('brief'),
  shape: ShapeQuerySchema,
});

const itemFields = {
  id: z.string().nullable().meta({ description: '表单的 id（eval_id），没有时为 proCode；都没有时为 null' }),
  ok: z.boolean(),
  result: z.union([ScoreResultSchema, BriefResultSchema, StandardAnswerSchema]).optional().meta({ description: 'shape=standard 时为 StandardAnswer' }),
  problem: ProblemSchema.optional().meta({ description: '该表单无法评分的原因（ok 为 false 时）' }),
};

export const BatchLineSchema = z
  .object({ line: z.number().int().meta({ description: '输入中的行号，从 1 开始' }), ...itemFields })
  .meta({ id: 'BatchLine', description: 'NDJSON 输出的一行：一个输入行的结果或错误' });

export const BatchItemSchema = z
  .object({ index: z.number().int().meta({ description: '数组中的下标，从 0 开始' }), ...itemFields })
  .meta({ id: 'BatchItem', description: 'JSON 数组批量评分中的一项' });

export const BatchSummarySchema = z
  .object({
    lines: z.number().int().meta({ description: '收到的表单数（不含空行）' }),
    scored: z.number().int(),
    failed: z.number().int(),
    byGrade: z.record(z.string(), z.number().int()).meta({ description: '按等级计数；无等级的政策记为 "none"' }),
    byFinding: z.record(z.string(), z.number().int()).meta({ description: '按问题代码计数（已评分表单中的问题）' }),
    failures: z.record(z.string(), z.number().int()).meta({ description: '无法评分的表单，按原因代码计数' }),
  })
  .meta({ id: 'BatchSummary', description: '批量评分汇总（NDJSON 的最后一行为 {"summary": …}）' });

export const BatchSummaryLineSchema = z.object({ summary: BatchSummarySchema });

export const BatchJsonResultSchema = z
  .object({ results: z.array(BatchItemSchema), summary: BatchSummarySchema })
  .meta({ id: 'BatchResult', description: 'application/json 批量评分的结果' });
