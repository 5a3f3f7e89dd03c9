import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a UI kit whose components each declare their props from one template,
// a size scale and a set of variants, with the component's own data.
interface Table {
  readonly name: string;
  readonly sizes: readonly string[];
  readonly variants: readonly string[];
  readonly sizeDefault?: string;
  readonly variantDefault: string;
}

const propTable = ({ name, sizes, variants, sizeDefault, variantDefault }: Table): string => `import { asChildProp } from '../props/as-child.js';

import type { PropSpec } from '../props/spec.js';

const sizes = [${sizes.map((s) => `'${s}'`).join(", ")}] as const;
const variants = [${variants.map((v) => `'${v}'`).join(", ")}] as const;

const ${name}Props = {
  ...asChildProp,
  size: {
    type: 'enum',
    className: 'ui-size',
    values: sizes,${sizeDefault ? `\n    default: '${sizeDefault}',` : ""}
    responsive: true,
  },
  variant: {
    type: 'enum',
    className: 'ui-variant',
    values: variants,
    default: '${variantDefault}',
  },
} satisfies {
  size: PropSpec<(typeof sizes)[number]>;
  variant: PropSpec<(typeof variants)[number]>;
};

export { ${name}Props };
`;

const TABLES: readonly Table[] = [
  { name: "card", sizes: ["1", "2", "3", "4", "5"], variants: ["surface", "classic", "ghost"], sizeDefault: "1", variantDefault: "surface" },
  { name: "avatar", sizes: ["1", "2", "3", "4", "5", "6", "7", "8", "9"], variants: ["solid", "soft"], sizeDefault: "3", variantDefault: "solid" },
  { name: "radioGroup", sizes: ["1", "2", "3"], variants: ["classic", "surface", "soft"], sizeDefault: "2", variantDefault: "surface" },
  { name: "blockquote", sizes: ["1", "2", "3", "4", "5", "6", "7", "8", "9"], variants: ["quote", "plain"], variantDefault: "quote" },
  { name: "code", sizes: ["1", "2", "3", "4", "5", "6", "7", "8", "9"], variants: ["classic", "soft", "ghost"], variantDefault: "soft" },
  { name: "badge", sizes: ["1", "2", "3"], variants: ["solid", "soft", "surface", "outline"], sizeDefault: "1", variantDefault: "solid" },
];

const FILES = Object.fromEntries(TABLES.map((t) => [`src/components/${t.name}.props.ts`, propTable(t)]));

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles(FILES);
});
afterAll(() => tracker.close());

const paths = (code: string): string[] => tracker.match(code, { language: "typescript" }).references.flatMap((r) => r.origins.map((o) => o.path));

describe("a new component's props, declared from the kit's template", () => {
  // The keyboard key's table: the code table word for word from its size scale on, but for its list of variants.
  const KBD = propTable({ name: "kbd", sizes: ["1", "2", "3", "4", "5", "6", "7", "8", "9"], variants: ["classic", "soft"], variantDefault: "soft" });

  it("names the one table it shares a run of identical code with, not the siblings of the same shape", () => {
    expect(paths(KBD)).toEqual(["src/components/code.props.ts"]);
  });

  it("names a table copied and renamed, whatever its siblings", () => {
    const renamed = FILES["src/components/card.props.ts"]!.replaceAll("cardProps", "panelProps").replaceAll("sizes", "scale").replaceAll("variants", "looks");
    expect(paths(renamed)).toContain("src/components/card.props.ts");
  });
});
