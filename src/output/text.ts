import { COPIES_SHOWN } from "../options.js";
import { type Reference, matchedAmount } from "./reference.js";
import type { ScannedFile } from "./json.js";
import { counted } from "../util/counted.js";
import { printable } from "./printable.js";

export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
}

export const plainStyle: TextStyle = { bold: (t) => t, dim: (t) => t, accent: (t) => t };

export const ansiStyle: TextStyle = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  accent: (t) => `\u001b[33m${t}\u001b[39m`,
};

function lines(range: readonly [number, number]): string {
  return range[0] === range[1] ? `line ${range[0]}` : `lines ${range[0]}-${range[1]}`;
}

/** Where a reference lies in minified code: "columns 25-87551", or "line 1 column 25 to line 3 column 40". */
function columns(range: readonly [number, number], at: readonly [number, number]): string {
  return range[0] === range[1] ? `columns ${at[0]}-${at[1]}` : `line ${range[0]} column ${at[0]} to line ${range[1]} column ${at[1]}`;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}


/** One reference under its group's line; `shown`, the columns that line already gives. */
function describeReference(reference: Reference, style: TextStyle, shown?: readonly [number, number]): string[] {
  const origin = printable([reference.source, reference.revision].filter(Boolean).join(" "));
  const out = [
    `    ${style.accent(printable(reference.license))}${style.dim(` (${reference.licenseProvenance})`)}  ${origin}  ` +
      `${printable(reference.path)}:${reference.sourceLines[0]}-${reference.sourceLines[1]}` +
      (reference.queryColumns && (reference.queryColumns[0] !== shown?.[0] || reference.queryColumns[1] !== shown[1])
        ? style.dim(`  (scanned ${columns(reference.queryLines, reference.queryColumns)})`)
        : ""),
  ];
  if (reference.url) out.push(`      ${style.dim(printable(reference.url))}`);
  const copies = reference.origins.slice(1);
  if (copies.length > 0) {
    const conflict = reference.licenseConflict ? style.accent("  licenses differ between copies") : "";
    out.push(`      ${style.dim(`identical file in ${counted(copies.length, "more place", "more places")}:`)}${conflict}`);
    for (const copy of copies.slice(0, COPIES_SHOWN)) {
      out.push(`        ${style.accent(printable(copy.license))}  ${printable([copy.source, copy.revision].filter(Boolean).join(" "))}  ${printable(copy.path)}`);
    }
    if (copies.length > COPIES_SHOWN) out.push(`        ${style.dim(`… and ${copies.length - COPIES_SHOWN} more (all in --format json)`)}`);
  }
  return out;
}

/**
 * Human-readable report of one scanned file: each group of references under the query lines it
 * covers, with license, origin, source lines and link for every origin.
 */
export function formatText(file: ScannedFile, style: TextStyle, showDecision = false): string {
  if (file.references.length === 0) return "";
  const out = [style.bold(printable(file.path)) + style.dim(` (${file.language})`)];
  let group = 0;
  let shown: readonly [number, number] | undefined;
  for (const reference of file.references) {
    if (reference.group !== group) {
      group = reference.group;
      shown = reference.queryColumns;
      const origins = file.references.filter((r) => r.group === group).length;
      out.push(
        `  ${lines(reference.queryLines)}${reference.queryColumns ? ` (${columns(reference.queryLines, reference.queryColumns)})` : ""} match ${origins === 1 ? "1 origin" : `${origins} origins`}` +
          style.dim(` (${matchedAmount(reference)}, ${percent(reference.similarity)} of the file${reference.explanation.basis === "text" ? "'s prose" : ""})`),
      );
    }
    out.push(...describeReference(reference, style, shown));
  }
  if (showDecision) {
    out.push(`  ${style.bold(`decision: ${file.decision.action}`)}`);
    for (const reason of file.decision.reasons) out.push(`    ${reason.action === "block" ? style.accent(printable(reason.message)) : printable(reason.message)}`);
  }
  return `${out.join("\n")}\n`;
}
