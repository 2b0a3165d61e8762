/**
 * The texts people publish with a 自评表, written from the scored result and the filer's own
 * words by fixed templates (no language model): the 项目绩效自评综述 paragraph in the style of
 * the Shanxi 决算公开 filings. Pure and deterministic: the same result gives the same text.
 *
 *   根据年初设定的绩效目标，项目绩效自评得分为93.76分。项目全年预算数为252.83万元，执行数为
 *   221.51万元，执行率为87.61%。项目绩效目标完成情况：一是…；二是…。
 */
import { Dec } from '../core/decimal.js';
import type { Form } from '../core/model/form.js';
import type { IndicatorResult, ScoreResult } from '../core/model/result.js';
import { departmentParagraph } from './department.js';

export { departmentParagraph, type DepartmentParagraphOptions } from './department.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 35 → 三十五, 100 → 一百, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    const head = DIGITS[Math.floor(n / 100)] + '百';
    if (rest === 0) return head;
    return head + (rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + chineseNumber(rest) : chineseNumber(rest));
  }
  return String(n);
}

/** 一是 / 二是 / … / 十一是. */
export function ordinal(n: number): string {
  return chineseNumber(n) + '是';
}

/** "一是…；二是…" */
export function ordinalList(items: string[]): string {
  return items.map((t, i) => ordinal(i + 1) + t).join('；');
}

export const OPERATOR_WORDS: Record<string, string> = {
  GE: '大于等于',
  GT: '大于',
  EQ: '等于',
  LE: '小于等于',
  LT: '小于',
};

/** Every spelling of an operator, as written, to its words. */
function operatorWord(written: string): string {
  const t = written.replace(/\s+/g, '');
  if (/^(>=|≥|＞=|⩾|不低于|不少于|至少|大于等于)$/.test(t)) return '大于等于';
  if (/^(<=|≤|＜=|⩽|不超过|不高于|至多|小于等于)$/.test(t)) return '小于等于';
  if (/^(>|＞|大于)$/.test(t)) return '大于';
  if (/^(<|＜|小于)$/.test(t)) return '小于';
  return '等于';
}

/** Operator spellings at the start of a value, longest first. */
const OPERATOR_PREFIX = /^\s*(>=|<=|≥|≤|＞=|＜=|⩾|⩽|不低于|不少于|不超过|不高于|至少|至多|大于等于|小于等于|大于|小于|等于|>|<|＞|＜|=|＝)\s*/;

/** "252.830" → "252.83", "100.00" → "100": figures as a person writes them in a sentence. */
export function plain(v: string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  try {
    return new Dec(v).toString();
  } catch {
    return v;
  }
}

function strip(s: string): string {
  return s.trim().replace(/[。；;，,\s]+$/, '');
}

/** One indicator with its actual value in words: "政府采购执行率大于等于99%". */
export function indicatorPhrase(r: IndicatorResult, unitColumn?: string): string {
  const raw = r.actual.raw.trim();
  if (raw === '') return `${r.name}未填报实际完成值`;
  const m = OPERATOR_PREFIX.exec(raw);
  if (r.actual.kind === 'quantitative' || r.actual.kind === 'range') {
    let rest = m ? raw.slice(m[0].length) : raw;
    // Sichuan layout: the unit is in its own column and the actual is a bare number.
    if (unitColumn && /^[\d.]+$/.test(rest)) rest += unitColumn;
    if (m) return `${r.name}${operatorWord(m[1])}${rest}`;
    return `${r.name}为${rest}`;
  }
  if (/^(达成|部分达成|未达成|未完成|达到|部分达到|未达到|完成|已完成)/.test(raw)) return `${r.name}${raw}`;
  return `${r.name}为“${raw}”`;
}

function targetPhrase(r: IndicatorResult, unitColumn?: string): string {
  const raw = r.target.raw.trim();
  const m = OPERATOR_PREFIX.exec(raw);
  if (r.target.kind === 'quantitative' && r.target.operator) {
    let rest = m ? raw.slice(m[0].length) : raw;
    if (unitColumn && /^[\d.]+$/.test(rest)) rest += unitColumn;
    return OPERATOR_WORDS[r.target.operator] + rest;
  }
  return raw;
}

const MISSED = new Set(['partly_met', 'not_met', 'needs_review']);

/** The 项目绩效自评综述 paragraph. `form` (the filer's own texts) is optional. */
export function summaryParagraph(result: ScoreResult, form?: Form): string {
  // A 部门（单位）整体支出 result has its own paragraph (narrative/department.ts).
  if (result.kind === 'department' && result.department) return departmentParagraph(result);
  const unit = form?.moneyUnit ?? result.funds.moneyUnit ?? '万元';
  const parts: string[] = [];
  parts.push(`根据年初设定的绩效目标，项目绩效自评得分为${plain(result.total)}分。`);
  const f = result.funds;
  let money = `项目全年预算数为${plain(f.budget)}${unit}，执行数为${plain(f.executed)}${unit}`;
  money += f.rate !== null ? `，执行率为${f.rate.replace(/\.0+$/, '')}%。` : '。';
  parts.push(money);

  const goal = form?.goals?.find((g) => (g.target ?? '') !== '' || (g.completion ?? '') !== '');
  if (goal?.target) parts.push(`项目年度绩效目标为：${strip(goal.target)}。`);

  // One item per 二级指标, in the order of the table; every indicator with its actual value.
  const groups: { l2: string; phrases: string[] }[] = [];
  for (const r of result.indicators) {
    if (r.status === 'skipped') continue;
    const unitColumn = form?.indicators[r.index]?.unit;
    let phrase = indicatorPhrase(r, unitColumn);
    if (MISSED.has(r.status) && r.target.raw.trim() !== '') {
      const note = form?.indicators[r.index]?.deviationNote;
      const why = note && !/^(无|无偏差|—|-)$/.test(note.trim()) ? `，原因是${strip(note)}` : '';
      phrase += `（年度指标值为${targetPhrase(r, unitColumn)}，未完全达成${why}）`;
    }
    const l2 = r.level2 || r.level1;
    const last = groups.at(-1);
    if (last && last.l2 === l2) last.phrases.push(phrase);
    else groups.push({ l2, phrases: [phrase] });
  }
  if (groups.length > 0) {
    const items = groups.map((g) => `${g.l2}方面，${g.phrases.join('，')}`);
    parts.push(`项目绩效目标完成情况：${ordinalList(items)}。`);
  }
  if (goal?.completion) parts.push(`总体来看，${strip(goal.completion)}。`);
  const problems = form?.analysis?.problems;
  if (problems) parts.push(`存在的主要问题：${strip(problems)}。`);
  const next = form?.analysis?.improvements;
  if (next) parts.push(`下一步改进措施：${strip(next)}。`);
  return parts.join('');
}
