/** Chinese labels of the form's fields, for messages that name a field ("绩效指标第3行·分值"). */

export const FIELD_LABELS: Record<string, string> = {
  kind: '表单类型',
  id: '主键',
  fiscalYear: '年度',
  mofDivCode: '财政区划代码',
  deptCode: '主管部门代码',
  deptName: '主管部门名称',
  agencyCode: '预算单位代码',
  agencyName: '预算单位名称',
  proCode: '项目代码',
  proName: '项目名称',
  moneyUnit: '金额单位',
  funds: '项目资金',
  points: '分值',
  rows: '资金行',
  name: '名称',
  foundTypeCode: '资金来源代码',
  isTotal: '是否总额行',
  declared: '目标申报数',
  initial: '年初预算数',
  adjustment: '调整数',
  budget: '全年预算数',
  executed: '全年执行数',
  reportedBalance: '资金结（转）余',
  reportedRate: '执行率',
  reportedScore: '得分',
  reason: '原因说明',
  goals: '年度目标',
  target: '指标值',
  completion: '实际完成情况',
  indicators: '绩效指标',
  level1: '一级指标',
  level1Code: '一级指标代码',
  level2: '二级指标',
  level2Code: '二级指标代码',
  code: '指标代码',
  initialTarget: '年初指标值',
  operator: '指标性质',
  unit: '度量单位',
  actual: '实际完成值',
  deviationNote: '偏差原因分析及改进措施',
  manualScore: '人工评分',
  deduction: '扣减分数',
  deductionReason: '扣减理由',
  evalStd: '评（扣）分标准',
  isDefaultCostRow: '默认成本指标标记',
  reportedTotal: '总分',
  reportedGrade: '等级',
  analysis: '绩效分析',
  implementation: '项目实施和预算执行情况',
  outputs: '产出情况',
  benefits: '效益情况',
  satisfaction: '满意度情况',
  experience: '主要经验做法',
  problems: '存在的主要问题及原因分析',
  improvements: '下一步改进措施及管理建议',
};

const CONTAINERS: Record<string, string> = { indicators: '绩效指标', rows: '资金', goals: '年度目标' };

/** "绩效指标第3行·分值" for /indicators/2/points; plain labels elsewhere. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (typeof seg === 'string' && typeof next === 'number' && Object.hasOwn(CONTAINERS, seg)) {
      parts.push(`${CONTAINERS[seg]}第${next + 1}行`);
      i++;
    } else if (typeof seg === 'string') {
      // Own labels only: a key such as "constructor" is named as written, not as Object's property.
      parts.push(Object.hasOwn(FIELD_LABELS, seg) ? FIELD_LABELS[seg] : seg);
    }
  }
  return parts.join('·') || '表单';
}

