/**
 * The shapes of a review (复核 / 抽评), declared once: what a reviewer sends (ReviewInputSchema)
 * and the side-by-side jixiao answers and stores (ReviewResultSchema). Types, JSON Schema and the
 * OpenAPI document derive from them.
 */
import { z } from 'zod';
import { FindingSchema, PolicyRefSchema } from '../core/model/result.js';
import { optDecimal, optText, reqText } from '../core/model/fields.js';
import { LIMITS } from '../core/model/form.js';
import { reviewGrade } from './grades.js';

export const ReviewIndicatorInputSchema = z
  .strictObject({
    index: z.number().int().min(0).max(LIMITS.indicators - 1).optional().meta({ description: '指标行序号（自评表 indicators 数组下标，从0起）' }),
    pointer: z.string().regex(/^(\/[A-Za-z0-9_.~-]{1,64}){1,8}$/).optional().meta({ description: '指标行的 JSON 指针，如 "/indicators/3"' }),
    name: optText(LIMITS.name, '三级指标名称（名称在表中唯一时可只写名称）'),
    actual: optText(LIMITS.value, '复核完成值；省略时沿用自评完成值'),
    score: optDecimal({ points: true, description: '复核得分；省略时取按复核完成值计算的得分' }),
    reason: optText(LIMITS.note, '复核意见 / 扣分理由：复核得分低于分值时必填'),
    evidence: z.boolean().optional().meta({ description: '佐证材料是否齐全；false = 无佐证材料（规则包 no-evidence）' }),
    survey: z.boolean().optional().meta({ description: '满意度指标：是否开展了满意度调查；false = 未开展（规则包 satisfaction-without-survey）' }),
  })
  .meta({ id: 'ReviewIndicatorInput', description: '一个指标的复核：用 index、pointer 或 name 之一指明行' });

export const ReviewInputSchema = z
  .strictObject({
    grade: z
      .union([z.number(), z.string()])
      .transform((v, ctx) => {
        const g = reviewGrade(v);
        if (!g) {
          ctx.addIssue({ code: 'custom', message: 'grade', params: { jx: 'INVALID_VALUE' }, input: v });
          return z.NEVER;
        }
        return g.code;
      })
      .meta({ description: '抽评等级（值集 RANDOMGRADE）：1 优、2 良、3 中、4 差，写代码或名称' }),
    conclusion: reqText(LIMITS.note, '复核结论'),
    indicators: z.array(ReviewIndicatorInputSchema).max(LIMITS.indicators).default([]).meta({ description: '逐项复核；未列出的指标视为未复核（沿用自评完成值与计算得分）' }),
  })
  .meta({ id: 'ReviewInput', description: '复核意见：逐项复核完成值、复核得分与理由，抽评等级与复核结论' });

export type ReviewInput = z.output<typeof ReviewInputSchema>;
export type ReviewIndicatorInput = z.output<typeof ReviewIndicatorInputSchema>;

const DecStr = z.string().meta({ description: '十进制数字符串' });

export const ReviewRowSchema = z
  .object({
    index: z.number().int(),
    pointer: z.string().meta({ description: '自评表中该行的 JSON 指针' }),
    level1: z.string(),
    level2: z.string(),
    name: z.string(),
    points: DecStr,
    target: z.string(),
    self: z.object({
      actual: z.string().meta({ description: '自评完成值' }),
      score: DecStr.nullable().meta({ description: '自评得分（填报）' }),
      computed: DecStr.meta({ description: '按自评完成值计算的得分（该版本的当前评分快照）' }),
    }),
    reviewer: z.object({
      reviewed: z.boolean().meta({ description: '复核意见是否列出该行' }),
      ref: z.string().nullable().meta({ description: '复核意见中该项的 JSON 指针' }),
      actual: z.string().meta({ description: '复核完成值（未写时沿用自评完成值）' }),
      score: DecStr.meta({ description: '复核得分（未写时取计算得分）' }),
      scoreGiven: z.boolean(),
      reason: z.string().nullable(),
      evidence: z.boolean().nullable(),
      survey: z.boolean().nullable(),
    }),
    computed: z.object({
      score: DecStr.meta({ description: '按复核完成值（及启用的规则包）由同一评分引擎计算的得分' }),
      status: z.string(),
      explanation: z.string(),
      rules: z.array(z.string()).meta({ description: '适用的规则包规则 id' }),
    }),
    diff: z.object({
      reviewerVsSelf: DecStr.meta({ description: '复核得分 − 自评得分（无填报得分时与计算得分比）' }),
      reviewerVsComputed: DecStr.meta({ description: '复核得分 − 计算得分' }),
    }),
  })
  .meta({ id: 'ReviewRow', description: '一个指标的对照：自评 / 复核 / 计算' });

const TotalSchema = z.object({ total: DecStr.nullable(), grade: z.string().nullable(), gradeCode: z.string().nullable() });

export const ReviewResultSchema = z
  .object({
    schemaVersion: z.literal('1'),
    submission: z.object({
      id: z.string(),
      version: z.number().int(),
      fiscalYear: z.number().int(),
      mofDivCode: z.string(),
      deptCode: z.string(),
      agencyCode: z.string(),
      proCode: z.string().nullable(),
      proName: z.string(),
    }),
    reviewer: z.object({
      level: z.enum(['department', 'bureau']),
      office: z.string().meta({ description: '复核机构："dept:209"、"bureau:140000" 或 "bureau:*"' }),
      keyId: z.string().nullable(),
      name: z.string(),
    }),
    policy: PolicyRefSchema,
    rules: z
      .object({ id: z.string(), version: z.string(), label: z.string(), labelZh: z.string() })
      .nullable()
      .meta({ description: '启用的复核口径规则包（实务做法，非政策规定）；null = 未启用' }),
    grade: z.object({ code: z.string(), label: z.string() }).meta({ description: '抽评等级' }),
    conclusion: z.string(),
    funds: z.object({ score: DecStr.meta({ description: '预算执行率得分（复核不改变资金数据）' }) }),
    indicators: z.array(ReviewRowSchema),
    totals: z.object({
      self: TotalSchema.extend({ computed: DecStr, computedGrade: z.string().nullable() }).meta({ description: 'total / grade：填报总分与等级；computed：计算总分' }),
      reviewer: TotalSchema.extend({ explanation: z.string() }).meta({ description: '复核总分 = 执行率得分 + Σ复核得分；等级为抽评等级' }),
      computed: TotalSchema.extend({ explanation: z.string(), provisional: z.boolean().meta({ description: '计算总分为暂定：有需人工复核的指标（见 engineFindings）' }) }).meta({ description: '按复核完成值由评分引擎计算的总分与等级' }),
    }),
    findings: z.array(FindingSchema).meta({ description: '自评、复核与计算之间的差异（REVIEW_* 代码）' }),
    engineFindings: z.array(FindingSchema).meta({ description: '评分引擎对复核后表单给出的问题' }),
  })
  .meta({ id: 'ReviewResult', description: '复核对照：逐项与合计的自评 / 复核 / 计算，差异作为问题列出' });

export type ReviewResult = z.output<typeof ReviewResultSchema>;
export type ReviewRow = z.output<typeof ReviewRowSchema>;
