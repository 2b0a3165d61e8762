import t from 'tap';
import { Memo } from '../src/core/parse/memo.js';
import fc from 'fast-check';
import { Dec } from '../src/core/decimal.js';
import {
  composeTarget, normalizeText, operatorCode, operatorFromCode, operatorSymbol, parseActual, parseTarget,
  type Operator, type ParseOptions, type ParsedValue,
} from '../src/core/parse/index.js';
import { loadVocabulary } from '../src/data/vocabulary.js';

const vocab = loadVocabulary();

/**
 * Expected fields of a parse result; only the fields given are compared, except `notes`, which is
 * always compared (default: no notes). Numbers are strings (Decimal.toString()).
 */
interface Exp {
  kind: ParsedValue['kind'];
  op?: Operator | null;
  value?: string;
  unit?: string;          // unit.base
  raw?: string;           // unit.raw
  mult?: string;
  base?: string;          // baseValue
  lower?: string;
  upper?: string;
  known?: boolean;
  tier?: 'A' | 'B' | 'C' | null;
  source?: string | null;
  grade?: string | null;
  isDate?: boolean;
  placeholder?: boolean;
  notes?: string[];
  answer?: 'yes' | 'no' | null;
}

function view(p: ParsedValue, e: Exp): Record<string, unknown> {
  const v: Record<string, unknown> = { kind: p.kind, notes: p.notes.map((n) => n.code) };
  const pick = (k: keyof Exp, val: unknown) => { if (k in e) v[k] = val; };
  if (p.kind === 'quantitative') {
    pick('op', p.operator); pick('value', p.value.toString()); pick('base', p.baseValue.toString());
  }
  if (p.kind === 'range') { pick('lower', p.lower.toString()); pick('upper', p.upper.toString()); }
  if (p.kind === 'quantitative' || p.kind === 'range') {
    pick('unit', p.unit.base); pick('raw', p.unit.raw); pick('mult', p.unit.multiplier.toString()); pick('known', p.unit.known);
  }
  if (p.kind === 'qualitative') {
    pick('tier', p.tier); pick('source', p.tierSource); pick('grade', p.grade); pick('isDate', p.isDate); pick('answer', p.answer);
  }
  if (p.kind === 'empty') pick('placeholder', p.placeholder);
  return v;
}

const want = (e: Exp) => ({ ...e, notes: e.notes ?? [] });

// Shorthands: Q = quantitative, R = range, L = qualitative, E = empty.
const Q = (op: Operator | null, value: string, unit: string, more: Partial<Exp> = {}): Exp =>
  ({ kind: 'quantitative', op, value, unit, ...more });
const R = (lower: string, upper: string, unit: string, more: Partial<Exp> = {}): Exp =>
  ({ kind: 'range', lower, upper, unit, ...more });
const L = (more: Partial<Exp> = {}): Exp => ({ kind: 'qualitative', ...more });
const E = (placeholder: boolean): Exp => ({ kind: 'empty', placeholder });
const DATE = L({ isDate: true, notes: ['DATE_TARGET'] });
const FW = ['FULLWIDTH_NORMALISED'];

type TargetRow = [Exp, string | null | undefined, ParseOptions?];

