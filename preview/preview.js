// The preview page: the brief's real PDF drawn page by page with pdf.js, the
// problems over it, the balance table and the composer beside it. Updates
// arrive as server-sent events; the page never reloads. Everything shown that
// comes from the user's files is set as text, never as HTML.

const params = new URLSearchParams(location.search);
const token = params.get("token") ?? "";
const brief = params.get("brief");

/** A URL on this server, with the token (every request needs it) and the brief. */
function here(path, extra = {}) {
  const query = new URLSearchParams({ token, ...(brief === null ? {} : { brief }), ...extra });
  return `${path}?${query}`;
}

const $ = (id) => document.getElementById(id);

/** "1 problem", "3 problems". */
const count = (n, noun) => `${n} ${n === 1 ? noun : `${noun}s`}`;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

/** What tests and the benchmark read: the last view applied and the last PDF drawn. */
const state = (window.briefPreview = { revision: 0, paintedRevision: undefined, paintedAt: undefined, drawMs: undefined, drawParts: undefined, view: undefined });

function connect(onView) {
  const events = new EventSource(here("/events"));
  events.addEventListener("view", (event) => onView(JSON.parse(event.data)));
  events.addEventListener("open", () => document.documentElement.classList.remove("disconnected"));
  events.addEventListener("error", () => {
    document.documentElement.classList.add("disconnected");
    setStatus("Disconnected: is brief preview still running? Reconnecting…", "bad");
  });
}

function setStatus(text, tone) {
  const status = $("status");
  status.textContent = text;
  status.dataset.tone = tone;
}

// ---- The index of the project's briefs ----

function showIndex() {
  $("index-view").hidden = false;
  document.title = "Briefs · Briefsmith preview";
  $("title").textContent = "Briefs";
  connect((view) => {
    const body = $("index").tBodies[0];
    body.replaceChildren(
      ...view.briefs.map((entry) =>
        element(
          "tr",
          {},
          element("td", {}, element("a", { href: `/?${new URLSearchParams({ token, brief: entry.name })}`, text: entry.name })),
          element("td", { text: entry.title ?? "(no title)" }),
          element("td", { text: entry.template ?? "?" }),
          element("td", { className: `verdict ${entry.verdict.replace(" ", "-")}`, text: entry.verdict === "problems" ? count(entry.problems, "problem") : entry.verdict }),
        ),
      ),
    );
    $("index-empty").hidden = view.briefs.length > 0;
    setStatus(count(view.briefs.length, "brief"), "ok");
    state.revision = view.revision;
    document.documentElement.dataset.revision = String(view.revision);
  });
}

// ---- One brief ----

const pdfjsReady = (async () => {
  const pdfjs = await import(here("/assets/pdf.mjs"));
  // One worker for every document: starting one per update would cost more than drawing.
  pdfjs.GlobalWorkerOptions.workerPort = new Worker(here("/assets/pdf.worker.mjs"), { type: "module" });
  return pdfjs;
})();

let drawing = false;
let wanted;
let shownDocument;

/** Draw the PDF of a revision; revisions that arrive meanwhile are merged into one more drawing of the latest. */
async function showPdf(revision) {
  wanted = revision;
  if (drawing) return;
  drawing = true;
  try {
    while (wanted !== undefined && wanted !== state.paintedRevision) {
      const target = wanted;
      await drawPdf(target);
    }
  } finally {
    drawing = false;
  }
}

