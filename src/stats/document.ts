/**
 * The whole 预算绩效情况说明 of a 部门（单位）'s 决算公开 (seed section 十（四）, sentences (1)–(5)),
 * written from its stored submissions of one year — project forms and the 部门（单位）整体支出
 * form — and from what only the department knows and supplies (its total project spending, for the
 * coverage share; the 部门评价 projects; the measures for 中/差 projects; other matters).
 *
 * Every figure is computed from the data and carries the submissions it came from (id + version),
 * so the JSON companion shows where each number of the text comes from. The wording and order
 * are the seed's; a figure the data does not have is written as the seed writes it (0, 无).
 */
import { Dec, fmt, sum, ZERO } from '../core/decimal.js';
import type { Form } from '../core/model/form.js';
import type { ScoreResult } from '../core/model/result.js';
import { escapeHtml } from '../excel/export/index.js';
import { departmentParagraph, ordinalList, plain, summaryParagraph } from '../narrative/index.js';
import { GRADE_ORDER, UNGRADED } from './stats.js';
import { allExcellent } from './disclosure.js';

/** Where a figure comes from: one stored submission version. */
export interface SourceRef {
  id: string;
  version: number;
}

export interface Figure {
  value: string;
  sources: SourceRef[];
  /** How the value was obtained, when it is not a plain sum or count of its sources. */
  basis?: string;
}

/** A stored project form, scored. `result` is its current snapshot's result. */
export interface ProjectItem {
  ref: SourceRef;
  proName: string;
  grade: string | null;
  /** Σ 全年预算数 in 万元. */
  budgetWan: string;
  result: ScoreResult;
  form?: Form;
}

/** The 4 budget types of the 决算公开's sentences, in their order. */
export const BUDGET_TYPES = ['一般公共预算', '政府性基金预算', '国有资金经营预算', '社会保险基金预算'] as const;

/** The stored 部门（单位）整体支出 form (kind "department"), when there is one. */
export interface DepartmentItem {
  ref: SourceRef;
  total: string;
  /** 万元. */
  budget: string;
  executed: string;
  rate: string | null;
  /** 全年预算数 by budget type (its 资金来源 table), 万元; null when the form has no such table. */
  split: Record<(typeof BUDGET_TYPES)[number], string> | null;
  /** Its 综述 (src/narrative/department.ts), or null to write the figures in the seed's wording. */
  paragraph: string | null;
  goals: string[];
  problems: string[];
  improvements: string[];
}

/** One project the department itself evaluated (部门评价), as the department supplies it. */
export interface DeptEvaluation {
  name: string;
  /** 项目级次: "一" or "二". */
  level?: string;
  /** 万元. */
  funds: string;
  score?: string;
  grade?: string;
  summary?: string;
}

export interface DocumentInput {
  year: number;
  /** The 部门（单位）code asked for (单位代码 or 部门代码). */
  code: string;
  /** 部门（单位）名称; the code when no stored form names it. */
  name: string;
  /** 财政区划 of the forms, for the budget level (省级 / 市级 / 县级). */
  mofDivCode: string | null;
  /** 本部门（单位）项目支出总额, 万元 (supplied). */
  spending?: string | null;
  /** 对于自评结果为“中”和“差”的项目采取的改进管理措施 (supplied; 无 when absent). */
  measures?: string | null;
  /** 其他需要说明的事项 (supplied; 无 when absent). */
  other?: string | null;
  deptEvaluations?: DeptEvaluation[];
}

export interface DocumentSection {
  key: '1' | '2' | '3' | '4' | '5';
  title: string;
  paragraphs: string[];
}

export interface DisclosureDocument {
  year: number;
  code: string;
  name: string;
  moneyUnit: '万元';
  title: string;
  sections: DocumentSection[];
  figures: {
    projects: Figure;
    projectFunds: Figure;
    generalBudgetFunds: Figure;
    spending: Figure | null;
    share: Figure | null;
    grades: Record<string, Figure>;
    published: { index: number; proName: string; total: string; source: SourceRef }[];
    departmentWide: { total: Figure; budget: Figure; executed: Figure; rate: Figure; present: boolean; budgetTypes: Record<string, Figure> | null };
    deptEvaluated: { count: Figure; funds: Figure };
  };
  /** What the text assumes where the data is silent. */
  notes: string[];
  text: string;
}

