/**
 * How many rows each worksheet of an xlsx holds, read from the zip's sheet XML as a stream and
 * abandoned as soon as a sheet passes the limit: a 400 000-row sheet is refused after its first
 * few thousand rows are inflated, before exceljs would load the whole of it. Call it after
 * checkXlsxBuffer accepted the bytes (so the zip directory is sane and the sizes are bounded).
 *
 * A row counts once per <row> element, or up to its r="N" attribute when that is higher (exceljs
 * sizes a sheet by the last row number, so an empty <row r="400000"/> is a long sheet too).
 */
import { createInflateRaw } from 'node:zlib';

export type RowCheck = { ok: true; sheets: { sheet: string; rows: number }[] } | { ok: false; sheet: string; max: number };

const CEN_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;

interface Entry {
  name: string;
  method: number;
  data: Buffer;
}

function entries(buf: Buffer): Entry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let n = 0; n < count && p + 46 <= buf.length && buf.readUInt32LE(p) === CEN_SIG; n++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8').replace(/^\//, '');
    p += 46 + skip;
    if (local + 30 > buf.length) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, method, data: buf.subarray(start, start + csize) });
  }
  return out;
}

function inflateAll(e: Entry): Promise<string> {
  return new Promise((resolve) => {
    if (e.method === 0) return resolve(e.data.toString('utf8'));
    const z = createInflateRaw();
    const parts: Buffer[] = [];
    z.on('data', (d: Buffer) => parts.push(d));
    z.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    z.on('error', () => resolve(''));
    z.end(e.data);
  });
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, n: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[n]!);

/** "xl/worksheets/sheet1.xml" → the sheet's name in the workbook (else the file name). */
async function sheetNames(all: Entry[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wb = all.find((e) => e.name === 'xl/workbook.xml');
  const rels = all.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return names;
  const targets = new Map<string, string>();
  for (const m of (await inflateAll(rels)).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of (await inflateAll(wb)).matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const rid = /\b\w+:id="([^"]*)"/.exec(m[1])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name !== undefined && target) names.set(target.replace(/\/\.\//g, '/'), unescapeXml(name));
  }
  return names;
}

const ROW_RX = /<(?:[A-Za-z_][\w.-]*:)?row(?=[\s>/])([^>]*)>/g;
const R_RX = /\br="(\d{1,10})"/;

/** Rows of one sheet, inflating as a stream; stops (and resolves max + 1) once past `max`. */
function countRows(e: Entry, max: number): Promise<number> {
  return new Promise((resolve) => {
    let rows = 0;
    let carry = '';
    let done = false;
    const finish = (n: number) => {
      if (done) return;
      done = true;
      resolve(n);
    };
    const scan = (text: string) => {
      ROW_RX.lastIndex = 0;
      for (let m = ROW_RX.exec(text); m; m = ROW_RX.exec(text)) {
        const r = R_RX.exec(m[1]);
        rows = r ? Math.max(rows + 1, Number(r[1])) : rows + 1;
        if (rows > max) return true;
      }
      return false;
    };
    const feed = (chunk: string, last: boolean) => {
      let text = carry + chunk;
      carry = '';
      if (!last) {
        // Keep an unfinished tag for the next chunk.
        const lt = text.lastIndexOf('<');
        if (lt >= 0 && text.indexOf('>', lt) < 0) {
          carry = text.slice(lt);
          text = text.slice(0, lt);
        }
      }
      return scan(text);
    };
    if (e.method === 0) return finish(feed(e.data.toString('latin1'), true) ? max + 1 : rows);
    const z = createInflateRaw();
    z.on('data', (d: Buffer) => {
      if (done) return;
      if (feed(d.toString('latin1'), false)) {
        finish(max + 1);
        z.destroy();
      }
    });
    z.on('end', () => finish(feed('', true) ? max + 1 : rows));
    z.on('error', () => finish(rows)); // a broken entry is exceljs' to report
    z.end(e.data);
  });
}

/** The row count of every worksheet, or the first sheet over `maxRows`. */
export async function checkSheetRows(buf: Buffer, maxRows: number): Promise<RowCheck> {
  const all = entries(buf);
  const names = await sheetNames(all);
  const sheets: { sheet: string; rows: number }[] = [];
  for (const e of all.filter((x) => /^xl\/worksheets\/[^/]+\.xml$/i.test(x.name))) {
    const sheet = names.get(e.name) ?? e.name.replace(/^.*\//, '').replace(/\.xml$/i, '');
    const rows = await countRows(e, maxRows);
    if (rows > maxRows) return { ok: false, sheet, max: maxRows };
    sheets.push({ sheet, rows });
  }
  return { ok: true, sheets };
}
