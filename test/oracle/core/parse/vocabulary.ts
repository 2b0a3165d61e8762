/**
 * The indicator vocabulary: the shapes of the JSON files in indicators/ (RawVocabulary) and their
 * compiled, lookup-ready form (Vocabulary). Compiling normalises every spelling once and builds
 * every regex once, so that parsing a value never builds a regex.
 */
import { Dec } from '../decimal.js';
import { compileLabels, type Labels, type RawLabels } from './labels.js';
import { labelKey, normalizeText } from './normalize.js';
import type { Operator, ParsedValue } from './types.js';

export type Tier = 'A' | 'B' | 'C';
type TierLists = Partial<Record<Tier, string[]>>;

export interface RawOperators {
  $comment?: string;
  prefix: Partial<Record<Operator, string[]>>;
  suffix: Partial<Record<Operator, string[]>>;
  /** 计算符号 codes "1".."10" → an operator or a column kind. */
  codes: Record<string, string>;
  /** Words of a 指标性质 column (定性, 定量, 不适用, 正向 …) → an operator or a column kind. */
  columnWords: Record<string, string>;
  symbols: Record<Operator, string>;
  /** Spellings that make a value approximate (约, 左右, 近 …): no rule tests an approximate value. */
  approximate?: string[];
  /** Words that make an actual's number a difference from the plan (提前, 延期 …). */
  relative?: string[];
}

export interface RawUnits {
  $comment?: string;
  multipliers: Record<string, string>;
  units: Array<{ base: string; aliases: string[]; scalable?: boolean }>;
}

export interface RawQualitative {
  $comment?: string;
  labels2020: TierLists;
  labels2016: TierLists;
  short: TierLists;
  synonyms: TierLists;
  /** Canonical grade (优 良 中 低 差) → its spellings. */
  graded: Record<string, string[]>;
  placeholders: string[];
  /** Yes / no answers (是 / 否, 无 …): compared with what the target asks. */
  answers: { yes: string[]; no: string[] };
  /** Deviation notes that say nothing ("无偏差", "/"): they count as no note. */
  noDeviationNotes: string[];
  /** Grade spellings → the grade label ("优秀" → "优"). */
  gradeAliases: Record<string, string>;
  /** Words giving a qualitative target or actual a direction (up / down) or a strength (strong). */
  meaning?: { up: string[]; down: string[]; strong: string[] };
}

export interface RawTaxonomy {
  $comment?: string;
  level1: Record<string, { name: string; aliases: string[] }>;
  level2: Record<string, { name: string; aliases: string[] }>;
  directionHints: { reverse: string[]; notReverse?: string[]; doubleCount: string[] };
}

export interface CommonIndicator {
  id: string;
  name: string;
  level1: string;
  level2: string;
  placementAsWritten?: string;
  direction: 'positive' | 'reverse' | 'equal' | 'qualitative' | 'date' | 'range';
  directionAlternatives?: string[];
  directionNote?: string;
  typical: string | null;
  unit: string | null;
  explanation: string | null;
  sources: string;
  evidence: string;
  row?: number;
}

export interface RawCommonIndicators {
  $comment?: string;
  indicators: CommonIndicator[];
}

export interface RawVocabulary {
  operators: RawOperators;
  units: RawUnits;
  qualitative: RawQualitative;
  taxonomy: RawTaxonomy;
  commonIndicators: RawCommonIndicators;
  /** indicators/labels.json: row and section labels of the workbook layouts (see labels.ts). */
  labels: RawLabels;
}

/** What a separate 指标性质 / 计算符号 column says. */
export type ColumnOperator =
  | { kind: 'operator'; op: Operator }
  | { kind: 'qualitative' }
  | { kind: 'quantitative' }
  /** 定量（其他）(code 9): a number no rule compares; a person scores the row. */
  | { kind: 'manual' }
  | { kind: 'notApplicable' };

export interface UnitDef {
  base: string;
  multiplier: Dec;
}

export interface TierHit {
  tier: Tier;
  source: 'label2020' | 'label2016' | 'short' | 'synonym';
}

