/**
 * A scoring policy, compiled from its JSON file in scoring/. The shape is declared once in
 * schema.ts; the types here are derived from it. Every number the engine uses comes from here.
 *
 * Compared with the file: decimals are `Dec`; `default` is `isDefault`; `appliesTo.years`
 * is `appliesTo.yearFrom` / `yearTo`; budget tiers and grade bands are ordered highest first;
 * `levelPoints` is a list of `{ keys, points }` (a joined file key such as
 * "benefit+satisfaction" has several keys and one sum); `grades` is never null (a file's
 * null compiles to the national bands) and `gradeRequired` says whether a grade is required.
 */
import type { CompiledPolicy } from './schema.js';

export type Policy = CompiledPolicy;

export type Tier = 'A' | 'B' | 'C';

/** One grade band: inclusive lower bound `min` on the 2-decimal total, label (优), 评价等级 code (1). */
export type GradeBand = Policy['grades'][number];

/** One budget step: rates ≥ `minRate` (percent) earn `share` × the execution points. */
export type BudgetTier = Policy['budget']['tiers'][number];

/** Default points of one 一级 key, or of several joined keys together (Hubei 效益 + 满意度 = 40). */
export type LevelPoints = Policy['levelPoints'][number];
