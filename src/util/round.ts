/** A ratio as reported to users: three decimals. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
