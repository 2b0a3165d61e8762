/**
 * The 项目支出绩效自评表 as jixiao reads it: the single source of truth for the TypeScript
 * types, the JSON Schema and the OpenAPI contract. Field names follow the 一体化 data standard
 * (integration.md §1.3, §1.7) in camelCase: fiscalYear ↔ fiscal_year, mofDivCode ↔ mof_div_code,
 * agencyCode ↔ agency_code, proCode ↔ pro_code, funds.rows[].budget ↔ cur_amt,
 * indicators[].target ↔ kpi_val, actual ↔ ind_comp, points ↔ ind_weight, reportedScore ↔ eval_score.
 */
import { z } from 'zod';
import { optCode, optDecimal, optText, reqDecimal, reqText } from './fields.js';

export const LIMITS = {
  indicators: 500,
  fundRows: 50,
  goals: 50,
  name: 1000,
  value: 1000,
  note: 4000,
} as const;

export const FundRowSchema = z
  .object({
    name: reqText(200, '资金行名称：资金总额 / 省级财政资金 / 本年财政拨款 / 上年结转资金 / 其他资金 (found_type_name)'),
    foundTypeCode: optCode(6, '资金来源代码 found_type_code'),
    isTotal: z.boolean().optional().meta({ description: '是否为资金总额行；省略时按名称识别（资金总额、年度资金总额、总额、合计）' }),
    declared: optDecimal({ description: '目标申报数（山西：年初预算数项下，与预算编制数并列；不参与计算）' }),
    initial: optDecimal({ description: '年初预算数 / 预算编制数 (reply_amt)' }),
    adjustment: optDecimal({ signed: true, description: '年度调整金额 (year_adj_amt)，可为负' }),
    budget: optDecimal({ description: '全年预算数 / 调整后预算数 (cur_amt)：执行率的分母；省略时取年初预算数 + 调整数' }),
    executed: optDecimal({ description: '全年执行数 (year_exe_amt)' }),
    reportedBalance: optDecimal({ signed: true, description: '填报的资金结（转）余' }),
    reportedRate: optDecimal({ percent: true, description: '填报的执行率，百分数（87.61 或 "87.61%"）(exe_amt_rate)' }),
    reportedScore: optDecimal({ points: true, description: '填报的执行率得分 (exe_score)' }),
    reason: optText(LIMITS.note, '执行率偏低或预算调整的原因说明'),
  })
  .meta({ id: 'FundRow', description: '项目资金的一行 (PM_PERF_SELF_BGT)' });

export const FundsSchema = z
  .object({
    points: optDecimal({ points: true, description: '预算执行率分值；省略时取评分政策的默认值（通常10分）' }),
    rows: z.array(FundRowSchema).min(1).max(LIMITS.fundRows),
  })
  .meta({ id: 'Funds', description: '项目资金预算安排及执行情况' });

export const GoalSchema = z
  .object({
    target: optText(LIMITS.note, '年度目标 / 预期目标 (kpi_target)'),
    completion: optText(LIMITS.note, '实际完成情况 (goal_comp)'),
  })
  .meta({ id: 'Goal', description: '项目年度绩效目标 (PM_SELF_EVAL_GOAL)' });

export const IndicatorSchema = z
  .object({
    id: optCode(38, '自评指标主键 eval_ind_id 或绩效指标主键 kpi_id'),
    level1: optText(LIMITS.name, '一级指标名称 (lv1_perf_ind_name)：产出指标 / 效益指标 / 满意度指标 / 成本指标'),
    level1Code: optCode(300, '一级指标代码 (lv1_perf_ind_code)，各省框架代码'),
    level2: optText(LIMITS.name, '二级指标名称 (lv2_perf_ind_name)：数量指标 / 质量指标 / 时效指标 / 成本指标 / 社会效益指标 …'),
    level2Code: optCode(300, '二级指标代码 (lv2_perf_ind_code)'),
    name: optText(LIMITS.name, '三级指标名称 (lv3_perf_ind_name)；整行留空（无名称、指标值、实际完成值和分值）的模板行不评分'),
    code: optCode(300, '三级指标代码 (lv3_perf_ind_code)'),
    points: optDecimal({ points: true, description: '分值 / 权重 (ind_weight)；评分的行必填，空行与山西调整后指标值已清空的行可不填' }),
    initialTarget: optText(LIMITS.value, '年初指标值（山西版式）'),
    target: optText(LIMITS.value, '年度指标值 / 调整后指标值 (kpi_val)，如 "≥95%"、"=0次"、"≤90万元"、"及时"'),
    operator: optText(20, '指标性质 / 计算符号（四川版式的单独一列）："≥"、"≤"、"="、"定性"，或代码 1–6'),
    unit: optText(40, '度量单位（四川版式的单独一列）'),
    actual: optText(LIMITS.value, '实际完成值 (ind_comp)，如 "98%"、"≥99%"、"达成预期指标"'),
    reportedScore: optDecimal({ points: true, description: '填报得分 (eval_score)' }),
    deviationNote: optText(LIMITS.note, '偏差原因分析及改进措施 (devi_analy)'),
    manualScore: optDecimal({ points: true, description: '人工评分：定性指标档内分值，或超额完成时按偏离度调整后的分值' }),
    deduction: optDecimal({ points: true, description: '人工扣减分数（按偏离度适度调减）' }),
    deductionReason: optText(LIMITS.note, '扣减理由'),
    evalStd: optText(LIMITS.note, '评（扣）分标准 (kpi_evalstd)'),
    isDefaultCostRow: z.boolean().optional().meta({ description: '山西系统自动插入的默认成本指标（指标值“未填报”）；省略时按指标值识别' }),
  })
  .meta({ id: 'Indicator', description: '三级绩效指标一行 (PM_SELF_EVAL_INDICATOR)' });

