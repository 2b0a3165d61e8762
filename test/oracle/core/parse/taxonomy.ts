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

const NAME_MEMO_MAX = 5000;

/** Look a name up once: classification is pure, and a batch repeats the same few names. */
function memoized<T>(vocab: Vocabulary, key: string, compute: () => T): T {
  const hit = vocab.nameMemo.get(key);
  if (hit !== undefined) return hit as T;
  const v = compute();
  if (vocab.nameMemo.size >= NAME_MEMO_MAX) vocab.nameMemo.clear();
  vocab.nameMemo.set(key, v);
  return v;
}

export function classifyLevels(level1: string, level2: string, vocab: Vocabulary): LevelClass {
  return memoized(vocab, `L\u0001${level1}\u0001${level2}`, () => classifyUncached(level1, level2, vocab));
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

/** The reverse-direction keyword found in a 三级 name, or null ("安全事故发生次数" → "事故"). */
export function reverseHintOf(name: string | null | undefined, vocab: Vocabulary): string | null {
  if (!name) return null;
  return memoized(vocab, `R\u0001${name}`, () => reverseHintUncached(name, vocab));
}

function reverseHintUncached(name: string, vocab: Vocabulary): string | null {
  const k = labelKey(name);
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
  if (!name) return false;
  return memoized(vocab, `D\u0001${name}`, () => {
    const k = labelKey(name);
    return vocab.doubleCountHints.some((w) => k.includes(w));
  });
}
