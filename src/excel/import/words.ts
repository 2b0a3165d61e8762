/**
 * The words that find things on a 自评表: header names in all the spellings seen on real forms
 * (full- and half-width brackets and colons, line breaks inside cells, (50分) suffixes), and the
 * cleaning of numbers typed as text. Pure. Row and section labels (总分, 合计, 项目绩效分析 …) are
 * data: indicators/labels.json, compiled in src/core/parse/labels.ts and passed in as `labels`.
 */
import type { AnalysisKey, Labels } from '../../core/parse/labels.js';
import { halfWidth, readNumberText, type NumberKind } from '../../core/text.js';

export type { AnalysisKey } from '../../core/parse/labels.js';

/** For matching only: no whitespace, half-width brackets and colons, no trailing colon. */
export function norm(s: string): string {
  return s
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[：]/g, ':')
    .replace(/:+$/, '');
}

/** Keep the text as written, but trim it and collapse the line breaks Excel users put in cells. */
export function clean(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[ \t\u3000\u00a0]+/g, ' ').trim();
}

export type FundField =
  | 'declared'
  | 'initial'
  | 'adjustment'
  | 'budget'
  | 'executed'
  | 'balance'
  | 'rate'
  | 'points'
  | 'score'
  | 'reason'
  | 'reportedBalance'
  | 'reportedRate'
  | 'reportedScore'
  | 'foundTypeCode'
  | 'isTotal';

/** 资金结余, 结转结余, 资金结(转)余, 结（转）余. */
const BALANCE = /结余|结转|结\(转\)余/;

/** A fund row that is the total of the block: a total name that is not a subtotal (小计). */
export function isTotalFundName(name: string, labels: Labels): boolean {
  return labels.fundTotal(name) && !labels.fundSubtotal(name);
}

/** Classify one column of the money block by its header text (both header rows joined). */
export function fundColumn(h: string): FundField | null {
  const t = norm(h);
  if (t === '') return null;
  if (t.includes('资金来源代码')) return 'foundTypeCode';
  if (t.includes('总额行')) return 'isTotal';
  if (t.includes('填报')) {
    if (t.includes('执行率')) return 'reportedRate';
    if (BALANCE.test(t)) return 'reportedBalance';
    if (t.includes('得分')) return 'reportedScore';
    return null;
  }
  if (t.includes('目标申报')) return 'declared';
  if (t.includes('预算编制')) return 'initial';
  if (t.includes('执行率')) return 'rate';
  if (t.includes('调整后预算') || t.includes('全年预算') || t.includes('调整预算') || t.includes('变动后预算')) return 'budget';
  if (t.includes('年度调整') || t.includes('调整数') || t.includes('调整金额')) return 'adjustment';
  if (t.includes('年初预算') || t.includes('年初批复')) return 'initial';
  if (t.includes('执行数') || t.includes('执行金额') || t.includes('实际支出')) return 'executed';
  if (BALANCE.test(t)) return 'balance';
  if (t.includes('分值') || t.includes('权重')) return 'points';
  if (t.includes('得分')) return 'score';
  if (t.includes('原因') || t.includes('说明')) return 'reason';
  return null;
}

export type IndicatorField =
  | 'level1'
  | 'level2'
  | 'name'
  | 'initialTarget'
  | 'target'
  | 'operator'
  | 'unit'
  | 'actual'
  | 'points'
  | 'score'
  | 'reportedScore'
  | 'deviationNote'
  | 'evalStd'
  | 'manualScore'
  | 'deduction'
  | 'deductionReason'
  | 'level1Code'
  | 'level2Code'
  | 'code'
  | 'id'
  | 'isDefaultCostRow';

export function indicatorColumn(h: string): IndicatorField | null {
  const t = norm(h);
  if (t === '') return null;
  if (t.includes('填报得分')) return 'reportedScore';
  if (t.includes('代码') || t.includes('编码')) return t.includes('一级') ? 'level1Code' : t.includes('二级') ? 'level2Code' : 'code';
  if (t.includes('指标主键') || t === '指标id') return 'id';
  if (t.includes('默认成本指标')) return 'isDefaultCostRow';
  if (t.includes('一级')) return 'level1';
  if (t.includes('二级')) return 'level2';
  if (t.includes('三级') || t === '指标名称' || t === '绩效指标名称') return 'name';
  if (t.includes('年初指标值') || t.includes('年初目标值')) return 'initialTarget';
  if (t.includes('调整后指标值') || t.includes('调整后目标值') || t.includes('调整指标值')) return 'target';
  if (t.includes('指标性质') || t.includes('计算符号') || t.includes('指标方向')) return 'operator';
  if (t.includes('单位')) return 'unit';
  if (t.includes('实际') || t.includes('完成值')) return 'actual';
  if (t.includes('指标值') || t.includes('目标值')) return 'target';
  if (t.includes('扣减理由')) return 'deductionReason';
  if (t.includes('扣减')) return 'deduction';
  if (t.includes('人工评分')) return 'manualScore';
  if (t.includes('计算方法') || t.includes('评分标准') || t.includes('扣)分标准') || t.includes('扣分标准')) return 'evalStd';
  if (t.includes('原因') || t.includes('改进措施')) return 'deviationNote';
  if (t.includes('分值') || t.includes('权重')) return 'points';
  if (t.includes('得分')) return 'score';
  return null;
}