export const AnalysisSchema = z
  .object({
    implementation: optText(LIMITS.note, '项目实施和预算执行情况'),
    outputs: optText(LIMITS.note, '产出情况'),
    benefits: optText(LIMITS.note, '效益情况'),
    satisfaction: optText(LIMITS.note, '满意度情况'),
    experience: optText(LIMITS.note, '主要经验做法'),
    problems: optText(LIMITS.note, '存在的主要问题及原因分析'),
    improvements: optText(LIMITS.note, '下一步改进措施及管理建议'),
  })
  .meta({ id: 'Analysis', description: '项目绩效分析（文字部分）' });

const YearSchema = z
  .union([z.number(), z.string()])
  .transform((v) => (typeof v === 'string' ? v.trim() : v))
  .pipe(z.coerce.number<string | number>().int().min(1990).max(2100))
  .meta({ description: '评价年度 / 预算年度 (fiscal_year)，如 2022' });

export const ProjectFormSchema = z
  .object({
    kind: z.literal('project').default('project').meta({ description: '表单类型：project = 项目支出绩效自评表（默认）；部门（单位）整体支出绩效自评表为 department（DepartmentForm）' }),
    id: optCode(38, '自评信息主键 (eval_id)；批量评分时用于对应结果'),
    fiscalYear: YearSchema,
    mofDivCode: optCode(9, '财政区划代码 (mof_div_code)，如 140000（山西省）；用于选择适用的评分政策', /^\d{6}(\d{3})?$/),
    deptCode: optCode(21, '主管部门代码 (dept_code)，如 209'),
    deptName: optText(300, '主管部门名称 (dept_name)'),
    agencyCode: optCode(21, '预算单位代码 (agency_code)，如 209100'),
    agencyName: optText(300, '预算单位名称 (agency_name)'),
    proCode: optCode(21, '项目代码 (pro_code)'),
    proName: reqText(180, '项目名称 (pro_name)'),
    moneyUnit: z.enum(['万元', '元']).default('万元').meta({ description: '金额单位；表单通常为万元，一体化规范表为元' }),
    funds: FundsSchema,
    goals: z.array(GoalSchema).max(LIMITS.goals).optional(),
    indicators: z.array(IndicatorSchema).min(1).max(LIMITS.indicators),
    reportedTotal: optDecimal({ points: true, description: '填报总分 (total_eval_value)' }),
    reportedGrade: optText(20, '填报等级：优 / 良 / 中 / 差'),
    analysis: AnalysisSchema.optional(),
  })
  .meta({ id: 'ProjectForm', description: '项目支出绩效自评表' });

/**
 * The project form. The 部门（单位）整体支出 form (`kind: "department"`) is declared in
 * src/core/department/form.ts, and the union of both on `kind` is `AnyFormSchema` there (it imports
 * this file, so the union cannot live here without an import cycle). Validation of a project form,
 * its fast path and the engine read this schema; src/jixiao.ts dispatches on `kind`.
 */
export const FormSchema = ProjectFormSchema;

export type Form = z.output<typeof FormSchema>;
export type FormInput = z.input<typeof FormSchema>;
export type Indicator = z.output<typeof IndicatorSchema>;
export type FundRow = z.output<typeof FundRowSchema>;
export type Funds = z.output<typeof FundsSchema>;
