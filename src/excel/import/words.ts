/**
 * The words that find things on a 自评表: header names in all the spellings seen on real forms
 * (full- and half-width brackets and colons, line breaks inside cells, (50分) suffixes), and the
 * cleaning of numbers typed as text. The column header words, notes, footer, 序号 and the money-unit
 * statements are data: indicators/import-words.json (src/excel/import/data.ts). Row and section
 * labels (总分, 合计, 项目绩效分析 …) are data too: indicators/labels.json, compiled in
 * src/core/parse/labels.ts and passed in as `labels`.
 */
import type { AnalysisKey, Labels } from '../../core/parse/labels.js';
import { halfWidth, readNumberText, type NumberKind } from '../../core/text.js';
import { loadImportWords, type FundField, type IndicatorField } from './data.js';

export type { AnalysisKey } from '../../core/parse/labels.js';

/** For matching only: no whitespace, half-width brackets and colons, no trailing colon. */
export function norm(s: string): string {
  return fold(s).replace(/:+$/, '');
}

/** norm, keeping a trailing colon ("注：" → "注:"). */
export function fold(s: string): string {
  return s
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[：]/g, ':');
}

/** Keep the text as written, but trim it and collapse the line breaks Excel users put in cells. */
export function clean(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[ \t\u3000\u00a0]+/g, ' ').trim();
}

export type { FundField, IndicatorField } from './data.js';

/** A fund row that is the total of the block: a total name that is not a subtotal (小计). */
export function isTotalFundName(name: string, labels: Labels): boolean {
  return labels.fundTotal(name) && !labels.fundSubtotal(name);
}

interface HeaderRule<F> {
  field: F | null;
  all?: string[];
  any?: string[];
  exact?: string[];
}

/** The field of the first rule the header matches (null: none, or a column the form has no field for). */
function byRules<F>(h: string, rules: readonly HeaderRule<F>[]): F | null {
  const t = norm(h);
  if (t === '') return null;
  for (const r of rules) {
    const hit =
      (r.exact ?? []).some((w) => norm(w) === t) ||
      ((r.all !== undefined || r.any !== undefined) && (r.all ?? []).every((w) => t.includes(norm(w))) && (r.any === undefined || r.any.some((w) => t.includes(norm(w)))));
    if (hit) return r.field;
  }
  return null;
}

/** Classify one column of the money block by its header text (both header rows joined): indicators/import-words.json fundColumns. */
export function fundColumn(h: string, rules: readonly HeaderRule<FundField>[] = loadImportWords().fundColumns): FundField | null {
  return byRules(h, rules);
}

/** Classify one column of the indicator block by its header text: indicators/import-words.json indicatorColumns. */
export function indicatorColumn(h: string, rules: readonly HeaderRule<IndicatorField>[] = loadImportWords().indicatorColumns): IndicatorField | null {
  return byRules(h, rules);
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
  const t = text.trim();
  // "320万" on an amount: 万 is short for 万元 (the unit is returned and checked like 万元).
  return readNumberText(as === 'amount' && /万\s*$/.test(t) ? t + '元' : t, as);
}

/**
 * A name on one line: the line breaks a person types into a narrow 三级指标 cell are layout,
 * not part of the name ("日常养护\n道路里程" → "日常养护道路里程"; between two Latin letters or
 * digits a space is kept).
 */
export function oneLine(s: string): string {
  return s.replace(/[ \t]*\n[ \t]*/g, (m, at: number, all: string) => (/[A-Za-z0-9]/.test(all[at - 1] ?? '') && /[A-Za-z0-9]/.test(all[at + m.length] ?? '') ? ' ' : ''));
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

/** The words of indicators/import-words.json (src/excel/import/data.ts loads them). */
export interface FurnitureWords {
  notes: { exact?: string[]; prefix?: string[] };
  footer: { exact?: string[]; prefix?: string[] };
  generated: { exact?: string[]; prefix?: string[] };
  decorativeColumns: { exact?: string[]; prefix?: string[] };
  moneyUnit: { statements: string[] };
}

function matches(t: string, m: { exact?: string[]; prefix?: string[] }): boolean {
  return (m.exact ?? []).some((w) => norm(w) === norm(t)) || (m.prefix ?? []).some((w) => t.startsWith(fold(w)));
}

/** A cell of the notes under the table, of the signature footer, or jixiao's own notes row; else null. */
export function furniture(s: string, w: FurnitureWords): 'notes' | 'footer' | 'generated' | null {
  const t = fold(s);
  if (t === '') return null;
  if (matches(t, w.generated)) return 'generated';
  if (matches(t, w.footer)) return 'footer';
  if (matches(t, w.notes)) return 'notes';
  return null;
}

/** A column that only numbers the rows (序号): its cells are passed over without a finding. */
export function decorativeColumn(h: string, w: FurnitureWords): boolean {
  return matches(fold(h), w.decorativeColumns);
}

/** The money unit a cell states ("（单位：万元）", "单位：元", "项目资金(元)"), or null. */
export function moneyUnitStatement(s: string, w: FurnitureWords): '万元' | '元' | null {
  const t = fold(s);
  if (t === '' || t.length > 60) return null;
  const hit = w.moneyUnit.statements.map(fold).filter((st) => t.includes(st));
  if (hit.some((st) => st.includes('万元'))) return '万元';
  return hit.length > 0 ? '元' : null;
}

type BlockKey = keyof ReturnType<typeof loadImportWords>['blocks'];
const blockCache = new Map<BlockKey, { exact: string[]; contains: string[] }>();

/** The block-finding words of indicators/import-words.json: does the cell text say `key`? */
export function says(t: string, key: BlockKey): boolean {
  let w = blockCache.get(key);
  if (!w) {
    const raw = loadImportWords().blocks[key];
    w = { exact: (raw.exact ?? []).map(norm), contains: (raw.contains ?? []).map(norm) };
    blockCache.set(key, w);
  }
  const n = norm(t);
  return w.exact.includes(n) || w.contains.some((x) => n.includes(x));
}
