/** Schemas of GET /v1/policies and GET /v1/policies/:id: the policy parameters, decimals as strings. */
import { z } from 'zod';

const Dec = z.string().meta({ description: '十进制数字符串' });
const Tier = z.enum(['A', 'B', 'C']);

export const AppliesToSchema = z.object({
  regions: z.array(z.string()).meta({ description: '适用的财政区划代码；空数组 = 全国' }),
  yearFrom: z.number().int().nullable(),
  yearTo: z.number().int().nullable(),
});

export const PolicySummarySchema = z
  .object({
    id: z.string(),
    version: z.string(),
    name: z.string(),
    description: z.string(),
    hash: z.string().meta({ description: '政策文件规范化 JSON 的 sha256' }),
    isDefault: z.boolean(),
    appliesTo: AppliesToSchema,
  })
  .meta({ id: 'PolicySummary', description: '评分政策概要' });

export const PolicyListSchema = z
  .object({ default: z.string().meta({ description: '默认政策 id' }), policies: z.array(PolicySummarySchema) })
  .meta({ id: 'PolicyList' });

export const PolicySchema = z
  .object({
    id: z.string(),
    version: z.string(),
    name: z.string(),
    description: z.string(),
    hash: z.string(),
    isDefault: z.boolean(),
    appliesTo: AppliesToSchema,
    totalPoints: Dec,
    scoreDecimals: z.number().int(),
    tolerance: Dec,
    budget: z.object({
      points: Dec,
      formula: z.enum(['linear', 'tiered']),
      tiers: z.array(z.object({ minRate: Dec, share: Dec })),
      rateDecimals: z.number().int(),
      over100: z.enum(['error', 'allow']),
      zeroBudgetBothZeroRate: Dec.nullable(),
      lowExecReasonThreshold: Dec.nullable(),
    }),
    levelPoints: z.record(z.string(), Dec),
    quantitative: z.object({
      reverseFormula: z.enum(['linear_to_2T', 'ratio']),
      strictOperators: z.boolean(),
      overachieveFactor: Dec,
      overachieveRequiresReason: z.boolean(),
      allowManualOverride: z.boolean(),
    }),
    qualitative: z.object({
      tierMin: z.record(Tier, Dec),
      defaults: z.record(Tier, Dec.nullable()),
      gradedActuals: z.record(z.string(), Tier),
      acceptReportedScoreInTier: z.boolean(),
    }),
    costRow: z.object({ defaultRowCap: Dec.nullable() }),
    adjustedTargetSkip: z.boolean(),
    manualDeduction: z.boolean(),
    excludeAndRenormalise: z.boolean(),
    grades: z.array(z.object({ min: Dec, label: z.string(), code: z.string() })).nullable(),
    sources: z.array(z.string()),
  })
  .meta({ id: 'Policy', description: '评分政策的全部参数（十进制数为字符串）' });

export const PolicyParamsSchema = z.object({ id: z.string().max(64) });
