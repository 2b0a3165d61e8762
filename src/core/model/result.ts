/**
 * The scoring result, as it crosses JSON: every amount, rate and score a decimal string.
 * Defined in zod so that the OpenAPI contract derives from it like the form does.
 */
import { z } from 'zod';
import { CODES, type Code } from '../codes.js';
import { DepartmentBlockSchema } from '../department/result.js';

const DecStr = z.string().meta({ description: '十进制数字符串，如 "93.76"' });
const NullableDec = DecStr.nullable();

export const FindingSchema = z
  .object({
    code: z.enum(Object.keys(CODES) as [Code, ...Code[]]),
    severity: z.enum(['error', 'warning', 'info']),
    pointer: z.string().meta({ description: 'RFC 6901 JSON pointer into the submitted form' }),
    message: z.string(),
    params: z.record(z.string(), z.string()),
    cell: z.string().optional().meta({ description: 'Excel 单元格，如 "Sheet1!H14"（仅导入时）' }),
  })
  .meta({ id: 'Finding', description: '问题：稳定代码 + JSON 指针 + 中文说明' });

export const ParsedValueSchema = z
  .object({
    raw: z.string(),
    kind: z.enum(['quantitative', 'range', 'qualitative', 'empty']),
    operator: z.enum(['GE', 'GT', 'EQ', 'LT', 'LE']).nullable(),
    operatorSymbol: z.string().nullable(),
    value: NullableDec,
    lower: NullableDec,
    upper: NullableDec,
    unit: z.string().nullable(),
    baseUnit: z.string().nullable(),
    baseValue: NullableDec,
    tier: z.enum(['A', 'B', 'C']).nullable(),
    grade: z.string().nullable(),
    isDate: z.boolean(),
    answer: z.enum(['yes', 'no']).nullable().meta({ description: '是 / 否 回答（是、否、无 …）' }),
  })
  .meta({ id: 'ParsedValue', description: '解析后的指标值或实际完成值（原文始终保留）' });

export const INDICATOR_STATUSES = [
  'met',
  'partly_met',
  'not_met',
  'over_achieved',
  'qualitative_tier',
  'skipped',
  'needs_review',
] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const METHODS = [
  'positive_ratio',
  'equal',
  'equal_zero',
  'reverse_linear_to_2T',
  'reverse_ratio',
  'range',
  'qualitative_tier',
  'manual',
  'none',
] as const;
export type Method = (typeof METHODS)[number];

export const IndicatorResultSchema = z
  .object({
    index: z.number().int(),
    pointer: z.string(),
    level1: z.string(),
    level2: z.string(),
    name: z.string(),
    level1Key: z.string().nullable(),
    level2Key: z.string().nullable(),
    points: DecStr,
    target: ParsedValueSchema,
    actual: ParsedValueSchema,
    direction: z.enum(['positive', 'reverse', 'equal', 'range', 'qualitative']).nullable(),
    method: z.enum(METHODS),
    ratio: NullableDec.meta({ description: '完成比例（正向 A/T，反向按所用公式）' }),
    deviation: NullableDec.meta({ description: '偏离度 (A − T) / T，四位小数' }),
    tier: z.enum(['A', 'B', 'C']).nullable(),
    score: DecStr,
    cap: NullableDec.meta({ description: '封顶分值（如山西默认成本指标5分）' }),
    deduction: NullableDec,
    rounding: z.string(),
    status: z.enum(INDICATOR_STATUSES),
    reportedScore: NullableDec,
    manual: z.boolean().meta({ description: '得分是否来自人工评分或填报得分' }),
    explanation: z.string(),
    findings: z.array(z.string()),
  })
  .meta({ id: 'IndicatorResult', description: '一个三级指标的计算结果及其依据' });

export const FundRowResultSchema = z.object({
  index: z.number().int(),
  pointer: z.string(),
  name: z.string(),
  isTotal: z.boolean(),
  budget: NullableDec,
  executed: NullableDec,
  balance: NullableDec,
  rate: NullableDec,
  score: NullableDec,
  reported: z.object({ rate: NullableDec, balance: NullableDec, score: NullableDec }),
});

export const FundsResultSchema = z
  .object({
    points: DecStr,
    budget: DecStr.meta({ description: '全年预算数（执行率分母）' }),
    executed: DecStr,
    balance: DecStr.meta({ description: '资金结（转）余 = 全年预算数 − 全年执行数' }),
    rate: NullableDec.meta({ description: '执行率（百分数）' }),
    score: DecStr,
    basis: z.enum(['total_row', 'sum_of_rows']),
    method: z.enum(['linear', 'tiered']),
    capped: z.boolean(),
    moneyUnit: z.string(),
    explanation: z.string(),
    rows: z.array(FundRowResultSchema),
  })
  .meta({ id: 'FundsResult', description: '预算执行率及其得分' });

