/**
 * Opaque page cursors for keyset pagination. A cursor is the sort key of the last row of a page,
 * a tuple such as `(seq)` or `(created_at, id)`, tagged with the list it belongs to and written
 * as base64url JSON. The next page is `WHERE (sort keys) < / > (cursor)`, never OFFSET, so rows
 * inserted while a client pages through appear at most once and no row that existed before is
 * skipped. A cursor that does not decode, or that belongs to another list, is `null`; the HTTP
 * layer answers it with 400 BAD_CURSOR.
 *
 *   const C = cursorCodec('submissions', ['int']);
 *   C.encode([42])     → "WyJzdWJtaXNzaW9ucyIsNDJd"
 *   C.decode(text)     → [42] | null
 */

export type CursorValue = string | number;
/** 'int': a non-negative safe integer (a seq or a version); 'string': up to 200 characters. */
export type CursorKey = 'int' | 'string';

type Values<K extends readonly CursorKey[]> = { [I in keyof K]: K[I] extends 'int' ? number : string };

/** The longest cursor text accepted (a query parameter, so bounded). */
export const CURSOR_MAX_LENGTH = 512;
const STRING_MAX = 200;

/** Encodes a tuple of sort keys, tagged with its list's name. */
export function encodeCursor(values: readonly CursorValue[], kind = ''): string {
  return Buffer.from(JSON.stringify([kind, ...values]), 'utf8').toString('base64url');
}

/** The tuple of a cursor of list `kind` with the given key types, or null when it is not one. */
export function decodeCursor(text: string, keys: readonly CursorKey[], kind = ''): CursorValue[] | null {
  if (text.length === 0 || text.length > CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== keys.length + 1 || parsed[0] !== kind) return null;
  const values = parsed.slice(1) as unknown[];
  for (let i = 0; i < keys.length; i++) {
    const v = values[i];
    const ok = keys[i] === 'int' ? Number.isSafeInteger(v) && (v as number) >= 0 : typeof v === 'string' && v.length <= STRING_MAX;
    if (!ok) return null;
  }
  return values as CursorValue[];
}

export interface CursorCodec<K extends readonly CursorKey[]> {
  readonly kind: string;
  encode(values: Values<K>): string;
  decode(text: string): Values<K> | null;
}

/** A typed encoder/decoder for one list: `cursorCodec('audit', ['int'])`. */
export function cursorCodec<const K extends readonly CursorKey[]>(kind: string, keys: K): CursorCodec<K> {
  return {
    kind,
    encode: (values) => encodeCursor(values as unknown as CursorValue[], kind),
    decode: (text) => decodeCursor(text, keys, kind) as Values<K> | null,
  };
}

/**
 * One page from `limit + 1` rows fetched in sort order: the first `limit` rows, and the cursor of
 * the last of them when there was one more row.
 */
export function pageFrom<R, T>(rows: R[], limit: number, item: (r: R) => T, key: (r: R) => string): { items: T[]; next: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { items: page.map(item), next: more ? key(page[page.length - 1]) : null };
}