const TITLES: Record<DocumentSection['key'], string> = {
  '1': '预算绩效管理工作开展情况',
  '2': '项目绩效自评结果',
  '3': '部门（单位）整体支出绩效自评结果',
  '4': '部门评价项目绩效评价结果',
  '5': '其他需要说明的事项',
};

/** 省级 / 市级 / 县级 from the 财政区划 code (140000 → 省级, 140100 → 市级, 140105 → 县级). */
export function budgetLevel(mofDivCode: string | null): string {
  const c = (mofDivCode ?? '').slice(0, 6);
  if (!/^\d{6}$/.test(c) || c.endsWith('0000')) return '省级';
  return c.endsWith('00') ? '市级' : '县级';
}

const fig = (value: string, sources: SourceRef[], basis?: string): Figure => (basis ? { value, sources, basis } : { value, sources });
const refs = (items: readonly { ref: SourceRef }[]) => items.map((i) => i.ref);
const orNone = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim().replace(/[。；;，,\s]+$/, '') : '无');

function gradeFigures(projects: readonly ProjectItem[]): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  for (const g of GRADE_ORDER) out[g] = fig('0', []);
  for (const p of projects) {
    const g = p.grade ?? UNGRADED;
    const f = (out[g] ??= fig('0', []));
    f.value = String(Number(f.value) + 1);
    f.sources.push(p.ref);
  }
  return out;
}

/** "3个项目自评等级为“优”，0个项目自评等级为“良”，…" and any other label, and the ungraded. */
function gradeSentence(grades: Record<string, Figure>): string {
  const parts = GRADE_ORDER.map((g) => `${grades[g].value}个项目自评等级为“${g}”`);
  for (const [g, f] of Object.entries(grades)) {
    if (!(GRADE_ORDER as readonly string[]).includes(g) && g !== UNGRADED) parts.push(`${f.value}个项目自评等级为“${g}”`);
  }
  if (grades[UNGRADED]) parts.push(`${grades[UNGRADED].value}个项目待复核`);
  return parts.join('，');
}

/**
 * "其中一般公共预算…万元、政府性基金预算…万元、…": the 一般公共预算 figure with two decimals, the
 * others as plain figures (the seed's template: "0.00" then "0"). Without a split, all is 一般公共预算.
 */
function SPLIT(general: string, noun: string, split?: Record<string, string> | null): string {
  const [first, ...rest] = BUDGET_TYPES;
  const head = `其中${first}${noun}${split ? fmt(new Dec(split[first]), 2) : general}万元`;
  return head + rest.map((b) => `、${b}${noun}${plain(split?.[b] ?? '0')}万元`).join('');
}

function conclusion(year: number, n: number, grades: Record<string, Figure>): string {
  if (n > 0 && grades['优'].value === String(n)) return `从评价结果来看，我单位${year}年度的${allExcellent(n)}，较好地完成了全年工作任务。`;
  const parts = GRADE_ORDER.map((g) => `${grades[g].value}个项目绩效自评结果为${g}`);
  if (grades[UNGRADED]) parts.push(`${grades[UNGRADED].value}个项目待复核`);
  return `从评价结果来看，我单位${year}年度的${n}个项目中，${parts.join('，')}。`;
}

interface Computed {
  input: DocumentInput;
  projects: readonly ProjectItem[];
  dept: DepartmentItem | null;
  evals: DeptEvaluation[];
  funds: string;
  grades: Record<string, Figure>;
  share: string | null;
  level: string;
}

