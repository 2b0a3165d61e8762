/**
 * The paragraph 预算绩效管理工作开展情况 of a unit's 决算公开 (seed section 十（四）（1）),
 * written from its stored submissions of one year: number of projects, funds covered, the share
 * of the unit's project spending when that total is given, and the count per grade.
 */
import { Dec, fmt } from '../core/decimal.js';
import type { StatRow } from '../store/types.js';
import { fundsOf, GRADE_ORDER, gradeCounts, UNGRADED } from './stats.js';

export interface DisclosureInput {
  year: number;
  unit: string;
  /** The unit's total project spending in 万元 (项目支出总额), when known. */
  spending?: string | null;
}

export interface Disclosure {
  year: number;
  unit: string;
  unitName: string | null;
  projects: number;
  /** 万元, two decimals. */
  funds: string;
  moneyUnit: '万元';
  spending: string | null;
  /** Percent, two decimals; null without a spending total (or when it is 0). */
  share: string | null;
  grades: Record<string, number>;
  paragraph: string;
}

/** “均为” says "all": one project is "结果为优" (the seed's sentence is for several). */
export function allExcellent(n: number): string {
  return n === 1 ? '1个项目绩效自评结果为优' : `${n}个项目绩效自评结果均为优`;
}

export function disclosure(rows: readonly StatRow[], input: DisclosureInput): Disclosure {
  const n = rows.length;
  const funds = fundsOf(rows);
  const grades = gradeCounts(rows);
  const unitName = rows.find((r) => r.agencyName)?.agencyName ?? null;
  const name = unitName ?? input.unit;
  const spending = input.spending ? new Dec(input.spending) : null;
  const share = spending && !spending.isZero() ? fmt(new Dec(funds).div(spending).times(100), 2) : null;

  const parts: string[] = [];
  parts.push(
    `根据预算绩效管理要求，${name}部门（单位）按照“谁支出、谁自评”的原则，组织对${input.year}年度项目资金全面开展了绩效自评，` +
      `涵盖项目${n}个，共涉及资金${funds}万元` +
      (share !== null ? `，占本部门（单位）项目支出总额的${share}%` : '') +
      '。',
  );
  const perGrade = GRADE_ORDER.map((g) => `${grades[g]}个项目自评等级为“${g}”`).join('，');
  const ungraded = grades[UNGRADED] ?? 0;
  const others = Object.keys(grades).filter((g) => !(GRADE_ORDER as readonly string[]).includes(g) && g !== UNGRADED);
  const otherText = others.map((g) => `，${grades[g]}个项目自评等级为“${g}”`).join('');
  parts.push(
    `从评价结果来看，${name}${input.year}年度${n}个项目中：${perGrade}${otherText}` +
      (ungraded ? `，${ungraded}个项目待复核` : '') +
      '。',
  );
  if (n > 0 && grades['优'] === n) parts.push(`${allExcellent(n)}，较好地完成了全年工作任务。`);
  return {
    year: input.year,
    unit: input.unit,
    unitName,
    projects: n,
    funds,
    moneyUnit: '万元',
    spending: spending ? spending.toString() : null,
    share,
    grades,
    paragraph: parts.join(''),
  };
}
