/**
 * A reviewer's re-score (复核 / 抽评) against the filer's self-evaluation, side by side. Nothing
 * here scores: the reviewer's values are substituted into the stored form and the form is scored
 * by the same engine (Jixiao.scoreInput) under the policy of the version's snapshot.
 *
 *   1. each review item names one indicator row (index, pointer or a unique name);
 *   2. the reviewer's form: the stored input with, on each reviewed row, the reviewer's actual
 *      (完成值), the reviewer's score as the row's reported score and the reason as its note; the
 *      filer's manual score and deduction on that row are the filer's judgement and are dropped;
 *      the filer's total and grade are dropped (the reviewer's are compared here);
 *   3. with the rule pack on, each `zero` rule that holds for a row becomes a deduction of the
 *      row's points (the rule named as the reason) and the form is scored again;
 *   4. a reviewed row whose score ends below its points needs a reason (422), and with the
 *      pack's reasonRequired rule so does any change of the filer's score;
 *   5. per row and for the total: self (the filer's written score, and the computed one),
 *      reviewer (the written score, else the computed one), computed; differences as findings.
 */
import { finding, type Finding, type Lang } from '../core/codes.js';
import { Dec, ZERO, fmt } from '../core/decimal.js';
import type { IndicatorResult, ScoreResult } from '../core/model/result.js';
import type { Policy } from '../core/policy/types.js';
import type { Jixiao } from '../jixiao.js';
import { REVIEW_GRADES, reviewGrade } from './grades.js';
import type { ReviewRule, RulePack } from './rules.js';
import type { ReviewIndicatorInput, ReviewInput, ReviewResult, ReviewRow } from './schema.js';

export interface ReviewSubject {
  submission: ReviewResult['submission'];
  /** The version's form as stored. */
  input: unknown;
  /** The version's current score snapshot. */
  self: ScoreResult;
  /** The policy of that snapshot: the reviewer's values are scored under it. */
  policy: Policy;
}

export type ReviewerInfo = ReviewResult['reviewer'];

export type ReviewOutcome = { ok: true; result: ReviewResult } | { ok: false; problems: Finding[] };

/** One review item placed on its row: `k` is its index in the review body. */
interface Placed {
  k: number;
  item: ReviewIndicatorInput;
}

type Rows = Map<number, Placed>;

const squash = (s: string | undefined | null): string => (s ?? '').replace(/\s+/g, '');

/** Places every item on a row of the form; problems point into the review body. */
export function placeItems(items: readonly ReviewIndicatorInput[], self: ScoreResult, lang: Lang): { rows: Rows; problems: Finding[] } {
  const rows: Rows = new Map();
  const problems: Finding[] = [];
  const byIndex = new Map(self.indicators.map((r) => [r.index, r]));
  items.forEach((item, k) => {
    const at = `/indicators/${k}`;
    let row: IndicatorResult | undefined;
    if (item.index !== undefined) row = byIndex.get(item.index);
    else if (item.pointer !== undefined) row = self.indicators.find((r) => r.pointer === item.pointer);
    else if (item.name !== undefined) {
      const named = self.indicators.filter((r) => squash(r.name) === squash(item.name));
      if (named.length > 1) {
        problems.push(finding('REVIEW_INDICATOR_AMBIGUOUS', `${at}/name`, { ref: item.name, rows: named.map((r) => r.index + 1).join('、') }, lang));
        return;
      }
      row = named[0];
    } else {
      problems.push(finding('REQUIRED', `${at}/index`, { field: 'index / pointer / name' }, lang));
      return;
    }
    const ref = String(item.index ?? item.pointer ?? item.name);
    if (!row) {
      problems.push(finding('REVIEW_INDICATOR_UNKNOWN', at, { ref }, lang));
      return;
    }
    const before = rows.get(row.index);
    if (before) {
      problems.push(finding('REVIEW_INDICATOR_TWICE', at, { name: row.name, first: before.k + 1 }, lang));
      return;
    }
    if (item.score !== undefined && item.score.greaterThan(new Dec(row.points))) {
      problems.push(finding('REVIEW_SCORE_OUT_OF_RANGE', `${at}/score`, { name: row.name, score: item.score.toString(), points: row.points }, lang));
    }
    rows.set(row.index, { k, item });
  });
  return { rows, problems };
}

type Obj = Record<string, unknown>;

