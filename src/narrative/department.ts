/**
 * The 部门（单位）整体支出绩效自评综述 in the seed's wording (S1, 决算公开 (四)(3)):
 *
 *   山西省社会保险局部门（单位）整体支出绩效自评综述：根据年初设定的绩效目标，山西省社会保险局部门
 *   （单位）整体绩效自评得分为0分。部门（单位）全年预算数为0万元，执行数为0万元，执行率为0%。
 *   年度绩效目标完成情况：一是无；二是无。发现的主要问题及原因：一是无；二是无。下一步改进措施：
 *   一是无；二是无。涉密内容除外。
 *
 * Written from the scored result alone (its department block carries the goals and the filer's
 * texts). A 全年预算数 of 0 prints 执行率为0%, as production sets it (scoring-rules.md rule 16, C3).
 */
import type { ScoreResult } from '../core/model/result.js';
import { indicatorPhrase, ordinalList, plain } from './index.js';

function strip(s: string): string {
  return s.trim().replace(/[。；;，,\s]+$/, '');
}

/** "一是…；二是…" for several items, the item itself for one (already enumerated text is kept). */
function items(list: string[]): string {
  const clean = list.map(strip).filter((s) => s !== '');
  if (clean.length === 1) return clean[0];
  return ordinalList(clean);
}

/** Each goal's completion in the filer's words, else its indicators with their actual values. */
function goalItems(result: ScoreResult): string[] {
  const d = result.department!;
  return d.goals.map((g) => {
    if (g.completion && g.completion.trim() !== '') return strip(g.completion);
    const phrases = g.indicators.map((i) => result.indicators[i]).filter((r) => r && r.status !== 'skipped').map((r) => indicatorPhrase(r));
    return phrases.length ? `${g.name}方面，${phrases.join('，')}` : g.name;
  });
}

export interface DepartmentParagraphOptions {
  /** Start with "<单位>部门（单位）整体支出绩效自评综述：" (default true). */
  heading?: boolean;
}

export function departmentParagraph(result: ScoreResult, opts: DepartmentParagraphOptions = {}): string {
  const d = result.department!;
  const unit = d.unitName;
  const money = result.funds.moneyUnit || '万元';
  const f = result.funds;
  const rate = f.rate !== null ? f.rate.replace(/\.0+$/, '') : '0';
  const parts: string[] = [];
  if (opts.heading !== false) parts.push(`${unit}部门（单位）整体支出绩效自评综述：`);
  parts.push(`根据年初设定的绩效目标，${unit}部门（单位）整体绩效自评得分为${plain(result.total)}分。`);
  parts.push(`部门（单位）全年预算数为${plain(f.budget)}${money}，执行数为${plain(f.executed)}${money}，执行率为${rate}%。`);
  const goals = goalItems(result);
  if (goals.length) parts.push(`年度绩效目标完成情况：${items(goals)}。`);
  if (d.analysis.problems.length) parts.push(`发现的主要问题及原因：${items(d.analysis.problems)}。`);
  if (d.analysis.improvements.length) parts.push(`下一步改进措施：${items(d.analysis.improvements)}。`);
  parts.push('涉密内容除外。');
  return parts.join('');
}
