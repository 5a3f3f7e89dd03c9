import { describe, expect, it } from "vitest";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for these tests: one library's prop types declaring the same three callbacks as another
// library's interface, each followed by a constant of its own. The three lines and the brace are
// 149 normalized characters; the match runs on into the next line's `const NAME =` (157). Apart
// from the rest by a blank line, that line is left out of the reported lines, a k-gram's context,
// and makes up no length either; next to it on both sides, it is a statement changed at its end.

const member = (name: string): string => `  on${name}?: (widths: Map<Key, ColumnSize>) => void`;
const CALLBACKS = ["WidthsStart", "WidthsChange", "WidthsEnd"];

const indexed = (apart: boolean): string => `import { createContext } from 'react';

export interface GridContainerState {
  gridWidth: number,
  gridRef: RefObject<HTMLTableElement | null>,
${CALLBACKS.map(member).join(",\n")}
}
${apart ? "\n" : ""}const GridContainerContext = createContext<GridContainerState | null>(null);

export function useGridContainer(): GridContainerState {
  let state = useContext(GridContainerContext);
  if (!state) {
    throw new Error('useGridContainer must be used inside a GridContainer');
  }
  return state;
}
`;

const scanned = (apart: boolean): string => `import { useRef } from 'react';

interface HandleProps<T> {
  column: GridNode<T>,
  visible: boolean,
${CALLBACKS.map(member).join(",\n")}
}
${apart ? "\n" : ""}const CURSORS = {
  ew: cursorFor('ew-resize'),
  w: cursorFor('w-resize'),
  e: cursorFor('e-resize')
};

export function ResizeHandle<T>(props: HandleProps<T>) {
  let ref = useRef<HTMLInputElement>(null);
  let cursor = props.visible ? CURSORS.ew : CURSORS.e;
  return renderHandle(ref, cursor, props.column);
}
`;

describe("a dangling line's tokens", () => {
  it("count toward no threshold: three lines alike, then a blank line, are short of a reference", async () => {
    const tracker = await memoryTrackerForFiles({ "grid/container.ts": indexed(true) });
    expect(tracker.match(scanned(true), { language: "typescript", whole: true }).references).toEqual([]);
  });

  it("count where the line is next to the rest on both sides, part of the region reported", async () => {
    const tracker = await memoryTrackerForFiles({ "grid/container.ts": indexed(false) });
    const references = tracker.match(scanned(false), { language: "typescript", whole: true }).references;
    expect(references.map((reference) => [reference.path, reference.queryLines, reference.sourceLines])).toEqual([["grid/container.ts", [6, 10], [6, 10]]]);
    expect(references[0]!.explanation.matchedChars).toBeGreaterThanOrEqual(150);
    expect(references[0]!.explanation.identicalChars).toBeLessThan(150);
  });
});
