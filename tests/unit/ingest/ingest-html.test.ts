import { describe, expect, it } from "vitest";
import { ingestDocument } from "../../../src/ingest/ingest-document.js";
import { checkQuote, splitParagraphs } from "../../../src/text/paragraphs.js";

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Partners of Convenience | Example Institute</title>
  <meta property="og:title" content="Partners of Convenience">
  <meta property="og:site_name" content="Example Institute">
  <meta property="og:url" content="https://example.org/og-address">
  <meta name="author" content="Jane Roe">
  <meta property="article:published_time" content="2016-02-04T23:30:00-05:00">
  <link rel="canonical" href="https://example.org/partners">
  <script>document.title = "changed by a script";</script>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. Accept all?</p><button>Accept</button></div>
  <header class="site-header"><a href="/">Example Institute</a><nav><ul><li><a href="/research">Research</a></li><li><a href="/about">About us</a></li><li><a href="/events">Events</a></li></ul></nav></header>
  <main>
    <article>
      <h1>Partners of Convenience</h1>
      <p>Relations between Moscow and Beijing have grown closer since 2014, when the crisis over Ukraine opened a deep rift between Russia and the West, and officials on both sides now call the partnership the best it has ever been.</p>
      <h2>Energy and money</h2>
      <p>The gas agreement signed in May 2014 is the largest single deal between the two countries; its price was never published, which led <a href="https://example.org/analysts">many analysts</a> to conclude that Moscow accepted terms it would have refused a year earlier.</p>
      <ul>
        <li>Joint projects in Central Asia</li>
        <li>Chinese banks lending to sanctioned firms</li>
      </ul>
      <blockquote><p>Russia needs China more than China needs Russia, and both of them know it, said one of the panelists at the close of the meeting.</p></blockquote>
      <script>document.write("<p>Injected by a script</p>");</script>
      <div class="newsletter-signup"><p>Sign up for our newsletter! Get the Gazette in your inbox every morning.</p></div>
      <div class="cookie"><p>We use cookies to improve your experience. <button>Accept</button></p></div>
    </article>
  </main>
  <footer><p>© 2016 Example Institute. All rights reserved.</p><nav><a href="/privacy">Privacy</a></nav></footer>
  <script src="https://tracker.example.com/t.js"></script>
