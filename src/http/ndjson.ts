/**
 * Splits a byte stream into NDJSON lines without ever holding more than one line (at most
 * `limit` bytes) plus the chunk being read. A line longer than `limit` is skipped to its end
 * and reported as `tooLarge`; the lines after it go on. Lines are numbered from 1 as they
 * appear (blank lines count but are not yielded). After each chunk the generator yields
 * FLUSH, a hint that it is about to wait for more input, so a writer can flush what it holds.
 */
import { isUtf8 } from 'node:buffer';

export interface NdjsonLine {
  /** 1-based line number in the request body. */
  n: number;
  /** The line's text (UTF-8, without its "\r\n" / "\n"); undefined when tooLarge. */
  text: string | undefined;
  /** Bytes in the line (without the line break). */
  bytes: number;
  tooLarge: boolean;
  /** The line's bytes are not valid UTF-8 (`text` then has U+FFFD in their place): refuse it (INVALID_UTF8). */
  invalidUtf8?: boolean;
}

export const FLUSH = null;
export type NdjsonItem = NdjsonLine | typeof FLUSH;

const NL = 0x0a;
const CR = 0x0d;

export async function* ndjsonLines(source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, limit: number): AsyncGenerator<NdjsonItem> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let n = 0;

  const take = (): NdjsonLine | undefined => {
    n++;
    const bytes = size;
    const tooLarge = skipping;
    let text: string | undefined;
    let invalidUtf8 = false;
    if (!tooLarge) {
      let buf = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
      let end = buf.length;
      if (end > 0 && buf[end - 1] === CR) end--;
      if (end !== buf.length) buf = buf.subarray(0, end);
      invalidUtf8 = !isUtf8(buf);
      text = buf.toString('utf8');
      if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    parts = [];
    size = 0;
    skipping = false;
    if (!tooLarge && text!.trim() === '') return undefined;
    return invalidUtf8 ? { n, text, bytes, tooLarge, invalidUtf8 } : { n, text, bytes, tooLarge };
  };

  for await (const c of source) {
    const chunk = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(NL, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = end - start;
      if (!skipping) {
        if (size + piece > limit) {
          skipping = true;
          parts = [];
        } else if (piece > 0) {
          parts.push(chunk.subarray(start, end));
        }
      }
      size += piece;
      if (nl === -1) break;
      const line = take();
      if (line) yield line;
      start = nl + 1;
    }
    yield FLUSH;
  }
  if (size > 0 || skipping) {
    const line = take();
    if (line) yield line;
  }
}
