/**
 * The one mapping between the 预算管理一体化 standard row shapes and jixiao's form (issue 12 item 1,
 * integration.md §1.3, §1.7, §2.3). Every column the standard shape may carry is a row of COLUMNS:
 * where it comes from (the standard table, the vendor's working columns or a jixiao extension), the
 * form field it is read into (`into`), the result value written back into it (`out`), and its kind.
 * The converter (convert.ts), the writer (output.ts), the zod schema of the shape (schema.ts) and
 * the README table (a test compares) are all derived from this table. Pure data, no I/O.
 */

export const TABLES = ['pm_perf_self_eval', 'pm_self_eval_goal', 'pm_self_eval_indicator', 'pm_perf_self_bgt'] as const;
export type Table = (typeof TABLES)[number];

/** The form array each row table is read into (the header is the form itself). */
export const ROWS_OF: Readonly<Record<Exclude<Table, 'pm_perf_self_eval'>, readonly string[]>> = {
  pm_self_eval_goal: ['goals'],
  pm_self_eval_indicator: ['indicators'],
  pm_perf_self_bgt: ['funds', 'rows'],
};

export type Source = 'standard' | 'vendor' | 'jixiao';

/**
 * id: a key (opaque string ≤ 38; a JSON number only when it is a safe integer); code: a code or
 * key of the project (opaque string); key: an identity column repeated on a row, checked against
 * the header; year; text; money (in the body's moneyUnit); points (分值, 得分); percent (执行率 %);
 * computesign (the code list of indicators/standard.json); bool; object; kept: carried unchanged.
 */
export type Kind = 'id' | 'code' | 'key' | 'year' | 'text' | 'money' | 'points' | 'percent' | 'computesign' | 'bool' | 'object' | 'kept';

/** What jixiao computes, written back into a column of the standard shape. */
export type Out = 'total' | 'indicatorScore' | 'composedTarget' | 'fundRate' | 'fundScore';

export interface Column {
  table: Table;
  column: string;
  source: Source;
  kind: Kind;
  /** The form field it is read into, relative to the form (header) or to the row; null = carried only. */
  into: readonly string[] | null;
  /** The result value written into it on output; absent = echoed as sent. */
  out?: Out;
  /** 中文 description (also the OpenAPI description). */
  zh: string;
}

const c = (table: Table, column: string, source: Source, kind: Kind, into: string | null, zh: string, out?: Out): Column => ({
  table,
  column,
  source,
  kind,
  into: into === null ? null : into.split('.'),
  zh,
  ...(out ? { out } : {}),
});

const H = 'pm_perf_self_eval';
const G = 'pm_self_eval_goal';
const I = 'pm_self_eval_indicator';
const B = 'pm_perf_self_bgt';

/** The identity columns every row table repeats: they must agree with the header (STANDARD_KEY_MISMATCH). */
export const ROW_KEYS = ['eval_id', 'fiscal_year', 'mof_div_code', 'agency_code', 'pro_code'] as const;

/** Columns every row table may carry besides its own: its keys, names and bookkeeping, carried unchanged. */
function common(table: Table): Column[] {
  return [
    ...ROW_KEYS.filter((k) => !(table === B && k === 'eval_id')).map((k) => c(table, k, 'standard', 'key', null, `${k}：须与自评信息表一致`)),
    ...(table === B ? [c(table, 'eval_id', 'standard', 'key', null, 'eval_id（规范表无此列；给出时须与自评信息表一致）')] : []),
    ...['mof_div_name', 'dept_code', 'dept_name', 'agency_name', 'pro_name', 'is_last_inst', 'is_deleted', 'update_time', 'create_time'].map((k) =>
      c(table, k, 'standard', 'kept', null, `${k}：原样返回，不参与评分`),
    ),
  ];
}

/**
 * Order matters where several columns feed one field: the first one given wins, the others must
 * agree with it (else STANDARD_FIELD_CONFLICT). The vendor's structured target (indexval) comes
 * before the text kpi_val, since kpi_val is composed from it at 终审.
 */
