/**
 * The 部门（单位）整体支出绩效自评表 (scoring-rules.md §4): the second kind of form, declared once
 * here; src/core/model/form.ts joins it with the project form in `AnyFormSchema`, the union on
 * `kind` from which the JSON Schema and the OpenAPI contract derive.
 *
 * Money is broken down by category (人员类 / 运转类公用经费 / 其他运转类 / 特定目标类, or the
 * province's own list: indicators/department.json) in `funds.rows`, with an optional 资金来源 table
 * and an optional 资金方向 table that must reconcile with it (rule 42). Indicators are grouped
 * under 年度目标 / 重点工作任务 (`goals[].indicators`), each row the project form's indicator row;
 * with 权重比例 (`goals[].ratio`) a goal's score is Σ its rows' scores × ratio / 100 (C9).
 */
import { z } from 'zod';
import { optDecimal, optText } from '../model/fields.js';
import { FundRowSchema, IndicatorSchema, LIMITS, ProjectFormSchema } from '../model/form.js';

const P = ProjectFormSchema.shape;

const textList = (description: string) =>
  z
    .union([optText(LIMITS.note, description), z.array(optText(LIMITS.note, description)).max(LIMITS.goals)])
    .optional()
    .meta({ description: `${description}：一段文字，或逐条列出（综述中写作“一是…；二是…”）` });

export const DepartmentFundsSchema = z
  .object({
    points: optDecimal({ points: true, description: '预算执行率分值；省略时取评分政策 department.budgetPoints，再省略时取政策的预算执行率分值（通常10分）' }),
    rows: z.array(FundRowSchema).min(1).max(LIMITS.fundRows).meta({ description: '按资金类别的全年预算数与执行数（人员类 / 运转类公用经费 / 其他运转类 / 特定目标类，或政策所定的本省类别）；可含资金总额行。执行率 = Σ执行数 / Σ全年预算数' }),
    sources: z.array(FundRowSchema).max(LIMITS.fundRows).optional().meta({ description: '资金来源表（一般公共预算、政府性基金预算 …）；其全年预算数与执行数合计须与资金类别合计一致' }),
    directions: z.array(FundRowSchema).max(LIMITS.fundRows).optional().meta({ description: '资金方向表；其全年预算数与执行数合计须与资金类别合计一致' }),
  })
  .meta({ id: 'DepartmentFunds', description: '部门（单位）年度预算执行情况：资金类别、资金来源、资金方向' });

export const DepartmentGoalSchema = z
  .object({
    type: z.enum(['年度目标', '重点工作任务']).default('年度目标').meta({ description: '年度目标 或 重点工作任务' }),
    name: optText(LIMITS.name, '目标 / 任务名称'),
    target: optText(LIMITS.note, '年度目标内容 / 任务主要内容 (kpi_target)'),
    completion: optText(LIMITS.note, '实际完成情况 (goal_comp)'),
    ratio: optDecimal({ percent: true, description: '权重比例（%）：启用权重比例模式时，该目标得分 = 其指标得分合计 × 权重比例 ÷ 100' }),
    indicators: z.array(IndicatorSchema).max(LIMITS.indicators).default([]).meta({ description: '该目标下的三级指标，每行与项目自评表的指标行相同' }),
  })
  .meta({ id: 'DepartmentGoal', description: '一项年度目标或重点工作任务及其绩效指标' });

export const DepartmentAnalysisSchema = z
  .object({
    completion: optText(LIMITS.note, '年度绩效目标完成情况（总体）'),
    experience: textList('主要经验做法'),
    problems: textList('发现的主要问题及原因'),
    improvements: textList('下一步改进措施'),
  })
  .meta({ id: 'DepartmentAnalysis', description: '部门整体支出绩效分析（文字部分）' });

export const DepartmentFormSchema = z
  .object({
    kind: z.literal('department').meta({ description: '表单类型：department = 部门（单位）整体支出绩效自评表' }),
    id: P.id,
    fiscalYear: P.fiscalYear,
    mofDivCode: P.mofDivCode,
    deptCode: P.deptCode,
    deptName: P.deptName,
    agencyCode: P.agencyCode,
    agencyName: optText(300, '部门（单位）名称 (agency_name)：填报整体支出自评的单位；省略时用主管部门名称'),
    moneyUnit: P.moneyUnit,
    funds: DepartmentFundsSchema,
    ratioMode: z.boolean().optional().meta({ description: '是否启用权重比例模式；省略时，任一目标填了权重比例即启用' }),
    goals: z.array(DepartmentGoalSchema).min(1).max(LIMITS.goals),
    reportedTotal: P.reportedTotal,
    reportedGrade: P.reportedGrade,
    analysis: DepartmentAnalysisSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if (!f.agencyName && !f.deptName) ctx.addIssue({ code: 'custom', path: ['agencyName'], message: 'required', params: { jx: 'REQUIRED' } });
    const rows = f.goals.reduce((n, g) => n + g.indicators.length, 0);
    if (rows > LIMITS.indicators) ctx.addIssue({ code: 'too_big', origin: 'array', maximum: LIMITS.indicators, inclusive: true, path: ['goals'], message: 'too many indicators', input: rows });
  })
  .meta({ id: 'DepartmentForm', description: '部门（单位）整体支出绩效自评表' });

export type DepartmentForm = z.output<typeof DepartmentFormSchema>;
export type DepartmentFormInput = z.input<typeof DepartmentFormSchema>;
export type DepartmentGoal = z.output<typeof DepartmentGoalSchema>;

/** The unit a department form is filed for: its 单位 name, else its 主管部门 name. */
export function unitName(f: Pick<DepartmentForm, 'agencyName' | 'deptName'>): string {
  return f.agencyName ?? f.deptName ?? '';
}

/** A goal's name as shown: its name, else its text, else 目标 n. */
export function goalName(g: DepartmentGoal, i: number): string {
  return g.name ?? g.target ?? `${g.type === '重点工作任务' ? '任务' : '目标'}${i + 1}`;
}

/** Whether the form input says it is a department form (the dispatch in src/jixiao.ts). */
export function isDepartmentInput(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { kind?: unknown }).kind === 'department';
}

/**
 * Either kind of form, a discriminated union on `kind` (a project form may omit it): the shape
 * the HTTP bodies and the OpenAPI document are derived from.
 */
export const AnyFormSchema = z
  .discriminatedUnion('kind', [ProjectFormSchema, DepartmentFormSchema])
  .meta({ id: 'AnyForm', description: '自评表：项目支出（kind 省略或为 project）或部门（单位）整体支出（kind 为 department）' });
export type AnyForm = z.output<typeof AnyFormSchema>;
