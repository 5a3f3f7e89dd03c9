import { IndexUnusableError, describeError } from "../errors.js";
import { type NotebookCode, notebookCode } from "../files/notebook.js";
import type { OriginalBytes, SkipReason, SourceText } from "../files/source-file.js";
import type { LanguageName } from "../languages/language.js";
import type { MatchOptions } from "../options.js";
import type { Reference } from "../output/reference.js";
import type { ReferenceTracker } from "../tracker.js";

/** What became of one file of a scan: plain data, the same on the scan's thread and on a helper (scan-worker.ts). */
export type FileOutcome =
  | { readonly kind: "unread"; readonly reason: SkipReason; readonly detail: string }
  | { readonly kind: "matched"; readonly language: LanguageName; readonly references: Reference[]; readonly text?: string; readonly original?: OriginalBytes }
  | { readonly kind: "failed"; readonly message: string; readonly indexUnusable: boolean };

/** A failure as an outcome: an unusable index stops the scan, any other failure is the file's. */
export function failedOutcome(error: unknown): FileOutcome {
  return { kind: "failed", message: describeError(error), indexUnusable: error instanceof IndexUnusableError };
}

/**
 * One file read and matched; its text kept when `wantText` (reports that show or checksum it). A
 * notebook's code cells are matched (files/notebook.ts), its references on the notebook's lines, and
 * its text is the notebook's. A file is matched as a whole file (MatchTarget.whole); what standard
 * input holds may be a fragment (a suggestion piped in), and is read as one.
 */
export function fileOutcome(
  tracker: ReferenceTracker,
  read: () => SourceText,
  language: LanguageName,
  match: Partial<MatchOptions> | undefined,
  wantText: boolean,
  notebook = false,
  whole = true,
): FileOutcome {
  try {
    const text = read();
    if (!text.ok) return { kind: "unread", reason: text.reason, detail: text.detail };
    const kept = wantText ? { text: text.text, ...(text.original ? { original: text.original } : {}) } : {};
    if (notebook) {
      const cells = notebookCode(text.text);
      if (!cells.ok) return { kind: "unread", reason: cells.reason, detail: cells.detail };
      const matched = tracker.match(cells.notebook.code, { ...match, language, whole });
      return { kind: "matched", language: matched.language, references: matched.references.map((reference) => onNotebookLines(reference, cells.notebook)), ...kept };
    }
    const matched = tracker.match(text.text, { ...match, language, whole });
    return { kind: "matched", language: matched.language, references: matched.references, ...kept };
  } catch (error) {
    return failedOutcome(error);
  }
}

/** A reference to a notebook's code, on the notebook's own lines; a column in its code is none in the notebook. */
function onNotebookLines(reference: Reference, notebook: NotebookCode): Reference {
  const { queryColumns: _columns, ...rest } = reference;
  return { ...rest, queryLines: [notebook.lines[reference.queryLines[0] - 1]!, notebook.lines[reference.queryLines[1] - 1]!] };
}
