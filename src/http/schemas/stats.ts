/**
 * Request shapes of the bureau's tools: the whole 预算绩效情况说明 (GET/POST
 * /v1/stats/disclosure/document), the inflation table (GET /v1/stats/inflation) and what-if
 * re-scoring (POST /v1/whatif). Declared once here; the OpenAPI document derives from them.
 */
import { z } from 'zod';
import { SORT_KEYS, WEIGHTS, GAP_SATURATION } from '../../stats/inflation.js';

const CODE = z.string().trim().regex(/^[0-9A-Za-z]{1,21}$/);
const YEAR = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number);
const WAN = z.string().trim().regex(/^\d{1,12}(\.\d{1,6})?$/);
const TEXT = (max: number, description: string) => z.string().max(max).optional().meta({ description });

export const DocumentFormatSchema = z.enum(['json', 'text', 'html']);

const documentCommon = {
  unit: CODE.optional().meta({ description: '单位代码（按预算单位出具）；单位密钥可省略（即本单位）' }),
  department: CODE.optional().meta({ description: '部门代码（按主管部门出具，含其所属单位）；部门密钥可省略（即本部门）' }),
  format: DocumentFormatSchema.optional().meta({ description: 'json（默认：文本、分段与各数字的来源）、text（纯文本）或 html（可打印）；也可用 Accept 头' }),
};

export const DocumentFormatQuerySchema = z.object({ format: documentCommon.format });

export const DocumentQuerySchema = z.object({
  year: YEAR.meta({ description: '年度' }),
  ...documentCommon,
  spending: WAN.optional().meta({ description: '本部门（单位）项目支出总额（万元）；给出时计算覆盖占比' }),
  measures: TEXT(2000, '对自评结果为“中”和“差”的项目采取的改进管理措施；省略为“无”'),
  other: TEXT(4000, '其他需要说明的事项；省略为“无”'),
});

export const DeptEvaluationSchema = z
  .object({
    name: z.string().trim().min(1).max(300).meta({ description: '项目名称' }),
    level: z.enum(['一', '二']).optional().meta({ description: '项目级次：一级或二级（默认二级）' }),
    funds: WAN.meta({ description: '涉及资金（万元）' }),
    score: z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/).optional().meta({ description: '评价得分' }),
    grade: z.string().trim().min(1).max(20).optional().meta({ description: '评价等级' }),
    summary: TEXT(4000, '评价结果概述'),
  })
  .strict()
  .meta({ id: 'DeptEvaluation', description: '部门评价的一个项目（由部门提供）' });

export const DocumentBodySchema = z
  .object({
    year: z.number().int().min(1990).max(2100).meta({ description: '年度' }),
    ...documentCommon,
    spending: WAN.optional().meta({ description: '本部门（单位）项目支出总额（万元）' }),
    measures: TEXT(2000, '对自评结果为“中”和“差”的项目采取的改进管理措施'),
    other: TEXT(4000, '其他需要说明的事项'),
    deptEvaluations: z.array(DeptEvaluationSchema).max(200).optional().meta({ description: '部门评价项目（第（4）部分）；省略为“无”' }),
  })
  .strict()
  .meta({ id: 'DisclosureDocumentRequest' });

export const INFLATION_FORMULA =
  `综合指数 index = 100 × Σ wᵢ·cᵢ / Σ wᵢ（仅计有值的分项）：c_gap = min(max(平均差额, 0) / ${GAP_SATURATION}, 1)，w ${WEIGHTS.gap}；` +
  `c_fullMarks = 全部指标满分的表单占比，w ${WEIGHTS.fullMarks}；c_equalActual = 实际完成值与指标值完全相同的定量行占比，w ${WEIGHTS.equalActual}；` +
  `c_noNote = 未满分且无偏差说明的行占比，w ${WEIGHTS.noNote}；c_belowPrevious = 指标值不高于上年实际完成值的行占比，w ${WEIGHTS.belowPrevious}（占比按 0–1 计）。`;

export const INFLATION_DESCRIPTION =
  '各部门自评得分虚高指标（财政）：填报总分 − 计算总分的均值与分位数、全部指标满分的表单占比、实际完成值照抄指标值的定量行占比、未满分且无偏差说明的行占比、指标值不高于上年实际完成值的行占比（上年已存储时），以及综合指数。' +
  INFLATION_FORMULA +
  '部门密钥只看到本部门一行。排序 ?sort=index（升序）或 -index（降序，默认）；CSV：?format=csv 或 Accept: text/csv。';

