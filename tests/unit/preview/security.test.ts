import { describe, expect, it } from "vitest";
import { checkRequest, createToken, hostAllowed, originAllowed, tokenMatches } from "../../../src/preview/security.js";

describe("the preview's request checks", () => {
  it("makes tokens of 32 random bytes, never the same twice", () => {
    const tokens = new Set(Array.from({ length: 100 }, () => createToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("matches the token exactly, whatever the length given", () => {
    const token = createToken();
    expect(tokenMatches(token, token)).toBe(true);
    for (const given of [null, undefined, "", token.slice(1), `${token}=`, token.toUpperCase(), "x".repeat(10_000)]) expect(tokenMatches(given, token)).toBe(false);
  });

  it("answers to 127.0.0.1 and localhost on its own port only", () => {
    expect(hostAllowed("127.0.0.1:4000", 4000)).toBe(true);
    expect(hostAllowed("LOCALHOST:4000", 4000)).toBe(true);
    for (const host of [undefined, "", "127.0.0.1", "127.0.0.1:4001", "localhost", "evil.example:4000", "127.0.0.1.evil.example:4000", "[::1]:4000", "0.0.0.0:4000"]) {
      expect(hostAllowed(host, 4000), String(host)).toBe(false);
    }
  });

  it("takes requests without an Origin, or from its own, and no other", () => {
    expect(originAllowed(undefined, 4000)).toBe(true);
    expect(originAllowed("http://127.0.0.1:4000", 4000)).toBe(true);
    expect(originAllowed("http://localhost:4000", 4000)).toBe(true);
    for (const origin of ["null", "http://evil.example", "https://127.0.0.1:4000", "http://127.0.0.1:4001", "http://127.0.0.1:4000.evil.example"]) {
      expect(originAllowed(origin, 4000), origin).toBe(false);
    }
  });

  it("checks the Host before the token, and wants an Origin on a POST", () => {
    const session = { token: createToken(), port: 4000 };
    const fine = { host: "127.0.0.1:4000", origin: undefined, fetchSite: undefined, token: session.token, method: "GET" };
    expect(checkRequest(fine, session)).toEqual({ ok: true });
    expect(checkRequest({ ...fine, host: "evil.example:4000", token: null }, session)).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining("address") });
    expect(checkRequest({ ...fine, token: "wrong" }, session)).toMatchObject({ ok: false, reason: expect.stringContaining("token") });
    expect(checkRequest({ ...fine, fetchSite: "cross-site" }, session)).toMatchObject({ ok: false });
    expect(checkRequest({ ...fine, fetchSite: "same-origin" }, session)).toEqual({ ok: true });
    expect(checkRequest({ ...fine, method: "POST" }, session)).toMatchObject({ ok: false, reason: expect.stringContaining("preview page") });
    expect(checkRequest({ ...fine, method: "POST", origin: "http://localhost:4000" }, session)).toEqual({ ok: true });
  });
});
