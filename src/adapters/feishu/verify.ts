/**
 * Checks a request to `/feishu/events` before any work is done. The SDK's own check signs the body as it
 * re-serialises it (not the bytes Feishu signed) and answers a failure with HTTP 200; here the raw body
 * is checked and the caller answers 4xx. Decryption uses the SDK's `AESCipher` (AES-256-CBC, key =
 * SHA-256 of the encrypt key, IV = first 16 bytes of the payload).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { freshTimestamp } from '../http/body.ts';
import { isLegacyCardCallback } from './events.ts';
import { lark } from './lark.ts';

/** The outcome: a payload to handle, or the HTTP status to answer with. */
export type Verified =
  | { ok: true; payload: Record<string, unknown>; challenge?: string }
  | { ok: false; status: 400 | 401; reason: string };

/** Secrets from the developer console. */
export interface VerifySecrets {
  encryptKey?: string;
  verificationToken?: string;
}

/** Signed requests older or newer than this are replays (or a broken clock): refused. */
const MAX_SKEW_SEC = 300;

/**
 * Verifies, decrypts and parses one request body. A request whose `x-lark-request-timestamp` is more than
 * five minutes from `now` (either way) is refused: a signature proves who sent it, not when.
 */
export function verifyRequest(
  raw: Buffer,
  headers: IncomingHttpHeaders,
  secrets: VerifySecrets & { now?: number },
): Verified {
  const { encryptKey, verificationToken } = secrets;
  const timestamp = header(headers, 'x-lark-request-timestamp');
  if (timestamp !== undefined && !freshTimestamp(timestamp, secrets.now ?? Date.now(), MAX_SKEW_SEC)) {
    return { ok: false, status: 401, reason: 'stale or future timestamp' };
  }
  const nonce = header(headers, 'x-lark-request-nonce');
  const signature = header(headers, 'x-lark-signature');
  const body = raw.toString('utf8');

  const signedWithKey =
    encryptKey !== undefined && signature !== undefined && timestamp !== undefined && nonce !== undefined
      ? sameHex(signature, sha('sha256', timestamp + nonce + encryptKey + body))
      : false;
  // An encrypt key is set and the request is signed, but not with it: reject before reading the body.
  if (encryptKey && signature && !signedWithKey && !legacyCardSigned()) {
    return { ok: false, status: 401, reason: 'bad signature' };
  }

  let outer: unknown;
  try {
    outer = JSON.parse(body);
  } catch {
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
  if (!isObject(outer)) return { ok: false, status: 400, reason: 'body is not a JSON object' };

  let payload: Record<string, unknown> = outer;
  if (typeof outer.encrypt === 'string') {
    if (!encryptKey) return { ok: false, status: 400, reason: 'encrypted body but no FEISHU_ENCRYPT_KEY' };
    try {
      const inner: unknown = JSON.parse(new lark.AESCipher(encryptKey).decrypt(outer.encrypt));
      if (!isObject(inner)) return { ok: false, status: 400, reason: 'decrypted body is not a JSON object' };
      payload = inner;
    } catch {
      return { ok: false, status: 400, reason: 'body cannot be decrypted' };
    }
  }

  const challenge = payload.type === 'url_verification' ? String(payload.challenge ?? '') : undefined;
  const token = tokenOf(payload);
  const tokenMatches =
    token !== undefined && verificationToken !== undefined && sameText(token, verificationToken);
  if (verificationToken && token !== undefined && !tokenMatches && !isLegacyCardCallback(payload)) {
    return { ok: false, status: 401, reason: 'wrong verification token' };
  }
  if (encryptKey) {
    if (signedWithKey) return { ok: true, payload, challenge };
    // The console's URL check comes encrypted but may be unsigned: decrypting it proves the key, and
    // answering it does no work.
    if (challenge !== undefined && typeof outer.encrypt === 'string') return { ok: true, payload, challenge };
    if (isLegacyCardCallback(payload) && legacyCardSigned()) return { ok: true, payload };
    return { ok: false, status: 401, reason: 'missing signature' };
  }
  if (isLegacyCardCallback(payload)) {
    return legacyCardSigned()
      ? { ok: true, payload }
      : { ok: false, status: 401, reason: 'bad card signature' };
  }
  if (tokenMatches) return { ok: true, payload, challenge };
  return { ok: false, status: 401, reason: 'wrong verification token' };

  /** Legacy card callbacks are signed with SHA-1 of timestamp + nonce + verification token + body. */
  function legacyCardSigned(): boolean {
    if (!verificationToken || !signature || timestamp === undefined || nonce === undefined) return false;
    return sameHex(signature, sha('sha1', timestamp + nonce + verificationToken + body));
  }
}

/** The verification token: `header.token` (2.0) or `token` (1.0, URL check). */
function tokenOf(payload: Record<string, unknown>): string | undefined {
  const h = payload.header;
  if (isObject(h) && typeof h.token === 'string') return h.token;
  return typeof payload.token === 'string' ? payload.token : undefined;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sha(algorithm: 'sha1' | 'sha256', text: string): string {
  return createHash(algorithm).update(text).digest('hex');
}

/** Compares two secrets in constant time (their hashes, so lengths do not leak either). */
function sameText(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function sameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