export const InflationQuerySchema = z.object({
  year: YEAR.meta({ description: '年度' }),
  region: z.string().regex(/^\d{6}(\d{3})?$/).optional().meta({ description: '财政区划代码' }),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${SORT_KEYS.join('|')})$`))
    .optional()
    .meta({ description: `排序键：${SORT_KEYS.join(' / ')}；前缀“-”为降序；默认 -index` }),
  format: z.enum(['json', 'csv']).optional().meta({ description: 'json（默认）或 csv' }),
});

export const WhatifBodySchema = z
  .object({
    year: z.number().int().min(1990).max(2100).optional().meta({ description: '重新评分已存储的该年度表单（与 forms 二选一）' }),
    forms: z.array(z.unknown()).optional().meta({ description: '上传的一批表单（与 year 二选一）；也可用 application/x-ndjson 每行一个表单并以 ?policy= 指定政策' }),
    policy: z
      .union([z.string().min(1).max(64), z.record(z.string(), z.unknown())])
      .meta({ description: '评分政策 id（如 "hubei"），或一份评分政策 JSON（按 scoring/policy.schema.json 校验）' }),
    filter: z
      .object({ department: CODE.optional(), unit: CODE.optional(), region: z.string().regex(/^\d{6}(\d{3})?$/).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: 'WhatifRequest', description: '假设评分：按另一评分政策重新评分一个年度或一批表单，不存储任何内容' });

export const WhatifQuerySchema = z.object({
  policy: z.string().min(1).max(64).optional().meta({ description: 'application/x-ndjson 请求体时的评分政策 id' }),
});

// ---- answers -----------------------------------------------------------------------------------

const DECIMAL = z.string().meta({ description: '十进制数字符串' });
const SourceRefSchema = z.object({ id: z.string(), version: z.number().int() }).meta({ id: 'SourceRef', description: '来源：已存储自评表的 id 与版本' });
const FigureSchema = z
  .object({ value: z.string(), sources: z.array(SourceRefSchema), basis: z.string().optional().meta({ description: '取得方式' }) })
  .meta({ id: 'Figure', description: '文中的一个数字及其来源' });

export const DisclosureDocumentSchema = z
  .object({
    year: z.number().int(),
    code: z.string(),
    name: z.string(),
    moneyUnit: z.literal('万元'),
    title: z.string(),
    sections: z.array(z.object({ key: z.enum(['1', '2', '3', '4', '5']), title: z.string(), paragraphs: z.array(z.string()) })),
    figures: z.object({
      projects: FigureSchema,
      projectFunds: FigureSchema,
      generalBudgetFunds: FigureSchema,
      spending: FigureSchema.nullable(),
      share: FigureSchema.nullable(),
      grades: z.record(z.string(), FigureSchema),
      published: z.array(z.object({ index: z.number().int(), proName: z.string(), total: DECIMAL, source: SourceRefSchema })),
      departmentWide: z.object({
        present: z.boolean().meta({ description: '是否已存储部门（单位）整体支出绩效自评表' }),
        total: FigureSchema,
        budget: FigureSchema,
        executed: FigureSchema,
        rate: FigureSchema,
        budgetTypes: z.record(z.string(), FigureSchema).nullable().meta({ description: '全年预算数按预算类别（资金来源表）' }),
      }),
      deptEvaluated: z.object({ count: FigureSchema, funds: FigureSchema }),
    }),
    notes: z.array(z.string()).meta({ description: '数据未载明之处的处理' }),
    text: z.string().meta({ description: '全文（纯文本）' }),
    unscored: z.array(SourceRefSchema).meta({ description: '尚无评分快照、未计入的自评表' }),
  })
  .meta({ id: 'DisclosureDocument', description: '预算绩效情况说明全文（第（1）至（5）部分）及各数字的来源（JSON 伴随文件）' });

const ShareSchema = (what: string) =>
  z.object({ count: z.number().int(), share: DECIMAL.nullable().meta({ description: `${what}占比（%），两位小数；无分母时为 null` }) });

export const InflationRowSchema = z
  .object({
    deptCode: z.string(),
    deptName: z.string().nullable(),
    forms: z.number().int(),
    gap: z.object({
      forms: z.number().int().meta({ description: '填报了总分的表单数' }),
      mean: DECIMAL.nullable(),
      quantiles: z.object({ min: DECIMAL, p25: DECIMAL, median: DECIMAL, p75: DECIMAL, max: DECIMAL }).nullable(),
    }),
    fullMarks: ShareSchema('全部指标满分的表单').extend({ forms: z.number().int() }),
    equalActual: ShareSchema('实际完成值等于指标值的定量行').extend({ rows: z.number().int() }),
    noNote: ShareSchema('未满分且无偏差说明的行').extend({ rows: z.number().int().meta({ description: '未满分的行数' }) }),
    belowPrevious: ShareSchema('指标值不高于上年实际完成值的行').extend({ rows: z.number().int().meta({ description: '可与上年比较的行数' }) }),
    index: DECIMAL.nullable().meta({ description: '综合指数 0–100' }),
    sources: z.array(SourceRefSchema),
  })
  .meta({ id: 'InflationRow', description: '一个部门的自评得分虚高指标' });

export const InflationSchema = z
  .object({
    year: z.number().int(),
    previousYearForms: z.number().int().meta({ description: '用于比较的上年表单数' }),
    sort: z.string(),
    formula: z.string(),
    departments: z.array(InflationRowSchema),
  })
  .meta({ id: 'Inflation' });

const ScoreBriefSchema = z.object({ total: DECIMAL, grade: z.string().nullable(), status: z.string(), policy: z.object({ id: z.string(), version: z.string() }) });

export const WhatifReportSchema = z
  .object({
    year: z.number().int().optional(),
    policy: z.object({ id: z.string(), version: z.string(), hash: z.string(), name: z.string(), uploaded: z.boolean() }),
    count: z.number().int(),
    changedTotal: z.number().int(),
    changedGrade: z.number().int(),
    projects: z.array(
      z.object({
        id: z.string().optional(),
        version: z.number().int().optional(),
        line: z.number().int().optional().meta({ description: '上传批次中的序号（从 1 起）' }),
        kind: z.string().meta({ description: 'project（项目支出）或 department（部门整体支出）' }),
        deptCode: z.string().nullable(),
        agencyCode: z.string().nullable(),
        proCode: z.string().nullable(),
        proName: z.string(),
        old: ScoreBriefSchema,
        new: ScoreBriefSchema,
        delta: DECIMAL,
      }),
    ),
    transitions: z.object({
      labels: z.array(z.string()),
      matrix: z.record(z.string(), z.record(z.string(), z.number().int())).meta({ description: 'matrix[旧等级][新等级] = 项目数' }),
    }),
    departments: z.array(
      z.object({
        deptCode: z.string(),
        deptName: z.string().nullable(),
        forms: z.number().int(),
        oldSum: DECIMAL,
        newSum: DECIMAL,
        delta: DECIMAL,
        meanDelta: DECIMAL,
        gradesBefore: z.record(z.string(), z.number().int()),
        gradesAfter: z.record(z.string(), z.number().int()),
        up: z.number().int(),
        down: z.number().int(),
      }),
    ),
    drivers: z.array(
      z
        .object({
          rule: z.string().meta({ description: 'funds.<method> / indicator.<method>（或 旧→新）/ grade.bands' }),
          projects: z.number().int(),
          rows: z.number().int(),
          delta: DECIMAL.meta({ description: '该规则造成的分差合计（新 − 旧）' }),
          absDelta: DECIMAL.meta({ description: '分差绝对值合计（排序依据）' }),
          examples: z
            .array(z.object({ id: z.string().optional(), line: z.number().int().optional(), proName: z.string(), delta: DECIMAL }))
            .meta({ description: '该规则影响最大的项目（至多 3 个）' }),
        })
        .meta({ description: '一条规则造成的分差' }),
    ),
    findings: z.array(z.object({ code: z.string(), before: z.number().int(), after: z.number().int() })),
    failed: z.array(z.object({ id: z.string().optional(), line: z.number().int().optional(), problems: z.array(z.unknown()) })),
  })
  .meta({ id: 'WhatifReport', description: '假设评分的结果（未存储）' });
