/**
 * A scored form written back in the standard shape (issue 12 item 1): the rows as sent (columns
 * the table does not know are left out, each an UNKNOWN_FIELD warning of the result) with the
 * computed values in the columns COLUMNS marks `out` — total_eval_value, eval_score (and the
 * vendor's score), exe_amt_rate (and bgtget), exe_score — and kpi_val composed as operator + value
 * + unit when the row came structured (indexval / computesign / meterunit). Everything jixiao adds
 * (grade, findings, explanations, parsed values, policy id and hash) is under the one key `jixiao`,
 * so that row-copying code stays simple. Pure.
 */
import type { BriefResult, ScoreResult } from '../core/model/result.js';
import { composeTarget } from '../core/parse/compose.js';
import type { StandardCodes } from './codes.js';
import type { Json } from './convert.js';
import { COLUMNS, TABLES, columnsOf, type Out, type Table } from './mapping.js';

export interface StandardAnswer {
  moneyUnit: string;
  pm_perf_self_eval: Json;
  pm_self_eval_goal?: Json[];
  pm_self_eval_indicator?: Json[];
  pm_perf_self_bgt?: Json[];
  jixiao: ScoreResult | BriefResult;
}

const OUT_COLUMNS = new Map<Table, { column: string; out: Out }[]>(
  TABLES.map((t) => [t, COLUMNS.filter((c) => c.table === t && c.out).map((c) => ({ column: c.column, out: c.out! }))]),
);

/** The known columns of a row, as sent. */
function known(table: Table, row: unknown): Json {
  const out: Json = {};
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return out;
  const cols = columnsOf(table);
  for (const [k, v] of Object.entries(row)) if (cols.has(k) && v !== undefined) out[k] = v;
  return out;
}

/** kpi_val as the vendor displays it (computesignstr + indexval + unit, integration.md §1.6.1). */
function composed(row: Json, codes: StandardCodes): string | undefined {
  if (row.indexval === undefined || row.indexval === null) return undefined;
  const sign = row.computesign === undefined || row.computesign === null ? undefined : codes.computesign[String(row.computesign).trim()];
  const unit = typeof row.meterunit === 'string' || typeof row.meterunit === 'number' ? String(row.meterunit) : '';
  return composeTarget(sign?.operator ?? null, String(row.indexval), unit);
}

export interface ResultToStandardOptions {
  /** The answer under `jixiao`: the full result (default) or the brief one. */
  jixiao?: ScoreResult | BriefResult;
  /** Whether each indicator row came structured (Conversion.structured); default: it has indexval. */
  structured?: readonly boolean[];
}

/**
 * The standard body `input` with the computed values of `result` filled in. `result` must be the
 * full result (its funds rows give exe_amt_rate and exe_score); `opts.jixiao` may be a brief one.
 */
export function resultToStandard(input: Json, result: ScoreResult, codes: StandardCodes, opts: ResultToStandardOptions = {}): StandardAnswer {
  const header = known('pm_perf_self_eval', input.pm_perf_self_eval);
  for (const { column } of OUT_COLUMNS.get('pm_perf_self_eval')!) header[column] = result.total;
  const answer = { moneyUnit: result.funds.moneyUnit, pm_perf_self_eval: header } as StandardAnswer;
  const byIndex = new Map(result.indicators.map((r) => [r.index, r]));
  const fundRows = new Map(result.funds.rows.map((r) => [r.index, r]));
  for (const table of ['pm_self_eval_goal', 'pm_self_eval_indicator', 'pm_perf_self_bgt'] as const) {
    const list = input[table];
    if (!Array.isArray(list)) continue;
    const outs = OUT_COLUMNS.get(table)!;
    answer[table] = list.map((raw, i) => {
      const row = known(table, raw);
      for (const { column, out } of outs) {
        // A vendor column is written back only when the row has it; the standard one always.
        const standard = columnsOf(table).get(column)!.source === 'standard';
        if (!standard && !(column in row)) continue;
        const v = outValue(out, i, row, byIndex, fundRows, codes, opts.structured);
        if (v !== undefined) row[column] = v;
      }
      return row;
    });
  }
  // Last, so that the rows come first when a person reads the answer.
  answer.jixiao = opts.jixiao ?? result;
  return answer;
}

function outValue(
  out: Out,
  i: number,
  row: Json,
  byIndex: Map<number, ScoreResult['indicators'][number]>,
  fundRows: Map<number, ScoreResult['funds']['rows'][number]>,
  codes: StandardCodes,
  structured: readonly boolean[] | undefined,
): unknown {
  switch (out) {
    case 'indicatorScore':
      return byIndex.get(i)?.score;
    case 'composedTarget':
      return (structured ? structured[i] : row.indexval !== undefined) ? composed(row, codes) : undefined;
    case 'fundRate':
      return fundRows.has(i) ? fundRows.get(i)!.rate : undefined;
    case 'fundScore':
      return fundRows.has(i) ? fundRows.get(i)!.score : undefined;
    default:
      return undefined;
  }
}
