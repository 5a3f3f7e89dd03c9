/**
 * The first place in [0, n) whose value is at least `target`, for values in increasing order:
 * `values[i]`, or with `order` given, `values[order[i]]` (an index sorted by those values).
 */
export function lowerBound(values: ArrayLike<number>, target: number, order?: ArrayLike<number>): number {
  let lo = 0;
  let hi = order ? order.length : values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = order ? values[order[mid]!]! : values[mid]!;
    if (value < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
