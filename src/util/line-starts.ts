/**
 * Where each line of `text` begins, as 0-based character offsets ("\n" ends a line). A trailing
 * newline ends the last line rather than starting an empty one.
 */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  return starts;
}

/** Where line `index` (0-based, of `starts` = lineStartOffsets(text)) ends: the offset of its "\n", or the text's end. */
export function lineEndOffset(text: string, starts: readonly number[], index: number): number {
  const next = starts[index + 1];
  if (next !== undefined) return next - 1;
  return text.endsWith("\n") ? text.length - 1 : text.length;
}
