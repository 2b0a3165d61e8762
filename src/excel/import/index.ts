/**
 * Excel in: a workbook (bytes) → one FormInput per 自评表 (a sheet may hold several, one under the
 * other: splitForms), each with a map
 * from JSON pointer to cell, plus import findings. The bytes are checked before exceljs sees
 * them (not a zip, encrypted, zip bomb). Never throws on bad input.
 */
import ExcelJS from 'exceljs';
import { finding, type Finding, type Lang } from '../../core/codes.js';
import type { DepartmentFormInput } from '../../core/department/form.js';
import type { FormInput } from '../../core/model/form.js';
import { readDepartmentSheet } from '../department/read.js';
import { sheetGrid } from './grid.js';
import { readSheet, splitForms, type CellMap, type Layout } from './sheet.js';
import { checkXlsxBuffer, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zipcheck.js';

export { cellRef, readSheet, splitForms, type CellMap, type Layout, type SheetRead } from './sheet.js';
export { checkXlsxBuffer, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zipcheck.js';
export { gridFromArrays, sheetGrid, type Grid } from './grid.js';

export const MAX_ROWS = 10_000;

export interface ImportOptions {
  /** Only this sheet (by name). */
  sheet?: string;
  lang?: Lang;
  mofDivCode?: string;
  maxRows?: number;
  zip?: ZipLimits;
}

export interface ImportedForm {
  sheet: string;
  /** 'department': the 部门（单位）整体支出 layout (src/excel/department/read.ts). */
  layout: Layout | 'department';
  /** For the 'department' layout, a DepartmentFormInput (`kind: "department"`); typed as the project input, which every reader of this field expects. */
  form: FormInput;
  /** JSON pointer → "Sheet!H14". */
  cells: CellMap;
  findings: Finding[];
}

export type ImportResult =
  | { ok: true; forms: ImportedForm[]; findings: Finding[] }
  | { ok: false; error: Finding; findings: Finding[] };

export type ImportErrorCode = 'IMPORT_NOT_XLSX' | 'IMPORT_ENCRYPTED' | 'IMPORT_TOO_LARGE' | 'IMPORT_NO_FORM' | 'IMPORT_SHEET_NOT_FOUND';

export async function importWorkbook(buf: Buffer | Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const lang = opts.lang ?? 'zh';
  const bytes = Buffer.isBuffer(buf) ? buf : Buffer.from(buf);
  const check = checkXlsxBuffer(bytes, opts.zip ?? DEFAULT_ZIP_LIMITS, lang);
  if (!check.ok) {
    const error = finding(check.code, '', { detail: check.detail }, lang);
    return { ok: false, error, findings: [error] };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    // exceljs' own error texts are internal (and English): never shown to the filer.
    void err;
    const detail = lang === 'en' ? 'the workbook content cannot be read' : '工作簿内容无法解析';
    const error = finding('IMPORT_NOT_XLSX', '', { detail }, lang);
    return { ok: false, error, findings: [error] };
  }
  const maxRows = opts.maxRows ?? MAX_ROWS;
  const findings: Finding[] = [];
  const forms: ImportedForm[] = [];
  const sheets = wb.worksheets.filter((ws) => opts.sheet === undefined || ws.name === opts.sheet);
  if (opts.sheet !== undefined && sheets.length === 0) {
    const names = wb.worksheets.map((ws) => `“${ws.name}”`).join(lang === 'en' ? ', ' : '、');
    const error = finding('IMPORT_SHEET_NOT_FOUND', '', { sheet: opts.sheet, sheets: names }, lang);
    return { ok: false, error, findings: [error] };
  }
  const skipped: string[] = [];
  for (const ws of sheets) {
    if (ws.rowCount > maxRows) {
      findings.push(finding('IMPORT_TOO_MANY_ROWS', '', { sheet: ws.name, max: maxRows }, lang));
      continue;
    }
    if (ws.actualRowCount === 0) {
      findings.push(finding('IMPORT_EMPTY_SHEET', '', { sheet: ws.name }, lang));
      continue;
    }
    const grid = sheetGrid(ws, maxRows);
    if (grid.cells.every((row) => row.every((c) => c.text.trim() === '' && !c.formulaNoResult))) {
      findings.push(finding('IMPORT_EMPTY_SHEET', '', { sheet: ws.name }, lang));
      continue;
    }
    const dept = readDepartmentSheet(grid, { lang, mofDivCode: opts.mofDivCode });
    if (dept) {
      forms.push({ ...dept, form: dept.form as DepartmentFormInput as unknown as FormInput });
      continue;
    }
    // A sheet may hold more than one form, one under the other.
    const reads = splitForms(grid).map((part) => readSheet(part, { lang, mofDivCode: opts.mofDivCode }));
    if (reads.every((read) => read === null)) {
      skipped.push(ws.name);
      continue;
    }
    for (const read of reads) {
      if (read === null) continue;
      if (read.form === null) {
        findings.push(...read.findings);
        continue;
      }
      forms.push({ sheet: read.sheet, layout: read.layout, form: read.form, cells: read.cells, findings: read.findings });
    }
  }
  if (forms.length === 0) {
    const sheet = skipped[0] ?? sheets[0]?.name ?? '';
    const error = finding('IMPORT_NO_FORM', '', { sheet }, lang);
    return { ok: false, error, findings: [...findings, error] };
  }
  for (const s of skipped) findings.push(finding('IMPORT_SHEET_SKIPPED', '', { sheet: s }, lang));
  return { ok: true, forms, findings };
}

/**
 * Give each finding the cell its pointer came from: the pointer itself, else its nearest
 * parent that has a cell ("/indicators/3/actual" → "/indicators/3" → "/indicators" → "").
 */
export function attachCells<T extends { pointer: string; cell?: string }>(findings: readonly T[], cells: CellMap): T[] {
  return findings.map((f) => {
    if (f.cell) return f;
    let p = f.pointer;
    for (;;) {
      const c = cells[p];
      if (c !== undefined) return { ...f, cell: c };
      if (p === '') return f;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  });
}