export interface Vocabulary {
  /** Prefix operator spellings, longest first, one alternation (global; callers reset lastIndex). */
  readonly prefixOperatorRe: RegExp;
  readonly suffixOperatorRe: RegExp;
  /** A suffix spelling at the very start of a string (non-global). */
  readonly suffixOperatorAtStartRe: RegExp;
  /** Normalised spelling → operator, for prefix and suffix tokens. */
  readonly prefixOperators: ReadonlyMap<string, Operator>;
  readonly suffixOperators: ReadonlyMap<string, Operator>;
  /** Sorted longest-first (for documentation and tests; matching uses the regexes). */
  readonly prefixTokens: readonly string[];
  readonly suffixTokens: readonly string[];
  /** Whole-cell spellings of an operator column: codes, words, symbols. */
  readonly columnOperators: ReadonlyMap<string, ColumnOperator>;
  readonly symbols: Readonly<Record<Operator, string>>;
  /** Operator spellings that make a value approximate (normalised): 约, 左右, 近 … */
  readonly approximate: ReadonlySet<string>;
  /** Words that make a number a difference from the plan (提前5天, 延期3天), labelKey form. */
  readonly relative: readonly string[];
  /** Direction and strength words of qualitative values (labelKey form). */
  readonly meaning: { readonly up: readonly string[]; readonly down: readonly string[]; readonly strong: readonly string[] };
  /** Canonical grades, best first (the key order of qualitative.json's graded). */
  readonly gradeOrder: readonly string[];
  /** Unit spelling (aliases, multiplier + alias, bare multiplier) → base and multiplier. */
  readonly units: ReadonlyMap<string, UnitDef>;
  readonly unitMaxLength: number;
  readonly baseUnits: ReadonlySet<string>;
  readonly tiers: ReadonlyMap<string, TierHit>;
  /** Spelling → canonical grade 优 良 中 低 差. */
  readonly grades: ReadonlyMap<string, string>;
  readonly placeholders: ReadonlySet<string>;
  /** Normalised label → the answer it gives. */
  readonly answers: ReadonlyMap<string, 'yes' | 'no'>;
  /** Deviation notes that say nothing, as note keys (see noteKey in engine/compare.ts). */
  readonly noDeviationNotes: ReadonlySet<string>;
  readonly gradeAliases: ReadonlyMap<string, string>;
  readonly level1: ReadonlyMap<string, string>;
  /** Name → candidate keys (经济成本指标 is output.cost or cost.economic, by 一级). */
  readonly level2: ReadonlyMap<string, readonly string[]>;
  readonly level1Names: Readonly<Record<string, string>>;
  readonly level2Names: Readonly<Record<string, string>>;
  readonly reverseHints: readonly string[];
  readonly notReverseHints: readonly string[];
  readonly doubleCountHints: readonly string[];
  readonly commonIndicators: readonly CommonIndicator[];
  readonly labels: Labels;
  /** Bounded memo of parse results (internal; see target.ts). */
  readonly memo: Map<string, ParsedValue>;
  /** Bounded memo of name lookups (level classes, reverse hints): forms repeat the same names. */
  readonly nameMemo: Map<string, unknown>;
}

const OPERATORS: readonly Operator[] = ['GE', 'GT', 'EQ', 'LT', 'LE'];
const COLUMN_KINDS = new Set(['qualitative', 'quantitative', 'manual', 'notApplicable']);
const TIERS: readonly Tier[] = ['A', 'B', 'C'];