</body>
</html>`;

describe("ingesting a web page", () => {
  // An author's test: the headline, which the PDF, Word and Markdown of the same article keep as paragraph 1, was
  // dropped, and a newsletter sign-up box kept; a staffer's: a cookie banner in the article was kept as paragraph 2.
  it("keeps only the article's text, block by block, headline first, and reads the metadata from the head", async () => {
    const document = await ingestDocument(new TextEncoder().encode(page), { fileName: "partners.html" });
    expect(document.paragraphs).toEqual([
      "Partners of Convenience",
      "Relations between Moscow and Beijing have grown closer since 2014, when the crisis over Ukraine opened a deep rift between Russia and the West, and officials on both sides now call the partnership the best it has ever been.",
      "Energy and money",
      "The gas agreement signed in May 2014 is the largest single deal between the two countries; its price was never published, which led many analysts to conclude that Moscow accepted terms it would have refused a year earlier.",
      "Joint projects in Central Asia",
      "Chinese banks lending to sanctioned firms",
      "Russia needs China more than China needs Russia, and both of them know it, said one of the panelists at the close of the meeting.",
    ]);
    expect(document.metadata).toEqual({
      title: "Partners of Convenience",
      author: "Jane Roe",
      date: "2016-02-04",
      url: "https://example.org/partners",
      publisher: "Example Institute",
    });
    expect(document).toMatchObject({ format: "html", warnings: [] });
  });

  it("prefers citation_* tags, keeps every citation author, and takes the caller's URL over the page's", async () => {
    const head = `<meta name="citation_title" content="The Scholarly Title"><meta name="citation_author" content="Roe, Jane">
      <meta name="citation_author" content="Doe, John"><meta name="citation_publication_date" content="2015/11/30">
      <meta name="citation_publisher" content="Example Press"><meta name="date" content="2001-01-01">`;
    const html = page.replace("<title>", `${head}<title>`).replace('<meta property="og:site_name" content="Example Institute">', "");
    const document = await ingestDocument(new TextEncoder().encode(html), { fileName: "paper.htm", url: "https://example.org/saved-from" });
    expect(document.metadata).toEqual({
      title: "The Scholarly Title",
      author: "Roe, Jane; Doe, John",
      date: "2015-11-30",
      url: "https://example.org/saved-from",
      publisher: "Example Press",
    });
  });

  it("recognises a page without an .html extension by its doctype", async () => {
    const document = await ingestDocument(new TextEncoder().encode(page), { fileName: "download" });
    expect(document.format).toBe("html");
  });
});

// A review: the cookie-banner filter took headings whose anchors are "consent" and "cookies", and a paragraph classed
// "gdpr", from a page about privacy law: only a box that speaks of cookies, and is short, is a banner.
describe("a page about cookies and consent", () => {
  it("keeps its headings and paragraphs, and drops only the banner", async () => {
    const privacy = `<!DOCTYPE html><html><head><title>Consent online</title></head><body><article>
      <h1>Consent online</h1>
      <p>Regulators have tightened the rules on what a website may store on a visitor's computer without asking first.</p>
      <h2 id="consent">Consent</h2>
      <p class="gdpr">Under the GDPR, consent must be freely given, specific, informed and unambiguous, and as easy to withdraw as to give.</p>
      <h2 id="cookies">Cookies</h2>
      <p>Sites now ask before they store anything that tracks a visitor, and most show a banner to do so on the first visit.</p>
      <div id="cookie-banner"><p>We use cookies to improve your experience. <button>Accept</button></p></div>
    </article></body></html>`;
    const document = await ingestDocument(new TextEncoder().encode(privacy), { fileName: "consent.html" });
    expect(document.paragraphs).toContain("Consent");
    expect(document.paragraphs).toContain("Cookies");
    expect(document.paragraphs.some((p) => p.startsWith("Under the GDPR"))).toBe(true);
    expect(document.paragraphs.some((p) => p.includes("We use cookies"))).toBe(false);
  });
});

// Review: a page whose body is classed "newsletter-issue" lost its whole article, and a "subscriber-only" part.
describe("a page that is a newsletter", () => {
  it("keeps its article and its subscriber-only text; only a sign-up box goes", async () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} of the issue, long enough to read as the article's own text and not as furniture of the page around it.`);
    const issue = `<!doctype html><html><head><title>Issue 12</title></head><body class="newsletter-issue"><article><h1>Issue 12</h1>${paragraphs
      .slice(0, 3)
      .map((p) => `<p>${p}</p>`)
      .join("")}<div class="subscriber-only-content">${paragraphs
      .slice(3)
      .map((p) => `<p>${p}</p>`)
      .join("")}</div><div id="newsletter-signup"><p>Sign up!</p></div></article></body></html>`;
    const document = await ingestDocument(new TextEncoder().encode(issue), { fileName: "issue.html" });
    expect(document.paragraphs).toEqual(["Issue 12", ...paragraphs]);
  });
});

// A hostile run: a page declaring windows-1252 had its curly quotes (0x93, 0x94) written into the source text as
// control characters, U+0093 and U+0094, which no quote can match and no reader sees.
describe("a page in Windows-1252", () => {
  it("is read as a browser reads it: its quotes and dashes are quotes and dashes", async () => {
    const head = `<!doctype html><html><head><meta charset="windows-1252"><title>Harbour</title></head><body><article><h1>Harbour</h1><p>`;
    const tail = `</p><p>The board will meet again in the spring to decide on the quay and its cost.</p></article></body></html>`;
    const body = [...Buffer.from("The harbour master said "), 0x93, ...Buffer.from("no"), 0x94, ...Buffer.from(" "), 0x96, ...Buffer.from(" twice, and the caf"), 0xe9, ...Buffer.from(" agreed with him on the quay.")];
    const bytes = new Uint8Array([...Buffer.from(head), ...body, ...Buffer.from(tail)]);
    const document = await ingestDocument(bytes, { fileName: "harbour.html" });
    const text = document.paragraphs.join("\n");
    expect(text).toContain("The harbour master said “no” – twice, and the café agreed with him on the quay.");
    expect(text).not.toMatch(/[\u0080-\u009F]/);
    expect(document.warnings.join(" ")).not.toContain("control characters");
  });
});

