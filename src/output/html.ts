import { readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { type Reference, matchedAmount } from "./reference.js";
import type { ReportInput } from "./report.js";
import { HTML_SCRIPT, HTML_STYLE } from "./html-assets.js";
import { counted } from "../util/counted.js";

/** Lines shown around a match on each side, for context. */
const CONTEXT_LINES = 3;
/** A side longer than this many lines is cut in the middle: the report stays readable. */
const MAX_SHOWN_LINES = 400;
/** A line longer than this many characters is cut in the middle too: in minified code one line is a whole library. */
const MAX_SHOWN_LINE_CHARS = 1000;

/** The text of each scanned file with references, for the report's scanned side. */
export type ScannedTexts = ReadonlyMap<string, string>;

/**
 * One self-contained HTML file (no network requests): a summary, then every reference as a
 * collapsible entry with the scanned lines beside the matched source, matched lines highlighted,
 * filterable by license and source. The source side is read from where the corpus was indexed
 * from when it is still there; otherwise the entry says so and gives the link.
 */
export function formatHtml(input: ReportInput, texts: ScannedTexts): string {
  const { scan, provenance } = input;
  const roots = new Map(provenance.index.sources.map((s) => [s.name, s.root]));
  const references = scan.results.flatMap((file) => file.references.map((reference, index) => ({ file, reference, index })));
  const licenses = countBy(references.map(({ reference }) => reference.license));
  const sources = countBy(references.map(({ reference }) => reference.source));
  const blocked = scan.results.filter((r) => r.decision.action === "block").length;
  const withReferences = scan.results.filter((r) => r.references.length > 0).length;

  const entries = references.map(({ file, reference, index }, n) => {
    const reason = file.decision.reasons.find((r) => r.reference === index);
    const scanned = texts.get(file.path);
    const source = sourceText(roots.get(reference.source) ?? null, reference.path);
    const title = `${file.path}:${reference.queryLines[0]}-${reference.queryLines[1]}${reference.queryColumns ? ` (columns ${reference.queryColumns[0]}-${reference.queryColumns[1]})` : ""} — ${reference.source} ${reference.path}:${reference.sourceLines[0]}-${reference.sourceLines[1]}`;
    return `<details class="reference" id="ref-${n + 1}" data-license="${attr(reference.license)}" data-source="${attr(reference.source)}"${reason?.action === "block" ? ' data-blocked="true"' : ""}>
<summary><span class="where">${esc(title)}</span> <span class="license">${esc(reference.license)}</span>${reason?.action === "block" ? ' <span class="blocked">blocked</span>' : ""}</summary>
<div class="meta">
<p>${esc(describeOrigin(reference))}${reference.url ? ` <a href="${attr(reference.url)}" rel="noreferrer noopener">${esc(reference.url)}</a>` : ""}</p>
<p>similarity ${reference.similarity}, ${esc(matchedAmount(reference))}, found on ${esc(reference.explanation.basis)}${reference.licenseConflict ? "; its identical copies carry different licenses" : ""}</p>
${reason ? `<p class="reason">${esc(reason.message)}</p>` : ""}
</div>
<div class="sides">
<figure><figcaption>scanned: ${esc(file.path)}</figcaption>${scanned !== undefined ? codeBlock(scanned, reference.queryLines, reference.queryColumns) : '<p class="missing">The scanned text is not available (standard input).</p>'}</figure>
<figure><figcaption>source: ${esc(reference.source)} ${esc(reference.path)}</figcaption>${source !== null ? codeBlock(source, reference.sourceLines) : `<p class="missing">The source text is not on this machine any more (it was indexed from elsewhere, or its cache was cleared). ${reference.url ? `See it at <a href="${attr(reference.url)}" rel="noreferrer noopener">${esc(reference.url)}</a>.` : "No link is known for it."}</p>`}</figure>
</div>
</details>`;
  });

  const options = (counts: Map<string, number>) =>
    [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => `<option value="${attr(value)}">${esc(value)} (${count})</option>`).join("");
  const p = provenance.index.parameters;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>reftrack report</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>reftrack report</h1>
<dl class="summary">
<dt>files scanned</dt><dd id="files-scanned">${scan.results.length}</dd>
<dt>files with references</dt><dd>${withReferences}</dd>
<dt>references</dt><dd id="reference-count">${references.length}</dd>
<dt>licenses</dt><dd>${[...licenses].map(([license, count]) => `${esc(license)} (${count})`).join(", ") || "none"}</dd>
${input.policyGiven ? `<dt>policy</dt><dd id="policy-outcome">${blocked === 0 ? "passed: no file blocked" : `${counted(blocked, "file")} blocked`}</dd>` : ""}
<dt>skipped, errors</dt><dd>${scan.skipped.length}, ${scan.errors.length}</dd>
</dl>
${scan.errors.length > 0 ? `<section class="errors"><h2>Errors: this scan is incomplete</h2><ul>${scan.errors.map((e) => `<li>${esc(e)}</li>`).join("")}</ul></section>` : ""}
<p class="provenance">reftrack ${esc(provenance.tool.version)}, ${esc(provenance.scannedAt)}; index ${esc(provenance.index.path ?? "")} (k=${p.kgramTokens} w=${p.windowKgrams}, normalizer v${p.normalizerVersion}) of ${counted(provenance.index.sources.length, "source")}: ${esc(provenance.index.sources.map((s) => `${s.name}${s.revision ? ` ${s.revision}` : ""}`).join(", "))}</p>
</header>
<main>
<form class="filters" role="search" aria-label="Filter references">
<label>License <select id="license-filter"><option value="">all</option>${options(licenses)}</select></label>
<label>Source <select id="source-filter"><option value="">all</option>${options(sources)}</select></label>
<button type="button" id="expand-all">Expand all</button> <button type="button" id="collapse-all">Collapse all</button>
<output id="shown-count" aria-live="polite">${references.length} of ${references.length} shown</output>
</form>
${entries.length > 0 ? entries.join("\n") : '<p id="no-references">No references: nothing scanned matches the index.</p>'}
</main>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

function describeOrigin(reference: Reference): string {
  return `${reference.license} (${reference.licenseProvenance}) · ${[reference.source, reference.revision].filter(Boolean).join(" ")} · ${reference.repository ?? "repository unknown"}`;
}

/** The matched source file's text, read from where it was indexed from, if it is still there. */
function sourceText(root: string | null, path: string): string | null {
  if (root === null) return null;
  const full = resolve(root, path);
  // An index is data: a path in it never reads outside its source's folder.
  if (!full.startsWith(resolve(root) + sep)) return null;
  try {
    return readFileSync(join(full), "utf8");
  } catch {
    return null;
  }
}

/**
 * The lines around `range` as a numbered block, the matched ones marked; with `columns`, of its
 * first and last lines only the part from the first column and up to the last.
 */
function codeBlock(text: string, range: readonly [number, number], columns?: readonly [number, number]): string {
  // Lines as every reference counts them: U+2028 and U+2029 end none (as in editors and git).
  const lines = text.split(/\r\n|\r|\n/);
  const first = Math.max(1, range[0] - CONTEXT_LINES);
  const last = Math.min(lines.length, range[1] + CONTEXT_LINES);
  const rows: string[] = [];
  for (let line = first; line <= last; line++) {
    if (last - first + 1 > MAX_SHOWN_LINES && line === first + MAX_SHOWN_LINES / 2) {
      rows.push(`<span class="line cut"><span class="n">…</span>${last - first + 1 - MAX_SHOWN_LINES} lines not shown</span>`);
      line = last - MAX_SHOWN_LINES / 2;
    }
    const matched = line >= range[0] && line <= range[1];
    const content = lines[line - 1] ?? "";
    const from = columns && line === range[0] ? columns[0] - 1 : 0;
    const to = columns && line === range[1] ? columns[1] : content.length;
    rows.push(`<span class="line${matched ? " match" : ""}"><span class="n">${line}</span>${shownLine(content, from, to)}</span>`);
  }
  return `<pre><code>${rows.join("")}</code></pre>`;
}

/** Characters [from, to) of a line, escaped, what is left out before and after said, and cut in the middle past MAX_SHOWN_LINE_CHARS. */
function shownLine(content: string, from: number, to: number): string {
  const omitted = (count: number) => (count > 0 ? `<span class="cut"> … ${count.toLocaleString("en")} characters … </span>` : "");
  const length = to - from;
  const middle =
    length <= MAX_SHOWN_LINE_CHARS
      ? esc(content.slice(from, to))
      : `${esc(content.slice(from, from + MAX_SHOWN_LINE_CHARS / 2))}${omitted(length - MAX_SHOWN_LINE_CHARS)}${esc(content.slice(to - MAX_SHOWN_LINE_CHARS / 2, to))}`;
  return `${omitted(from)}${middle}${omitted(content.length - to)}`;
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const attr = esc;
