/**
 * Validate untrusted input against the form schema and say every problem at once, each with
 * a stable code, a JSON pointer and a Chinese (or English) message. Never throws.
 */
import type { z } from 'zod';
import { finding, ptr, type Code, type Finding, type Lang } from '../codes.js';
import { DOUBT, fastParseForm } from './fast.js';
import { FormSchema, LIMITS, type Form } from './form.js';
import { duplicateIndicators } from './structure.js';

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
};

const CONTAINERS: Record<string, string> = { indicators: '绩效指标', rows: '资金', goals: '年度目标' };

/** "绩效指标第3行·分值" for /indicators/2/points; plain labels elsewhere. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (typeof seg === 'string' && typeof next === 'number' && CONTAINERS[seg]) {
      parts.push(`${CONTAINERS[seg]}第${next + 1}行`);
      i++;
    } else if (typeof seg === 'string') {
      parts.push(FIELD_LABELS[seg] ?? seg);
    }
  }
  return parts.join('·') || '表单';
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数值',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
  undefined: '空',
  int: '整数',
};

function typeOfInput(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? v.slice(0, 40) + '…' : v;
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 40 ? s.slice(0, 40) + '…' : s;
  } catch {
    return String(v);
  }
}

function issueToFinding(issue: z.core.$ZodIssue, lang: Lang): Finding {
  const path = issue.path;
  const pointer = ptr(...path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
  const field = fieldLabel(path);
  const hasInput = 'input' in issue;
  const input = (issue as { input?: unknown }).input;
  const mk = (code: Code, params: Record<string, string | number> = {}) =>
    finding(code, pointer, { field, ...params }, lang);

  if (!hasInput && issue.code !== 'custom' && issue.code !== 'too_small' && issue.code !== 'too_big') {
    return mk('REQUIRED');
  }
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { jx?: Code } | undefined)?.jx ?? 'INVALID_VALUE';
      return mk(code, { value: show(input) });
    }
    case 'invalid_union':
    case 'invalid_type': {
      if (input === undefined) return mk('REQUIRED');
      if (path.at(-1) === 'fiscalYear') return finding('INVALID_YEAR', pointer, { value: show(input) }, lang);
      if (typeof input === 'number' && !Number.isFinite(input)) return mk('NOT_A_NUMBER', { value: String(input) });
      const expected =
        issue.code === 'invalid_type' ? TYPE_NAMES[issue.expected] ?? issue.expected : '数值或文本';
      return mk('INVALID_TYPE', { expected, received: TYPE_NAMES[typeOfInput(input)] ?? typeOfInput(input) });
    }
    case 'too_small': {
      if (path.at(-1) === 'indicators') return finding('EMPTY_INDICATORS', pointer, {}, lang);
      if (path.at(-1) === 'rows') return finding('EMPTY_FUNDS', pointer, {}, lang);
      if (path.at(-1) === 'fiscalYear') return finding('INVALID_YEAR', pointer, { value: show(input) }, lang);
      if (issue.origin === 'string') return mk('EMPTY_TEXT');
      return mk('INVALID_VALUE', { value: show(input) });
    }
    case 'too_big': {
      if (path.at(-1) === 'fiscalYear') return finding('INVALID_YEAR', pointer, { value: show(input) }, lang);
      if (issue.origin === 'array') return mk('TOO_MANY_ITEMS', { max: String(issue.maximum) });
      if (issue.origin === 'string') return mk('TEXT_TOO_LONG', { max: String(issue.maximum) });
      return mk('INVALID_VALUE', { value: show(input) });
    }
    case 'invalid_format':
      return mk('INVALID_CODE', { value: show(input) });
    case 'invalid_value':
      return mk('INVALID_VALUE', { value: show(input) });
    default:
      return mk('INVALID_VALUE', { value: show(input) });
  }
}

export type ValidationResult =
  | { ok: true; form: Form; problems: Finding[] }
  | { ok: false; problems: Finding[] };

/**
 * Parse a form. `problems` lists every error (the form is invalid when there is one) and,
 * for an invalid form, the structural warnings found in what could be read, so the filer
 * gets everything in one answer.
 */
export function validateForm(input: unknown, lang: Lang = 'zh'): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [finding('NOT_AN_OBJECT', '', {}, lang)] };
  }
  // Valid forms (nearly all of them) take the fast path; anything it doubts gets zod's full answer.
  const fast = fastParseForm(input);
  if (fast !== DOUBT) return { ok: true, form: fast, problems: [] };
  const r = FormSchema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, form: r.data, problems: [] };
  const problems = r.error.issues.map((i) => issueToFinding(i, lang));
  // The year is coerced before it is checked, so zod reports NaN: name what the filer wrote.
  const year = problems.find((p) => p.code === 'INVALID_YEAR' && p.pointer === '/fiscalYear');
  if (year) Object.assign(year, finding('INVALID_YEAR', '/fiscalYear', { value: show((input as { fiscalYear?: unknown }).fiscalYear) }, lang));
  const indicators = (input as { indicators?: unknown }).indicators;
  if (Array.isArray(indicators) && indicators.length <= LIMITS.indicators) {
    problems.push(...duplicateIndicators(indicators, lang));
  }
  return { ok: false, problems: dedupe(problems) };
}

/** A union can report the same pointer twice; keep the first of each (code, pointer). */
function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = f.code + ' ' + f.pointer;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