// A hostile run: an empty, blank or comment-only page was an internal error with a stack trace (linkedom gives such
// a text no document element, and Readability stumbled on it), and a page saved without <html> and <body> gave
// "no text found" though its text was there.
describe("a page without the frame of a document", () => {
  const read = (html: string) => ingestDocument(new TextEncoder().encode(html), { fileName: "page.html" });

  it("is read for its text when it has no <html> or no <body>", async () => {
    const text = "The harbour board proposed a new quay for the island ferries, to be built on the north mole by 2027.";
    expect((await read(`<p>${text}</p>`)).paragraphs).toEqual([text]);
    expect((await read(`<html lang="en"><p>${text}</p></html>`)).paragraphs).toEqual([text]);
    const headed = await read(`<head><title>Harbour plan</title><meta name="author" content="Jo Marsh"></head><p>${text}</p>`);
    expect(headed.paragraphs).toEqual([text]);
    expect(headed.metadata).toMatchObject({ title: "Harbour plan", author: "Jo Marsh" });
  });

  it("with no text at all, is a page without text, never an internal error", async () => {
    for (const empty of ["", "   \n", "<!-- saved by hand -->", "<html><head><title>x</title></head></html>"]) {
      await expect(read(empty)).rejects.toMatchObject({ code: "INGEST_NO_TEXT", hint: "the page has no text: check that this is the page saved as the browser shows it" });
    }
    await expect(read('<html><body><div id="app"></div><script src="app.js"></script></body></html>')).rejects.toMatchObject({
      code: "INGEST_NO_TEXT",
      hint: expect.stringContaining("builds its text with scripts"),
    });
  });
});

// A hostile run: a page saved as UTF-8 whose <meta> still said iso-8859-1 came in as "The ministerâ€™s plan costs
// â‚¬4 million", with no warning; one that said windows-1252 got a warning about control characters instead.
describe("a page that declares a single-byte charset but is UTF-8", () => {
  it("is read as the UTF-8 it is, with a warning to check it", async () => {
    for (const charset of ["iso-8859-1", "windows-1252"]) {
      const page = `<!doctype html><html><head><meta charset="${charset}"><title>Plan</title></head><body><article><p>The minister’s plan costs €4 million — the café owners said “no” to it at the meeting on Monday evening.</p></article></body></html>`;
      const document = await ingestDocument(new TextEncoder().encode(page), { fileName: "plan.html" });
      expect(document.paragraphs.join("\n"), charset).toContain("The minister’s plan costs €4 million — the café owners said “no”");
      expect(document.warnings).toEqual([`plan.html says it is ${charset}, but it is UTF-8 text: it is read as UTF-8; check its quotes and accented letters`]);
    }
  });

  it("is read as declared when it is not UTF-8", async () => {
    const head = `<!doctype html><html><head><meta charset="iso-8859-1"><title>Plan</title></head><body><article><p>`;
    const bytes = new Uint8Array([...Buffer.from(head), ...Buffer.from("The caf"), 0xe9, ...Buffer.from(" owners met on Monday evening to talk about the plan and its cost.</p></article></body></html>")]);
    const document = await ingestDocument(bytes, { fileName: "plan.html" });
    expect(document.paragraphs.join("\n")).toContain("The café owners met");
    expect(document.warnings).toEqual([]);
  });
});

// A hostile run: an ad inside the article ("Advertisement — Sponsored content from our partners") and the byline
// ("By Maria Keller") came in as paragraphs of the source's text, numbered as the author's.
describe("a page whose article holds an ad and a byline", () => {
  it("keeps neither in the text, and takes the byline as the author", async () => {
    const page = `<!doctype html><html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>
<p class="byline">By Maria Keller</p>
<p>The harbour board proposed a new quay for the island ferries, to be built on the north mole by 2027, at a cost it put at four million.</p>
<div class="inline-ad"><p>Advertisement — Sponsored content from our partners</p></div>
<p>Fishermen said the quay would take half of their moorings and push their boats into the outer basin, where the swell is worse.</p>
<p>The board replied that the outer basin would be dredged first, at the ferry company's expense, before any mooring was moved.</p>
</article></body></html>`;
    const document = await ingestDocument(new TextEncoder().encode(page), { fileName: "harbour.html" });
    expect(document.paragraphs.join("\n")).not.toMatch(/Advertisement|By Maria Keller/);
    expect(document.paragraphs).toHaveLength(4);
    expect(document.metadata.author).toBe("Maria Keller");
  });
});

// A hostile author's test: a soft hyphen, a zero-width space and a word joiner, invisible in `brief show`, stayed in
// the text; "a hyphenated soft word" was refused as a quote with no visible reason.
describe("a page with invisible characters in its words", () => {
  it("keeps the words as they read: soft hyphens, zero-width spaces and word joiners go", async () => {
    const page = `<!doctype html><html><head><title>Grants</title></head><body><article><h1>Grants</h1>
<p>The review found a hyphen&shy;ated soft word in the grant rules, which the ministry had published in January without comment.</p>
<p>Zero&#8203;width and word&#8288;joiner and a byte&#65279;order mark were found in the same rules, though no reader could see them.</p>
</article></body></html>`;
    const document = await ingestDocument(new TextEncoder().encode(page), { fileName: "grants.html" });
    expect(document.paragraphs[1]).toContain("a hyphenated soft word");
    expect(document.paragraphs[2]).toContain("Zerowidth and wordjoiner and a byteorder mark");
    expect(document.paragraphs.join("")).not.toMatch(/[\u00AD\u200B\u2060\uFEFF]/);
  });
});

