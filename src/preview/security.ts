import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The checks every request to the preview server passes before anything else
 * runs. The server listens on 127.0.0.1 only; these keep out what can still
 * reach it there: other local programs and users without the token, and web
 * pages in the user's own browser (a page elsewhere that makes the browser
 * send requests to 127.0.0.1, or whose DNS name is rebound to 127.0.0.1).
 */

/** A new secret for one preview session: 32 random bytes, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Whether a token given in a request is the session's, compared in constant
 * time. Both are hashed first, so the comparison takes the same time whatever
 * the given token's length.
 */
export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (given === null || given === undefined) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** The hosts a request may name: the loopback address or localhost, on the server's own port, and nothing else. */
function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * The Host header must name this server as the URL it printed does. A page
 * whose own domain an attacker has pointed at 127.0.0.1 (DNS rebinding) sends
 * its own domain as Host, and is refused here.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * A request from a web page carries its Origin (always for POST and for
 * module scripts, sometimes for GET): it must be this server's own. Requests
 * without one come from a navigation or a program, which the token and Host
 * checks cover; a sandboxed document's "null" origin is refused.
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

/** The outcome of the checks: go on, or the status and the reason to answer with. */
export type RequestVerdict = { readonly ok: true } | { readonly ok: false; readonly status: 403; readonly reason: string };

export interface RequestFacts {
  readonly host: string | undefined;
  readonly origin: string | undefined;
  /** Sec-Fetch-Site, which browsers send with every request. */
  readonly fetchSite: string | undefined;
  readonly token: string | null;
  readonly method: string;
}

/**
 * Every check a request must pass, in order: Host (DNS rebinding), Origin and
 * Sec-Fetch-Site (another site's page), the token (another program or user),
 * and for a POST an Origin at all (the composer is for the preview page only).
 */
export function checkRequest(request: RequestFacts, session: { readonly token: string; readonly port: number }): RequestVerdict {
  const refuse = (reason: string): RequestVerdict => ({ ok: false, status: 403, reason });
  if (!hostAllowed(request.host, session.port)) return refuse("this server answers only to the address brief preview printed");
  if (!originAllowed(request.origin, session.port)) return refuse("requests from other sites are refused");
  if (request.fetchSite === "cross-site") return refuse("requests from other sites are refused");
  if (!tokenMatches(request.token, session.token)) return refuse("open the address brief preview printed, with its token");
  if (request.method === "POST" && request.origin === undefined) return refuse("changes come from the preview page only");
  return { ok: true };
}

/** Headers on every answer: nothing cached, no referrer (the token is in the URL), not to be framed by another site. */
export const commonHeaders: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * The preview page's own policy: its scripts and styles come from this
 * server only, it connects to this server only, and it frames only this
 * server's sandboxed document view. pdf.js runs in a module worker served
 * from here; PDF fonts are loaded from memory.
 */
export const pageContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The rendered document's policy: the same as printing (no script, nothing
 * loaded but inline styles and data: images and fonts), plus `sandbox`, so
 * the document runs in an opaque origin of its own even when opened alone,
 * and may be framed by the preview page only.
 */
export const documentContentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "font-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  "sandbox",
].join("; ");