async function drawPdf(revision) {
  const started = performance.now();
  const pdfjs = await pdfjsReady;
  const response = await fetch(here("/pdf", { rev: String(revision) }), { cache: "no-store" });
  if (!response.ok) {
    state.paintedRevision = revision; // nothing to draw for it; the next view brings another
    return;
  }
  const data = new Uint8Array(await response.arrayBuffer());
  const fetched = performance.now();
  // No eval (a font program is never compiled to script), no XFA forms, no PDF scripting.
  const pdf = await pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
  const opened = performance.now();
  const container = $("pages");
  const width = Math.min(Math.max(container.clientWidth - 48, 320), 920);
  const ratio = window.devicePixelRatio || 1;
  // Every page at once: the worker prepares one page while this thread draws another.
  const pages = await Promise.all(
    Array.from({ length: pdf.numPages }, async (_, index) => {
      const number = index + 1;
      const page = await pdf.getPage(number);
      const scale = width / page.getViewport({ scale: 1 }).width;
      const viewport = page.getViewport({ scale });
      const canvas = element("canvas", { width: Math.floor(viewport.width * ratio), height: Math.floor(viewport.height * ratio), "aria-hidden": "true" });
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
      const sheet = element("div", { className: "page", "data-page": number, role: "region", "aria-label": `Page ${number} of ${pdf.numPages}` }, canvas);
      for (const [name, value] of [["--scale-factor", scale], ["--total-scale-factor", scale], ["--scale-round-x", "1px"], ["--scale-round-y", "1px"]]) {
        sheet.style.setProperty(name, String(value));
      }
      sheet.style.width = canvas.style.width;
      sheet.style.height = canvas.style.height;
      return { sheet, page, viewport };
    }),
  );
  // Swap the pages in place, in one frame: same sizes, so the reader stays where they were.
  const scrollTop = container.scrollTop;
  const old = [...container.children];
  pages.forEach(({ sheet }, index) => (old[index] ? old[index].replaceWith(sheet) : container.append(sheet)));
  for (const extra of old.slice(pages.length)) extra.remove();
  container.scrollTop = scrollTop;
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  state.paintedRevision = revision;
  state.paintedAt = Date.now();
  state.drawMs = Math.round(performance.now() - started);
  // Where the page's time went, for the benchmark: fetching the PDF, opening it, drawing the pages.
  state.drawParts = { fetch: Math.round(fetched - started), open: Math.round(opened - fetched), pages: Math.round(performance.now() - opened) };
  document.documentElement.dataset.paintedRevision = String(revision);
  shownDocument?.destroy();
  shownDocument = pdf;
  void addTextLayers(pdfjs, pages, revision);
}

/**
 * The text, laid over each page, so it can be selected, searched and read aloud: added when the page
 * is idle, so that it never delays the next drawing; a newer drawing makes it moot.
 */
async function addTextLayers(pdfjs, pages, revision) {
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
  for (const { sheet, page, viewport } of pages) {
    if (state.paintedRevision !== revision) return;
    const layer = element("div", { className: "textLayer" });
    sheet.append(layer);
    await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: layer, viewport }).render().catch(() => undefined);
  }
}

function showBrief() {
  $("brief-view").hidden = false;
  $("tools").hidden = false;
  let view;
  let documentRevision;
  const showDocument = (on) => {
    $("show-pages").setAttribute("aria-pressed", String(!on));
    $("show-document").setAttribute("aria-pressed", String(on));
    $("pages").hidden = on;
    $("document").hidden = !on;
    if (on && view?.pdfRevision !== undefined && documentRevision !== view.pdfRevision) {
      documentRevision = view.pdfRevision;
      $("document").src = here("/document", { rev: String(view.pdfRevision) });
    }
  };
  $("show-pages").addEventListener("click", () => showDocument(false));
  $("show-document").addEventListener("click", () => showDocument(true));
  $("problems-toggle").addEventListener("click", () => {
    const open = $("problems-toggle").getAttribute("aria-expanded") !== "true";
    $("problems-toggle").setAttribute("aria-expanded", String(open));
    $("problems-toggle").textContent = open ? "Hide" : "Show";
    $("problem-list").hidden = !open;
  });
  const composer = createComposer();
  connect((next) => {
    view = next;
    state.view = view;
    state.revision = view.revision;
    document.documentElement.dataset.revision = String(view.revision);
    const title = view.title ?? view.name;
    $("title").textContent = title;
    document.title = `${title} · Briefsmith preview`;
    showStatus(view);
    showProblems(view);
    showBalance(view.balance);
    showWarnings(view.warnings);
    showDownloads(view);
    composer.update(view.composer);
    if (view.pdfRevision !== undefined) {
      void showPdf(view.pdfRevision).catch((error) => setStatus(`Could not draw the pages: ${error.message}`, "bad"));
      if (!$("document").hidden) showDocument(true);
    }
  });
}

function showStatus(view) {
  if (view.status === "starting") return setStatus("Rendering…", "busy");
  if (view.status === "problems") return setStatus(count(view.problems.length, "problem"), "bad");
  const ms = view.timings ? Math.round(view.timings.renderMs + view.timings.printMs) : undefined;
  setStatus(`${count(view.pages, "page")}, ${view.paper}${ms === undefined ? "" : ` · rendered in ${ms} ms`}`, "ok");
}