const targets: TargetRow[] = [
  // ---- the seed forms (S1) ----
  [Q('GE', '5', '次', { base: '5' }), '≥5次'],
  [Q('GE', '3000', '册'), '≥3000册'],
  [Q('GE', '42', '人', { raw: '万人', mult: '10000', base: '420000' }), '≥42万人'],
  [Q('EQ', '100', '%', { base: '100' }), '=100%'],
  [Q('GE', '98', '%'), '≥98%'],
  [L({ isDate: false, tier: null }), '及时'],
  [E(true), '未填报'],
  [E(false), ''],
  [L({ isDate: false }), '提升'],
  [Q('GE', '95', '%'), '≥95%'],
  [Q('GE', '2', '个'), '≥2个'],
  [Q('GE', '1200', '卷'), '≥1200卷'],
  [L(), '健全'],
  [Q('GE', '6', '人'), '≥6人'],
  [Q('GE', '4', '人'), '≥4人'],
  [Q('GE', '6000', '平方米', { raw: '平米', mult: '1' }), '≥6000平米'],
  [Q('EQ', '0', '次', { base: '0' }), '=0次'],
  // ---- GE spellings ----
  [Q('GE', '95', '%'), '>=95%'],
  [Q('GE', '95', '%', { notes: FW }), '≧95％'],
  [Q('GE', '95', '%', { notes: FW }), '＞＝95%'],
  [Q('GE', '95', '%'), '=>95%'],
  [Q('GE', '95', '%'), '大于等于95%'],
  [Q('GE', '95', '%'), '大于或等于95%'],
  [Q('GE', '95', '%'), '不低于95%'],
  [Q('GE', '10', '次'), '不少于10次'],
  [Q('GE', '5', '个'), '不小于5个'],
  [Q('GE', '2', '次'), '至少全年完成2次宣传'],
  [Q('GE', '95', '%'), '达到95%'],
  [Q('GE', '95', '%'), '95%以上'],
  [Q('GE', '10', '次'), '10次及以上'],
  [Q('GE', '101', '人次', { raw: '人/次' }), '>=101人/次'],
  // ---- LE spellings ----
  [Q('LE', '90', '元', { raw: '万元', mult: '10000', base: '900000' }), '≤90万元'],
  [Q('LE', '5', '%'), '<=5%'],
  [Q('LE', '5', '%'), '≦5%'],
  [Q('LE', '5', '%', { notes: FW }), '＜＝5％'],
  [Q('LE', '5', '%'), '=<5%'],
  [Q('LE', '5', '%'), '小于等于5%'],
  [Q('LE', '5', '%'), '不高于5%'],
  [Q('LE', '10', '次'), '不超过10次'],
  [Q('LE', '3', '天'), '不大于3天'],
  [Q('LE', '2', '次'), '至多2次'],
  [Q('LE', '5', '%'), '5%以内'],
  [Q('LE', '5', '%'), '5%以下'],
  [Q('LE', '90', '元', { base: '900000' }), '控制在90万元以内'],
  [Q('LE', '90', '元', { base: '900000' }), '控制在90万元内'],
  [Q('LE', '250', '', { raw: '万', mult: '10000', base: '2500000' }), '控制在预算成本内250万'],
  [Q('LE', '3', '月', { raw: '个月' }), '3个月内完成'],
  [Q('LE', '30', '元', { base: '300000' }), '≤ 30 万元'],
  [Q('LE', '10', '次'), '科目调整次数≤10次'],
  // ---- EQ spellings ----
  [Q('EQ', '100', '%', { notes: FW }), '＝100％'],
  [Q('EQ', '100', '%'), '═100%'],
  [Q('EQ', '100', '%'), '﹦100%'],
  [Q('EQ', '0', '次'), '==0次'],
  [Q('EQ', '100', '%'), '等于100%'],
  [Q('EQ', '12000', '平方米'), '约12000平方米'],
  [Q('EQ', '100', '%'), '= 100 %'],
  [Q('EQ', '6', '元', { base: '60000' }), '= 6 万元'],
  // ---- GT / LT spellings ----
  [Q('GT', '92', '%'), '>92%'],
  [Q('GT', '92', '%', { notes: FW }), '＞92％'],
  [Q('GT', '0', ''), '大于0'],
  [Q('GT', '90', '%'), '高于90%'],
  [Q('GT', '90', '%'), '超过90%'],
  [Q('LT', '5', '%'), '<5%'],
  [Q('LT', '5', '%', { notes: FW }), '＜5%'],
  [Q('LT', '5', '%'), '‹5%'],
  [Q('LT', '5', '%'), '小于5%'],
  [Q('LT', '3', '%'), '低于3%'],
  // ---- no operator ----
  [Q(null, '2100', '', { base: '2100' }), '2100'],
  [Q(null, '63', '人'), '63人'],
  [Q(null, '100', '%'), '100%'],
  [Q(null, '1000', '元/人'), '严格按照预算标准1000元/人'],
  [Q(null, '1500', '元/学期', { known: true }), '1500元/学期'],
  [Q(null, '2280', '次'), '2280次'],
  [Q(null, '0', '%'), '0%'],
  [Q(null, '-5', '%'), '-5%'],
  [Q(null, '2.5', '小时'), '2.5 小时'],
  // ---- full-width, thousands, units ----
  [Q('GE', '95', '%', { notes: FW }), '≥９５％'],
  [Q(null, '1200', '人', { notes: FW }), '１，２００人'],
  [Q('GE', '100', '%', { raw: '百分比', notes: FW }), '≥１００百分比'],
  [Q('GE', '100', '%', { raw: '百分比' }), '≥100百分比'],
  [Q('EQ', '0', '次', { notes: FW }), '＝０次'],
  [Q(null, '1200', '卷'), '1,200卷'],
  [Q('GE', '1200000', '元', { base: '1200000' }), '≥1,200,000元'],
  [Q(null, '10000', '人'), '10 000人'],
  [Q(null, '95.5', '%', { notes: FW }), '95．5%'],
  [Q(null, '1', '', { notes: ['AMBIGUOUS_NUMBER'] }), '1,5'],
  [Q(null, '2', '元', { raw: '亿元', mult: '100000000', base: '200000000' }), '2亿元'],
  [Q('GE', '3', '册', { raw: '万册', base: '30000' }), '≥3万册'],
  [Q(null, '1.5', '人', { raw: '千人', base: '1500' }), '1.5千人'],
  [Q(null, '3', '人次', { raw: '万人次', base: '30000' }), '3万人次'],
  [Q(null, '1.2', '', { raw: '万', base: '12000' }), '1.2万'],
  [Q(null, '6000', '平方米', { raw: '㎡' }), '6000㎡'],
  [Q(null, '100', '平方米', { raw: 'm2' }), '100m2'],
  [Q(null, '95', '%', { raw: '百分之' }), '百分之95'],
  [Q(null, '5', '分钟'), '5 分钟'],
  [Q(null, '30', '天'), '30天'],
  [Q(null, '10', '辆'), '10辆'],
  [Q(null, '20', '台'), '20台'],
  [Q(null, '5', '套'), '5套'],
  [Q(null, '3', '户'), '3户'],
  [Q(null, '2', '项'), '2项'],
  [Q(null, '4', '场'), '4场'],
  [Q(null, '6', '期'), '6期'],
  [Q(null, '2', '所'), '2所'],
  [Q(null, '3', '家'), '3家'],
  [Q(null, '100', '亩'), '100亩'],
  [Q(null, '5', '公里'), '5公里'],
  [Q(null, '200', '米'), '200米'],
  [Q(null, '10', '吨'), '10吨'],
  [Q(null, '5', '篇'), '5篇'],
  [Q(null, '3', '份'), '3份'],
  [Q(null, '8', '间'), '8间'],
  [Q(null, '2', '座'), '2座'],
  [Q(null, '4', '处'), '4处'],
  [Q(null, '50', '页'), '50页'],
  [Q(null, '20', '张'), '20张'],
  [Q(null, '12', '条'), '12条'],
  [Q(null, '300', '本'), '300本'],
  [Q(null, '9', '件'), '9件'],
  [Q(null, '5', '艘', { known: false, notes: ['UNIT_UNKNOWN'] }), '5艘'],
  [Q('GE', '80', 'M', { known: false, notes: ['UNIT_UNKNOWN'] }), '≥80M'],
  [Q('GE', '3', '次'), '2022年度完成≥3次'],
  // ---- ranges ----
  [R('90', '100', '%'), '90%-100%'],
  [R('90', '100', ''), '90~100'],
  [R('90', '100', '%'), '90%～100%'],
  [R('90', '100', ''), '90至100'],
  [R('90', '100', '分'), '90-100分'],
  [R('90', '100', '%'), '100%-90%'],
  [R('1', '2', '元', { raw: '万元' }), '1-2万元'],
  // ---- deadlines ----
  [DATE, '12月底前'],
  [DATE, '2022年12月31日前'],
  [DATE, '年底前完成'],
  [DATE, '第三季度'],
  [DATE, '2023.07-2024.01'],
  [DATE, '2021年4月15日'],
  [DATE, '12月底到位'],
  [DATE, '2021年1月-12月'],
  [L({ isDate: true, notes: ['FULLWIDTH_NORMALISED', 'DATE_TARGET'] }), '１２月底前'],
  // ---- qualitative targets ----
  [L({ isDate: false }), '有效'],
  [L(), '效果明显'],
  // issue 8 rule 1: 是 / 否 are answers, compared with the actual's answer
  [L({ answer: 'yes', tier: null }), '是'],
  [L({ answer: 'no', tier: null }), '否'],
  [L(), '不断提升'],
  [L(), '严格执行相关制度规定'],
  [L(), '在项目计划完成时间内完成'],
  [L(), '按质按量完成'],
  // ---- empty and placeholders ----
  [E(false), '   '],
  [E(false), null],
  [E(false), undefined],
  [E(false), '\u3000'],
  [E(true), '未设置'],
  // issue 8 rule 2: 无 is the answer no (无 / 无 under 安全事故 is achieved), not an empty cell
  [L({ answer: 'no' }), '无'],
  [E(true), '/'],
  [E(true), '／'],
  [E(true), '-'],
  [E(true), '—'],
  [E(true), '——'],
  [E(true), '空'],
  [E(true), '暂无'],
  [E(true), '不适用'],
  [E(true), '本指标不适用此项目'],
  [E(true), ' 未填报 '],
  // ---- garbage: never a throw ----
  [L(), 'abc'],
  [L(), '？？'],
  [L(), '😀'],
  [L(), 'x'.repeat(10000)],
  [{ kind: 'quantitative', op: null, unit: '' }, '1'.repeat(10000)],
  [{ kind: 'quantitative', op: 'GE', unit: '%', notes: ['AMBIGUOUS_NUMBER'] }, '≥95%'.repeat(2500)],
  [L(), '\u0000\u0001'],
  // ---- separate operator / unit columns (Sichuan 指标性质, 度量单位) ----
  [Q('LE', '30', '元', { base: '300000' }), '30', { operator: '≤', unit: '万元' }],
  [Q('LE', '30', '元', { base: '300000' }), '30', { operator: '5', unit: '万元' }],
  [Q('LT', '30', ''), '30', { operator: '4' }],
  [Q('GE', '95', '%'), '95', { operator: '1', unit: '%' }],
  [Q('GT', '95', '%'), '95', { operator: '2', unit: '%' }],
  [Q('EQ', '100', '%'), '100', { operator: '3', unit: '百分比' }],
  [Q('GE', '95', '%'), '95', { operator: '大于等于', unit: '%' }],
  [Q('GE', '95', '%'), '≥95%', { operator: '≥' }],
  [Q('GE', '95', '%'), '≥95%', { operator: ' ≥ ' }],
  [Q('GE', '100', '%', { notes: ['OPERATOR_CONFLICT'] }), '=100%', { operator: '≥' }],
  [Q('EQ', '100', '%'), '100', { operator: '=', unit: '%' }],
  [Q('GE', '95', '%'), '95%', { operator: '正向' }],
  [L(), '95%', { operator: '定性' }],
  [L(), '优良中低差', { operator: '6' }],
  [Q(null, '95', '%'), '95%', { operator: '定量' }],
  [Q(null, '95', '%'), '95%', { operator: '9' }],
  [E(true), '95%', { operator: '10' }],
  [Q('GE', '95', '%'), '≥95%', { operator: '正负' }],
  [Q(null, '5', '艘', { known: false, notes: ['UNIT_UNKNOWN'] }), '5', { unit: '艘' }],
  [Q(null, '5', '人'), '5人', { unit: '万元' }],
  [Q(null, '5', ''), '5', { unit: '/' }],
  // ---- reverse direction from the name ----
  [Q('LE', '0', '次', { notes: ['OPERATOR_INFERRED'] }), '0次', { indicatorName: '安全事故发生次数' }],
  [Q('LE', '90', '元', { notes: ['OPERATOR_INFERRED'] }), '90万元', { indicatorName: '项目总成本' }],
  [Q('LE', '5', '%', { notes: ['OPERATOR_INFERRED'] }), '5%', { indicatorName: '结余率' }],
  [Q(null, '95', '%'), '95%', { indicatorName: '投诉处理率' }],
  [Q(null, '95', '%'), '95%', { indicatorName: '服务对象满意度' }],
  [Q('GE', '5', '次'), '≥5次', { indicatorName: '安全事故发生次数' }],
  [Q('LE', '5', '次', { notes: ['OPERATOR_INFERRED'] }), '5', { operator: '定量', unit: '次', indicatorName: '投诉次数' }],
  [L(), '不超预算', { indicatorName: '成本控制率' }],
];

