/**
 * What-if re-scoring: a year (or a batch) scored again under another policy, compared with how
 * it scores now, storing nothing. Per project the old and new total and grade; the grade
 * transition matrix; sums per department; the finding codes that appear or vanish; and the rules
 * behind the change ("drivers"): every score delta is attributed to the part of the result that
 * produced it —
 *   funds.<method>            the 预算执行率 score (linear / tiered), its delta per project;
 *   indicator.<method>        an indicator row's score, by the method that scored it under the new
 *                             policy ("indicator.<old>→<new>" when the method itself changed);
 *   grade.bands               projects whose grade changed while their total did not (the bands moved).
 * Σ of the funds and indicator deltas of a project equals its total's delta up to the total's
 * rounding (both are rounded to the policy's decimals; the rows are added as scored).
 */
import type { Finding } from '../core/codes.js';
import { Dec, fmt, sum, ZERO } from '../core/decimal.js';
import type { ScoreResult } from '../core/model/result.js';
import { compilePolicy, PolicyCompileError, policyHash, type PolicyIssue } from '../core/policy/index.js';
import type { Policy } from '../core/policy/types.js';
import type { Jixiao } from '../jixiao.js';
import type { StandardCodes } from '../standard/codes.js';
import { loadStandardCodes } from '../standard/load.js';
import { scoreAny } from '../standard/score.js';
import type { SourceRef } from './document.js';
import { GRADE_ORDER, UNGRADED } from './stats.js';

/** One form to re-score: stored (ref + its current result) or from a batch (line, no old result). */
export interface WhatifItem {
  ref?: SourceRef;
  line?: number;
  /** "project" or "department" (部门整体支出), as filed. */
  kind: string;
  deptCode: string | null;
  deptName: string | null;
  agencyCode: string | null;
  proCode: string | null;
  proName: string;
  input: unknown;
  /** The stored current result; absent for a batch (then the policy in force scores the "old"). */
  old?: ScoreResult | null;
}

export interface ScoreBrief {
  total: string;
  grade: string | null;
  status: string;
  policy: { id: string; version: string };
}

export interface WhatifProject {
  id?: string;
  version?: number;
  line?: number;
  kind: string;
  deptCode: string | null;
  agencyCode: string | null;
  proCode: string | null;
  proName: string;
  old: ScoreBrief;
  new: ScoreBrief;
  delta: string;
}

export interface DriverExample {
  id?: string;
  line?: number;
  proName: string;
  /** This rule's delta on this project. */
  delta: string;
}

export interface Driver {
  rule: string;
  projects: number;
  rows: number;
  /** Σ of the score deltas this rule produced (new − old). */
  delta: string;
  /** Σ of their absolute values: the ranking key. */
  absDelta: string;
  /** The projects it moved most. */
  examples: DriverExample[];
}

export interface WhatifDepartment {
  deptCode: string;
  deptName: string | null;
  forms: number;
  oldSum: string;
  newSum: string;
  delta: string;
  meanDelta: string;
  gradesBefore: Record<string, number>;
  gradesAfter: Record<string, number>;
  up: number;
  down: number;
}

export interface WhatifReport {
  policy: { id: string; version: string; hash: string; name: string; uploaded: boolean };
  count: number;
  changedTotal: number;
  changedGrade: number;
  projects: WhatifProject[];
  transitions: { labels: string[]; matrix: Record<string, Record<string, number>> };
  departments: WhatifDepartment[];
  drivers: Driver[];
  findings: { code: string; before: number; after: number }[];
  failed: { id?: string; line?: number; problems: Finding[] }[];
}

const brief = (r: ScoreResult): ScoreBrief => ({ total: r.total, grade: r.grade, status: r.status, policy: { id: r.policy.id, version: r.policy.version } });
const gradeKey = (g: string | null) => g ?? UNGRADED;

/** Rank of a grade (优 0 … 差 3, others after, ungraded last), for "up" and "down". */
function rank(g: string | null): number {
  const i = (GRADE_ORDER as readonly string[]).indexOf(g ?? '');
  return i >= 0 ? i : g === null ? 99 : 50;
}

