/**
 * Hostile workbooks (issue 10, defect 1): small uploads within every zip check (src/excel/import/
 * zipcheck.ts: 50 MiB unpacked, 100:1, 2000 entries) and the row limit, built to make exceljs
 * allocate as much as possible. Written by hand and zipped with node:zlib (exceljs would take far
 * longer to write them than the service to refuse them).
 *   hostileWorkbook('validation')   one data validation over A1:XFD1048576 (exceljs expands it per cell)
 *   hostileWorkbook('merge')        one merged range A1:XFD1048576 (exceljs creates every cell)
 *   hostileWorkbook('cells')        10 000 rows of tiny styled cells, ~45 MB of sheet XML
 *   hostileWorkbook('richtext')     a shared-strings table of rich-text runs, ~45 MB
 *   hostileWorkbook('longtext')     one cell holding ~45 MB of text
 *   hostileWorkbook('sheets')       1 900 sheets of tiny cells
 *   hostileWorkbook('styles')       a styles part of ~45 MB (fonts, fills, borders, formats)
 */
import { zip } from './big-xlsx.js';

export const HOSTILE_KINDS = ['validation', 'merge', 'cells', 'richtext', 'longtext', 'sheets', 'styles'] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

const X = (s: string) => Buffer.from(s, 'utf8');
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Unpacked parts stay under this, well inside the 50 MiB check. */
const BUDGET = 45 * 1024 * 1024;

/** The parts zipped at deflate level 9 (the zip writer of big-xlsx.ts). */
export function zipParts(files: { name: string; data: Buffer }[]): Buffer {
  return zip(files, 9);
}

/** Deterministic pseudo-random letters from a small alphabet: compresses about 3:1, no better. */
function noise(n: number, seed: number, alphabet = 'abcdefghijklmnop'): string {
  let h = seed >>> 0 || 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    out.push(alphabet[h % alphabet.length]);
  }
  return out.join('');
}

function col(j: number): string {
  let s = '';
  for (let n = j + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Parts {
  sheets: string[];
  sharedStrings?: string;
  styles?: string;
}

function workbook(p: Parts): Buffer {
  const n = p.sheets.length;
  const over = (name: string, type: string) => `<Override PartName="/${name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`;
  let types = `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`;
  types += over('xl/workbook.xml', 'sheet.main');
  let rels = '';
  let sheets = '';
  const files: { name: string; data: Buffer }[] = [];
  p.sheets.forEach((xml, i) => {
    types += over(`xl/worksheets/sheet${i + 1}.xml`, 'worksheet');
    rels += `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
    sheets += `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
    files.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: X(xml) });
  });
  if (p.sharedStrings !== undefined) {
    types += over('xl/sharedStrings.xml', 'sharedStrings');
    rels += `<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
    files.push({ name: 'xl/sharedStrings.xml', data: X(p.sharedStrings) });
  }
  if (p.styles !== undefined) {
    types += over('xl/styles.xml', 'styles');
    rels += `<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/>`;
    files.push({ name: 'xl/styles.xml', data: X(p.styles) });
  }
  return zipParts([
    { name: '[Content_Types].xml', data: X(`${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${types}</Types>`) },
    {
      name: '_rels/.rels',
      data: X(`${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    { name: 'xl/workbook.xml', data: X(`${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: X(`${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
    ...files,
  ]);
}

const sheet = (data: string, after = '') => `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${data}</sheetData>${after}</worksheet>`;

/** Rows of tiny cells (`<c r="B7" s="1"/>`) up to about `bytes` of XML, `perRow` cells a row. */
function tinyRows(bytes: number, perRow: number, maxRows: number): string {
  const rows: string[] = [];
  let size = 0;
  for (let r = 1; r <= maxRows && size < bytes; r++) {
    let cells = '';
    for (let j = 0; j < perRow; j++) cells += `<c r="${col(j)}${r}" t="n"><v>${(r * 7 + j) % 10}</v></c>`;
    const row = `<row r="${r}">${cells}</row>`;
    size += row.length;
    rows.push(row);
  }
  return rows.join('');
}

export function hostileWorkbook(kind: HostileKind, opts: { budget?: number } = {}): Buffer {
  const budget = opts.budget ?? BUDGET;
  const one = `<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row>`;
  switch (kind) {
    case 'validation':
      return workbook({
        sheets: [sheet(one, `<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1><formula2>9</formula2></dataValidation></dataValidations>`)],
      });
    case 'merge':
      return workbook({ sheets: [sheet(one, `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`)] });
    case 'cells':
      return workbook({ sheets: [sheet(tinyRows(budget, 200, 10_000))] });
    case 'richtext': {
      const si: string[] = [];
      let size = 0;
      for (let i = 0; size < budget; i++) {
        const s = `<si><r><rPr><b/><sz val="11"/></rPr><t>${noise(3, i + 1)}</t></r><r><t>${noise(2, i + 7)}</t></r></si>`;
        size += s.length;
        si.push(s);
      }
      const ss = `${HEAD}<sst xmlns="${MAIN}" count="${si.length}" uniqueCount="${si.length}">${si.join('')}</sst>`;
      return workbook({ sheets: [sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)], sharedStrings: ss });
    }
    case 'longtext':
      return workbook({ sheets: [sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${noise(budget, 3, 'abcd')}</t></is></c></row>`)] });
    case 'sheets': {
      const n = 1_900;
      const each = Math.floor(budget / n);
      return workbook({ sheets: Array.from({ length: n }, () => sheet(tinyRows(each, 50, 10_000))) });
    }
    case 'styles': {
      const fonts: string[] = [];
      const xfs: string[] = [];
      let size = 0;
      for (let i = 0; size < budget; i++) {
        const f = `<font><b/><sz val="${(i % 40) + 6}"/><color rgb="FF${noise(6, i + 1, '0123456789ABCDEF')}"/><name val="${noise(4, i + 9)}"/></font>`;
        const x = `<xf numFmtId="0" fontId="${i}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`;
        size += f.length + x.length;
        fonts.push(f);
        xfs.push(x);
      }
      const styles = `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="${fonts.length}">${fonts.join('')}</fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`;
      const rows = tinyRows(2_000_000, 100, 10_000).replace(/<c r="([A-Z]+)(\d+)"/g, (_m, c: string, r: string) => `<c r="${c}${r}" s="${(Number(r) * 131 + c.length * 7) % xfs.length}"`);
      return workbook({ sheets: [sheet(rows)], styles });
    }
  }
}