export const COLUMNS: readonly Column[] = [
  // ---- PM_PERF_SELF_EVAL: the header, one per project and year ----------------------------------
  c(H, 'eval_id', 'standard', 'id', 'id', '自评信息主键：幂等键（同一 eval_id 重复提交不产生新版本）'),
  c(H, 'fiscal_year', 'standard', 'year', 'fiscalYear', '评价年度（必填）'),
  c(H, 'mof_div_code', 'standard', 'code', 'mofDivCode', '财政区划代码：选择适用的评分政策'),
  c(H, 'mof_div_name', 'standard', 'kept', null, '财政区划名称：原样返回'),
  c(H, 'dept_code', 'standard', 'code', 'deptCode', '部门代码'),
  c(H, 'dept_name', 'standard', 'text', 'deptName', '部门名称'),
  c(H, 'agency_code', 'standard', 'code', 'agencyCode', '单位代码'),
  c(H, 'agency_name', 'standard', 'text', 'agencyName', '单位名称'),
  c(H, 'pro_code', 'standard', 'code', 'proCode', '项目代码：与财政区划、年度构成项目的自然键'),
  c(H, 'pro_name', 'standard', 'text', 'proName', '项目名称（必填）'),
  c(H, 'total_eval_value', 'standard', 'points', 'reportedTotal', '单位自评得分：输入为填报总分，输出为计算总分', 'total'),
  c(H, 'devi_analy', 'standard', 'kept', null, '偏差分析及整改措施（项目级）：原样返回'),
  c(H, 'application_advise', 'standard', 'kept', null, '结果应用建议：原样返回'),
  c(H, 'dept_score', 'standard', 'kept', null, '主管部门评分：原样返回'),
  c(H, 'dept_suggest', 'standard', 'kept', null, '主管部门处理意见：原样返回'),
  c(H, 'dep_aud_opinion', 'standard', 'kept', null, '部门审核意见：原样返回'),
  c(H, 'mof_aud_opinion', 'standard', 'kept', null, '财政审核意见：原样返回'),
  c(H, 'is_last_inst', 'standard', 'kept', null, '是否终审：原样返回'),
  c(H, 'is_deleted', 'standard', 'kept', null, '是否删除：原样返回'),
  c(H, 'update_time', 'standard', 'kept', null, '更新时间：原样返回'),
  c(H, 'create_time', 'standard', 'kept', null, '创建时间：原样返回'),
  c(H, 'jx_exe_points', 'jixiao', 'points', 'funds.points', '预算执行率分值（jixiao 扩展列；省略时取评分政策的默认值）'),
  c(H, 'jx_grade', 'jixiao', 'text', 'reportedGrade', '填报等级（jixiao 扩展列；规范表无等级列）'),
  c(H, 'jx_analysis', 'jixiao', 'object', 'analysis', '项目绩效分析文字（jixiao 扩展列，字段同表单 analysis）'),

  // ---- PM_SELF_EVAL_GOAL: annual goal vs completion -----------------------------------------------
  c(G, 'eval_kpi_id', 'standard', 'kept', null, '自评绩效目标主键：原样返回'),
  c(G, 'kpi_per_id', 'standard', 'kept', null, '项目绩效目标主键：原样返回'),
  c(G, 'kpi_target', 'standard', 'text', 'target', '年度绩效目标'),
  c(G, 'goal_comp', 'standard', 'text', 'completion', '年度目标完成情况'),
  ...common(G),

  // ---- PM_SELF_EVAL_INDICATOR: one row per 三级指标 ------------------------------------------------
  c(I, 'eval_ind_id', 'standard', 'id', 'id', '自评指标主键：行键'),
  c(I, 'kpi_id', 'standard', 'kept', null, '项目绩效指标主键：原样返回'),
  c(I, 'lv1_perf_ind_code', 'standard', 'code', 'level1Code', '一级指标代码（各省框架代码）'),
  c(I, 'findex', 'vendor', 'code', 'level1Code', '一级指标框架 id（厂商工作列）'),
  c(I, 'lv1_perf_ind_name', 'standard', 'text', 'level1', '一级指标名称'),
  c(I, 'lv2_perf_ind_code', 'standard', 'code', 'level2Code', '二级指标代码'),
  c(I, 'sindex', 'vendor', 'code', 'level2Code', '二级指标框架 id（厂商工作列）'),
  c(I, 'lv2_perf_ind_name', 'standard', 'text', 'level2', '二级指标名称'),
  c(I, 'lv3_perf_ind_code', 'standard', 'code', 'code', '三级指标代码'),
  c(I, 'lv3_perf_ind_name', 'standard', 'text', 'name', '三级指标名称'),
  c(I, 'indexval', 'vendor', 'text', 'target', '指标值（厂商工作列，不含符号与单位）；给出时输出的 kpi_val 按 符号 + 指标值 + 单位 组合'),
  c(I, 'kpi_val', 'standard', 'text', 'target', '指标值（文本，含符号与单位，如 "≥95%"）；输入为结构化列时输出为组合值', 'composedTarget'),
  c(I, 'computesign', 'vendor', 'computesign', 'operator', '计算符号：1 ≥、2 ＞、3 ＝、4 ＜、5 ≤、6 定性（优先于指标值中的符号）；9 定量（其他）、10 不适用：不自动评分，需人工复核'),
  c(I, 'meterunit', 'vendor', 'text', 'unit', '度量单位（厂商工作列）'),
  c(I, 'ind_comp', 'standard', 'text', 'actual', '指标值完成情况（实际完成值）'),
  c(I, 'actualvalue', 'vendor', 'text', 'actual', '实际完成值（厂商工作列）'),
  c(I, 'kpi_evalstd', 'standard', 'text', 'evalStd', '评（扣）分标准'),
  c(I, 'ind_weight', 'standard', 'points', 'points', '权重（分值）'),
  c(I, 'actualweight', 'vendor', 'points', 'points', '分值（厂商工作列）'),
  c(I, 'weight', 'vendor', 'points', 'points', '分值（厂商工作列，浙江）'),
  c(I, 'eval_score', 'standard', 'points', 'reportedScore', '自评得分：输入为填报得分，输出为计算得分', 'indicatorScore'),
  c(I, 'score', 'vendor', 'points', 'reportedScore', '得分（厂商工作列）：输入为填报得分，输出为计算得分', 'indicatorScore'),
  c(I, 'devi_analy', 'standard', 'text', 'deviationNote', '偏差分析及整改措施'),
  c(I, 'kpi_remark', 'vendor', 'text', 'deviationNote', '偏差原因（厂商工作列）'),
  c(I, 'application_advise', 'standard', 'kept', null, '结果应用建议：原样返回'),
  c(I, 'opinion_remark', 'vendor', 'kept', null, '结果应用建议（厂商工作列）：原样返回'),
  c(I, 'jx_initial_kpi_val', 'jixiao', 'text', 'initialTarget', '年初指标值（jixiao 扩展列，山西版式）'),
  c(I, 'jx_manual_score', 'jixiao', 'points', 'manualScore', '人工评分（jixiao 扩展列）'),
  c(I, 'jx_deduction', 'jixiao', 'points', 'deduction', '人工扣减分数（jixiao 扩展列）'),
  c(I, 'jx_deduction_reason', 'jixiao', 'text', 'deductionReason', '扣减理由（jixiao 扩展列）'),
  c(I, 'jx_is_default_cost_row', 'jixiao', 'bool', 'isDefaultCostRow', '山西默认成本指标行（jixiao 扩展列）'),
  ...common(I),

  // ---- PM_PERF_SELF_BGT: money rows (keyed by pro_code + found_type_code) ---------------------------
  c(B, 'bgt_eval_id', 'standard', 'kept', null, '项目资金执行表主键：原样返回'),
  c(B, 'found_type_code', 'standard', 'code', 'foundTypeCode', '资金来源代码'),
  c(B, 'found_type_name', 'standard', 'text', 'name', '资金来源名称（必填）：资金总额 / 本年财政拨款 / 上年结转资金 / 其他资金 …'),
  c(B, 'reply_amt', 'standard', 'money', 'initial', '年初批复数'),
  c(B, 'amt1', 'vendor', 'money', 'initial', '年初预算数（厂商工作列）'),
  c(B, 'year_adj_amt', 'standard', 'money', 'adjustment', '年度调整金额（可为负）'),
  c(B, 'amt2', 'vendor', 'money', 'adjustment', '调整数（厂商工作列）'),
  c(B, 'cur_amt', 'standard', 'money', 'budget', '变动后预算数：执行率的分母'),
  c(B, 'amt3', 'vendor', 'money', 'budget', '全年预算数（厂商工作列）'),
  c(B, 'year_exe_amt', 'standard', 'money', 'executed', '全年执行数'),
  c(B, 'amt4', 'vendor', 'money', 'executed', '全年执行数（厂商工作列）'),
  c(B, 'exe_amt_rate', 'standard', 'percent', 'reportedRate', '资金执行率（百分数）：输入为填报值，输出为计算值', 'fundRate'),
  c(B, 'bgtget', 'vendor', 'percent', 'reportedRate', '执行率（厂商工作列）：输入为填报值，输出为计算值', 'fundRate'),
  c(B, 'exe_score', 'standard', 'points', 'reportedScore', '资金执行得分：输入为填报值，输出为计算值', 'fundScore'),
  c(B, 'jx_is_total', 'jixiao', 'bool', 'isTotal', '是否资金总额行（jixiao 扩展列；省略时按名称识别）'),
  c(B, 'jx_declared_amt', 'jixiao', 'money', 'declared', '目标申报数（jixiao 扩展列，山西）'),
  c(B, 'jx_balance_amt', 'jixiao', 'money', 'reportedBalance', '填报的资金结（转）余（jixiao 扩展列）'),
  c(B, 'jx_reason', 'jixiao', 'text', 'reason', '执行率偏低或预算调整的原因说明（jixiao 扩展列）'),
  ...common(B),
];

