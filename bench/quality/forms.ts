/** The query forms of the quality benchmark: how copied code is disguised in the wild. */
import type { LanguageName } from "../../src/languages/language.js";
import { Rng, type Snippet, renameAndReformat } from "../snippets.js";

export type Form = "verbatim" | "reformatted" | "renamed" | "near-miss" | "partial";
export const FORMS: readonly Form[] = ["verbatim", "reformatted", "renamed", "near-miss", "partial"];

function comment(language: LanguageName): string {
  return language === "python" ? "# reviewed" : "// reviewed";
}

/**
 * Layout changes only: indentation width, spacing around operators and commas, blank lines,
 * comments removed and added. Python keeps its line structure (it is syntax); JS/TS also have
 * statements joined or split where a line ends a statement.
 */
export function reformat(snippet: Snippet, rng: Rng): Snippet {
  const out: string[] = [];
  for (const line of snippet.code.split("\n")) {
    if (/^\s*(#|\/\/)/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    let body = line.slice(indent).replace(/\s+(#|\/\/) .*$/, "");
    body = body.replace(/ ?([=+\-*/<>]=?|,) ?/g, (_, op: string) => (op === "," ? ", " : rng.next() < 0.5 ? ` ${op} ` : op));
    body = body.replace(/\s{2,}/g, " ");
    const newIndent = " ".repeat(snippet.language === "python" ? Math.floor(indent / 2) : indent * 2);
    out.push(newIndent + body);
    if (rng.next() < 0.1) out.push("");
    if (rng.next() < 0.05) out.push(newIndent + comment(snippet.language));
  }
  return { ...snippet, code: out.join("\n") };
}

/** Consistent renaming of every identifier and string literal (no layout change beyond it). */
export function rename(snippet: Snippet, rng: Rng): Snippet {
  return renameAndReformat(snippet, rng);
}

function isSimpleStatement(line: string, language: LanguageName): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 8 || /^(#|\/\/|\*)/.test(trimmed)) return false;
  if (language === "python") return !/[:\\,([{]$/.test(trimmed) && !/^(def|class|if|elif|else|for|while|try|except|finally|with|return|@)/.test(trimmed);
  return /;$/.test(trimmed) && !/^(return|case|default)/.test(trimmed);
}

/** The renamed form with one simple statement removed and another inserted elsewhere. */
export function nearMiss(snippet: Snippet, rng: Rng): Snippet {
  const renamed = rename(snippet, rng).code.split("\n");
  const candidates = renamed.map((l, i) => (isSimpleStatement(l, snippet.language) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length > 0) renamed.splice(rng.pick(candidates), 1);
  const at = 1 + rng.int(Math.max(1, renamed.length - 1));
  const indent = /^ */.exec(renamed[at] ?? "")![0];
  renamed.splice(at, 0, indent + (snippet.language === "python" ? 'audit_log.append("step")' : 'auditLog.push("step");'));
  return { ...snippet, code: renamed.join("\n") };
}

/** Only the middle half of the region's lines, verbatim. */
export function partial(snippet: Snippet): Snippet {
  const lines = snippet.code.split("\n");
  const quarter = Math.floor(lines.length / 4);
  const kept = lines.slice(quarter, lines.length - quarter);
  return { ...snippet, code: kept.join("\n"), startLine: snippet.startLine + quarter, endLine: snippet.startLine + quarter + kept.length - 1 };
}

export function applyForm(form: Form, snippet: Snippet, rng: Rng): Snippet {
  switch (form) {
    case "verbatim":
      return snippet;
    case "reformatted":
      return reformat(snippet, rng);
    case "renamed":
      return rename(snippet, rng);
    case "near-miss":
      return nearMiss(snippet, rng);
    case "partial":
      return partial(snippet);
  }
}
