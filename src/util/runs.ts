/**
 * Runs of equal keys in a list ordered by key (a posting list's occurrences by content, a sorted
 * list of ids): the distinct keys, in order. `key` maps a value to its key (the identity by default).
 */

const identity = (value: number): number => value;

/** The key of each run, appended to `into` (cleared first). */
export function runKeys(values: ArrayLike<number>, key: (value: number) => number = identity, into: number[] = []): number[] {
  into.length = 0;
  for (let i = 0; i < values.length; i++) {
    const k = key(values[i]!);
    if (into.length === 0 || into[into.length - 1] !== k) into.push(k);
  }
  return into;
}

/** How many runs there are. */
export function runCount(values: ArrayLike<number>, key: (value: number) => number = identity): number {
  let count = 0;
  let previous = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const k = key(values[i]!);
    if (k !== previous) count++;
    previous = k;
  }
  return count;
}
