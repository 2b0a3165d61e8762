/**
 * The task of an import reader process (src/excel/reader.ts, forked by src/excel/pool.ts): check
 * the bytes, refuse a sheet longer than the row limit before exceljs reads it, then read the
 * workbook. Everything it returns is plain data (structured-cloned back to the server).
 */
import { finding, type Lang } from '../core/codes.js';
import { checkXlsxBuffer, DEFAULT_ZIP_LIMITS, importWorkbook, type ImportResult } from './import/index.js';
import { checkSheetRows } from './rows.js';

export interface ImportTask {
  bytes: Uint8Array;
  sheet?: string;
  mofDivCode?: string;
  lang: Lang;
  maxRows: number;
}

export default async function importTask(task: ImportTask): Promise<ImportResult> {
  const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  // A bad zip is importWorkbook's to report (it runs the same check first).
  if (checkXlsxBuffer(buf, DEFAULT_ZIP_LIMITS).ok) {
    const rows = await checkSheetRows(buf, task.maxRows);
    if (!rows.ok) {
      const error = finding('IMPORT_TOO_MANY_ROWS', '', { sheet: rows.sheet, max: rows.max }, task.lang);
      return { ok: false, error, findings: [error] };
    }
  }
  return importWorkbook(buf, { sheet: task.sheet, mofDivCode: task.mofDivCode, lang: task.lang, maxRows: task.maxRows });
}
