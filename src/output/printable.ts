/**
 * Text from a file name, an index or a log, made safe to print on a line of a terminal or a CI log:
 * control characters are written as escapes (`\n`, `\t`, `\x1b`), so a file named with a line break
 * cannot add a line of its own to a report, nor an escape sequence recolour or hide one.
 */
export function printable(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROL_ALL, escapeControl) : text;
}

// C0 controls, DEL and C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;

function escapeControl(c: string): string {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "\t") return "\\t";
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
}
