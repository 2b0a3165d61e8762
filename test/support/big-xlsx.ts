/**
 * Large workbooks without exceljs (which would take longer to write them than the service to
 * refuse them): the xlsx parts written by hand and zipped with node:zlib.
 *   bigWorkbook({ rows: 400_000 })                 a long sheet of short rows
 *   bigWorkbook({ rows: 10_000, cols: 40 })        a wide in-limit sheet, megabytes of cell text
 *   bigWorkbook({ rows: 3, lastRow: 400_000 })     few rows, the last numbered 400 000
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** A zip of the parts (deflated at `level`, UTF-8 names), written by hand. */
export function zip(files: { name: string; data: Buffer }[], level = 6): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const comp = deflateRawSync(f.data, { level });
    const crc = crc32(f.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(f.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(f.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const X = (s: string) => Buffer.from(s, 'utf8');

/** A pseudo-random word (deterministic), so that the cell text does not compress to nothing. */
function word(i: number, j: number): string {
  let h = (i * 2654435761 + j * 40503) >>> 0;
  let s = '';
  for (let k = 0; k < 12; k++) {
    h = (h * 1103515245 + 12345) >>> 0;
    s += String.fromCharCode(0x4e00 + (h % 2000)); // CJK, as real forms are
  }
  return s;
}

export function bigWorkbook(opts: { rows: number; cols?: number; lastRow?: number; sheet?: string }): Buffer {
  const cols = opts.cols ?? 1;
  const rows: string[] = [];
  for (let i = 1; i <= opts.rows; i++) {
    const r = i === opts.rows && opts.lastRow ? opts.lastRow : i;
    let cells = '';
    for (let j = 0; j < cols; j++) {
      const col = j < 26 ? String.fromCharCode(65 + j) : String.fromCharCode(64 + Math.floor(j / 26)) + String.fromCharCode(65 + (j % 26));
      cells += `<c r="${col}${r}" t="inlineStr"><is><t>${cols === 1 ? `x${i}` : word(i, j)}</t></is></c>`;
    }
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  return zip([
    {
      name: '[Content_Types].xml',
      data: X(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    },
    {
      name: '_rels/.rels',
      data: X(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    {
      name: 'xl/workbook.xml',
      data: X(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${opts.sheet ?? '长表'}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: X(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    },
    { name: 'xl/worksheets/sheet1.xml', data: X(sheet) },
  ]);
}
