/**
 * `text` with each CR that no LF follows made an LF: a CR alone ends a line in both languages
 * (classic Mac text), and the rest of reftrack counts lines by LF. One character for one, so
 * offsets and columns in the result are those of `text`.
 */
export function loneCrAsLf(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}