/** A label of the 项目绩效分析 block, or null. Long texts are values, not labels. */
export function analysisLabel(s: string, labels: Labels): AnalysisKey | null {
  const t = norm(s);
  if (t === '' || t.length > 30 || /[。；;]/.test(t)) return null;
  return labels.analysis(t);
}

export type IdentityKey = 'proName' | 'dept' | 'agency' | 'proCode' | 'mofDivCode' | 'id';

export function identityLabel(s: string): IdentityKey | null {
  const t = norm(s);
  if (t === '' || t.length > 20) return null;
  if (t === '项目名称' || t === '项目') return 'proName';
  if (t.startsWith('项目代码') || t.startsWith('项目编码')) return 'proCode';
  if (t.startsWith('主管部门')) return 'dept';
  if (t.startsWith('预算单位') || t.startsWith('实施单位') || t === '单位名称' || t.startsWith('项目单位')) return 'agency';
  if (t.startsWith('财政区划')) return 'mofDivCode';
  if (t.startsWith('自评编号') || t.startsWith('表单编号')) return 'id';
  return null;
}

/** Strip a "(50分)" suffix from a level name: "产出指标(50分)" → "产出指标". */
export function levelName(s: string): string {
  return clean(s).replace(/\s*[(（]\s*\d+(\.\d+)?\s*分?\s*[)）]\s*$/, '');
}

export type NumberRead = { kind: 'blank' } | { kind: 'number'; value: string; changed: boolean; unit?: string } | { kind: 'bad' };

/**
 * A number typed into a money, rate or score cell, read by the project's one number reader
 * (core/text.ts) as the field's kind: "252.83", "1,234.5", "87.61%" (percent), "８.７６",
 * "10分" (points), "31.59万元" (amount: the unit is returned). Nothing passes through a float.
 */
export function readNumber(text: string, as: NumberKind = 'plain'): NumberRead {
  return readNumberText(text.trim(), as);
}

const PROVINCES: [string, string][] = [
  ['北京', '110000'], ['天津', '120000'], ['河北', '130000'], ['山西', '140000'], ['内蒙古', '150000'],
  ['辽宁', '210000'], ['吉林', '220000'], ['黑龙江', '230000'], ['上海', '310000'], ['江苏', '320000'],
  ['浙江', '330000'], ['安徽', '340000'], ['福建', '350000'], ['江西', '360000'], ['山东', '370000'],
  ['河南', '410000'], ['湖北', '420000'], ['湖南', '430000'], ['广东', '440000'], ['广西', '450000'],
  ['海南', '460000'], ['重庆', '500000'], ['四川', '510000'], ['贵州', '520000'], ['云南', '530000'],
  ['西藏', '540000'], ['陕西', '610000'], ['甘肃', '620000'], ['青海', '630000'], ['宁夏', '640000'],
  ['新疆', '650000'],
];

/** The province a unit name starts with ("山西省社会保险局" → 140000), or null. */
export function provinceOf(name: string | undefined): string | null {
  if (!name) return null;
  const t = norm(name);
  for (const [p, code] of PROVINCES) if (t.startsWith(p)) return code;
  return null;
}

/** "209-山西省人力资源和社会保障厅", "[209]…", "…(209)", or a name alone. */
export function splitCodeName(s: string): { code?: string; name?: string } {
  const t = clean(s);
  if (t === '') return {};
  let m = /^[[【(（]?\s*([0-9A-Za-z]{1,21})\s*[\]】)）]?\s*[-－—–_:：\s]\s*(.+)$/.exec(t);
  if (m && /\d/.test(m[1])) return { code: m[1], name: m[2].trim() };
  m = /^[[【]\s*([0-9A-Za-z]{1,21})\s*[\]】]\s*(.+)$/.exec(t);
  if (m) return { code: m[1], name: m[2].trim() };
  m = /^(.+?)\s*[(（]\s*(\d[0-9A-Za-z]{0,20})\s*[)）]$/.exec(t);
  if (m) return { code: m[2], name: m[1].trim() };
  if (/^\d{1,21}$/.test(t)) return { code: t };
  return { name: t };
}

/** "93.76 优", "93.76分 / 优", "95" + "优": the total and the grade. */
export function splitTotal(s: string): { total?: string; grade?: string } {
  const t = halfWidth(clean(s));
  const out: { total?: string; grade?: string } = {};
  const m = /(\d+(\.\d+)?)/.exec(t);
  if (m) out.total = m[1];
  const g = /(优秀|良好|合格|不合格|优|良|中|差)/.exec(t.replace(/\d+(\.\d+)?/g, ''));
  if (g) out.grade = g[1];
  return out;
}