t.test(`targets: ${targets.length} real-world spellings`, async (t) => {
  t.ok(targets.length >= 100);
  for (const [e, input, opts] of targets) {
    const label = `${JSON.stringify(input)?.slice(0, 40)} ${opts ? JSON.stringify(opts) : ''}`;
    t.same(view(parseTarget(input, opts ?? {}, vocab), e), want(e), label);
  }
});

type ActualRow = [Exp, string | null | undefined, string?];

const A = (tier: 'A' | 'B' | 'C', source: string): Exp => L({ tier, source, grade: null });
const G = (grade: string): Exp => L({ tier: null, source: 'graded', grade });

const actuals: ActualRow[] = [
  // ---- the seed forms: the operator is copied into the actual ----
  [Q(null, '5', '次', { notes: ['OPERATOR_IN_ACTUAL'] }), '≥5次', '≥5次'],
  [Q(null, '42', '人', { base: '420000', notes: ['OPERATOR_IN_ACTUAL'] }), '≥42万人', '≥42万人'],
  [Q(null, '100', '%', { notes: ['OPERATOR_IN_ACTUAL'] }), '=100%', '=100%'],
  [Q(null, '99', '%', { notes: ['OPERATOR_IN_ACTUAL'] }), '≥99%', '≥98%'],
  [Q(null, '0', '次', { base: '0', notes: ['OPERATOR_IN_ACTUAL'] }), '=0次', '=0次'],
  [A('A', 'label2016'), '达成预期指标', '及时'],
  [A('A', 'label2016'), '达成预期指标', '未填报'],
  [Q(null, '6000', '平方米', { notes: ['OPERATOR_IN_ACTUAL'] }), '≥6000平米', '≥6000平米'],
  [Q(null, '98', '%', { notes: ['OPERATOR_IN_ACTUAL'] }), '98%以上', '≥95%'],
  [Q(null, '96', '%'), '96%', '≥95%'],
  // ---- the actual without a unit takes the target's ----
  [Q(null, '98', '%', { raw: '%' }), '98', '≥95%'],
  [Q(null, '120', '元', { raw: '万元', base: '1200000' }), '120', '≤90万元'],
  [Q(null, '45', '人', { base: '450000' }), '45', '≥42万人'],
  [Q(null, '30', '元', { base: '300000' }), '30', '≤ 30 万元'],
  [Q(null, '100', ''), '100', '≥100'],
  [Q(null, '100', ''), '100', '及时'],
  [Q(null, '95', '%', { notes: FW }), '９５％', '≥95%'],
  [Q(null, '1200', '卷'), '1,200卷', '≥1200卷'],
  [Q(null, '120', '元', { raw: '元', mult: '1', base: '120' }), '120元', '≤90万元'],
  [R('96', '98', '%'), '96%-98%', '≥95%'],
  // ---- tier labels: 2020, 2016, short ----
  [A('A', 'label2020'), '达成年度指标', '及时'],
  [A('B', 'label2020'), '部分达成年度指标并具有一定效果', '及时'],
  [A('C', 'label2020'), '未达成年度指标且效果较差', '及时'],
  [A('B', 'label2016'), '部分达成预期指标并具有一定效果', '提升'],
  [A('C', 'label2016'), '未完成预期指标且效果较差', '提升'],
  [A('C', 'label2016'), '未达成预期指标且效果较差', '提升'],
  [A('A', 'short'), '达成', '及时'],
  [A('B', 'short'), '部分达成', '及时'],
  [A('C', 'short'), '未达成', '及时'],
  [A('C', 'short'), '未完成', '及时'],
  [A('A', 'short'), '达到预期目标', '及时'],
  [A('B', 'short'), '部分达到预期目标,并且具备一定效果', '及时'],
  [A('B', 'short'), '部分达到预期目标，并且具备一定效果', '及时'],
  [A('C', 'short'), '未达到预期目标', '及时'],
  [A('A', 'label2016'), '达成预期指标。', '及时'],
  [A('A', 'label2020'), ' 达成 年度指标 ', '及时'],
  [A('A', 'label2016'), '达成预期指标；', '≥95%'],
  // ---- synonyms ----
  [A('A', 'synonym'), '已完成', '≥95%'],
  [A('A', 'synonym'), '全部完成', '及时'],
  [A('A', 'synonym'), '完成', '≤30万元'],
  [L({ answer: 'yes', tier: null, source: null }), '是', '是'],
  [A('A', 'synonym'), '及时', '≥100%'],
  [A('A', 'synonym'), '健全', '健全'],
  [A('A', 'synonym'), '效果明显', '效果明显'],
  [A('A', 'synonym'), '已达标', '达标'],
  [A('A', 'synonym'), '满意', '满意'],
  [A('B', 'synonym'), '基本完成', '及时'],
  [A('B', 'synonym'), '部分完成', '及时'],
  [A('B', 'synonym'), '基本健全', '健全'],
  [L({ answer: 'no', tier: null, source: null }), '否', '是'],
  [A('C', 'synonym'), '不及时', '及时'],
  [A('C', 'synonym'), '未达标', '达标'],
  // the actual repeats a qualitative target that is not itself a synonym
  [A('A', 'synonym'), '严格执行相关制度规定', '严格执行相关制度规定'],
  [A('A', 'synonym'), '在项目计划完成时间内完成。', '在项目计划完成时间内完成'],
  [L({ tier: null, source: null }), '严格执行相关制度规定', '≥95%'],
  [L({ tier: null, source: null }), '按规定执行', '严格执行相关制度规定'],
  // ---- graded actuals (the policy maps grades to tiers) ----
  [G('优'), '优', '优良中低差'],
  [G('良'), '良', '优良中低差'],
  [G('中'), '中', '优良中低差'],
  [G('低'), '低', '优良中低差'],
  [G('差'), '差', '优良中低差'],
  [G('优'), '优秀', '优良中低差'],
  [G('良'), '良好', '优良中低差'],
  [G('中'), '中等', '优良中低差'],
  [G('中'), '一般', '优良中低差'],
  [G('差'), '较差', '优良中低差'],
  // ---- empty, dates, garbage ----
  [E(false), '', '≥95%'],
  [E(false), null, '≥95%'],
  [L({ answer: 'no', tier: null }), '无', '=0次'],
  [E(true), '未填报', '≥95%'],
  [E(true), '—', '及时'],
  [L({ isDate: true, tier: null }), '2022年11月30日', '12月底前'],
  [L({ tier: null, source: null, isDate: false }), '？？', '及时'],
  [L({ tier: null }), '😀', '≥95%'],
];

