/** Schemas of POST /v1/targets/check. */
import { z } from 'zod';
import { FindingSchema, ParsedValueSchema } from '../../core/model/result.js';

export const TARGETS_MAX = 1000;

export const TargetItemSchema = z.union([
  z.string().max(1000),
  z
    .object({
      target: z.string().max(1000).meta({ description: '指标值，如 "≥95%"、"=0次"、"及时"' }),
      operator: z.string().max(20).optional().meta({ description: '单独的指标性质列（四川版式）：≥ ≤ = 定性 或代码 1–6' }),
      unit: z.string().max(40).optional().meta({ description: '单独的度量单位列' }),
      name: z.string().max(1000).optional().meta({ description: '三级指标名称（用于推断反向指标与提示）' }),
    })
    .strict(),
]);

export const TargetsBodySchema = z
  .object({ targets: z.array(TargetItemSchema).min(1).max(TARGETS_MAX) })
  .meta({ id: 'TargetsCheckRequest', description: '待检查的指标值（绩效目标申报）' });

export const TargetCheckSchema = z
  .object({
    index: z.number().int(),
    pointer: z.string().meta({ description: '指向请求中该项的 JSON 指针，如 /targets/0' }),
    target: z.string(),
    parse: ParsedValueSchema,
    measurable: z.boolean().meta({ description: '是否可量化考核（定量或区间，且有单位与比较符号）' }),
    findings: z.array(FindingSchema),
  })
  .meta({ id: 'TargetCheck', description: '一个指标值的解析与检查结果' });

export const TargetsResultSchema = z
  .object({
    results: z.array(TargetCheckSchema),
    summary: z.object({
      count: z.number().int(),
      measurable: z.number().int(),
      withFindings: z.number().int(),
      byCode: z.record(z.string(), z.number().int()),
    }),
  })
  .meta({ id: 'TargetsCheckResult', description: '指标值检查结果' });
