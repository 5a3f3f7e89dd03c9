import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { looksMinifiedShort } from "../../src/files/source-file.js";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a component library's prop tables, one module per component, each the
// same template over its own sizes and variants, as a design system writes them.
const CARD_PROPS = `import { asChildPropDef } from '../props/as-child.prop.js';
import { marginPropDefs } from '../props/margin.props.js';

import type { PropDef } from '../props/prop-def.js';

const sizes = ['1', '2', '3', '4', '5'] as const;
const variants = ['surface', 'classic', 'ghost'] as const;
const elevations = ['flat', 'raised', 'floating'] as const;

const cardPropDefs = {
  ...asChildPropDef,
  size: { type: 'enum', className: 'rt-r-size', values: sizes, default: '1', responsive: true },
  variant: { type: 'enum', className: 'rt-variant', values: variants, default: 'surface' },
  elevation: { type: 'enum', className: 'rt-elevation', values: elevations, default: 'flat' },
  ...marginPropDefs,
} satisfies {
  size: PropDef<(typeof sizes)[number]>;
  variant: PropDef<(typeof variants)[number]>;
  elevation: PropDef<(typeof elevations)[number]>;
};

export { cardPropDefs };
`;

// Another component's table, as a minifier ships it: one line, every local one letter. Its
// template is the card's; its data (sizes, variants, defaults) is its own.
const PANEL_PROPS_MINIFIED =
  'import{asChildPropDef as e}from"../props/as-child.prop.js";import{marginPropDefs as m}from"../props/margin.props.js";' +
  'const t=["1","2","3"],a=["soft","solid","outline","ghost"],l=["none","low","high"],p={...e,' +
  'size:{type:"enum",className:"rt-r-size",values:t,default:"2",responsive:!0},' +
  'variant:{type:"enum",className:"rt-variant",values:a,default:"soft"},' +
  'elevation:{type:"enum",className:"rt-elevation",values:l,default:"none"},...m};export{p as panelPropDefs};\n' +
  "//# sourceMappingURL=panel.props.js.map\n";

describe("a small minified module", () => {
  let tracker: ReferenceTracker;
  beforeAll(async () => {
    tracker = await memoryTrackerForFiles({ "themes/components/card.props.ts": CARD_PROPS });
  });
  afterAll(() => tracker.close());

  it("reads as minified by its one long line, where hand-written code of its size does not", () => {
    expect(PANEL_PROPS_MINIFIED.length).toBeLessThan(2048);
    expect(looksMinifiedShort(PANEL_PROPS_MINIFIED, "javascript")).toBe(true);
    expect(looksMinifiedShort(PANEL_PROPS_MINIFIED, "tsx")).toBe(true);
    // Python is not minified: a long line of it is a long line.
    expect(looksMinifiedShort(PANEL_PROPS_MINIFIED, "python")).toBe(false);
    expect(looksMinifiedShort(CARD_PROPS, "javascript")).toBe(false);
    // A long line that is not most of the text (a hand-written module's one long regular expression).
    const longLine = `const pattern = /${"[a-z0-9]".repeat(30)}/;`;
    expect(looksMinifiedShort(`${longLine}\n${"const x = compute(value);\n".repeat(14)}`, "javascript")).toBe(false);
    // A doc comment's long first line is prose, however much of the text it is.
    expect(looksMinifiedShort(`/** ${"Takes a snapshot of the current state and returns it. ".repeat(6)}*/\nexport function current(value) {\n  return snapshot(value);\n}\n`, "javascript")).toBe(false);
    // Indented, too: a class member's doc comment.
    expect(looksMinifiedShort(`class Draft {\n    /** ${"Takes a snapshot of the current state and returns it. ".repeat(6)}*/\n    current() {}\n}\n`, "javascript")).toBe(false);
    // Long enough to judge by its lines' average instead.
    expect(looksMinifiedShort(PANEL_PROPS_MINIFIED.repeat(5), "javascript")).toBe(false);
  });

  it("is not reported as a sibling module whose template alone it shares", () => {
    const found = tracker.match(PANEL_PROPS_MINIFIED, { language: "javascript", whole: true });
    expect(found.references).toEqual([]);
  });

  it("is reported where a one-line build keeps the indexed module's names", () => {
    // The card's table with its white space taken out and its types dropped, no local renamed: a
    // minified module's renaming tells nothing, names kept do.
    const cardOneLine =
      'import{asChildPropDef}from"../props/as-child.prop.js";import{marginPropDefs}from"../props/margin.props.js";' +
      'const sizes=["1","2","3","4","5"],variants=["surface","classic","ghost"],elevations=["flat","raised","floating"],cardPropDefs={...asChildPropDef,' +
      'size:{type:"enum",className:"rt-r-size",values:sizes,default:"1",responsive:!0},' +
      'variant:{type:"enum",className:"rt-variant",values:variants,default:"surface"},' +
      'elevation:{type:"enum",className:"rt-elevation",values:elevations,default:"flat"},...marginPropDefs};export{cardPropDefs};\n';
    expect(looksMinifiedShort(cardOneLine, "javascript")).toBe(true);
    const found = tracker.match(cardOneLine, { language: "javascript", whole: true });
    expect(found.references.map((reference) => reference.path)).toEqual(["themes/components/card.props.ts"]);
  });
});
