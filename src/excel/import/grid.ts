/**
 * A worksheet as a plain grid of texts: merged cells resolved to their master, rich text,
 * formulas (cached result), hyperlinks, dates and booleans turned into strings, numbers kept
 * exact to 15 significant digits (what Excel shows). No exceljs types leak past this file.
 */
import type ExcelJS from 'exceljs';
import { BigDec } from '../../core/decimal.js';

export interface GridCell {
  /** "H14" */
  address: string;
  /** Address of the merge master ("H14" itself when not merged). */
  master: string;
  text: string;
  /** The cell held a number (not text that looks like one). */
  numeric: boolean;
  /** A formula without a cached result. */
  formulaNoResult: boolean;
}

export interface Grid {
  sheet: string;
  rows: number;
  cols: number;
  /** cells[r][c], 0-based; always present (empty text for blank cells). */
  cells: GridCell[][];
  /** 0-based rows and columns hidden in Excel (read like any other; the reader says so). */
  hiddenRows?: number[];
  hiddenCols?: number[];
}

export function colName(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function address(r: number, c: number): string {
  return colName(c) + String(r + 1);
}

/** Shortest exact decimal text of a number, with binary-float noise beyond 15 digits removed. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const d = new BigDec(String(n));
  return d.toSignificantDigits(15).toString();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

type Scalar = { text: string; numeric: boolean; noResult: boolean };

export function valueText(v: unknown): Scalar {
  if (v === null || v === undefined) return { text: '', numeric: false, noResult: false };
  if (typeof v === 'number') return { text: numberText(v), numeric: true, noResult: false };
  if (typeof v === 'string') return { text: v, numeric: false, noResult: false };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', numeric: false, noResult: false };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { text: '', numeric: false, noResult: false };
    return {
      text: `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`,
      numeric: false,
      noResult: false,
    };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return {
        text: (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join(''),
        numeric: false,
        noResult: false,
      };
    }
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null) return { text: '', numeric: false, noResult: true };
      const inner = valueText(o.result);
      return inner;
    }
    if ('error' in o) return { text: String(o.error), numeric: false, noResult: false };
    if ('text' in o) return valueText(o.text);
  }
  return { text: '', numeric: false, noResult: false };
}

/** Build the grid. `maxRows` bounds the work; the caller reports a sheet that is longer. */
export function sheetGrid(ws: ExcelJS.Worksheet, maxRows: number, maxCols = 60): Grid {
  const rows = Math.min(ws.rowCount, maxRows);
  const cols = Math.min(ws.columnCount, maxCols);
  const cells: GridCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = ws.getRow(r + 1);
    const line: GridCell[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = row.getCell(c + 1);
      const master = cell.isMerged && cell.master ? cell.master : cell;
      let s = valueText(master.value);
      // A cell formatted as a percentage stores 0.98 and shows 98%: read what the person sees.
      if (s.numeric && typeof master.numFmt === 'string' && master.numFmt.includes('%') && s.text !== '') {
        s = { ...s, text: new BigDec(s.text).times(100).toSignificantDigits(15).toString() + '%', numeric: false };
      }
      line.push({
        address: address(r, c),
        master: master.address,
        text: s.text,
        numeric: s.numeric,
        formulaNoResult: s.noResult,
      });
    }
    cells.push(line);
  }
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  for (let r = 0; r < rows; r++) if (ws.getRow(r + 1).hidden) hiddenRows.push(r);
  for (let c = 0; c < cols; c++) if (ws.getColumn(c + 1).hidden) hiddenCols.push(c);
  return { sheet: ws.name, rows, cols, cells, hiddenRows, hiddenCols };
}

/** A grid from plain arrays (tests, and sheets built in memory). */
export function gridFromArrays(sheet: string, data: (string | number | null)[][]): Grid {
  const cols = Math.max(0, ...data.map((r) => r.length));
  const cells = data.map((row, r) =>
    Array.from({ length: cols }, (_, c) => {
      const v = row[c];
      const s = valueText(v ?? null);
      return { address: address(r, c), master: address(r, c), text: s.text, numeric: s.numeric, formulaNoResult: false };
    }),
  );
  return { sheet, rows: data.length, cols, cells };
}
