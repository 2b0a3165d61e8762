/**
 * The 预算管理一体化 standard row shapes as a first-class format (issue 12 item 1): the mapping
 * table, the converter both ways, the answer writer and scoring of either shape. load.ts (the only
 * file here that reads a file) loads the computesign code list from indicators/standard.json.
 */
export { COLUMNS, TABLES, columnsOf, mappingMarkdown, type Column, type Table } from './mapping.js';
export { StandardCodesSchema, type StandardCodes } from './codes.js';
export { formToStandard, isStandardShape, standardKey, standardPointer, standardToForm, stripUnknown, type Conversion, type Json } from './convert.js';
export { resultToStandard, type StandardAnswer } from './output.js';
export { scoreAny, scoreStandardLean, standardAnswer, standardResult, type AnyOutcome } from './score.js';