/** The parent of the object a JSON pointer of the result names (e.g. "/indicators/3"), and its key. */
function parentOf(form: Obj, pointer: string): { parent: Obj; key: string } {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let at: Obj = form;
  for (const part of parts.slice(0, -1)) at = at[part] as Obj;
  return { parent: at, key: parts[parts.length - 1] };
}

/** The stored form with the reviewer's values on the reviewed rows (a copy; the input is not touched). */
export function reviewerForm(input: unknown, rows: Rows, self: ScoreResult): Obj {
  const form = structuredClone(input) as Obj;
  delete form.reportedTotal;
  delete form.reportedGrade;
  const pointers = new Map(self.indicators.map((r) => [r.index, r.pointer]));
  for (const [index, { item }] of rows) {
    // The row is where the engine says it is, whatever the form's kind lays its rows out as.
    const { parent, key } = parentOf(form, pointers.get(index)!);
    const row: Obj = { ...(parent[key] as Obj) };
    delete row.manualScore;
    delete row.deduction;
    delete row.deductionReason;
    if (item.actual !== undefined) row.actual = item.actual;
    if (item.score !== undefined) row.reportedScore = item.score.toString();
    else delete row.reportedScore;
    if (item.reason) row.deviationNote = item.reason;
    parent[key] = row;
  }
  return form;
}

interface RuleContext {
  row: IndicatorResult;
  item: ReviewIndicatorInput | undefined;
  findings: readonly Finding[];
  changed: boolean;
}

const onRow = (f: Finding, row: IndicatorResult): boolean => f.pointer === row.pointer || f.pointer.startsWith(row.pointer + '/');

/** Whether every condition of a rule holds for a row. */
export function ruleHolds(rule: ReviewRule, c: RuleContext): boolean {
  const w = rule.when;
  if (w.level1Key && !w.level1Key.includes(c.row.level1Key ?? '')) return false;
  if (w.level2Key && !w.level2Key.includes(c.row.level2Key ?? '')) return false;
  if (w.nameContains && !w.nameContains.some((word) => squash(c.row.name).includes(word))) return false;
  if (w.evidence === false && c.item?.evidence !== false) return false;
  if (w.survey === false && c.item?.survey !== false) return false;
  if (w.finding && !c.findings.some((f) => f.code === w.finding && onRow(f, c.row))) return false;
  if (w.scoreChanged && !c.changed) return false;
  return true;
}

/** The filer's score of a row: as written, else as computed. */
const selfScore = (r: IndicatorResult): Dec => new Dec(r.reportedScore ?? r.score);

/** The `zero` rules that hold, row by row (skipped rows never). */
function zeroRules(pack: RulePack, scored: ScoreResult, rows: Rows, self: ScoreResult): Map<number, ReviewRule[]> {
  const out = new Map<number, ReviewRule[]>();
  const selfRows = new Map(self.indicators.map((r) => [r.index, r]));
  for (const row of scored.indicators) {
    if (row.status === 'skipped') continue;
    const item = rows.get(row.index)?.item;
    const before = selfRows.get(row.index);
    const changed = item?.score !== undefined && before !== undefined && !item.score.eq(selfScore(before));
    const hits = pack.rules.filter((r) => r.effect === 'zero' && ruleHolds(r, { row, item, findings: scored.findings, changed }));
    if (hits.length) out.set(row.index, hits);
  }
  return out;
}

/** The reviewer's form with each zero rule as a deduction of the row's points. */
function withRuleDeductions(form: Obj, hits: Map<number, ReviewRule[]>, scored: ScoreResult): Obj {
  const out = structuredClone(form);
  const byIndex = new Map(scored.indicators.map((r) => [r.index, r]));
  for (const [index, rules] of hits) {
    const row = byIndex.get(index)!;
    const { parent, key } = parentOf(out, row.pointer);
    parent[key] = { ...(parent[key] as Obj), deduction: row.points, deductionReason: rules.map((r) => `复核口径“${r.name}”`).join('；') };
  }
  return out;
}

export interface ReviewOptions {
  pack: RulePack | null;
  lang?: Lang;
}