/** A short note or grade word as compared: spaces, quotes, brackets and trailing punctuation removed. */
export function noteKey(s: string): string {
  return s.replace(/[\s"'“”「」（）()。.，,；;]/g, '');
}

function fail(file: string, problem: string): never {
  throw new Error(`${file}: ${problem}`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function byLengthDesc(a: string, b: string): number {
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}

function alternationSource(tokens: readonly string[]): string {
  // An empty alternation would match everywhere; (?!) never matches.
  return tokens.length ? tokens.map(escapeRe).join('|') : '(?!)';
}

function compileOperatorTokens(
  lists: Partial<Record<Operator, string[]>>, where: string,
): Map<string, Operator> {
  const map = new Map<string, Operator>();
  for (const [op, spellings] of Object.entries(lists)) {
    if (!OPERATORS.includes(op as Operator)) fail('operators.json', `${where}: unknown operator "${op}"`);
    for (const s of spellings ?? []) {
      const key = normalizeText(s);
      if (!key) fail('operators.json', `${where}.${op}: empty spelling`);
      const prev = map.get(key);
      if (prev && prev !== op) fail('operators.json', `${where}: "${s}" is both ${prev} and ${op}`);
      map.set(key, op as Operator);
    }
  }
  return map;
}

function columnKind(value: string, where: string): ColumnOperator {
  if (OPERATORS.includes(value as Operator)) return { kind: 'operator', op: value as Operator };
  if (COLUMN_KINDS.has(value)) return { kind: value } as ColumnOperator;
  return fail('operators.json', `${where}: unknown value "${value}"`);
}

function compileUnits(raw: RawUnits): { units: Map<string, UnitDef>; bases: Set<string> } {
  const units = new Map<string, UnitDef>();
  const bases = new Set<string>();
  const multipliers: Array<[string, Dec]> = [];
  for (const [prefix, value] of Object.entries(raw.multipliers)) {
    let m: Dec;
    try { m = new Dec(value); } catch { return fail('units.json', `multiplier "${prefix}" is not a number: "${value}"`); }
    multipliers.push([normalizeText(prefix), m]);
  }
  // Precedence, lowest first: bare multiplier, multiplier + alias, listed alias.
  for (const [prefix, m] of multipliers) units.set(prefix, { base: '', multiplier: m });
  for (const u of raw.units) {
    if (u.scalable === false) continue;
    for (const a of u.aliases) {
      for (const [prefix, m] of multipliers) units.set(prefix + normalizeText(a), { base: u.base, multiplier: m });
    }
  }
  const listed = new Map<string, string>();
  for (const u of raw.units) {
    if (!u.base) fail('units.json', 'a unit has an empty base');
    bases.add(u.base);
    for (const a of [u.base, ...u.aliases]) {
      const key = normalizeText(a);
      const prev = listed.get(key);
      if (prev !== undefined && prev !== u.base) fail('units.json', `alias "${a}" belongs to both "${prev}" and "${u.base}"`);
      listed.set(key, u.base);
      units.set(key, { base: u.base, multiplier: new Dec(1) });
    }
  }
  return { units, bases };
}

function compileTiers(raw: RawQualitative): { tiers: Map<string, TierHit>; grades: Map<string, string> } {
  const tiers = new Map<string, TierHit>();
  const grades = new Map<string, string>();
  const sources: Array<[TierHit['source'], TierLists]> = [
    ['label2020', raw.labels2020], ['label2016', raw.labels2016], ['short', raw.short],
  ];
  const add = (source: TierHit['source'], lists: TierLists) => {
    for (const tier of TIERS) {
      for (const s of lists[tier] ?? []) {
        const key = labelKey(s);
        const prev = tiers.get(key);
        if (prev && prev.tier !== tier) {
          fail('qualitative.json', `"${s}" is tier ${prev.tier} (${prev.source}) and tier ${tier} (${source})`);
        }
        if (!prev) tiers.set(key, { tier, source });
      }
    }
  };
  for (const [source, lists] of sources) add(source, lists);
  for (const [grade, spellings] of Object.entries(raw.graded)) {
    for (const s of spellings) {
      const key = labelKey(s);
      if (tiers.has(key)) fail('qualitative.json', `graded "${s}" is also a tier label`);
      grades.set(key, grade);
    }
  }
  for (const tier of TIERS) {
    for (const s of raw.synonyms[tier] ?? []) {
      if (grades.has(labelKey(s))) fail('qualitative.json', `synonym "${s}" is also a grade`);
    }
  }
  add('synonym', raw.synonyms);
  return { tiers, grades };
}

/** 一级 / 二级 names and aliases → canonical keys. */
function compileLevels(tax: RawTaxonomy) {
  const level1 = new Map<string, string>();
  const level1Names: Record<string, string> = {};
  for (const [key, def] of Object.entries(tax.level1)) {
    level1Names[key] = def.name;
    for (const a of [def.name, ...def.aliases]) {
      const k = labelKey(a);
      const prev = level1.get(k);
      if (prev && prev !== key) fail('taxonomy.json', `一级 "${a}" is both ${prev} and ${key}`);
      level1.set(k, key);
    }
  }
  const level2 = new Map<string, string[]>();
  const level2Names: Record<string, string> = {};
  for (const [key, def] of Object.entries(tax.level2)) {
    level2Names[key] = def.name;
    for (const a of [def.name, ...def.aliases]) {
      const k = labelKey(a);
      const list = level2.get(k) ?? [];
      if (!list.includes(key)) list.push(key);
      level2.set(k, list);
    }
  }
  return { level1, level1Names, level2, level2Names };
}

function compileColumnOperators(ops: RawOperators, prefix: Map<string, Operator>, suffix: Map<string, Operator>): Map<string, ColumnOperator> {
  const columnOperators = new Map<string, ColumnOperator>();
  for (const [code, v] of Object.entries(ops.codes)) columnOperators.set(normalizeText(code), columnKind(v, `codes.${code}`));
  for (const [word, v] of Object.entries(ops.columnWords)) columnOperators.set(normalizeText(word), columnKind(v, `columnWords.${word}`));
  // A column may hold any operator spelling alone ("≥", "不低于", "大于等于").
  for (const [tok, op] of [...prefix, ...suffix]) {
    if (!columnOperators.has(tok)) columnOperators.set(tok, { kind: 'operator', op });
  }
  return columnOperators;
}

function compileAnswers(raw: RawQualitative, tiers: Map<string, TierHit>, grades: Map<string, string>): Map<string, 'yes' | 'no'> {
  const answers = new Map<string, 'yes' | 'no'>();
  for (const kind of ['yes', 'no'] as const) {
    for (const s of raw.answers[kind]) {
      const key = labelKey(s);
      if (tiers.has(key) || grades.has(key)) fail('qualitative.json', `answer "${s}" is also a tier label or grade`);
      answers.set(key, kind);
    }
  }
  return answers;
}

/** The words that qualify a value's meaning: approximate, relative, direction, strength, grade order. */
function compileMeaning(raw: RawVocabulary): Pick<Vocabulary, 'approximate' | 'relative' | 'meaning' | 'gradeOrder'> {
  const list = (l: string[] | undefined) => [...new Set((l ?? []).map(labelKey))].sort(byLengthDesc);
  const q = raw.qualitative;
  return {
    approximate: new Set((raw.operators.approximate ?? []).map(normalizeText)),
    relative: list(raw.operators.relative),
    meaning: { up: list(q.meaning?.up), down: list(q.meaning?.down), strong: list(q.meaning?.strong) },
    gradeOrder: Object.keys(q.graded),
  };
}

export function compileVocabulary(raw: RawVocabulary): Vocabulary {
  const ops = raw.operators;
  const prefixOperators = compileOperatorTokens(ops.prefix, 'prefix');
  const suffixOperators = compileOperatorTokens(ops.suffix, 'suffix');
  const prefixTokens = [...prefixOperators.keys()].sort(byLengthDesc);
  const suffixTokens = [...suffixOperators.keys()].sort(byLengthDesc);

  const columnOperators = compileColumnOperators(ops, prefixOperators, suffixOperators);
  for (const op of OPERATORS) if (!ops.symbols?.[op]) fail('operators.json', `symbols.${op} is missing`);

  const { units, bases } = compileUnits(raw.units);
  let unitMaxLength = 0;
  for (const k of units.keys()) unitMaxLength = Math.max(unitMaxLength, k.length);

  const { tiers, grades } = compileTiers(raw.qualitative);
  const placeholders = new Set(raw.qualitative.placeholders.map(labelKey));
  placeholders.add('');
  const answers = compileAnswers(raw.qualitative, tiers, grades);

  const tax = raw.taxonomy;
  const { level1, level1Names, level2, level2Names } = compileLevels(tax);
  const hints = (list: string[] | undefined) => [...new Set((list ?? []).map(labelKey))].sort(byLengthDesc);

  return {
    prefixOperatorRe: new RegExp(alternationSource(prefixTokens), 'g'),
    suffixOperatorRe: new RegExp(alternationSource(suffixTokens), 'g'),
    suffixOperatorAtStartRe: new RegExp(`^(?:${alternationSource(suffixTokens)})`),
    prefixOperators,
    suffixOperators,
    prefixTokens,
    suffixTokens,
    columnOperators,
    symbols: { ...ops.symbols },
    ...compileMeaning(raw),
    units,
    unitMaxLength,
    baseUnits: bases,
    tiers,
    grades,
    placeholders,
    answers,
    noDeviationNotes: new Set(raw.qualitative.noDeviationNotes.map(noteKey)),
    gradeAliases: new Map(Object.entries(raw.qualitative.gradeAliases).map(([k, v]) => [noteKey(k), v])),
    level1,
    level2,
    level1Names,
    level2Names,
    reverseHints: hints(tax.directionHints.reverse),
    notReverseHints: hints(tax.directionHints.notReverse),
    doubleCountHints: hints(tax.directionHints.doubleCount),
    commonIndicators: raw.commonIndicators.indicators,
    labels: compileLabels(raw.labels),
    memo: new Map(),
    nameMemo: new Map(),
  };
}
