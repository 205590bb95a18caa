import { createServer } from "node:http";
import { writeFileSync, mkdtempSync } from "node:fs";
import { PdfPrinter } from "./dist/print/printer.js";
import { execFileSync } from "node:child_process";
const hits = [];
const server = createServer((req, res) => { hits.push(req.method + " " + req.url); res.end("hit"); });
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const port = server.address().port;
const u = (p) => `http://127.0.0.1:${port}/${p}`;
const secretDir = mkdtempSync("/tmp/secret-");
writeFileSync(`${secretDir}/secret.txt`, "MARKER-SECRET-12345");
const s = `file://${secretDir}/secret.txt`;
const payloads = {
  img: `<img src="${u("img")}">`,
  css: `<link rel=stylesheet href="${u("css")}">`,
  importcss: `<style>@import url("${u("import")}"); body { background: url("${u("bg")}") } @font-face { font-family: x; src: url("${u("font")}") } p { font-family: x }</style><p>x</p>`,
  iframe: `<iframe src="${u("iframe")}"></iframe>`,
  prefetch: `<link rel=prefetch href="${u("prefetch")}"><link rel=preload as=image href="${u("preload")}"><link rel=preconnect href="${u("preconnect")}"><link rel=dns-prefetch href="${u("dns")}">`,
  icon: `<link rel=icon href="${u("icon")}">`,
  media: `<video poster="${u("poster")}" src="${u("video")}"></video><audio src="${u("audio")}"></audio><object data="${u("object")}"></object><embed src="${u("embed")}"><input type=image src="${u("input")}">`,
  svg: `<svg><image href="${u("svgimg")}"/><script>fetch("${u("svgscript")}")</script></svg>`,
  script: `<script src="${u("script")}"></script><script>fetch("${u("fetch")}"); new Image().src="${u("jsimg")}"</script>`,
  base: `<base href="${u("base/")}"><img src="rel.png">`,
  fileimg: `<img src="${s}"><iframe src="${s}"></iframe><object data="${s}"></object><link rel=stylesheet href="${s}">`,
  refresh: `<meta http-equiv="refresh" content="0;url=${u("refresh")}"><p>ORIGINAL CONTENT</p>`,
  refreshfile: `<meta http-equiv="refresh" content="0;url=${s}"><p>ORIGINAL CONTENT</p>`,
  ws: `<img src="ws://127.0.0.1:${port}/ws">`,
  datahtml: `<iframe src="data:text/html,<img src='${u("datahtml")}'><p>inner</p>"></iframe>`,
  srcset: `<img srcset="${u("srcset")} 1x"><picture><source srcset="${u("picture")}"><img></picture>`,
  ping: `<a href="${u("a")}" ping="${u("ping")}">x</a>`,
  xslt: `<?xml-stylesheet href="${u("xslt")}"?><p>x</p>`,
};
const printer = await PdfPrinter.launch({ executablePath: "/usr/bin/chromium" });
for (const [id, body] of Object.entries(payloads)) {
  const html = `<!DOCTYPE html><html><head><meta charset=utf-8><title>t</title></head><body><p>BODY-${id}</p>${body}</body></html>`;
  const t = Date.now();
  try {
    const r = await printer.print({ id, html, paper: "A4", timeoutMs: 20000 });
    writeFileSync(`/tmp/scratch/${id}.pdf`, r.pdf);
    const text = execFileSync("pdftotext", [`/tmp/scratch/${id}.pdf`, "-"]).toString().replace(/\s+/g, " ").slice(0, 100);
    console.log(id, Date.now() - t, "ms blocked:", r.blockedRequests.map(x => x.replace(`http://127.0.0.1:${port}`, "C")), "text:", text);
  } catch (e) { console.log(id, "ERROR", e.message.split("\n")[0]); }
}
await printer.close();
await new Promise((r) => setTimeout(r, 500));
console.log("HITS", hits);
server.close();