function showProblems(view) {
  const box = $("problems");
  box.hidden = view.problems.length === 0;
  if (box.hidden) return;
  $("problems-count").textContent = count(view.problems.length, "problem");
  $("problems-note").textContent =
    view.pdfRevision === undefined ? "Nothing can be shown until they are fixed." : "The pages behind are the last good version. Save a fix and this goes away.";
  $("problem-list").replaceChildren(
    ...view.problems.map((problem) =>
      element("pre", { className: `diagnostic ${problem.severity}`, "data-code": problem.code ?? undefined, "data-file": problem.file ?? undefined, text: problem.text }),
    ),
  );
}

function showWarnings(warnings) {
  $("warnings-section").hidden = warnings.length === 0;
  $("warnings").replaceChildren(...warnings.map((w) => element("pre", { className: "diagnostic warning", "data-code": w.code ?? undefined, text: w.text })));
}

function showDownloads(view) {
  $("downloads").replaceChildren(
    ...view.outputs.map((output) =>
      element("a", { className: "button", href: here("/download", { format: output.format }), download: "", text: `Download ${output.label}` }),
    ),
  );
}

function showBalance(balance) {
  const box = $("balance");
  if (balance === undefined || balance === null) return;
  const percent = (n) => `${n}%`;
  box.replaceChildren(
    element("p", {}, element("span", { className: `verdict ${balance.verdict.replace(" ", "-")}`, text: balance.verdict }), ` · policy ${balance.policy}`),
    ...balance.themes.map((theme) =>
      element(
        "div",
        { className: `theme${theme.passes ? "" : " fails"}` },
        element("h3", { text: theme.title }),
        theme.question ? element("p", { className: "question", text: theme.question }) : undefined,
        element(
          "table",
          { className: "balance" },
          element("thead", {}, element("tr", {}, ...[
                ["Viewpoint"],
                ["Claims", "shown / in the extract"],
                ["Words", "words of our own text for this view"],
                ["Share", "of the theme's words"],
                ["÷ equal", `share ÷ ${balance.space === "proportional" ? "its share by the weight of its holders" : "an equal share"}: below ${balance.underweightRatio} is underweight`],
                ["Sources"],
              ].map(([h, title]) => element("th", { scope: "col", text: h, title })))),
          element(
            "tbody",
            {},
            ...theme.viewpoints.map((v) =>
              element(
                "tr",
                { className: v.fairShareRatio < balance.underweightRatio ? "underweight" : undefined },
                element("th", { scope: "row", text: v.label, title: v.tiltWords.length > 0 ? `tilting words: ${v.tiltWords.join(", ")}` : undefined }),
                element("td", { text: `${v.claims}/${v.claimsInExtract}` }),
                element("td", { text: String(v.words) }),
                element("td", { text: percent(v.sharePercent) }),
                element("td", { text: v.fairShareRatio.toFixed(2) }),
                element("td", { text: `${v.sources}${v.thin ? " (thin)" : ""}` }),
              ),
            ),
          ),
        ),
        element("p", { className: "due-weight" }, element("strong", { text: "Where the weight lies: " }), theme.dueWeight),
        element("p", { className: "muted", text: `${theme.firstViewpointLabel ?? "No view"} first; ${theme.viewpointsShown} of ${theme.viewpointsInExtract} viewpoints shown.` }),
      ),
    ),
    balance.problems.length > 0 ? element("ul", { className: "balance-problems" }, ...balance.problems.map((p) => element("li", { className: p.severity, text: p.message }))) : undefined,
  );
}

// ---- The composer ----

