/**
 * Look at an upload before exceljs does: is it a zip at all, an encrypted (OLE compound) file,
 * or a zip bomb? The central directory is read by hand; every deflated entry is then inflated
 * with a hard output cap, so that sizes which lie in the directory cannot get past the check.
 * Pure and synchronous; never throws on bad input. Its details are in the answer's language, like
 * every other finding.
 */
import { inflateRawSync } from 'node:zlib';
import type { Lang } from '../../core/codes.js';

export interface ZipLimits {
  /** Sum of the uncompressed sizes of all entries, in bytes. */
  maxUncompressed: number;
  /** Uncompressed / compressed, over the whole archive. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressed: 50 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 2000,
};

export type ZipCheck =
  | { ok: true; entries: string[]; uncompressed: number }
  | { ok: false; code: 'IMPORT_NOT_XLSX' | 'IMPORT_ENCRYPTED' | 'IMPORT_TOO_LARGE'; detail: string };

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

function mb(n: number): string {
  // A size for a message, not an amount: one decimal, truncated.
  return String(Math.trunc((n * 10) / (1024 * 1024)) / 10) + ' MB';
}

/** An OLE2 compound file holding an "EncryptionInfo" stream is an encrypted OOXML package. */
function oleKind(buf: Buffer): 'encrypted' | 'legacy' {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return buf.includes(needle) ? 'encrypted' : 'legacy';
}

export function checkXlsxBuffer(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS, lang: Lang = 'zh'): ZipCheck {
  const say = (zh: string, en: string) => (lang === 'en' ? en : zh);
  if (buf.length === 0) return { ok: false, code: 'IMPORT_NOT_XLSX', detail: say('文件为空', 'the file is empty') };
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_MAGIC)) {
    return oleKind(buf) === 'encrypted'
      ? { ok: false, code: 'IMPORT_ENCRYPTED', detail: say('OLE 加密包', 'an encrypted OLE package') }
      : { ok: false, code: 'IMPORT_NOT_XLSX', detail: say('旧版 .xls 文件，请另存为 .xlsx', 'a legacy .xls file; save it as .xlsx') };
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOC_SIG) {
    return { ok: false, code: 'IMPORT_NOT_XLSX', detail: say('不是 zip 压缩包', 'not a zip archive') };
  }
  // End of central directory: the last 22 bytes, or up to 64 KiB earlier when a comment follows.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, code: 'IMPORT_NOT_XLSX', detail: say('zip 目录缺失（文件可能不完整）', 'the zip directory is missing (the file may be incomplete)') };
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    return { ok: false, code: 'IMPORT_TOO_LARGE', detail: say('zip64 压缩包', 'a zip64 archive') };
  }
  if (count > limits.maxEntries) {
    return { ok: false, code: 'IMPORT_TOO_LARGE', detail: say(`压缩包含${count}个文件`, `the archive holds ${count} files`) };
  }
  if (cdOffset + cdSize > eocd) return { ok: false, code: 'IMPORT_NOT_XLSX', detail: say('zip 目录损坏', 'the zip directory is damaged') };

  const entries: string[] = [];
  let total = 0;
  let compressedTotal = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG) {
      return { ok: false, code: 'IMPORT_NOT_XLSX', detail: say('zip 目录损坏', 'the zip directory is damaged') };
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 0x1) return { ok: false, code: 'IMPORT_ENCRYPTED', detail: name };
    if (csize === 0xffffffff || usize === 0xffffffff) {
      return { ok: false, code: 'IMPORT_TOO_LARGE', detail: say('zip64 压缩包', 'a zip64 archive') };
    }
    total += usize;
    compressedTotal += csize;
    if (total > limits.maxUncompressed) {
      return { ok: false, code: 'IMPORT_TOO_LARGE', detail: say(`解压后超过${mb(limits.maxUncompressed)}`, `more than ${mb(limits.maxUncompressed)} unpacked`) };
    }
    entries.push(name);
    if (usize === 0 || name.endsWith('/')) continue;
    // Inflate with a cap: a directory that under-states a size cannot smuggle a bomb past us.
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOC_SIG) {
      return { ok: false, code: 'IMPORT_NOT_XLSX', detail: say(`zip 条目损坏：${name}`, `a damaged zip entry: ${name}`) };
    }
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const data = buf.subarray(dataStart, dataStart + csize);
    if (method === 0) {
      if (csize !== usize) return { ok: false, code: 'IMPORT_NOT_XLSX', detail: say(`zip 条目损坏：${name}`, `a damaged zip entry: ${name}`) };
    } else if (method === 8) {
      try {
        inflateRawSync(data, { maxOutputLength: Math.max(usize, 1) });
      } catch (err) {
        const tooBig = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;
        return tooBig
          ? { ok: false, code: 'IMPORT_TOO_LARGE', detail: say(`条目“${name}”的实际大小超过目录所记`, `entry "${name}" is larger than its directory says`) }
          : { ok: false, code: 'IMPORT_NOT_XLSX', detail: say(`zip 条目无法解压：${name}`, `a zip entry cannot be unpacked: ${name}`) };
      }
    } else {
      return { ok: false, code: 'IMPORT_NOT_XLSX', detail: say(`不支持的压缩方式 ${method}`, `unsupported compression method ${method}`) };
    }
  }
  if (compressedTotal > 0 && total / compressedTotal > limits.maxRatio && total > 1024 * 1024) {
    const ratio = Math.trunc(total / compressedTotal);
    return { ok: false, code: 'IMPORT_TOO_LARGE', detail: say(`压缩比${ratio}:1 超过${limits.maxRatio}:1`, `compression ratio ${ratio}:1 is over ${limits.maxRatio}:1`) };
  }
  if (entries.some((e) => e === 'EncryptedPackage' || e === 'EncryptionInfo')) {
    return { ok: false, code: 'IMPORT_ENCRYPTED', detail: 'EncryptedPackage' };
  }
  if (!entries.includes('[Content_Types].xml') || !entries.some((e) => e.replace(/^\//, '') === 'xl/workbook.xml')) {
    return { ok: false, code: 'IMPORT_NOT_XLSX', detail: say('压缩包中没有 xl/workbook.xml（可能是 docx 或其他 zip）', 'no xl/workbook.xml in the archive (a docx or another zip?)') };
  }
  return { ok: true, entries, uncompressed: total };
}