/** Scores the reviewer's values and lays them beside the filer's; 422 problems when the review cannot stand. */
export function runReview(jx: Jixiao, subject: ReviewSubject, reviewer: ReviewerInfo, review: ReviewInput, opts: ReviewOptions): ReviewOutcome {
  const lang = opts.lang ?? 'zh';
  const placed = placeItems(review.indicators, subject.self, lang);
  if (placed.problems.length) return { ok: false, problems: placed.problems };
  const form = reviewerForm(subject.input, placed.rows, subject.self);
  const first = jx.scoreInput(form, { policy: subject.policy, lang });
  if (!first.ok) return { ok: false, problems: first.problems };
  const hits = opts.pack ? zeroRules(opts.pack, first.result, placed.rows, subject.self) : new Map<number, ReviewRule[]>();
  const deducible = subject.policy.manualDeduction ? hits : new Map<number, ReviewRule[]>();
  let computed = first.result;
  if (deducible.size) {
    const again = jx.scoreInput(withRuleDeductions(form, deducible, first.result), { policy: subject.policy, lang });
    if (!again.ok) return { ok: false, problems: again.problems };
    computed = again.result;
  }
  const rows = buildRows(subject.self, computed, placed.rows, hits);
  const problems = reasonProblems(rows, placed.rows, opts.pack, lang);
  if (problems.length) return { ok: false, problems };
  const result = assemble(subject, reviewer, review, opts.pack, computed, rows);
  result.findings = [...ruleFindings(rows, hits, subject.policy, opts.pack, lang), ...rowFindings(rows, lang), ...totalFindings(result, lang)];
  return { ok: true, result };
}

function buildRows(self: ScoreResult, computed: ScoreResult, placed: Rows, hits: Map<number, ReviewRule[]>): ReviewRow[] {
  const selfRows = new Map(self.indicators.map((r) => [r.index, r]));
  return computed.indicators.map((c) => {
    const s = selfRows.get(c.index) ?? c;
    const p = placed.get(c.index);
    const item = p?.item;
    const reviewerScore = item?.score !== undefined ? item.score : new Dec(c.score);
    const dp = decimalsOf(c.score);
    return {
      index: c.index,
      pointer: c.pointer,
      level1: c.level1,
      level2: c.level2,
      name: c.name,
      points: c.points,
      target: c.target.raw,
      self: { actual: s.actual.raw, score: s.reportedScore, computed: s.score },
      reviewer: {
        reviewed: p !== undefined,
        ref: p ? `/indicators/${p.k}` : null,
        actual: c.actual.raw,
        score: fmt(reviewerScore, dp),
        scoreGiven: item?.score !== undefined,
        reason: item?.reason || null,
        evidence: item?.evidence ?? null,
        survey: item?.survey ?? null,
      },
      computed: { score: c.score, status: c.status, explanation: c.explanation, rules: (hits.get(c.index) ?? []).map((r) => r.id) },
      diff: {
        reviewerVsSelf: fmt(reviewerScore.minus(selfScore(s)), dp),
        reviewerVsComputed: fmt(reviewerScore.minus(new Dec(c.score)), dp),
      },
    } satisfies ReviewRow;
  });
}

const decimalsOf = (s: string): number => (s.split('.')[1] ?? '').length;

/** A reviewed row below its points needs a reason; with the pack's reasonRequired rule, any change does. */
function reasonProblems(rows: ReviewRow[], placed: Rows, pack: RulePack | null, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const strict = pack?.rules.filter((r) => r.effect === 'reasonRequired') ?? [];
  for (const row of rows) {
    const p = placed.get(row.index);
    if (!p || p.item.reason || row.computed.rules.length > 0) continue;
    const score = new Dec(row.reviewer.score);
    const at = `/indicators/${p.k}/reason`;
    if (score.lessThan(new Dec(row.points))) {
      const basis = lang === 'en' ? `is below the points ${row.points}` : `低于分值${row.points}分`;
      out.push(finding('REVIEW_REASON_REQUIRED', at, { name: row.name, score: row.reviewer.score, basis }, lang));
      continue;
    }
    const changed = !new Dec(row.diff.reviewerVsSelf).isZero();
    const rule = strict.find((r) => r.when.scoreChanged && changed);
    if (rule) {
      const self = row.self.score ?? row.self.computed;
      const basis = lang === 'en' ? `differs from the self-score ${self} (rule ${rule.id})` : `与自评得分${self}分不同（复核口径“${rule.name}”）`;
      out.push(finding('REVIEW_REASON_REQUIRED', at, { name: row.name, score: row.reviewer.score, basis }, lang));
    }
  }
  return out;
}