function section1(c: Computed): string[] {
  const { input, projects, dept, evals, funds, share, level } = c;
  const who = `${input.name}部门（单位）`;
  const shareText = share !== null ? `，占本部门（单位）项目支出总额的${share}%` : '';
  const p1 =
    `根据预算绩效管理要求，${who}按照“谁支出、谁自评”的原则，组织对${input.year}年度${level}财政年初预算安排的所有项目资金全面开展了绩效自评，` +
    `涵盖一级项目0个，二级项目${projects.length}个，共涉及资金${funds}万元${shareText}，${SPLIT(funds, '项目支出')}。`;
  const deptFunds = fmt(new Dec(dept?.budget ?? '0'), 2);
  const p2 = `组织开展了${input.year}年度${who}整体支出绩效自评，涉及资金${deptFunds}万元，${SPLIT(deptFunds, '支出', dept?.split)}。`;
  const evalFunds = plain(sum(evals.map((e) => new Dec(e.funds))).toString());
  const names = evals.length ? evals.map((e) => e.name).join('、') : '0';
  const levels = evals.length ? [...new Set(evals.map((e) => e.level ?? '二'))].join('、') : '0';
  const p3 =
    `组织对${names}等${evals.length}个${levels}级项目开展了部门评价，涉及资金${evalFunds}万元，${SPLIT(evalFunds, '支出')}。` +
    conclusion(input.year, projects.length, c.grades);
  return [p1, p2, p3];
}

function section2(c: Computed): string[] {
  const { input, projects, funds, level } = c;
  const who = `${input.name}部门（单位）${input.year}年度`;
  const measures = `对于自评结果为“中”和“差”的项目，本部门（单位）采取的改进管理措施为${orNone(input.measures)}。涉密项目除外。`;
  const none = gradeFigures([]);
  const out = [
    `${who}一级项目绩效自评个数0个，涉及资金0.00万元：${gradeSentence(none)}。${measures}`,
    `${who}${level}部门预算二级项目绩效自评个数${projects.length}个，涉及资金${funds}万元：${gradeSentence(c.grades)}。${measures}`,
    '具体公开的每个项目绩效自评结果如下表述：',
  ];
  projects.forEach((p, i) => {
    const body = summaryParagraph(p.result, p.form).replace(/。$/, '');
    out.push(`${i + 1}. ${p.proName}项目绩效自评综述：${body}（项目自评表详见附件${i + 1}）。`);
  });
  return out;
}

const list = (items: string[]) => ordinalList(items.length ? items.map(orNone) : ['无', '无']);

function section3(c: Computed): string[] {
  const { input, dept } = c;
  const who = `${input.name}部门（单位）`;
  if (dept?.paragraph) return [dept.paragraph];
  const rate = dept?.rate ? plain(dept.rate) : '0';
  return [
    `${who}整体支出绩效自评综述：根据年初设定的绩效目标，${who}整体绩效自评得分为${plain(dept?.total ?? '0')}分。` +
      `部门（单位）全年预算数为${plain(dept?.budget ?? '0')}万元，执行数为${plain(dept?.executed ?? '0')}万元，执行率为${rate}%。` +
      `年度绩效目标完成情况：${list(dept?.goals ?? [])}。发现的主要问题及原因：${list(dept?.problems ?? [])}。` +
      `下一步改进措施：${list(dept?.improvements ?? [])}。涉密内容除外。`,
  ];
}

function section4(c: Computed): string[] {
  if (c.evals.length === 0) return ['无。'];
  return c.evals.map((e, i) => {
    const score = e.score !== undefined ? `评价得分为${plain(e.score)}分` : '';
    const grade = e.grade ? `${score ? '，' : ''}评价等级为“${e.grade}”` : '';
    const head = `${i + 1}. ${e.name}：涉及资金${plain(e.funds)}万元${score || grade ? '，' : ''}${score}${grade}。`;
    return head + (e.summary ? `${orNone(e.summary)}。` : '');
  });
}