t.test(`actuals: ${actuals.length} real-world spellings`, async (t) => {
  for (const [e, input, targetText] of actuals) {
    const target = targetText === undefined ? null : parseTarget(targetText, {}, vocab);
    t.same(view(parseActual(input, target, vocab), e), want(e), `${JSON.stringify(input)} for ${targetText}`);
  }
  t.same(view(parseActual('98', null, vocab), Q(null, '98', '')), want(Q(null, '98', '')), 'no target: no unit');
  const columnTarget = parseTarget('30', { operator: '≤', unit: '万元' }, vocab);
  t.same(view(parseActual('28', columnTarget, vocab), Q(null, '28', '元', { base: '280000' })),
    want(Q(null, '28', '元', { base: '280000' })), 'the unit of a unit column reaches the actual');
});

t.test('the table holds at least 100 rows together', async (t) => {
  t.ok(targets.length + actuals.length >= 200, `${targets.length} + ${actuals.length}`);
});

t.test('note params name what the engine messages need', async (t) => {
  const conflict = parseTarget('=100%', { operator: '1' }, vocab);
  t.same(conflict.notes, [{ code: 'OPERATOR_CONFLICT', params: { column: '≥', inline: '=' } }]);
  t.equal(conflict.kind === 'quantitative' && conflict.operatorText, '1', 'operatorText is the column as written');
  t.same(parseTarget('0次', { indicatorName: '安全事故发生次数' }, vocab).notes,
    [{ code: 'OPERATOR_INFERRED', params: { operator: '≤' } }]);
  t.same(parseActual('≥99%', null, vocab).notes, [{ code: 'OPERATOR_IN_ACTUAL', params: { operator: '≥', value: '99' } }]);
  t.same(parseTarget('5艘', {}, vocab).notes, [{ code: 'UNIT_UNKNOWN', params: { unit: '艘' } }]);
  t.same(parseTarget('12月底前', {}, vocab).notes, [{ code: 'DATE_TARGET', params: { target: '12月底前' } }]);
  t.same(parseTarget('5个,10人', {}, vocab).notes, [{ code: 'AMBIGUOUS_NUMBER', params: { value: '5' } }]);
  const inferred = parseTarget('90万元', { indicatorName: '项目总成本' }, vocab);
  t.equal(inferred.kind === 'quantitative' && inferred.operatorText, null, 'an inferred operator was not written');
});

