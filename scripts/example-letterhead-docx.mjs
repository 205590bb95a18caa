#!/usr/bin/env node
// Makes examples/letterhead/templates/letterhead.docx: the invented Town of Millbrook's letterhead in Word, as an
// office would have made it (a first page with the emblem, the town's name and address; later pages with a short
// line), so the example's Word documents are put on it. Run again after changing the emblem:
//
//   npm run build && node scripts/example-letterhead-docx.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import puppeteer from "puppeteer-core";
import { locateBrowser } from "../dist/print/locate.js";
import { chromiumSandboxOff } from "../dist/print/launch.js";

const root = new URL("../examples/letterhead/templates/", import.meta.url);
const svg = readFileSync(new URL("assets/millbrook-logo.svg", root));

// The emblem as a PNG, which Word shows everywhere (an SVG needs a PNG beside it for older Words).
const location = await locateBrowser(undefined, process.env);
const browser = await puppeteer.launch({ executablePath: location.executablePath, headless: location.headlessShell ? "shell" : true, args: chromiumSandboxOff(process.env) ? ["--no-sandbox"] : [] });
const page = await browser.newPage();
await page.setViewport({ width: 240, height: 240 });
await page.setContent(`<body style="margin:0"><img src="data:image/svg+xml;base64,${svg.toString("base64")}" width="240" height="240"></body>`);
const emblem = await page.screenshot({ type: "png", omitBackground: true, clip: { x: 0, y: 0, width: 240, height: 240 } });
await browser.close();

const blue = "1D4E7A";
const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const masthead = new Table({
  width: { size: 100, type: WidthType.PERCENTAGE },
  borders: noBorders,
  rows: [
    new TableRow({
      children: [
        new TableCell({
          width: { size: 14, type: WidthType.PERCENTAGE },
          borders: noBorders,
          verticalAlign: VerticalAlign.CENTER,
          children: [new Paragraph({ children: [new ImageRun({ type: "png", data: emblem, transformation: { width: 64, height: 64 }, altText: { name: "Town of Millbrook", description: "The Town of Millbrook's emblem", title: "Town of Millbrook" } })] })],
        }),
        new TableCell({
          borders: noBorders,
          verticalAlign: VerticalAlign.CENTER,
          children: [
            new Paragraph({ style: "LetterheadTown", children: [new TextRun("Town of Millbrook")] }),
            new Paragraph({ style: "LetterheadUnit", children: [new TextRun("Policy Unit")] }),
            new Paragraph({ style: "LetterheadAddress", children: [new TextRun("Town Hall · 1 Market Square · Millbrook")] }),
          ],
        }),
      ],
    }),
  ],
});

const document = new Document({
  creator: "Town of Millbrook",
  title: "Town of Millbrook letterhead",
  styles: {
    paragraphStyles: [
      { id: "LetterheadTown", name: "Letterhead Town", basedOn: "Normal", run: { font: "Liberation Serif", size: 32, bold: true, color: blue }, paragraph: { spacing: { after: 0 } } },
      { id: "LetterheadUnit", name: "Letterhead Unit", basedOn: "Normal", run: { font: "Liberation Sans", size: 22, color: blue }, paragraph: { spacing: { after: 0 } } },
      { id: "LetterheadAddress", name: "Letterhead Address", basedOn: "Normal", run: { font: "Liberation Sans", size: 17, color: "555555" }, paragraph: { spacing: { after: 0 } } },
    ],
  },
  sections: [
    {
      properties: { titlePage: true },
      headers: {
        first: new Header({ children: [masthead, new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: blue, space: 4 } }, children: [] })] }),
        default: new Header({ children: [new Paragraph({ style: "LetterheadAddress", alignment: AlignmentType.RIGHT, children: [new TextRun("Town of Millbrook · Policy Unit")] })] }),
      },
      footers: {
        first: new Footer({ children: [new Paragraph({ style: "LetterheadAddress", alignment: AlignmentType.CENTER, children: [new TextRun("Town of Millbrook · Policy Unit · policy@millbrook.example")] })] }),
      },
      children: [new Paragraph("The letterhead is in this document's page headers and footers; what is written here is not used.")],
    },
  ],
});
writeFileSync(new URL("letterhead.docx", root), await Packer.toBuffer(document));
console.log("wrote examples/letterhead/templates/letterhead.docx");
