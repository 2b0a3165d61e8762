/**
 * 一级 / 二级 classification and the name hints (reverse direction, double count with the
 * 预算执行率 block). Placement is the filer's choice (scoring-rules.md rule 67): an unknown name
 * yields a null key, never an error.
 */
import { labelKey } from './normalize.js';
import type { Vocabulary } from './vocabulary.js';

export interface LevelClass {
  level1Key: string | null;
  level2Key: string | null;
  isCost: boolean;
}

// "产出指标(50分)", "一、产出指标", "（一）数量指标" → the bare name.
const POINTS_SUFFIX = /[(（][^()（）]*[)）]$/;
const ENUM_PREFIX = /^(?:[(（]?[一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])/;

function levelKey(s: string | null | undefined): string {
  let k = labelKey(s ?? '');
  k = k.replace(ENUM_PREFIX, '');
  k = k.replace(POINTS_SUFFIX, '');
  return k;
}

/** Names are looked up once: classification is pure, and a batch repeats the same few names. */
export function classifyLevels(level1: string, level2: string, vocab: Vocabulary): LevelClass {
  const hit = vocab.levelMemo.get(level1, level2);
  if (hit !== undefined) return hit;
  const v = classifyUncached(level1, level2, vocab);
  vocab.levelMemo.set(level1, level2, v);
  return v;
}

function classifyUncached(level1: string, level2: string, vocab: Vocabulary): LevelClass {
  const level1Key = vocab.level1.get(levelKey(level1)) ?? null;
  const candidates = vocab.level2.get(levelKey(level2)) ?? [];
  // 经济成本指标 is cost.economic under a 成本 一级 and output.cost under 产出.
  const level2Key =
    (level1Key && candidates.find((k) => k.startsWith(level1Key + '.'))) || candidates[0] || null;
  const isCost = level1Key === 'cost' || level2Key === 'output.cost' || (level2Key?.startsWith('cost.') ?? false);
  return { level1Key, level2Key, isCost };
}

/** What a 三级 name says, looked up once per name: its reverse keyword, whether it repeats the budget block. */
interface NameFacts {
  reverse: string | null;
  doubleCount: boolean;
}

function nameFacts(name: string, vocab: Vocabulary): NameFacts {
  const hit = vocab.nameMemo.get(name);
  if (hit !== undefined) return hit as NameFacts;
  const k = labelKey(name);
  const facts: NameFacts = { reverse: reverseHintUncached(k, vocab), doubleCount: vocab.doubleCountHints.some((w) => k.includes(w)) };
  vocab.nameMemo.set(name, '', facts);
  return facts;
}

/** The reverse-direction keyword found in a 三级 name, or null ("安全事故发生次数" → "事故"). */
export function reverseHintOf(name: string | null | undefined, vocab: Vocabulary): string | null {
  return name ? nameFacts(name, vocab).reverse : null;
}

function reverseHintUncached(k: string, vocab: Vocabulary): string | null {
  if (!k) return null;
  // A handling or reduction rate is higher-is-better even when it names a cost or a complaint.
  for (const w of vocab.notReverseHints) if (k.includes(w)) return null;
  for (const w of vocab.reverseHints) if (k.includes(w)) return w;
  return null;
}

export function hasReverseHint(name: string | null | undefined, vocab: Vocabulary): boolean {
  return reverseHintOf(name, vocab) !== null;
}

/** True for names that repeat the budget-execution block (预算执行率, 资金支出率 …). */
export function isDoubleCountName(name: string | null | undefined, vocab: Vocabulary): boolean {
  return name ? nameFacts(name, vocab).doubleCount : false;
}