function assemble(subject: ReviewSubject, reviewer: ReviewerInfo, review: ReviewInput, pack: RulePack | null, computed: ScoreResult, rows: ReviewRow[]): ReviewResult {
  const self = subject.self;
  const dp = decimalsOf(computed.total);
  const scored = rows.filter((r) => r.computed.status !== 'skipped');
  const total = scored.reduce((s, r) => s.plus(new Dec(r.reviewer.score)), new Dec(computed.funds.score));
  const grade = REVIEW_GRADES.find((g) => g.code === review.grade)!;
  const parts = [`执行率得分 ${computed.funds.score}`, ...scored.map((r) => r.reviewer.score)];
  return {
    schemaVersion: '1',
    submission: subject.submission,
    reviewer,
    policy: computed.policy,
    rules: pack ? { id: pack.id, version: pack.version, label: pack.label, labelZh: pack.labelZh } : null,
    grade: { code: grade.code, label: grade.label },
    conclusion: review.conclusion,
    funds: { score: computed.funds.score },
    indicators: rows,
    totals: {
      self: {
        total: self.reported.total,
        grade: self.reported.grade,
        gradeCode: reviewGrade(self.reported.grade)?.code ?? null,
        computed: self.total,
        computedGrade: self.grade,
      },
      reviewer: { total: fmt(total, dp), grade: grade.label, gradeCode: grade.code, explanation: `${parts.join(' + ')} = ${fmt(total, dp)}` },
      computed: { total: computed.total, grade: computed.grade, gradeCode: computed.gradeCode, explanation: computed.explanation.total, provisional: computed.provisional },
    },
    findings: [],
    engineFindings: computed.findings,
  };
}

function ruleFindings(rows: ReviewRow[], hits: Map<number, ReviewRule[]>, policy: Policy, pack: RulePack | null, lang: Lang): Finding[] {
  if (!pack) return [];
  const out: Finding[] = [];
  for (const row of rows) {
    for (const rule of hits.get(row.index) ?? []) {
      if (policy.manualDeduction) {
        out.push(finding('REVIEW_RULE_APPLIED', row.pointer, { rule: rule.id, ruleName: rule.name, ruleNameEn: rule.nameEn, name: row.name, score: row.computed.score }, lang));
      } else {
        out.push(finding('REVIEW_RULE_NOT_APPLIED', row.pointer, { rule: rule.id, name: row.name, policy: policy.id }, lang));
      }
    }
  }
  return out;
}

function rowFindings(rows: ReviewRow[], lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const row of rows) {
    if (!row.reviewer.reviewed) continue;
    if (squash(row.reviewer.actual) !== squash(row.self.actual)) {
      out.push(finding('REVIEW_ACTUAL_CHANGED', `${row.pointer}/actual`, { name: row.name, self: row.self.actual, reviewer: row.reviewer.actual }, lang));
    }
    const diff = new Dec(row.diff.reviewerVsSelf);
    if (!diff.isZero()) {
      const self = row.self.score ?? row.self.computed;
      out.push(finding('REVIEW_SCORE_CHANGED', `${row.pointer}/reportedScore`, { name: row.name, self, reviewer: row.reviewer.score, diff: signed(diff, row.diff.reviewerVsSelf) }, lang));
    }
    if (row.reviewer.scoreGiven && !new Dec(row.diff.reviewerVsComputed).isZero()) {
      out.push(finding('REVIEW_SCORE_VS_COMPUTED', `${row.pointer}/reportedScore`, { name: row.name, reviewer: row.reviewer.score, computed: row.computed.score }, lang));
    }
  }
  return out;
}

const signed = (d: Dec, text: string): string => (d.greaterThan(ZERO) ? `+${text}` : text);

function totalFindings(r: ReviewResult, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const t = r.totals;
  const reviewer = new Dec(t.reviewer.total!);
  const self = t.self.total ?? t.self.computed;
  const diff = reviewer.minus(new Dec(self));
  if (!diff.isZero()) {
    out.push(finding('REVIEW_TOTAL_CHANGED', '/reportedTotal', { reviewer: t.reviewer.total!, self, diff: signed(diff, fmt(diff, decimalsOf(t.reviewer.total!))) }, lang));
  }
  if (!reviewer.eq(new Dec(t.computed.total!))) {
    out.push(finding('REVIEW_TOTAL_VS_COMPUTED', '/reportedTotal', { reviewer: t.reviewer.total!, computed: t.computed.total! }, lang));
  }
  if (t.computed.gradeCode !== null && t.computed.gradeCode !== r.grade.code) {
    out.push(finding('REVIEW_GRADE_MISMATCH', '/reportedGrade', { reviewer: `${r.grade.code} ${r.grade.label}`, computed: t.computed.grade ?? t.computed.gradeCode }, lang));
  }
  return out;
}