function createComposer() {
  const form = $("composer");
  let shape;
  let last;
  const send = async (edit, control) => {
    const status = $("composer-status");
    control.disabled = true;
    status.textContent = "Saving…";
    try {
      // The version of the brief this panel shows: an edit made on an older text (saved in an editor since) is refused.
      const headers = { "Content-Type": "application/json", ...(last?.version ? { "If-Match": `"${last.version}"` } : {}) };
      const response = await fetch(here("/compose"), { method: "POST", headers, body: JSON.stringify(edit) });
      const answer = await response.json().catch(() => ({ ok: false, reason: `the server answered ${response.status}` }));
      status.textContent = answer.ok ? (answer.changed ? "Saved to the brief file." : "Nothing to change.") : `Not saved: ${answer.reason}`;
      status.dataset.tone = answer.ok ? "ok" : "bad";
    } catch (error) {
      status.textContent = `Not saved: ${error.message}`;
      status.dataset.tone = "bad";
    } finally {
      control.disabled = false;
      // The brief's state decides what may be changed (a viewpoint of a theme not chosen may not).
      if (last !== undefined) api.update(last);
    }
  };
  const field = (label, control) => element("label", { className: "field" }, element("span", { text: label }), control);
  const build = (composer) => {
    const template = element("select", { name: "template" }, ...composer.templates.map((t) => element("option", { value: t, text: t })));
    template.addEventListener("change", () => send({ op: "template", value: template.value }, template));
    const paper = element("select", { name: "paper" }, ...["Letter", "A4"].map((p) => element("option", { value: p, text: p })));
    paper.addEventListener("change", () => send({ op: "paper", value: paper.value }, paper));
    const marking = element("input", { name: "marking", type: "text", maxlength: 80, required: true });
    marking.addEventListener("change", () => send({ op: "marking", value: marking.value }, marking));
    const claims = element("input", { name: "claims_per_viewpoint", type: "number", min: 1, max: 50, placeholder: "all" });
    claims.addEventListener("change", () => send({ op: "claims_per_viewpoint", value: claims.value === "" ? null : Number(claims.value) }, claims));
    const themes = element(
      "fieldset",
      { className: "themes" },
      element("legend", { text: "Themes and viewpoints" }),
      ...composer.themes.map((theme) => {
        const box = element("input", { type: "checkbox", name: "theme", value: theme.id, "data-theme": theme.id });
        box.addEventListener("change", () => send({ op: "theme", id: theme.id, selected: box.checked }, box));
        return element(
          "div",
          { className: "theme-choice" },
          element("label", {}, box, ` ${theme.title}`),
          element(
            "ul",
            {},
            ...theme.viewpoints.map((v) => {
              const vbox = element("input", { type: "checkbox", name: "viewpoint", value: v.id, "data-viewpoint": v.id });
              vbox.addEventListener("change", () => send({ op: "viewpoint", id: v.id, selected: vbox.checked }, vbox));
              return element("li", {}, element("label", {}, vbox, ` ${v.label}`));
            }),
          ),
        );
      }),
    );
    form.replaceChildren(
      element("div", { className: "row" }, field("Template", template), field("Paper", paper)),
      field("Marking", marking),
      field("Claims per viewpoint", claims),
      themes,
    );
  };
  const set = (control, apply) => {
    // A control being edited keeps what the user is typing.
    if (document.activeElement !== control) apply();
  };
  const api = {
    update(composer) {
      last = composer;
      const nextShape = JSON.stringify([composer.templates, composer.themes.map((t) => [t.id, t.title, t.viewpoints.map((v) => [v.id, v.label])])]);
      if (nextShape !== shape) {
        shape = nextShape;
        build(composer);
      }
      const named = (name) => form.elements.namedItem(name);
      set(named("template"), () => (named("template").value = composer.template ?? ""));
      set(named("paper"), () => (named("paper").value = composer.paper));
      set(named("marking"), () => (named("marking").value = composer.marking));
      set(named("claims_per_viewpoint"), () => (named("claims_per_viewpoint").value = composer.claimsPerViewpoint ?? ""));
      for (const theme of composer.themes) {
        form.querySelector(`[data-theme="${CSS.escape(theme.id)}"]`).checked = theme.selected;
        for (const v of theme.viewpoints) {
          const box = form.querySelector(`[data-viewpoint="${CSS.escape(v.id)}"]`);
          box.checked = v.selected;
          box.disabled = !theme.selected;
        }
      }
      const status = $("composer-status");
      form.inert = composer.unavailable !== undefined && composer.unavailable !== null;
      if (form.inert) {
        status.textContent = `The composer waits: ${composer.unavailable}.`;
        status.dataset.tone = "bad";
      } else if (status.textContent.startsWith("The composer waits")) {
        status.textContent = "";
      }
    },
  };
  return api;
}

if (brief === null) showIndex();
else showBrief();
