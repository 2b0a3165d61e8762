/**
 * What the target / actual parser returns. The raw text is always kept; what cannot be
 * parsed is said in `notes` (turned into findings by the engine), never thrown.
 */
import type { Dec } from '../decimal.js';

/** Comparison operators, after every spelling is normalised. 计算符号 codes: GE 1, GT 2, EQ 3, LT 4, LE 5. */
export type Operator = 'GE' | 'GT' | 'EQ' | 'LT' | 'LE';

/** 正向 (more is better), 反向 (less is better), 等于, or a range. */
export type Direction = 'positive' | 'reverse' | 'equal' | 'range';

export interface Unit {
  /** As written, e.g. "万人", "百分比", "平米". */
  raw: string;
  /** Canonical base unit, e.g. "人", "%", "平方米", "元". Empty string when no unit. */
  base: string;
  /** Multiplier from the written unit to the base unit: "万人" → 10000, "亿元" → 100000000. */
  multiplier: Dec;
  /** True when the base unit is in the vocabulary (indicators/units.json). */
  known: boolean;
}

export type ParseNoteCode =
  | 'OPERATOR_IN_ACTUAL'   // "≥99%" written as an actual → 99, info
  | 'OPERATOR_INFERRED'    // no operator written; taken from the default / name hint
  | 'OPERATOR_CONFLICT'    // separate operator column disagrees with the operator inside the value
  | 'UNIT_UNKNOWN'         // a unit that the vocabulary does not know (kept as written)
  | 'DATE_TARGET'          // a deadline such as "12月底前": scored as qualitative
  | 'FULLWIDTH_NORMALISED' // full-width digits / symbols were normalised (info, rarely surfaced)
  | 'AMBIGUOUS_NUMBER';    // more than one number in a value; the first one was taken

export interface ParseNote {
  code: ParseNoteCode;
  params?: Record<string, string>;
}

interface Base {
  raw: string;
  /** Text after normalisation (full-width → ASCII, spaces trimmed, thousands separators removed). */
  normalized: string;
  notes: ParseNote[];
}

/** A number with an optional operator and unit: "≥42万人", "=0次", "≤90万元", "98%", "2100". */
export interface QuantValue extends Base {
  kind: 'quantitative';
  operator: Operator | null;      // null when none was written (targets get a default later)
  operatorText: string | null;    // the operator as written: "≥", "不低于", "以上" …
  value: Dec;                     // the number as written (42 for "42万人")
  unit: Unit;
  baseValue: Dec;                 // value × unit.multiplier (420000 for "42万人")
  /** Actuals only: no unit was written, the target's unit was taken ("85" under "≤90万元"). */
  unitFromTarget: boolean;
}

/** "90%-100%", "90~100分". Met when the actual lies within [lower, upper]. */
export interface RangeValue extends Base {
  kind: 'range';
  lower: Dec;
  upper: Dec;
  unit: Unit;
  lowerBase: Dec;
  upperBase: Dec;
}

/** Qualitative text: a target (及时, 提升, 健全 …) or an actual tier label. */
export interface QualValue extends Base {
  kind: 'qualitative';
  /** For actuals: the tier when the text is a tier label or a known synonym. */
  tier: 'A' | 'B' | 'C' | null;
  /** How the tier was recognised: an official label of the 2020 or 2016 wording, a short form, a synonym, or a graded actual (优/良/中/低/差). */
  tierSource: 'label2020' | 'label2016' | 'short' | 'synonym' | 'graded' | null;
  /** For graded actuals (优 良 中 低 差): the grade as written. */
  grade: string | null;
  /** True when the text is a deadline ("12月底前", "2022年12月31日前"). */
  isDate: boolean;
  /** A yes / no answer (是 / 否, 无 …), as a target or an actual; compared with what the target asks. */
  answer: 'yes' | 'no' | null;
  /**
   * A target that asks for a number but gives none: an operator (≥ ≤ > < =), a percent sign or a
   * quantitative operator column, and no digit ("≥%", "不低于％", "≥ 万人"). Needs review (TARGET_UNPARSED).
   */
  unparsed: boolean;
}

/** Nothing written, or a placeholder such as "未填报", "/", "—", "无". */
export interface EmptyValue extends Base {
  kind: 'empty';
  placeholder: boolean;           // true for "未填报" and similar explicit placeholders
}

export type ParsedValue = QuantValue | RangeValue | QualValue | EmptyValue;

/** Options a form row may carry (the Sichuan layout has separate columns). */
export interface ParseOptions {
  /** Separate 指标性质 / 计算符号 column: "≥", ">=", "1".."6", "定性", "定量" … */
  operator?: string | null;
  /** Separate 度量单位 column. */
  unit?: string | null;
  /** The 三级 indicator name: used to infer a reverse direction when no operator is written (成本, 事故, 投诉 …). */
  indicatorName?: string | null;
  /** The row is a cost indicator by its 一级 / 二级 (成本指标): read as ≤ when no operator is written. */
  reverse?: boolean;
}