t.test('raw and normalized text are kept', async (t) => {
  const p = parseTarget(' ≥ ９５ ％ ', {}, vocab);
  t.equal(p.raw, ' ≥ ９５ ％ ');
  t.equal(p.normalized, '≥95%');
});

t.test('results are frozen and memoised; the memo is bounded', async (t) => {
  const a = parseTarget('≥95%', {}, vocab);
  t.ok(Object.isFrozen(a) && Object.isFrozen(a.notes));
  t.equal(parseTarget('≥95%', {}, vocab), a, 'same text and options → the same object');
  t.not(parseTarget('≥95%', { operator: '≥' }, vocab), a, 'other options → another entry');
  const withNote = parseActual('≥99%', null, vocab);
  t.throws(() => (withNote.notes as unknown[]).push({ code: 'X' }), TypeError);
  t.ok(Object.isFrozen(withNote.notes[0]));
  const x = parseTarget('≥42万人', {}, vocab);
  t.ok(x.kind === 'quantitative' && Object.isFrozen(x.unit));
  // the actual's memo key includes the target's unit
  t.equal((parseActual('98', parseTarget('≥95%', {}, vocab), vocab) as { unit: { base: string } }).unit.base, '%');
  t.equal((parseActual('98', parseTarget('≥95次', {}, vocab), vocab) as { unit: { base: string } }).unit.base, '次');
  const long = 'x'.repeat(300);
  const before = vocab.memo.stats().entries;
  parseTarget(long, {}, vocab);
  t.equal(vocab.memo.stats().entries, before, 'long texts are not memoised');
});