/** The document's sections and figures. Projects are in filing order; `dept` is the current 整体支出 form, if any. */
export function disclosureDocument(input: DocumentInput, projects: readonly ProjectItem[], dept: DepartmentItem | null): DisclosureDocument {
  const funds = fmt(sum(projects.map((p) => new Dec(p.budgetWan))), 2);
  const spending = input.spending ? new Dec(input.spending) : null;
  const share = spending && !spending.isZero() ? fmt(new Dec(funds).div(spending).times(100), 2) : null;
  const evals = input.deptEvaluations ?? [];
  const c: Computed = { input, projects, dept, evals, funds, grades: gradeFigures(projects), share, level: budgetLevel(input.mofDivCode) };
  const sections: DocumentSection[] = [
    { key: '1', title: TITLES['1'], paragraphs: section1(c) },
    { key: '2', title: TITLES['2'], paragraphs: section2(c) },
    { key: '3', title: TITLES['3'], paragraphs: section3(c) },
    { key: '4', title: TITLES['4'], paragraphs: section4(c) },
    { key: '5', title: TITLES['5'], paragraphs: [`${orNone(input.other)}。`] },
  ];
  const all = refs(projects);
  const deptRefs = dept ? [dept.ref] : [];
  const evalFunds = sum(evals.map((e) => new Dec(e.funds)));
  const doc: Omit<DisclosureDocument, 'text'> = {
    year: input.year,
    code: input.code,
    name: input.name,
    moneyUnit: '万元',
    title: '预算绩效情况说明',
    sections,
    figures: {
      projects: fig(String(projects.length), all),
      projectFunds: fig(funds, all, 'Σ 全年预算数（万元）'),
      generalBudgetFunds: fig(funds, all, '自评表未区分预算类别：项目资金全部计入一般公共预算'),
      spending: spending ? fig(spending.toString(), [], '部门（单位）提供') : null,
      share: share !== null ? fig(share, all, '项目资金 ÷ 项目支出总额 × 100，两位小数') : null,
      grades: c.grades,
      published: projects.map((p, i) => ({ index: i + 1, proName: p.proName, total: p.result.total, source: p.ref })),
      departmentWide: {
        present: dept !== null,
        total: fig(dept?.total ?? '0', deptRefs),
        budget: fig(dept?.budget ?? '0', deptRefs),
        executed: fig(dept?.executed ?? '0', deptRefs),
        rate: fig(dept?.rate ?? '0', deptRefs),
        budgetTypes: dept?.split ? Object.fromEntries(Object.entries(dept.split).map(([b, v]) => [b, fig(v, deptRefs, '资金来源表')])) : null,
      },
      deptEvaluated: { count: fig(String(evals.length), [], '部门（单位）提供'), funds: fig(evalFunds.eq(ZERO) ? '0' : evalFunds.toString(), [], '部门（单位）提供') },
    },
    notes: notesOf(projects, dept),
  };
  return { ...doc, text: documentText(doc) };
}

function notesOf(projects: readonly ProjectItem[], dept: DepartmentItem | null): string[] {
  const notes = ['自评表不载明项目级次与预算类别：已存储的项目自评表均按二级项目、一般公共预算列示。'];
  if (!dept) notes.push('未存储部门（单位）整体支出绩效自评表：第（3）部分按 0 与“无”列示。');
  const ungraded = projects.filter((p) => p.grade === null).length;
  if (ungraded) notes.push(`${ungraded}个项目待复核（尚未定级），未计入任何等级。`);
  return notes;
}

/** Plain text: the title, then each section's heading and paragraphs, separated by blank lines. */
export function documentText(doc: Pick<DisclosureDocument, 'title' | 'sections'>): string {
  const out = [doc.title];
  for (const s of doc.sections) out.push(`（${s.key}）${s.title}`, ...s.paragraphs);
  return out.join('\n\n') + '\n';
}

const CSS = `body{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;max-width:48em;margin:2em auto;line-height:1.8;color:#000}
h1{font-size:20px;text-align:center}h2{font-size:16px;margin:1.2em 0 .4em}p{text-indent:2em;margin:.3em 0}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}`;

