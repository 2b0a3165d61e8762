/**
 * Checks that JSON Schema cannot express: orderings, sums and ranges between fields.
 * Runs on a file that already passed `PolicyFileSchema`, so every decimal is a `Dec`.
 */
import { type Dec, ONE, ZERO, HUNDRED, sum } from '../decimal.js';
import type { PolicyFileParsed, PolicyIssue } from './file.js';
import { REQUIRED_LEVEL1_KEYS } from './schema.js';
import type { Tier } from './types.js';

const TIERS: Tier[] = ['A', 'B', 'C'];
type Bad = (pointer: string, message: string) => void;

export function checkPolicyFile(raw: PolicyFileParsed): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const bad: Bad = (pointer, message) => issues.push({ pointer, message });
  const total = raw.totalPoints;
  const within = (pointer: string, d: Dec | null, lo: Dec, hi: Dec) => {
    if (d !== null && (d.lessThan(lo) || d.greaterThan(hi))) bad(pointer, `must be between ${lo} and ${hi}`);
  };

  if (!total.greaterThan(ZERO)) bad('/totalPoints', 'must be greater than 0');
  if (raw.tolerance.isNegative()) bad('/tolerance', 'must not be negative');

  // The fallback must cover every region, or some forms would have no policy at all.
  if (raw.default && raw.appliesTo.regions.length > 0) bad('/appliesTo/regions', 'must be empty for the default policy');
  raw.appliesTo.regions.forEach((r, i) => {
    const first = raw.appliesTo.regions.indexOf(r);
    if (first < i) bad(`/appliesTo/regions/${i}`, `duplicates /appliesTo/regions/${first}`);
  });
  const { from, to } = raw.appliesTo.years;
  if (from !== null && to !== null && from > to) bad('/appliesTo/years/to', `must not be before from (${from})`);

  const b = raw.budget;
  within('/budget/points', b.points, ZERO, total);
  checkLevelPoints(raw, bad);
  within('/budget/zeroBudgetBothZeroRate', b.zeroBudgetBothZeroRate, ZERO, HUNDRED);
  within('/budget/lowExecReasonThreshold', b.lowExecReasonThreshold, ZERO, HUNDRED);
  checkTiers(b.tiers, bad);

  if (raw.quantitative.overachieveFactor.lessThan(ONE)) bad('/quantitative/overachieveFactor', 'must be at least 1');
  checkQualitative(raw.qualitative, within, bad);
  within('/costRow/defaultRowCap', raw.costRow.defaultRowCap, ZERO, total);
  if (raw.grades !== null) checkGrades(raw.grades, total, bad);
  return issues;
}

/**
 * Each 一级 key at most once (alone or in a joined group), output, benefit and satisfaction
 * present, and budget points + level points fill the form, as the weight check of §6.7 rule 4 expects.
 */
function checkLevelPoints(raw: PolicyFileParsed, bad: Bad): void {
  const seen = new Map<string, string>();
  for (const [group, points] of Object.entries(raw.levelPoints)) {
    const pointer = `/levelPoints/${group}`;
    if (points.isNegative() || points.greaterThan(raw.totalPoints)) bad(pointer, `must be between ${ZERO} and ${raw.totalPoints}`);
    for (const key of group.split('+')) {
      const first = seen.get(key);
      if (first !== undefined) bad(pointer, `repeats the 一级 key ${key} (already in ${first})`);
      else seen.set(key, pointer);
    }
  }
  const missing = REQUIRED_LEVEL1_KEYS.filter((k) => !seen.has(k));
  if (missing.length > 0) bad('/levelPoints', `must give points to ${missing.join(', ')} (alone or joined with "+")`);
  const levelSum = sum(Object.values(raw.levelPoints));
  if (!levelSum.plus(raw.budget.points).equals(raw.totalPoints)) {
    bad('/levelPoints', `budget points ${raw.budget.points} + level points ${levelSum} must equal totalPoints ${raw.totalPoints}`);
  }
}

/** Qualitative tiers partition [0, 1]: C starts at 0, then B, then A, strictly increasing; defaults lie in their tier. */
function checkQualitative(q: PolicyFileParsed['qualitative'], within: (p: string, d: Dec | null, lo: Dec, hi: Dec) => void, bad: Bad): void {
  for (const t of TIERS) within(`/qualitative/tierMin/${t}`, q.tierMin[t], ZERO, ONE);
  if (!q.tierMin.C.isZero()) bad('/qualitative/tierMin/C', 'must be 0');
  if (!q.tierMin.B.greaterThan(q.tierMin.C)) bad('/qualitative/tierMin/B', 'must be greater than tierMin C');
  if (!q.tierMin.A.greaterThan(q.tierMin.B)) bad('/qualitative/tierMin/A', 'must be greater than tierMin B');
  const upper: Record<Tier, Dec> = { A: ONE, B: q.tierMin.A, C: q.tierMin.B };
  for (const t of TIERS) {
    const x = q.defaults[t];
    if (x === null) continue;
    const lo = q.tierMin[t];
    // A's range is closed at 1; B's and C's are open at the next tier's lower bound.
    const inRange = x.greaterThanOrEqualTo(lo) && (t === 'A' ? x.lessThanOrEqualTo(upper[t]) : x.lessThan(upper[t]));
    if (!inRange) bad(`/qualitative/defaults/${t}`, `must lie in tier ${t}'s range`);
  }
}

function checkTiers(tiers: PolicyFileParsed['budget']['tiers'], bad: Bad): void {
  const seen = new Map<string, number>();
  tiers.forEach((t, i) => {
    if (t.minRate.isNegative() || t.minRate.greaterThan(HUNDRED)) bad(`/budget/tiers/${i}/minRate`, 'must be between 0 and 100');
    if (t.share.isNegative() || t.share.greaterThan(ONE)) bad(`/budget/tiers/${i}/share`, 'must be between 0 and 1');
    const key = t.minRate.toString();
    if (seen.has(key)) bad(`/budget/tiers/${i}/minRate`, `duplicates /budget/tiers/${seen.get(key)}/minRate`);
    else seen.set(key, i);
  });
  if (tiers.length === 0) return;
  // Every rate must land in a tier, and a higher rate must never earn less.
  if (!tiers.some((t) => t.minRate.isZero())) bad('/budget/tiers', 'must have a tier with minRate 0');
  const sorted = [...tiers].sort((a, b) => a.minRate.comparedTo(b.minRate));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].share.lessThan(sorted[i - 1].share)) {
      bad('/budget/tiers', `share must not fall as minRate rises (${sorted[i].minRate} → ${sorted[i].share})`);
    }
  }
}

function checkGrades(grades: NonNullable<PolicyFileParsed['grades']>, total: Dec, bad: Bad): void {
  const mins = new Map<string, number>();
  const codes = new Map<string, number>();
  grades.forEach((g, i) => {
    if (g.min.isNegative() || g.min.greaterThan(total)) bad(`/grades/${i}/min`, `must be between 0 and ${total}`);
    const key = g.min.toString();
    if (mins.has(key)) bad(`/grades/${i}/min`, `duplicates /grades/${mins.get(key)}/min`);
    else mins.set(key, i);
    if (codes.has(g.code)) bad(`/grades/${i}/code`, `duplicates /grades/${codes.get(g.code)}/code`);
    else codes.set(g.code, i);
  });
  // Without a band at 0 a low total would get no grade (the C4 "> 90" bug in another form).
  if (!grades.some((g) => g.min.isZero())) bad('/grades', 'must have a band with min 0');
}