/** Per rule: Σ delta, Σ |delta|, rows, and each project's own delta (for the examples). */
type DriverAcc = { projects: Map<number, Dec>; rows: number; delta: Dec; abs: Dec };
const newAcc = (): DriverAcc => ({ projects: new Map(), rows: 0, delta: ZERO, abs: ZERO });

function addDriver(acc: Map<string, DriverAcc>, rule: string, project: number, d: Dec): void {
  if (d.isZero()) return;
  const a = acc.get(rule) ?? newAcc();
  a.projects.set(project, (a.projects.get(project) ?? ZERO).plus(d));
  a.rows++;
  a.delta = a.delta.plus(d);
  a.abs = a.abs.plus(d.abs());
  acc.set(rule, a);
}

/** Attributes one project's change to the rules that made it. */
function attribute(acc: Map<string, DriverAcc>, n: number, old: ScoreResult, now: ScoreResult): void {
  addDriver(acc, `funds.${now.funds.method}`, n, new Dec(now.funds.score).minus(new Dec(old.funds.score)));
  const before = new Map(old.indicators.map((i) => [i.index, i]));
  for (const i of now.indicators) {
    const o = before.get(i.index);
    const d = new Dec(i.score).minus(new Dec(o?.score ?? '0'));
    const rule = o && o.method !== i.method ? `indicator.${o.method}→${i.method}` : `indicator.${i.method}`;
    addDriver(acc, rule, n, d);
  }
  if (new Dec(old.total).eq(new Dec(now.total)) && old.grade !== now.grade) {
    const a = acc.get('grade.bands') ?? newAcc();
    a.projects.set(n, ZERO);
    acc.set('grade.bands', a);
  }
}

/** The projects a rule moved most (at most 3), as their lines in `projects`. */
function examples(a: DriverAcc, projects: readonly WhatifProject[]): DriverExample[] {
  return [...a.projects.entries()]
    .sort(([x, dx], [y, dy]) => dy.abs().comparedTo(dx.abs()) || x - y)
    .slice(0, 3)
    .map(([n, d]) => {
      const p = projects[n];
      return { ...(p.id !== undefined ? { id: p.id } : { line: p.line }), proName: p.proName, delta: fmt(d, 2) };
    });
}

function countFindings(acc: Map<string, [number, number]>, r: ScoreResult, side: 0 | 1): void {
  for (const [code, k] of Object.entries(r.summary.byCode)) {
    const c = acc.get(code) ?? [0, 0];
    c[side] += k;
    acc.set(code, c);
  }
}

function departments(projects: readonly WhatifProject[], names: Map<string, string | null>): WhatifDepartment[] {
  const by = new Map<string, WhatifProject[]>();
  for (const p of projects) {
    const k = p.deptCode ?? '';
    const l = by.get(k);
    if (l) l.push(p);
    else by.set(k, [p]);
  }
  const grades = (ps: readonly WhatifProject[], side: 'old' | 'new') => {
    const out: Record<string, number> = Object.fromEntries(GRADE_ORDER.map((g) => [g, 0]));
    for (const p of ps) out[gradeKey(p[side].grade)] = (out[gradeKey(p[side].grade)] ?? 0) + 1;
    return out;
  };
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([deptCode, ps]) => {
      const oldSum = sum(ps.map((p) => new Dec(p.old.total)));
      const newSum = sum(ps.map((p) => new Dec(p.new.total)));
      return {
        deptCode,
        deptName: names.get(deptCode) ?? null,
        forms: ps.length,
        oldSum: fmt(oldSum, 2),
        newSum: fmt(newSum, 2),
        delta: fmt(newSum.minus(oldSum), 2),
        meanDelta: fmt(newSum.minus(oldSum).div(ps.length), 2),
        gradesBefore: grades(ps, 'old'),
        gradesAfter: grades(ps, 'new'),
        up: ps.filter((p) => rank(p.new.grade) < rank(p.old.grade)).length,
        down: ps.filter((p) => rank(p.new.grade) > rank(p.old.grade)).length,
      };
    });
}

function transitions(projects: readonly WhatifProject[]): WhatifReport['transitions'] {
  const seen = new Set<string>(GRADE_ORDER);
  for (const p of projects) seen.add(gradeKey(p.old.grade)).add(gradeKey(p.new.grade));
  const labels = [...seen].sort((a, b) => rank(a === UNGRADED ? null : a) - rank(b === UNGRADED ? null : b) || a.localeCompare(b));
  const matrix: Record<string, Record<string, number>> = {};
  for (const a of labels) matrix[a] = Object.fromEntries(labels.map((b) => [b, 0]));
  for (const p of projects) matrix[gradeKey(p.old.grade)][gradeKey(p.new.grade)]++;
  return { labels, matrix };
}

