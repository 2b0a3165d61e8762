/**
 * JSON bodies and NDJSON lines are parsed here. JSON.parse never touches a prototype by itself
 * (it makes "__proto__" an own property), but later merges could; so a body with a
 * "__proto__" key anywhere, or a "constructor" key holding a "prototype", is refused with
 * 400 (the choice of fastify's onProtoPoisoning / onConstructorPoisoning: 'error'), and the
 * key never reaches code past the parser. The scan runs only when the text mentions such a
 * key (plain or \u-escaped), as secure-json-parse does. Bodies nested deeper than MAX_JSON_DEPTH
 * are refused before they are parsed (JSON_TOO_DEEP).
 */
import { isUtf8 } from 'node:buffer';
import type { Code } from '../core/codes.js';

const PROTO_RX =
  /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/;
const CONSTRUCTOR_RX =
  /"(?:c|\\u0063)(?:o|\\u006[Ff])(?:n|\\u006[Ee])(?:s|\\u0073)(?:t|\\u0074)(?:r|\\u0072)(?:u|\\u0075)(?:c|\\u0063)(?:t|\\u0074)(?:o|\\u006[Ff])(?:r|\\u0072)"\s*:/;

export type JsonParse =
  | { ok: true; value: unknown }
  | { ok: false; code: Extract<Code, 'INVALID_JSON' | 'INVALID_UTF8' | 'EMPTY_BODY' | 'BAD_REQUEST' | 'JSON_TOO_DEEP'>; forbiddenKey?: string };

/**
 * The deepest nesting of arrays and objects a body may have. A form is 4 levels deep (form →
 * funds → rows → row), a JSON batch 5, an export request with its results about 8: 32 is far
 * beyond any of them, and small enough that no later walk (hashing, stringify, a message's
 * quote of a value) can recurse into a stack overflow.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * True when `text` nests arrays and objects deeper than `max`. One pass over the characters, no
 * recursion and no allocation; strings (with their escapes) are skipped. For long texts it runs
 * before JSON.parse, so that a 32 MB batch of "[[[[…" is refused without being built. Invalid
 * JSON may be miscounted: it is refused either way.
 */
export function textDeeperThan(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: to the next quote not escaped by an odd run of backslashes.
      for (;;) {
        const j = text.indexOf('"', i + 1);
        if (j < 0) return false;
        let k = j - 1;
        while (text.charCodeAt(k) === 0x5c) k--;
        i = j;
        if ((j - 1 - k) % 2 === 0) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** True when a parsed value nests deeper than `max`; iterative (JSON.parse itself does not recurse in V8). */
export function valueDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: { node: object; depth: number }[] = [];
  if (typeof value === 'object' && value !== null) stack.push({ node: value, depth: 1 });
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > max) return true;
    const values: unknown[] = Array.isArray(node) ? node : Object.values(node);
    for (const v of values) if (typeof v === 'object' && v !== null) stack.push({ node: v, depth: depth + 1 });
  }
  return false;
}

/** Below this length a text is parsed and then measured (cheaper); above, it is scanned first. */
const SCAN_FIRST = 64 * 1024;

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The first forbidden key in `value`, walking iteratively (a 10 000-deep body is fine). */
export function forbiddenKey(value: unknown): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const v of node) if (typeof v === 'object' && v !== null) stack.push(v);
      continue;
    }
    if (hasOwn(node, '__proto__')) return '__proto__';
    if (hasOwn(node, 'constructor')) {
      const c = (node as Record<string, unknown>).constructor;
      if (typeof c === 'object' && c !== null && hasOwn(c, 'prototype')) return 'constructor.prototype';
    }
    for (const k in node) {
      const v = (node as Record<string, unknown>)[k];
      if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return undefined;
}

/**
 * The charset of a content type when it is not UTF-8 ("gbk" in "application/json; charset=gbk"),
 * else null: bodies are read as UTF-8 only, so any other charset is refused (415) rather than
 * silently misread. No charset, "utf-8" and "utf8" are fine.
 */
export function nonUtf8(contentType: string | string[] | undefined): string | null {
  if (typeof contentType !== 'string') return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType);
  if (!m) return null;
  const cs = m[1].toLowerCase();
  return cs === 'utf-8' || cs === 'utf8' ? null : contentType.slice(0, 100);
}

/**
 * A body's bytes as text, or null when they are not valid UTF-8 (an overlong form, an encoded
 * surrogate, a stray byte, GBK sent without its charset …): decoding would replace them with
 * U+FFFD and silently change what the client wrote, so such a body is refused (INVALID_UTF8).
 */
export function utf8Text(buf: Buffer): string | null {
  return isUtf8(buf) ? buf.toString('utf8') : null;
}

/** A surrogate escape (\uD800–\uDFFF) in JSON text: only then can a parsed string hold an unpaired one. */
const SURROGATE_ESCAPE_RX = /\\u[dD][89a-fA-F]/;
const LONE_SURROGATE_RX = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * True when a string or key in `value` holds an unpaired surrogate ("\ud800" is valid JSON but no
 * character: stored as UTF-8 it would become U+FFFD). Iterative, like forbiddenKey.
 */
export function hasLoneSurrogate(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (LONE_SURROGATE_RX.test(node)) return true;
    } else if (Array.isArray(node)) {
      for (const v of node) stack.push(v);
    } else if (typeof node === 'object' && node !== null) {
      for (const k in node) {
        if (LONE_SURROGATE_RX.test(k)) return true;
        stack.push((node as Record<string, unknown>)[k]);
      }
    }
  }
  return false;
}

/**
 * Parse a JSON body; a leading UTF-8 byte-order mark is skipped (as the CLI does). A string with
 * an unpaired surrogate is INVALID_UTF8 (400), as the bytes of one would be. Nesting deeper
 * than MAX_JSON_DEPTH is JSON_TOO_DEEP (400): a text over 64 KiB is scanned before it is parsed,
 * a shorter one (a 32 000-level value at most) is parsed and then measured, at a tenth of the cost.
 */
export function parseJson(text: string): JsonParse {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, code: 'EMPTY_BODY' };
  const long = text.length > SCAN_FIRST;
  if (long && textDeeperThan(text)) return { ok: false, code: 'JSON_TOO_DEEP' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'INVALID_JSON' };
  }
  if (!long && valueDeeperThan(value)) return { ok: false, code: 'JSON_TOO_DEEP' };
  // Text decoded from UTF-8 holds no unpaired surrogate itself: only an escape can make one.
  if (SURROGATE_ESCAPE_RX.test(text) && hasLoneSurrogate(value)) return { ok: false, code: 'INVALID_UTF8' };
  if (PROTO_RX.test(text) || CONSTRUCTOR_RX.test(text)) {
    const key = forbiddenKey(value);
    if (key !== undefined) return { ok: false, code: 'BAD_REQUEST', forbiddenKey: key };
  }
  return { ok: true, value };
}
