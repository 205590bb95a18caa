import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { assetNames, pageShell, readAsset } from "./assets.js";
import type { IndexView } from "./briefs.js";
import { BriefEditSchema, type BriefEdit } from "./composer.js";
import { previewOutputs } from "./outputs.js";
import { checkRequest, commonHeaders, documentContentSecurityPolicy, pageContentSecurityPolicy } from "./security.js";
import type { BriefSession } from "./session.js";

/** What the server serves: the briefs by name, the index, and the composer. */
export interface PreviewApp {
  session(name: string): BriefSession | undefined;
  /** The index, checked afresh. */
  index(): Promise<IndexView>;
  /** Pages watching the index: told of every new index. Returns the way to stop. */
  subscribeIndex(listener: (view: IndexView) => void): () => void;
  /** Apply a composer edit; `base` is the version of the brief's text the page made it on (its If-Match). */
  compose(name: string, edit: BriefEdit, base?: string): Promise<ComposeOutcome>;
}

/** A composer edit done, or refused with the reason; `missing` when the brief is no longer there. */
export type ComposeOutcome = { readonly ok: true; readonly changed: boolean } | { readonly ok: false; readonly reason: string; readonly missing?: boolean };

export interface PreviewServer {
  readonly port: number;
  /** The address to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

/** The largest body the composer accepts: an edit is a few dozen bytes. */
const maxBodyBytes = 16 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Start the preview's HTTP server on 127.0.0.1 (port 0: any free port).
 * Every request passes the checks of security.ts before it is routed; routes
 * are a fixed list, and files are served by name from fixed tables.
 */
export async function startPreviewServer(app: PreviewApp, options: { port: number; token: string; brief?: string | undefined }): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  let port = options.port;
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : "internal error";
      if (!response.headersSent) send(response, status, "text/plain; charset=utf-8", `${message}\n`);
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(request.url ?? "/", "http://127.0.0.1");
    } catch {
      throw new HttpError(400, "bad request");
    }
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const verdict = checkRequest(
      {
        host: header("host"),
        origin: header("origin"),
        fetchSite: header("sec-fetch-site"),
        token: url.searchParams.get("token"),
        method: request.method ?? "GET",
      },
      { token: options.token, port },
    );
    if (!verdict.ok) throw new HttpError(verdict.status, verdict.reason);
    const method = request.method ?? "GET";
    const path = url.pathname;
    if (path === "/compose") {
      if (method !== "POST") throw new HttpError(405, "POST only");
      return compose(request, response, url);
    }
    if (method !== "GET" && method !== "HEAD") throw new HttpError(405, "GET only");
    if (path === "/") return send(response, 200, "text/html; charset=utf-8", await pageShell(options.token), { "Content-Security-Policy": pageContentSecurityPolicy, "X-Frame-Options": "DENY" });
    if (path.startsWith("/assets/")) {
      const name = path.slice("/assets/".length);
      const asset = assetNames.includes(name) ? await readAsset(name) : undefined;
      if (asset === undefined) throw new HttpError(404, "not found");
      return send(response, 200, asset.contentType, asset.body);
    }
    if (path === "/events") return events(request, response, url);
    if (path === "/state") {
      const brief = url.searchParams.get("brief");
      const view = brief === null ? await app.index() : sessionOf(url).view;
      return send(response, 200, "application/json; charset=utf-8", JSON.stringify(view));
    }
    if (path === "/pdf") {
      const good = goodRendering(url);
      return send(response, 200, "application/pdf", good.pdf);
    }
    if (path === "/document") {
      const good = goodRendering(url);
      return send(response, 200, "text/html; charset=utf-8", good.html, { "Content-Security-Policy": documentContentSecurityPolicy });
    }
    if (path === "/download") {
      const session = sessionOf(url);
      const output = previewOutputs.find((o) => o.format === url.searchParams.get("format"));
      if (output === undefined) throw new HttpError(404, "no such format");
      const good = session.good;
      if (good === undefined) throw new HttpError(409, "the brief has not rendered yet");
      return send(response, 200, output.contentType, await output.make(good), {
        "Content-Disposition": `attachment; filename="${good.model.id}.${output.extension}"`,
      });
    }
    throw new HttpError(404, "not found");
  }

  function sessionOf(url: URL): BriefSession {
    const session = app.session(url.searchParams.get("brief") ?? "");
    if (session === undefined) throw new HttpError(404, "no such brief in this project");
    return session;
  }

  function goodRendering(url: URL) {
    const good = sessionOf(url).good;
    if (good === undefined) throw new HttpError(409, "the brief has not rendered yet");
    return good;
  }

  function events(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const brief = url.searchParams.get("brief");
    const session = brief === null ? undefined : sessionOf(url);
    response.writeHead(200, { ...commonHeaders, "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive" });
    // Reconnect soon after a lost connection; the view is sent again in full.
    response.write("retry: 1000\n\n");
    const push = (view: unknown) => response.write(`event: view\ndata: ${JSON.stringify(view)}\n\n`);
    const stop = session === undefined ? app.subscribeIndex(push) : session.subscribe(push);
    // A brief's page gets its current view at once, and a rendering if anything changed while no page watched it.
    if (session !== undefined) {
      push(session.view);
      void session.refresh();
    }
    const keepAlive = setInterval(() => response.write(": keep-alive\n\n"), 15_000);
    streams.add(response);
    const end = () => {
      clearInterval(keepAlive);
      stop();
      streams.delete(response);
    };
    request.on("close", end);
    response.on("close", end);
  }

  async function compose(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const name = url.searchParams.get("brief") ?? "";
    if (app.session(name) === undefined) throw new HttpError(404, "no such brief in this project");
    // A cross-site form cannot send JSON without a preflight, which this server never grants.
    if (!(request.headers["content-type"] ?? "").startsWith("application/json")) throw new HttpError(415, "send JSON");
    const body = await readBody(request);
    let edit;
    try {
      edit = BriefEditSchema.safeParse(JSON.parse(body));
    } catch {
      throw new HttpError(400, "the body is not JSON");
    }
    if (!edit.success) throw new HttpError(400, edit.error.issues.map((i) => i.message).join("; "));
    // If-Match: "VERSION", the version of the brief the page showed (composer.version in its view).
    const ifMatchHeader = request.headers["if-match"];
    const ifMatch = ifMatchHeader === undefined ? undefined : /^"([0-9a-f]{64})"$/.exec(ifMatchHeader)?.[1];
    if (ifMatchHeader !== undefined && ifMatch === undefined) throw new HttpError(400, 'If-Match takes the brief\'s version in quotes: "composer.version"');
    const outcome = await app.compose(name, edit.data, ifMatch);
    const status = outcome.ok ? 200 : outcome.missing === true ? 404 : 409;
    send(response, status, "application/json; charset=utf-8", JSON.stringify(outcome.ok ? outcome : { ok: false, reason: outcome.reason }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const query = new URLSearchParams({ token: options.token, ...(options.brief === undefined ? {} : { brief: options.brief }) });
  return {
    port,
    url: `http://127.0.0.1:${port}/?${query}`,
    close: async () => {
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...commonHeaders, "Content-Type": contentType, ...headers });
  response.end(response.req.method === "HEAD" ? undefined : body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the answer (413) can still be sent.
      if (size > maxBodyBytes) reject(new HttpError(413, "too large"));
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
