/**
 * Checks that JSON Schema cannot express: orderings, sums and ranges between fields.
 * Runs on a file that already passed the schema, so every decimal string parses.
 */
import { Dec, ONE, ZERO, HUNDRED, sum } from '../decimal.js';
import type { PolicyFile, PolicyIssue } from './file.js';
import type { Tier } from './types.js';

const TIERS: Tier[] = ['A', 'B', 'C'];

export function checkPolicyFile(raw: PolicyFile): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const bad = (pointer: string, message: string) => issues.push({ pointer, message });
  const d = (s: string) => new Dec(s);
  const within = (pointer: string, s: string | null, lo: Dec, hi: Dec) => {
    if (s !== null && (d(s).lessThan(lo) || d(s).greaterThan(hi))) bad(pointer, `must be between ${lo} and ${hi}`);
  };

  const total = d(raw.totalPoints);
  if (!total.greaterThan(ZERO)) bad('/totalPoints', 'must be greater than 0');
  if (d(raw.tolerance).isNegative()) bad('/tolerance', 'must not be negative');

  // The fallback must cover every region, or some forms would have no policy at all.
  if (raw.default && raw.appliesTo.regions.length > 0) bad('/appliesTo/regions', 'must be empty for the default policy');
  const { from, to } = raw.appliesTo.years;
  if (from !== null && to !== null && from > to) bad('/appliesTo/years/to', `must not be before from (${from})`);

  // Budget: points + level points must fill the form, as the weight check of §6.7 rule 4 expects.
  const b = raw.budget;
  within('/budget/points', b.points, ZERO, total);
  const levelSum = sum(Object.values(raw.levelPoints).map(d));
  for (const [k, v] of Object.entries(raw.levelPoints)) within(`/levelPoints/${k}`, v, ZERO, total);
  if (!levelSum.plus(d(b.points)).equals(total)) {
    bad('/levelPoints', `budget points ${b.points} + level points ${levelSum} must equal totalPoints ${raw.totalPoints}`);
  }
  within('/budget/zeroBudgetBothZeroRate', b.zeroBudgetBothZeroRate, ZERO, HUNDRED);
  within('/budget/lowExecReasonThreshold', b.lowExecReasonThreshold, ZERO, HUNDRED);
  checkTiers(b.tiers, bad);

  const factor = d(raw.quantitative.overachieveFactor);
  if (factor.lessThan(ONE)) bad('/quantitative/overachieveFactor', 'must be at least 1');

  // Qualitative tiers partition [0, 1]: C starts at 0, then B, then A, strictly increasing.
  const q = raw.qualitative;
  for (const t of TIERS) within(`/qualitative/tierMin/${t}`, q.tierMin[t], ZERO, ONE);
  if (!d(q.tierMin.C).isZero()) bad('/qualitative/tierMin/C', 'must be 0');
  if (!d(q.tierMin.B).greaterThan(d(q.tierMin.C))) bad('/qualitative/tierMin/B', 'must be greater than tierMin C');
  if (!d(q.tierMin.A).greaterThan(d(q.tierMin.B))) bad('/qualitative/tierMin/A', 'must be greater than tierMin B');
  const upper: Record<Tier, Dec> = { A: ONE, B: d(q.tierMin.A), C: d(q.tierMin.B) };
  for (const t of TIERS) {
    const v = q.defaults[t];
    if (v === null) continue;
    const x = d(v);
    const lo = d(q.tierMin[t]);
    // A's range is closed at 1; B's and C's are open at the next tier's lower bound.
    const inRange = x.greaterThanOrEqualTo(lo) && (t === 'A' ? x.lessThanOrEqualTo(upper[t]) : x.lessThan(upper[t]));
    if (!inRange) bad(`/qualitative/defaults/${t}`, `must lie in tier ${t}'s range`);
  }

  if (raw.costRow.defaultRowCap !== null) within('/costRow/defaultRowCap', raw.costRow.defaultRowCap, ZERO, total);

  if (raw.grades !== null) checkGrades(raw.grades, total, bad);
  return issues;
}

function checkTiers(tiers: PolicyFile['budget']['tiers'], bad: (p: string, m: string) => void): void {
  const seen = new Map<string, number>();
  tiers.forEach((t, i) => {
    const rate = new Dec(t.minRate);
    const share = new Dec(t.share);
    if (rate.isNegative() || rate.greaterThan(HUNDRED)) bad(`/budget/tiers/${i}/minRate`, 'must be between 0 and 100');
    if (share.isNegative() || share.greaterThan(ONE)) bad(`/budget/tiers/${i}/share`, 'must be between 0 and 1');
    const key = rate.toString();
    if (seen.has(key)) bad(`/budget/tiers/${i}/minRate`, `duplicates /budget/tiers/${seen.get(key)}/minRate`);
    else seen.set(key, i);
  });
  if (tiers.length === 0) return;
  // Every rate must land in a tier, and a higher rate must never earn less.
  if (!tiers.some((t) => new Dec(t.minRate).isZero())) bad('/budget/tiers', 'must have a tier with minRate 0');
  const sorted = [...tiers].sort((a, b) => new Dec(a.minRate).comparedTo(new Dec(b.minRate)));
  for (let i = 1; i < sorted.length; i++) {
    if (new Dec(sorted[i].share).lessThan(new Dec(sorted[i - 1].share))) {
      bad('/budget/tiers', `share must not fall as minRate rises (${sorted[i].minRate} → ${sorted[i].share})`);
    }
  }
}

function checkGrades(grades: NonNullable<PolicyFile['grades']>, total: Dec, bad: (p: string, m: string) => void): void {
  const mins = new Map<string, number>();
  const codes = new Map<string, number>();
  grades.forEach((g, i) => {
    const m = new Dec(g.min);
    if (m.isNegative() || m.greaterThan(total)) bad(`/grades/${i}/min`, `must be between 0 and ${total}`);
    const key = m.toString();
    if (mins.has(key)) bad(`/grades/${i}/min`, `duplicates /grades/${mins.get(key)}/min`);
    else mins.set(key, i);
    if (codes.has(g.code)) bad(`/grades/${i}/code`, `duplicates /grades/${codes.get(g.code)}/code`);
    else codes.set(g.code, i);
  });
  // Without a band at 0 a low total would get no grade (the C4 "> 90" bug in another form).
  if (!grades.some((g) => new Dec(g.min).isZero())) bad('/grades', 'must have a band with min 0');
}