/** The top-level keys of a standard body besides the four tables. */
export const TOP_KEYS = ['moneyUnit'] as const;

const BY_TABLE = new Map<Table, Map<string, Column>>(TABLES.map((t) => [t, new Map()]));
for (const col of COLUMNS) {
  const m = BY_TABLE.get(col.table)!;
  if (!m.has(col.column)) m.set(col.column, col);
}

/** The columns of one table, by name. */
export function columnsOf(table: Table): ReadonlyMap<string, Column> {
  return BY_TABLE.get(table)!;
}

/** The README table (standard column → jixiao field), generated from COLUMNS. */
export function mappingMarkdown(): string {
  const lines = ['| table | column | source | jixiao field | in / out | meaning |', '|---|---|---|---|---|---|'];
  for (const col of COLUMNS) {
    if (col.kind === 'key' || (col.kind === 'kept' && col.table !== H && COMMON_KEPT.has(col.column))) continue;
    const prefix = col.table === H ? '' : ROWS_OF[col.table].join('.') + '[].';
    const field = col.into ? '`' + prefix + col.into.join('.') + '`' : '–';
    const dir = col.into && col.out ? 'in + out' : col.into ? 'in' : col.out ? 'out' : 'kept';
    lines.push(`| \`${col.table}\` | \`${col.column}\` | ${col.source} | ${field} | ${dir} | ${col.zh} |`);
  }
  return lines.join('\n');
}

const COMMON_KEPT = new Set(['mof_div_name', 'dept_code', 'dept_name', 'agency_name', 'pro_name', 'is_last_inst', 'is_deleted', 'update_time', 'create_time']);