/** Printable HTML; every text is escaped. */
export function documentHtml(doc: Pick<DisclosureDocument, 'title' | 'sections' | 'name' | 'year'>): string {
  const title = `${doc.name}${doc.year}年度${doc.title}`;
  const body = doc.sections.flatMap((s) => [`<h2>（${s.key}）${escapeHtml(s.title)}</h2>`, ...s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`)]);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...body,
    '</body></html>',
  ].join('\n') + '\n';
}

// ---- from stored submissions -------------------------------------------------------------------

/** What document building reads of a stored submission (src/store/stats-queries.ts CurrentForm). */
export interface StoredForm {
  id: string;
  version: number;
  kind: string;
  proName: string;
  input: Record<string, unknown>;
  snapshot: { grade: string | null; total: string; budgetWan: string; result: unknown } | null;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** 全年预算数 by budget type from a 资金来源 table's rows ({name, budget}); null when none names a budget type. */
function splitOf(rows: unknown, toWan: (v: unknown) => string): DepartmentItem['split'] {
  if (!Array.isArray(rows)) return null;
  const out: Record<string, Dec> = Object.fromEntries(BUDGET_TYPES.map((b) => [b, ZERO]));
  let named = false;
  for (const r of rows) {
    const name = text(obj(r).name).replace('国有资本经营预算', '国有资金经营预算');
    const b = BUDGET_TYPES.find((t) => name.startsWith(t));
    if (!b) continue;
    named = true;
    out[b] = out[b].plus(new Dec(toWan(obj(r).budget)));
  }
  return named ? (Object.fromEntries(BUDGET_TYPES.map((b) => [b, out[b].toString()])) as DepartmentItem['split']) : null;
}

/**
 * The 部门（单位）整体支出 form's figures from its stored result: its money (in 万元), its 资金来源
 * table by budget type, and its 综述 written by src/narrative/department.ts.
 */
export function departmentItem(f: StoredForm): DepartmentItem | null {
  if (!f.snapshot) return null;
  const r = obj(f.snapshot.result);
  const funds = obj(r.funds);
  const toWan = (v: unknown) => {
    const s = typeof v === 'string' && v !== '' ? v : '0';
    return funds.moneyUnit === '元' ? new Dec(s).div(10000).toString() : new Dec(s).toString();
  };
  const block = obj(r.department);
  const analysis = obj(block.analysis);
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(text).filter((x) => x !== '') : []);
  const result = f.snapshot.result as ScoreResult;
  return {
    ref: { id: f.id, version: f.version },
    total: f.snapshot.total,
    budget: toWan(funds.budget),
    executed: toWan(funds.executed),
    rate: typeof funds.rate === 'string' ? funds.rate : null,
    split: splitOf(obj(block.sources).rows, toWan),
    paragraph: result.kind === 'department' && result.department ? departmentParagraph(result) : null,
    goals: Array.isArray(block.goals) ? block.goals.map((g) => text(obj(g).completion) || text(obj(g).name)).filter((x) => x !== '') : [],
    problems: strings(analysis.problems),
    improvements: strings(analysis.improvements),
  };
}

/**
 * Splits stored submissions into scored project forms (filing order) and the current 整体支出
 * form (the last filed one of kind "department"). `formOf` re-reads a stored input as a Form (for
 * the filer's own words in the 综述); a submission never scored is left out and counted in `unscored`.
 */
export function documentItems(
  forms: readonly StoredForm[],
  formOf: (input: unknown) => Form | undefined,
): { projects: ProjectItem[]; dept: DepartmentItem | null; unscored: SourceRef[] } {
  const projects: ProjectItem[] = [];
  const unscored: SourceRef[] = [];
  let dept: DepartmentItem | null = null;
  for (const f of forms) {
    const ref = { id: f.id, version: f.version };
    if (!f.snapshot) {
      unscored.push(ref);
      continue;
    }
    if (f.kind === 'department') {
      dept = departmentItem(f) ?? dept;
      continue;
    }
    if (f.kind !== 'project') continue;
    projects.push({
      ref,
      proName: f.proName,
      grade: f.snapshot.grade,
      budgetWan: f.snapshot.budgetWan,
      result: f.snapshot.result as ScoreResult,
      form: formOf(f.input),
    });
  }
  return { projects, dept, unscored };
}
