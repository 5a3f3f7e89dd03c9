/**
 * The first place in [from, to) (by default [0, n)) whose value is at least `target`, or `to`, for
 * values in increasing order: `values[i]`, or with `order` given, `values[order[i]]` (an index
 * sorted by those values).
 */
export function lowerBound(values: ArrayLike<number>, target: number, order?: ArrayLike<number>, from = 0, to = order ? order.length : values.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = order ? values[order[mid]!]! : values[mid]!;
    if (value < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