// A hostile author's test: "according to the regulator<sup><a href="#fn2">2</a></sup> and" came in as "regulator2 and",
// so the quote "according to the regulator" was refused, and "temporary.1" was accepted and printed.
describe("a page whose footnote markers are links in superscript", () => {
  it("keeps each marker apart from the word before it, as [2], as a Word file's are", async () => {
    // "[2]" as Word files give it: a quote of the words before it matches, for the bracket ends the word.
    const page = `<!doctype html><html><head><title>Prices</title></head><body><article><h1>Prices</h1>
<p>Prices fell sharply over the winter according to the regulator<sup><a href="#fn2">2</a></sup> and the trade press, which both expected the fall to be temporary.<sup><a href="#fn3" class="footnote-ref">3</a></sup></p>
</article></body></html>`;
    const document = await ingestDocument(new TextEncoder().encode(page), { fileName: "prices.html" });
    expect(document.paragraphs[1]).toBe("Prices fell sharply over the winter according to the regulator[2] and the trade press, which both expected the fall to be temporary.[3]");
    expect(checkQuote("according to the regulator", splitParagraphs(document.paragraphs.join("\n")), 2)).toEqual({ status: "ok" });
  });
});

// A hostile author's test: a page's footnotes in a section after its <article> were lost, so a claim could not quote
// the note it rests on, though a Word file's and a Markdown file's notes are kept.
describe("a page whose footnotes follow its article", () => {
  it("keeps the notes its text points to, at the end, as a Word file's are, without their links back", async () => {
    const page = `<!doctype html><html><head><title>Prices</title></head><body><main><article><h1>Prices</h1>
<p>Prices fell sharply over the winter according to the regulator<sup><a href="#fn1">1</a></sup> and the trade press, which both expected the fall to be temporary.</p>
<p>The ministry said in February that no further measures were planned before the spring, when the regulator reports again.</p>
</article><section class="footnotes"><ol><li id="fn1">Ministry press release, 3 February 2025. <a href="#fnref1">↩</a></li><li id="fn9">A note nothing points to.</li></ol></section></main></body></html>`;
    const document = await ingestDocument(new TextEncoder().encode(page), { fileName: "prices.html" });
    expect(document.paragraphs.at(-1)).toBe("Ministry press release, 3 February 2025.");
    expect(document.paragraphs.join("\n")).not.toContain("A note nothing points to");
    expect(document.paragraphs.filter((p) => p.includes("Ministry press release"))).toHaveLength(1);
  });
});

describe("a page whose note links are malformed", () => {
  it("is read all the same", async () => {
    const page = `<!doctype html><html><head><title>Odd</title></head><body><article><h1>Odd</h1><p>A paragraph long enough to be the article's text, with a broken note link<sup><a href="#fn%">1</a></sup> in it, and more words after it to read as prose.</p></article></body></html>`;
    const document = await ingestDocument(new TextEncoder().encode(page), { fileName: "odd.html" });
    expect(document.paragraphs[1]).toContain("note link[1] in it");
  });
});

// An author's test: a table in a web page became one paragraph per cell ("Year", "Calls", "2022", "41"), so a row
// could be neither quoted nor cited as one.
describe("a table in a web page", () => {
  it("reads a row as one paragraph, its cells in order with a bar between them", async () => {
    const table = `<!doctype html><html><head><meta charset="utf-8"><title>Calls</title></head><body><main><article>
      <h1>Calls to the harbour office</h1>
      <p>The office answered more calls each year, as the table shows in full for the last two years on record.</p>
      <table>
        <thead><tr><th>Year</th><th>Calls</th><th>Share answered</th></tr></thead>
        <tbody>
          <tr><td>2022</td><td>41</td><td>88%</td></tr>
          <tr><td>2023</td><td></td><td><p>93%</p><p>(estimate)</p></td></tr>
        </tbody>
      </table>
    </article></main></body></html>`;
    const document = await ingestDocument(new TextEncoder().encode(table), { fileName: "calls.html" });
    expect(document.paragraphs.slice(2)).toEqual(["Year | Calls | Share answered", "2022 | 41 | 88%", "2023", "93%", "(estimate)"]);
  });
});