t.test('the memo is bounded by memory and keeps its working set through turnovers', async (t) => {
  // Weight 100 an entry, budget 1 000: at most 10 entries held (two generations of ≥ 5).
  const memo = new Memo<number>(1000, () => 100);
  for (let i = 0; i < 5; i++) memo.set(`hot${i}`, '', i);
  let lost = 0;
  for (let i = 0; i < 200; i++) {
    memo.set(`cold${i}`, '', i);
    for (let h = 0; h < 5; h++) if (memo.get(`hot${h}`) !== h) lost++;
  }
  t.equal(lost, 0, 'entries read between turnovers are never lost');
  t.ok(memo.stats().entries <= 10, `entries ${memo.stats().entries}`);
  t.equal(memo.get('cold0'), undefined, 'an entry not read again is dropped');
  t.equal(memo.get('cold199'), 199, 'the newest entry is held');
});

t.test('property: any string parses without throwing, and baseValue = value × multiplier', async (t) => {
  const pieces = fc.constantFrom('≥', '≤', '=', '＞', '%', '％', '万', '元', '人', '次', '-', '~', '至', '以上', '以内',
    '达成', '12月', '年底', '前', ',', '.', ' ', '/', '１', '9', '0', '5', '(', ')', '😀', '\u3000');
  const text = fc.oneof(fc.string({ maxLength: 40 }), fc.array(pieces, { maxLength: 12 }).map((a) => a.join('')));
  fc.assert(fc.property(text, text, (tt, at) => {
    const target = parseTarget(tt, { indicatorName: tt }, vocab);
    const actual = parseActual(at, target, vocab);
    for (const p of [target, actual]) {
      if (!['quantitative', 'range', 'qualitative', 'empty'].includes(p.kind)) return false;
      if (p.kind === 'quantitative' && !p.baseValue.equals(p.value.times(p.unit.multiplier))) return false;
      if (p.kind === 'range' && (p.lower.greaterThan(p.upper) || !p.upperBase.equals(p.upper.times(p.unit.multiplier)))) return false;
    }
    return actual.kind !== 'quantitative' || actual.operator === null;
  }), { numRuns: 2000 });
  t.equal(parseTarget('5', {}, vocab).kind, 'quantitative', 'the property ran against a working parser');
});

