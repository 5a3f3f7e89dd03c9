import { afterAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: two operators of one stream library, `lowest` and `highest`, whose doc
// comments share a paragraph, as a project's sibling modules do; and `lowest`'s declaration file,
// which holds its doc comment whole and none of its code, so it holds little of the module.
const SHARED = ` * The comparison is made once per emitted value, against the best value seen so far, so the
 * operator keeps a single value in memory however long the source runs. When the source completes
 * without emitting anything, the result completes too without emitting, and an error from the source
 * is forwarded unchanged to the subscriber that asked for the result.`;

const LOWEST_DOC = `/**
 * Emits the smallest value a finite source produced, once that source completes, ordering values
 * with the optional comparer or, without one, with the language's own less-than on numbers and
 * strings alike. Useful for picking the cheapest quote from a stream of offers that ends.
 *
${SHARED}
 *
 * @param comparer Optional function deciding which of two values comes first: negative when the
 * first is smaller, positive when the second is, zero when neither. Defaults to numeric order.
 * @return A function that returns an observable emitting the smallest value seen.
 */`;

const CONFIG = `export interface LowestConfig<T> {
  comparer?: (x: T, y: T) => number;
  emitWhenEmpty?: boolean;
  fallback?: T;
}
`;

const LOWEST = `import { reduceValues } from './reduceValues';

${CONFIG}
${LOWEST_DOC}
export function lowest<T>(comparer?: (x: T, y: T) => number) {
  const order = typeof comparer === 'function' ? comparer : defaultOrder;
  return (source: Source<T>) =>
    new Stream<T>((subscriber) => {
      let best: T | undefined;
      let seen = false;
      return source.subscribe({
        next(value) {
          if (!seen || order(value, best as T) < 0) best = value;
          seen = true;
        },
        error(failure) {
          subscriber.error(failure);
        },
        complete() {
          if (seen) subscriber.next(best as T);
          subscriber.complete();
        },
      });
    });
}

function defaultOrder(x: unknown, y: unknown): number {
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
}
`;

const HIGHEST = `import { reduceValues } from './reduceValues';

/**
 * Emits the largest value a finite source produced, once that source completes: the mirror image of
 * the lowest operator, for callers who track peaks, record highs or the latest timestamp of a batch.
 *
${SHARED}
 *
 * @param comparer Optional function ordering two values, as for sorting an array of them.
 * @return A function that returns an observable emitting the largest value seen.
 */
export function highest<T>(comparer?: (x: T, y: T) => number) {
  return reduceValues(typeof comparer === 'function' ? (x: T, y: T) => (comparer(x, y) > 0 ? x : y) : (x: T, y: T) => (x > y ? x : y));
}
`;

/** `lowest`'s declaration file: its configuration type and doc comment as written, its code as one declaration. */
const DECLARATION = `${CONFIG}
${LOWEST_DOC}
export declare function lowest<T>(comparer?: (x: T, y: T) => number): OperatorFunction<T, T>;
`;

describe("a sibling's paragraph inside a file scanned whole that is its own module's version", () => {
  const trackers: ReferenceTracker[] = [];
  afterAll(() => trackers.forEach((tracker) => tracker.close()));
  const paths = (tracker: ReferenceTracker, whole: boolean): string[] =>
    tracker.match(DECLARATION, { language: "typescript", whole }).references.flatMap((reference) => reference.origins.map((origin) => `${origin.source}:${origin.path}`));

  it("names only the module in a file scanned whole, and the sibling too in a fragment", async () => {
    const tracker = await memoryTrackerForFiles({ "streams/lowest.ts": LOWEST, "streams/highest.ts": HIGHEST }, { sourcePerFolder: true });
    trackers.push(tracker);
    expect(paths(tracker, true)).toEqual(["streams:lowest.ts"]);
    expect(paths(tracker, false)).toEqual(["streams:lowest.ts", "streams:highest.ts"]);
  });

  it("still names the sibling when another project carries it", async () => {
    const tracker = await memoryTrackerForFiles({ "streams/lowest.ts": LOWEST, "other/highest.ts": HIGHEST }, { sourcePerFolder: true });
    trackers.push(tracker);
    expect(paths(tracker, true)).toEqual(["streams:lowest.ts", "other:highest.ts"]);
  });
});
