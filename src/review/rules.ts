/**
 * The rule pack of common re-check rules (复核口径): data, not code, in
 * scoring/practice/review-rules.json, validated by RulePackSchema when it is loaded. These rules
 * are third-party practice (an accounting firm's 自评复核 checklist, integration.md §4, K23), not
 * policy: the pack is off by default (REVIEW_RULES=off) and is switched on by configuration
 * (REVIEW_RULES=practice) or per request (`?rules=practice`). Each rule applied is a finding
 * naming it (REVIEW_RULE_APPLIED).
 *
 * Two effects:
 *   zero            the row's computed score becomes 0 (through the engine: a deduction of the
 *                   row's points with the rule as its reason)
 *   reasonRequired  the review is refused (422) when a reviewed row's score differs from the
 *                   filer's and no reason is given
 * A rule applies when every condition of its `when` holds (an absent condition holds).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CODES, type Code } from '../core/codes.js';

const Words = z.array(z.string().min(1).max(50)).min(1).max(50);

export const RuleWhenSchema = z
  .strictObject({
    level1Key: Words.optional().meta({ description: '一级指标键（output / benefit / satisfaction / cost），任一相同即适用' }),
    level2Key: Words.optional().meta({ description: '二级指标键（output.quantity …），任一相同即适用' }),
    nameContains: Words.optional().meta({ description: '三级指标名称含其中任一词' }),
    evidence: z.literal(false).optional().meta({ description: '复核意见写明无佐证材料（evidence: false）' }),
    survey: z.literal(false).optional().meta({ description: '复核意见写明未开展满意度调查（survey: false）' }),
    finding: z
      .string()
      .refine((c) => c in CODES, 'a finding code of src/core/codes.ts')
      .optional()
      .meta({ description: '引擎对该行给出此问题代码（如 DUPLICATE_INDICATOR：重复指标的第二次及以后）' }),
    scoreChanged: z.literal(true).optional().meta({ description: '复核得分与自评得分不同' }),
  })
  .meta({ id: 'ReviewRuleWhen' });

export const ReviewRuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    name: z.string().min(1).max(100).meta({ description: '中文名称' }),
    nameEn: z.string().min(1).max(200),
    effect: z.enum(['zero', 'reasonRequired']),
    when: RuleWhenSchema,
    source: z.string().max(500).optional(),
  })
  .meta({ id: 'ReviewRule' });

export const RulePackSchema = z
  .strictObject({
    $comment: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    version: z.string().min(1).max(40),
    label: z.literal('practice, not policy'),
    labelZh: z.string().min(1).max(100),
    description: z.string().max(2000),
    sources: z.array(z.string().max(500)).max(20),
    rules: z.array(ReviewRuleSchema).min(1).max(100),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      seen.add(r.id);
      if (Object.keys(r.when).length === 0) ctx.addIssue({ code: 'custom', path: ['rules', i, 'when'], message: 'a rule needs at least one condition' });
    });
  })
  .meta({ id: 'ReviewRulePack', description: '复核口径规则包（实务做法，非政策规定）' });

export type RulePack = z.output<typeof RulePackSchema>;
export type ReviewRule = z.output<typeof ReviewRuleSchema>;
export type RuleFindingCode = Code;

export class RulePackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RulePackError';
  }
}

/** Validates a pack (parsed JSON); throws RulePackError naming every problem with its JSON pointer. */
export function parseRulePack(json: unknown, file = 'review-rules.json'): RulePack {
  const r = RulePackSchema.safeParse(json);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${file}: /${i.path.join('/')} ${i.message}`);
  throw new RulePackError(lines.join('\n'));
}

/** Works from src/review (tsx) and dist/review (built): both two levels below the repo root. */
export const RULE_PACK_FILE = new URL('../../scoring/practice/review-rules.json', import.meta.url);

let cached: RulePack | undefined;

/** The shipped pack, read and validated once per process. */
export function loadRulePack(file: URL = RULE_PACK_FILE): RulePack {
  if (file === RULE_PACK_FILE && cached) return cached;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RulePackError(`${file.pathname}: ${(err as Error).message}`);
  }
  const pack = parseRulePack(json, file.pathname);
  if (file === RULE_PACK_FILE) cached = pack;
  return pack;
}
