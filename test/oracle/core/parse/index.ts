/** The target / actual parser and the indicator vocabulary: pure functions, no I/O. */
export type {
  Direction, EmptyValue, Operator, ParseNote, ParseNoteCode, ParseOptions, ParsedValue, QualValue, QuantValue,
  RangeValue, Unit,
} from './types.js';
export type {
  ColumnOperator, CommonIndicator, RawCommonIndicators, RawOperators, RawQualitative, RawTaxonomy, RawUnits,
  RawVocabulary, Tier, TierHit, UnitDef, Vocabulary,
} from './vocabulary.js';
export { compileVocabulary } from './vocabulary.js';
export { labelKey, normalizeText } from './normalize.js';
export { columnOperator, parseActual, parseTarget } from './target.js';
export { composeTarget, operatorCode, operatorFromCode, operatorSymbol } from './compose.js';
export type { LevelClass } from './taxonomy.js';
export { classifyLevels, hasReverseHint, isDoubleCountName, reverseHintOf } from './taxonomy.js';