export const SubtotalSchema = z.object({
  key: z.string().nullable(),
  name: z.string(),
  level1: z.string().optional(),
  points: DecStr,
  score: DecStr,
  explanation: z.string().meta({ description: '小计的计算过程，如“数量指标 10.00 + 8.50 = 18.50”' }),
});

export const DeviationSchema = z.object({
  index: z.number().int(),
  pointer: z.string(),
  name: z.string(),
  status: z.enum(INDICATOR_STATUSES),
  deviation: NullableDec,
  score: DecStr,
  points: DecStr,
  noteGiven: z.boolean(),
  noteRequired: z.boolean().meta({ description: '按评分政策，该行是否必须填写偏差原因分析' }),
  note: z.string().nullable(),
  reason: z.enum(['missed', 'over_achieved', 'needs_review']),
});

export const PolicyRefSchema = z
  .object({ id: z.string(), version: z.string(), hash: z.string(), name: z.string() })
  .meta({ id: 'PolicyRef', description: '所用评分政策' });

export const ScoreResultSchema = z
  .object({
    kind: z.literal('department').optional().meta({ description: '表单类型：部门（单位）整体支出时为 "department"；项目支出自评表没有此字段' }),
    schemaVersion: z.literal('1'),
    status: z.enum(['scored', 'needs_review']),
    total: DecStr,
    grade: z.string().nullable(),
    gradeCode: z.string().nullable(),
    gradeRequired: z.boolean().meta({ description: '评分政策是否要求评定等级（湖北：可不评级，仍给出计算等级）' }),
    provisional: z.boolean().meta({ description: '总分与等级为暂定：有需人工复核的指标或预算执行情况，或分值合计不等于政策总分' }),
    explanation: z
      .object({ total: z.string(), grade: z.string() })
      .meta({ description: '总分与等级的计算过程，如“执行率得分 8.76 + 指标得分 85.00 = 93.76”、“93.76 ≥ 90 → 优”' }),
    pointsTotal: DecStr.meta({ description: '分值合计（含预算执行率分值）' }),
    policy: PolicyRefSchema,
    form: z.object({
      id: z.string().nullable(),
      fiscalYear: z.number().int(),
      mofDivCode: z.string().nullable(),
      deptCode: z.string().nullable(),
      deptName: z.string().nullable(),
      agencyCode: z.string().nullable(),
      agencyName: z.string().nullable(),
      proCode: z.string().nullable(),
      proName: z.string(),
    }),
    reported: z.object({ total: NullableDec, grade: z.string().nullable() }),
    funds: FundsResultSchema,
    indicators: z.array(IndicatorResultSchema),
    subtotals: z.object({ level1: z.array(SubtotalSchema), level2: z.array(SubtotalSchema) }),
    findings: z.array(FindingSchema),
    summary: z.object({
      errors: z.number().int(),
      warnings: z.number().int(),
      infos: z.number().int(),
      byCode: z.record(z.string(), z.number().int()),
    }),
    deviations: z.array(DeviationSchema),
    department: DepartmentBlockSchema.optional().meta({ description: '部门（单位）整体支出：资金来源 / 方向核对与各目标小计（kind 为 department 时）' }),
  })
  .meta({ id: 'ScoreResult', description: '自评表的计算结果：得分、等级、问题清单与偏差报告' });

const SummarySchema = ScoreResultSchema.shape.summary;

/**
 * The brief answer (`?detail=brief`): what a batch or an integrator needs to file a score —
 * total, grade, status, per-indicator scores and finding codes — without explanations, parsed
 * values, messages or deviations. Every field has the value it has in the full result.
 */
export const BriefResultSchema = z
  .object({
    status: ScoreResultSchema.shape.status,
    total: DecStr,
    grade: z.string().nullable(),
    gradeCode: z.string().nullable(),
    provisional: ScoreResultSchema.shape.provisional,
    policy: PolicyRefSchema,
    summary: SummarySchema,
    indicators: z
      .array(
        z.object({
          index: z.number().int(),
          score: DecStr,
          status: z.enum(INDICATOR_STATUSES),
          findings: z.array(z.string()).meta({ description: '该行问题的代码' }),
        }),
      )
      .meta({ description: '每个三级指标的得分、状态与问题代码（与完整结果相同）' }),
  })
  .meta({ id: 'BriefResult', description: 'detail=brief 时的简要结果：总分、等级、状态、各指标得分与问题代码' });

export type BriefResult = z.infer<typeof BriefResultSchema>;
export type ScoreResult = z.infer<typeof ScoreResultSchema>;
export type IndicatorResult = z.infer<typeof IndicatorResultSchema>;
export type FundsResult = z.infer<typeof FundsResultSchema>;
export type ParsedValueOut = z.infer<typeof ParsedValueSchema>;
export type Deviation = z.infer<typeof DeviationSchema>;
export type Subtotal = z.infer<typeof SubtotalSchema>;