t.test('normalizeText', async (t) => {
  const cases: Array<[string, string]> = [
    ['≥95%', '≥９５％'],
    ['=100%', '= 100 %'],
    ['=100%', '═100%'],
    ['=100%', '﹦100%'],
    ['≥95%', '≧95%'],
    ['≤5%', '≦5%'],
    ['>=95%', '＞＝95%'],
    ['1200人', '1,200人'],
    ['1200000.5', '1,200,000.5'],
    ['1,5', '1,5'],
    ['12,3456', '12,3456'],
    ['10000', '10 000'],
    ['5 10', '5 10'],
    ['abc def', 'abc  def'],
    ['达成预期指标', ' 达成 预期指标 '],
    ['90~100', '90～100'],
    ['95.5', '９５．５'],
    ['', '\u3000 \t'],
    ['≤30万元', '≤ 30 万元'],
  ];
  for (const [expected, input] of cases) t.equal(normalizeText(input), expected, JSON.stringify(input));
});

t.test('compose and the 计算符号 round trip', async (t) => {
  t.equal(composeTarget('GE', '95', '%'), '≥95%');
  t.equal(composeTarget('LE', '90', '万元'), '≤90万元');
  t.equal(composeTarget('EQ', '0', '次'), '=0次');
  t.equal(composeTarget(null, '2100', ''), '2100');
  t.equal(composeTarget('GT', ' 92 ', ' % '), '>92%');
  t.same((['GE', 'GT', 'EQ', 'LT', 'LE'] as Operator[]).map(operatorCode), [1, 2, 3, 4, 5]);
  t.same((['GE', 'GT', 'EQ', 'LT', 'LE'] as Operator[]).map(operatorSymbol), ['≥', '>', '=', '<', '≤']);
  t.equal(operatorSymbol(null), '');
  t.same(['1', 2, ' 3 ', '4', '5', '6', '9', '10', null, undefined, 'x'].map(operatorFromCode),
    ['GE', 'GT', 'EQ', 'LT', 'LE', null, null, null, null, null, null]);
  for (const op of ['GE', 'GT', 'EQ', 'LT', 'LE'] as Operator[]) {
    t.equal(operatorSymbol(op), vocab.symbols[op], `${op}: compose.ts and operators.json agree`);
    const back = parseTarget(composeTarget(op, '95.5', '万元'), {}, vocab);
    t.same(back.kind === 'quantitative' && [back.operator, back.value.toString(), back.unit.base, back.baseValue.toString()],
      [op, '95.5', '元', '955000'], `${op} round trip`);
    const byCode = parseTarget('95.5', { operator: String(operatorCode(op)), unit: '万元' }, vocab);
    t.equal(byCode.kind === 'quantitative' && byCode.operator, op, `${op} via code ${operatorCode(op)}`);
    t.equal(operatorFromCode(operatorCode(op)), op);
  }
});

t.test('decimal values are exact', async (t) => {
  const p = parseTarget('≥0.1万元', {}, vocab);
  t.ok(p.kind === 'quantitative' && p.baseValue.equals(new Dec('1000')));
  const q = parseTarget('33.333333333333333333万人', {}, vocab);
  t.equal(q.kind === 'quantitative' && q.baseValue.toString(), '333333.33333333333333');
});
