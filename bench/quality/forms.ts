/** The query forms of the quality benchmark: how copied code is disguised in the wild. */
import type { LanguageName } from "../../src/languages/language.js";
import { type Lexeme, Rng, type Snippet, columnOf, lexemes, offsideIndents, renameAndReformat } from "../snippets.js";

export type Form = "verbatim" | "reformatted" | "renamed" | "names-only" | "near-miss" | "partial";
export const FORMS: readonly Form[] = ["verbatim", "reformatted", "renamed", "names-only", "near-miss", "partial"];

/**
 * Forms added after the benchmark's queries were first drawn: each draws from a seed of its own,
 * so the queries of every other form (and everything drawn after them) stay as they were.
 */
export const LATER_FORM_SEEDS: Partial<Record<Form, number>> = { "names-only": 20261203 };

function comment(language: LanguageName): string {
  return language === "python" ? "# reviewed" : "// reviewed";
}

/** Operators whose surrounding space is free in every one of these languages, next to a name or number. */
const SPACEABLE = new Set(["=", "==", "===", "!=", "!==", "+", "-", "*", "/", "%", "**", "+=", "-=", "*=", "/=", "<=", ">=", "&&", "||", "??", "=>", "->", ":"]);
const WORD_CHAR = /[0-9A-Za-z_$]/;

/** Whether the space between two adjacent tokens can be added or removed without changing the tokens. */
function spaceIsFree(left: string, right: string): boolean {
  const a = left[left.length - 1]!;
  const b = right[0]!;
  return (WORD_CHAR.test(a) && SPACEABLE.has(right)) || (SPACEABLE.has(left) && WORD_CHAR.test(b));
}

const STRING_OPENING = /^([A-Za-z]*)('''|"""|'|")/;

/**
 * A string literal quoted as black and prettier write it with their defaults: in double quotes,
 * unless its text holds a double quote (either would then add escapes, and keeps it as written).
 * An escaped single quote loses its backslash (`'don\'t'` → `"don't"`); a prefix is kept.
 */
export function formatterQuotes(text: string): string {
  const opening = STRING_OPENING.exec(text);
  if (!opening) return text;
  const prefix = opening[1]!;
  const quote = opening[2]!;
  if (quote.startsWith('"') || text.length < prefix.length + 2 * quote.length || !text.endsWith(quote)) return text;
  const body = text.slice(prefix.length + quote.length, text.length - quote.length);
  if (body.includes('"')) return text;
  const raw = /r/i.test(prefix);
  const double = quote.length === 3 ? '"""' : '"';
  return `${prefix}${double}${raw ? body : body.replace(/\\'/g, "'")}${double}`;
}

/**
 * Layout changes as a formatter makes them, on the tokens so no token changes class: indentation
 * width (Python's kept in the same order, which is all its blocks depend on), spaces around
 * operators added or removed, one space after commas, blank lines added, comment lines added,
 * long lines broken after a comma inside brackets, and string literals in the formatter's quotes
 * (formatterQuotes). Comments and the contents of strings are kept.
 */
export function reformat(snippet: Snippet, rng: Rng): Snippet {
  const { code, language } = snippet;
  const tokens = lexemes(snippet);
  const newlinesIn = (text: string): number => text.split("\n").length - 1;

  // The layout in front of each kept token: line breaks, or the original same-line gap.
  interface Placed {
    readonly token: Lexeme;
    readonly breaks: number;
    readonly gap: string;
  }
  const placed: Placed[] = [];
  let previousEnd = 0;
  for (const token of tokens) {
    const gap = code.slice(previousEnd, token.start);
    previousEnd = token.end;
    // Comments are kept, as every formatter keeps them: a reformatted copy still holds its prose.
    placed.push({ token, breaks: newlinesIn(gap), gap });
  }

  const pythonIndent = offsideIndents(placed.filter((p, i) => i === 0 || p.breaks > 0).map((p) => columnOf(code, p.token.start)));
  const indentFor = (column: number): number => (language === "python" ? pythonIndent.get(column)! : column * 2);

  let out = "";
  let lineIndent = 0;
  let depth = 0;
  placed.forEach(({ token, breaks, gap }, i) => {
    const previous = placed[i - 1]?.token;
    if (token.inError || previous?.inError || /\S/.test(gap.replace(/\\\n/g, ""))) {
      // Left exactly as it was (the gap may hold a line continuation or unparsed text).
      out += i === 0 ? gap : code.slice(previous!.end, token.start);
      if (breaks > 0) lineIndent = columnOf(code, token.start);
    } else if (i === 0 || breaks > 0) {
      out += "\n".repeat(i === 0 ? 0 : breaks);
      lineIndent = indentFor(columnOf(code, token.start));
      if (i > 0 && rng.next() < 0.1) out += "\n";
      if (i > 0 && rng.next() < 0.05) out += `${" ".repeat(lineIndent)}${comment(language)}\n`;
      out += " ".repeat(lineIndent);
    } else if (previous!.text === "," && depth > 0 && rng.next() < 0.1) {
      out += `\n${" ".repeat(lineIndent + 4)}`;
    } else if (previous!.text === ",") {
      out += " ";
    } else if (token.text === ",") {
      out += "";
    } else if (spaceIsFree(previous!.text, token.text)) {
      out += rng.next() < 0.5 ? " " : "";
    } else {
      out += gap;
    }
    out += token.kind === "string" && !token.inError ? formatterQuotes(token.text) : token.text;
    if (token.text === "(" || token.text === "[" || token.text === "{") depth++;
    else if ((token.text === ")" || token.text === "]" || token.text === "}") && depth > 0) depth--;
  });
  out += code.slice(previousEnd).replace(/[^\n]/g, "");
  return { ...snippet, code: out };
}

/** Consistent renaming of every identifier and string literal, re-indented, comment lines dropped. */
export function rename(snippet: Snippet, rng: Rng): Snippet {
  return renameAndReformat(snippet, rng);
}

/**
 * Identifiers renamed consistently and re-indented as `rename` does, strings, docstrings and
 * comments kept as written: the renaming a copier does to make code fit their own, which leaves the
 * data and the documentation alone. `rename` also replaces every string's contents, so a table of
 * data keeps only its shape, which a reference must not rest on (rules.ts identicalData).
 */
export function renameNames(snippet: Snippet, rng: Rng): Snippet {
  return renameAndReformat(snippet, rng, true);
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
    case "names-only":
      return renameNames(snippet, rng);
    case "near-miss":
      return nearMiss(snippet, rng);
    case "partial":
      return partial(snippet);
  }
}
