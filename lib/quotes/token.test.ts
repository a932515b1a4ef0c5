import { describe, expect, it } from "vitest";
import { hashToken, isWellFormedToken, issueToken, tokenMatchesHash } from "./token";

describe("quote link tokens", () => {
  it("issues a 43-character base64url token (256 bits) and its SHA-256 hex hash", () => {
    const { token, hash } = issueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(token);
    expect(hashToken(token)).toBe(hash);
    expect(isWellFormedToken(token)).toBe(true);
    expect(tokenMatchesHash(token, hash)).toBe(true);
  });

  it("issues 10,000 distinct tokens with distinct hashes", () => {
    const tokens = new Set<string>();
    const hashes = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const { token, hash } = issueToken();
      tokens.add(token);
      hashes.add(hash);
    }
    expect(tokens.size).toBe(10_000);
    expect(hashes.size).toBe(10_000);
  });

  it("a tampered token no longer matches its hash", () => {
    const { token, hash } = issueToken();
    const flipped = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    expect(isWellFormedToken(flipped)).toBe(true);
    expect(tokenMatchesHash(flipped, hash)).toBe(false);
    expect(tokenMatchesHash(token, issueToken().hash)).toBe(false);
  });

  it.each([
    ["empty", ""],
    ["too short", "abc"],
    ["one character too long", `${issueToken().token}x`],
    ["padding", `${issueToken().token.slice(0, 42)}=`],
    ["standard base64", `${issueToken().token.slice(0, 42)}+`],
    ["path traversal", "../../../../etc/passwd/aaaaaaaaaaaaaaaaaaaaaa"],
    ["quote", `${issueToken().token.slice(0, 42)}'`],
  ])("refuses a malformed token (%s)", (_, token) => {
    expect(isWellFormedToken(token)).toBe(false);
    expect(tokenMatchesHash(token, hashToken(token))).toBe(false);
  });

  it("refuses non-strings and a malformed stored hash", () => {
    expect(isWellFormedToken(undefined)).toBe(false);
    expect(isWellFormedToken(42)).toBe(false);
    const { token } = issueToken();
    expect(tokenMatchesHash(token, "nothex")).toBe(false);
  });
});
