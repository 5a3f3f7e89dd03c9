import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A caller the config knows: who it is (for logs) and which indexes it may query. */
export interface TokenGrant {
  readonly tenant: string;
  /** SHA-256 of the bearer token, hex: the config never holds the token itself. */
  readonly sha256: string;
  readonly indexes: readonly string[];
}

/** A new random bearer token and the hash the config stores (`reftrack serve --new-token`). */
export function newToken(): { token: string; sha256: string } {
  const token = `rt_${randomBytes(24).toString("base64url")}`;
  return { token, sha256: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The grant an `Authorization: Bearer …` header carries, or null. The presented token is hashed
 * and compared with every grant's hash in constant time, all of them each time, so neither
 * whether a token is known nor which one it is shows in the timing.
 */
export function authorize(header: string | undefined, grants: readonly TokenGrant[]): TokenGrant | null {
  const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header ?? "");
  const presented = Buffer.from(hashToken(match ? match[1]! : ""), "hex");
  let found: TokenGrant | null = null;
  for (const grant of grants) {
    const expected = Buffer.from(grant.sha256, "hex");
    const equal = expected.length === presented.length && timingSafeEqual(expected, presented);
    if (equal && match) found = grant;
  }
  return found;
}
