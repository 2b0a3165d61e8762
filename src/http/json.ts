/**
 * JSON bodies and NDJSON lines are parsed here. JSON.parse never touches a prototype by itself
 * (it makes "__proto__" an own property), but later merges could; so a body with a
 * "__proto__" key anywhere, or a "constructor" key holding a "prototype", is refused with
 * 400 (the choice of fastify's onProtoPoisoning / onConstructorPoisoning: 'error'), and the
 * key never reaches code past the parser. The scan runs only when the text mentions such a
 * key (plain or \u-escaped), as secure-json-parse does.
 */
import type { Code } from '../core/codes.js';

const PROTO_RX =
  /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/;
const CONSTRUCTOR_RX =
  /"(?:c|\\u0063)(?:o|\\u006[Ff])(?:n|\\u006[Ee])(?:s|\\u0073)(?:t|\\u0074)(?:r|\\u0072)(?:u|\\u0075)(?:c|\\u0063)(?:t|\\u0074)(?:o|\\u006[Ff])(?:r|\\u0072)"\s*:/;

export type JsonParse =
  | { ok: true; value: unknown }
  | { ok: false; code: Extract<Code, 'INVALID_JSON' | 'EMPTY_BODY' | 'BAD_REQUEST'>; forbiddenKey?: string };

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

/** Parse a JSON body; a leading UTF-8 byte-order mark is skipped (as the CLI does). */
export function parseJson(text: string): JsonParse {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, code: 'EMPTY_BODY' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'INVALID_JSON' };
  }
  if (PROTO_RX.test(text) || CONSTRUCTOR_RX.test(text)) {
    const key = forbiddenKey(value);
    if (key !== undefined) return { ok: false, code: 'BAD_REQUEST', forbiddenKey: key };
  }
  return { ok: true, value };
}