/**
 * One what-if run: items are added one at a time (a stored year is read a page at a time, so only
 * the brief lines are kept, never the results) and `report()` sums them up. Stores nothing.
 */
export class WhatifRun {
  private readonly projects: WhatifProject[] = [];
  private readonly failed: WhatifReport['failed'] = [];
  private readonly drivers = new Map<string, DriverAcc>();
  private readonly findings = new Map<string, [number, number]>();
  private readonly names = new Map<string, string | null>();

  constructor(
    private readonly jx: Jixiao,
    private readonly policy: Policy,
    private readonly uploaded = false,
    private readonly codes: StandardCodes = loadStandardCodes(),
  ) {}

  add(it: WhatifItem): void {
    // Either shape of input (a jixiao form of either kind, or a 一体化 standard body), as /v1/rescore reads them.
    const out = scoreAny(this.jx, it.input, this.codes, { policy: this.policy });
    let old = it.old ?? null;
    if (!old && out.ok) {
      const inForce = scoreAny(this.jx, it.input, this.codes);
      old = inForce.ok ? inForce.lean.full() : null;
    }
    if (!out.ok || !old) {
      this.failed.push({ ...(it.ref ? { id: it.ref.id } : { line: it.line }), problems: out.ok ? [] : out.problems });
      return;
    }
    const now = out.lean.full();
    const n = this.projects.length;
    attribute(this.drivers, n, old, now);
    countFindings(this.findings, old, 0);
    countFindings(this.findings, now, 1);
    if (it.deptCode && !this.names.get(it.deptCode)) this.names.set(it.deptCode, it.deptName);
    this.projects.push({
      ...(it.ref ? { id: it.ref.id, version: it.ref.version } : { line: it.line }),
      kind: it.kind,
      deptCode: it.deptCode,
      agencyCode: it.agencyCode,
      proCode: it.proCode,
      proName: it.proName,
      old: brief(old),
      new: brief(now),
      delta: fmt(new Dec(now.total).minus(new Dec(old.total)), 2),
    });
  }

  report(): WhatifReport {
    const { projects, policy } = this;
    return {
      policy: { id: policy.id, version: policy.version, hash: policy.hash, name: policy.name, uploaded: this.uploaded },
      count: projects.length,
      changedTotal: projects.filter((p) => !new Dec(p.old.total).eq(new Dec(p.new.total))).length,
      changedGrade: projects.filter((p) => p.old.grade !== p.new.grade).length,
      projects,
      transitions: transitions(projects),
      departments: departments(projects, this.names),
      drivers: [...this.drivers.entries()]
        .map(([rule, a]) => ({ rule, projects: a.projects.size, rows: a.rows, delta: fmt(a.delta, 2), absDelta: fmt(a.abs, 2), examples: examples(a, projects) }))
        .sort((a, b) => new Dec(b.absDelta).comparedTo(new Dec(a.absDelta)) || b.projects - a.projects || a.rule.localeCompare(b.rule)),
      findings: [...this.findings.entries()]
        .filter(([, [a, b]]) => a !== b)
        .map(([code, [before, after]]) => ({ code, before, after }))
        .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.code.localeCompare(b.code)),
      failed: this.failed,
    };
  }
}

/** Re-scores every item under `policy` and compares; stores nothing. */
export function whatif(jx: Jixiao, items: Iterable<WhatifItem>, policy: Policy, uploaded = false, codes?: StandardCodes): WhatifReport {
  const run = new WhatifRun(jx, policy, uploaded, codes);
  for (const it of items) run.add(it);
  return run.report();
}

/** An uploaded policy, validated and compiled as the files of scoring/ are; every problem as a pointer into it. */
export function policyFromJson(json: unknown): { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] } {
  try {
    return { ok: true, policy: compilePolicy(json, policyHash(json)) };
  } catch (err) {
    if (err instanceof PolicyCompileError) return { ok: false, issues: err.issues };
    throw err;
  }
}
