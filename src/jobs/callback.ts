/**
 * Signed callbacks of finished jobs (README "Callbacks").
 *
 * The secret is derived from the API key that posted the job, never stored with the key:
 *   secret = hex(HMAC-SHA256(key = the API key, message = "jixiao-callback-v1"))
 * so its owner can compute it from the key it holds (or ask POST /v1/jobs/callback-secret), the
 * server needs no second secret per key, and revoking or replacing the key replaces the secret.
 * The server sees the key only on a request: the derived secret is kept on the job (purged with it).
 *
 * Each delivery is a POST of a JSON summary with
 *   X-Jixiao-Timestamp: <unix seconds>
 *   X-Jixiao-Signature: sha256=<hex(HMAC-SHA256(secret, timestamp + "." + body))>
 * as Stripe and GitHub webhooks do: the receiver recomputes it over the raw body, compares in
 * constant time and refuses old timestamps (replays).
 */
import { createHmac } from 'node:crypto';

export const SECRET_CONTEXT = 'jixiao-callback-v1';
export const SIGNATURE_HEADER = 'x-jixiao-signature';
export const TIMESTAMP_HEADER = 'x-jixiao-timestamp';

export function callbackSecret(apiKey: string): string {
  return createHmac('sha256', apiKey).update(SECRET_CONTEXT, 'utf8').digest('hex');
}

/** The X-Jixiao-Signature value of a body sent at `timestamp` (unix seconds). */
export function signature(secret: string, timestamp: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/**
 * The callback URL if its origin is on the allow-list (CALLBACK_ORIGINS), else null. Only http(s)
 * URLs without credentials; the origin is compared as the URL parser normalises it.
 */
export function allowedCallback(url: string, origins: readonly string[] | null): string | null {
  if (!origins || origins.length === 0 || url.length > 2000) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return null;
  const allowed = new Set(
    origins.map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        return '';
      }
    }),
  );
  return allowed.has(u.origin) ? u.toString() : null;
}

export interface Delivery {
  status: number | null;
  error: string | null;
  ms: number;
}

/**
 * One POST of a signed body. Redirects are not followed (a redirect could leave the allow-list):
 * only a 2xx answer counts as delivered. Never throws.
 */
export async function deliver(url: string, secret: string, body: string, timeoutMs: number, headers: Record<string, string> = {}): Promise<Delivery> {
  const started = performance.now();
  const ts = String(Math.floor(Date.now() / 1000));
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'jixiao-callback/1',
        [TIMESTAMP_HEADER]: ts,
        [SIGNATURE_HEADER]: signature(secret, ts, body),
        ...headers,
      },
      body,
    });
    // The answer's body is not needed; read and drop a little so the connection can be reused.
    await res.body?.cancel().catch(() => undefined);
    const ms = Math.round(performance.now() - started);
    return { status: res.status, error: res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`, ms };
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message ?? String(err));
    return { status: null, error: String(why).slice(0, 200), ms: Math.round(performance.now() - started) };
  }
}

/** The wait before attempt n + 1 (n ≥ 1): base · 2^(n−1), at most max. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
}
