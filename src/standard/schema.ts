/**
 * The standard shape declared once in zod, derived from COLUMNS (mapping.ts), for the OpenAPI
 * contract (request bodies of the score, batch and submission routes; the answer under
 * ?shape=standard or Accept: application/vnd.jixiao.standard+json). The converter, not zod,
 * validates a body (so that every problem comes back at once with its pointer); these schemas
 * document it.
 */
import { z } from 'zod';
import { BriefResultSchema, ScoreResultSchema } from '../core/model/result.js';
import { COLUMNS, type Column, type Table } from './mapping.js';

const scalar = z.union([z.string(), z.number()]);
const decimal = z.union([z.number(), z.string(), z.null()]);

function columnSchema(col: Column): z.ZodType {
  const d = { description: `${col.zh}${col.source === 'standard' ? '' : col.source === 'vendor' ? '［厂商工作列］' : '［jixiao 扩展列］'}` };
  switch (col.kind) {
    case 'id':
    case 'code':
    case 'key':
      return z.union([z.string(), z.number().int()]).meta(d);
    case 'money':
    case 'points':
    case 'percent':
      return decimal.meta(d);
    case 'computesign':
      return z.union([z.enum(['1', '2', '3', '4', '5', '6', '9', '10']), z.number().int()]).meta(d);
    case 'bool':
      return z.boolean().meta(d);
    case 'object':
      return z.record(z.string(), z.string()).meta(d);
    case 'kept':
      return z.union([z.string(), z.number(), z.null()]).meta(d);
    default:
      return scalar.meta(d);
  }
}

function tableSchema(table: Table, id: string, description: string, required: readonly string[] = []) {
  const shape: Record<string, z.ZodType> = {};
  for (const col of COLUMNS) {
    if (col.table !== table || shape[col.column]) continue;
    const s = columnSchema(col);
    shape[col.column] = required.includes(col.column) ? s : s.optional();
  }
  return z.object(shape).meta({ id, description });
}

export const StandardEvalSchema = tableSchema('pm_perf_self_eval', 'StandardSelfEval', '项目绩效自评信息表 PM_PERF_SELF_EVAL（一个项目一年一行）', ['fiscal_year', 'pro_name']);
export const StandardGoalSchema = tableSchema('pm_self_eval_goal', 'StandardSelfEvalGoal', '项目绩效目标单位自评表 PM_SELF_EVAL_GOAL 的一行');
export const StandardIndicatorSchema = tableSchema('pm_self_eval_indicator', 'StandardSelfEvalIndicator', '项目绩效指标单位自评表 PM_SELF_EVAL_INDICATOR 的一行（一个三级指标）');
export const StandardBgtSchema = tableSchema('pm_perf_self_bgt', 'StandardSelfBgt', '项目预算执行完成情况 PM_PERF_SELF_BGT 的一行（资金来源）');

const MoneyUnit = z.enum(['元', '万元']).meta({ description: '金额单位：标准形状默认元（规范表金额为元）；不按数量级推测' });

export const StandardBodySchema = z
  .object({
    moneyUnit: MoneyUnit.optional(),
    pm_perf_self_eval: StandardEvalSchema,
    pm_self_eval_goal: z.array(StandardGoalSchema).optional(),
    pm_self_eval_indicator: z.array(StandardIndicatorSchema),
    pm_perf_self_bgt: z.array(StandardBgtSchema),
  })
  .meta({
    id: 'StandardBody',
    description:
      '预算管理一体化规范表形状（小写列名）：自评信息表对象与目标、指标、资金三张表的行数组；也接受厂商工作列（computesign、meterunit、indexval、actualvalue、actualweight、score、kpi_remark、findex / sindex …）。未知列为 UNKNOWN_FIELD 警告。',
  });

export const StandardAnswerSchema = z
  .object({
    moneyUnit: MoneyUnit,
    pm_perf_self_eval: StandardEvalSchema,
    pm_self_eval_goal: z.array(StandardGoalSchema).optional(),
    pm_self_eval_indicator: z.array(StandardIndicatorSchema).optional(),
    pm_perf_self_bgt: z.array(StandardBgtSchema).optional(),
    jixiao: z
      .union([ScoreResultSchema, BriefResultSchema])
      .meta({ description: 'jixiao 的全部附加内容：等级、问题清单（指针为标准形状的位置）、计算过程、解析值、评分政策 id 与哈希；detail=brief 时为 BriefResult' }),
  })
  .meta({
    id: 'StandardAnswer',
    description:
      '标准形状的评分结果：原样返回各行，并填入 total_eval_value、eval_score、exe_amt_rate、exe_score（结构化输入时按 符号 + 指标值 + 单位 组合 kpi_val）；jixiao 的附加内容全部在 jixiao 键下',
  });

export const STANDARD_MEDIA_TYPE = 'application/vnd.jixiao.standard+json';

/** ?shape=: the answer's shape (default form; Accept: application/vnd.jixiao.standard+json also asks for standard). */
export const ShapeQuerySchema = z
  .enum(['form', 'standard'])
  .optional()
  .meta({ description: '应答形状：form（默认，jixiao 的 ScoreResult）或 standard（一体化规范表形状，jixiao 附加内容在 jixiao 键下）；Accept: application/vnd.jixiao.standard+json 同 standard' });

/** The answer in the standard shape: `?shape=standard`, or an Accept header that asks for it. */
export function wantsStandard(shape: string | undefined, accept: string | undefined): boolean {
  if (shape === 'standard') return true;
  if (shape === 'form') return false;
  return typeof accept === 'string' && accept.toLowerCase().includes(STANDARD_MEDIA_TYPE);
}

/** The content type of a standard answer: the vendor type when the client asked for it, else JSON. */
export function standardContentType(accept: string | undefined): string {
  return typeof accept === 'string' && accept.toLowerCase().includes(STANDARD_MEDIA_TYPE) ? `${STANDARD_MEDIA_TYPE}; charset=utf-8` : 'application/json; charset=utf-8';
}
