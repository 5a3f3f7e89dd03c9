import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { identifyLicenseText } from "../../src/corpus/license-text.js";

// License texts come from the SPDX list at test time: nothing third-party is committed.
const require = createRequire(import.meta.url);
const licenses = require("spdx-license-list/full.js") as Record<string, { licenseText: string }>;
const text = (id: string): string => licenses[id]!.licenseText;

/** A text as a project's LICENSE file has it: real holder and year, re-wrapped at 72 columns. */
function asProjectFile(template: string, holder: string): string {
  const body = template
    .split("\n")
    .filter((line) => !/^\s*copyright/i.test(line))
    .join("\n")
    .replace(/[ \t]+/g, " ");
  const wrapped = body.replace(/(.{1,72})(\s+|$)/g, "$1\n");
  return `Copyright (c) 2019-2024 ${holder}\n\n${wrapped}`;
}

describe("license text identification", () => {
  it("identifies common licenses with a changed copyright line and different wrapping", () => {
    for (const id of ["MIT", "Apache-2.0", "BSD-3-Clause", "BSD-2-Clause", "ISC", "MPL-2.0", "GPL-3.0-only", "Unlicense", "0BSD"]) {
      const found = identifyLicenseText(asProjectFile(text(id), "Jane Example and contributors"));
      expect(found?.id, id).toBe(id);
      expect(found!.score).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("tells apart licenses that differ by one clause (BSD-2 vs BSD-3, ISC vs 0BSD)", () => {
    expect(identifyLicenseText(text("BSD-2-Clause"))?.id).toBe("BSD-2-Clause");
    expect(identifyLicenseText(text("BSD-3-Clause"))?.id).toBe("BSD-3-Clause");
    const isc = `ISC License\n\nCopyright (c) 2020 Someone\n\nPermission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.\n\n${text("0BSD").split("\n").slice(4).join("\n")}`;
    expect(identifyLicenseText(isc)?.id).toBe("ISC");
    expect(identifyLicenseText(text("0BSD"))?.id).toBe("0BSD");
  });

  it("keeps Apache-2.0 with or without its appendix, and as Markdown", () => {
    const full = text("Apache-2.0");
    const withoutAppendix = full.slice(0, full.indexOf("END OF TERMS AND CONDITIONS"));
    expect(identifyLicenseText(withoutAppendix)?.id).toBe("Apache-2.0");
    const markdown = `# Apache License\n\n${full.replace(/^(\d+)\. /gm, "**$1.** ")}`;
    expect(identifyLicenseText(markdown)?.id).toBe("Apache-2.0");
  });

  it("does not identify text that is not a license, or too little of one", () => {
    const readme = `# fast-widgets

A small library for widgets. Install it with npm install fast-widgets, then import the
widget factory and call it with your options. See the documentation folder for the full API,
the changelog for release notes, and CONTRIBUTING.md before opening a pull request. Released
under the MIT license; see the LICENSE file. Permission to use the logo is not granted.`;
    expect(identifyLicenseText(readme)).toBeUndefined();
    expect(identifyLicenseText("MIT License\n\nCopyright (c) 2020 Someone")).toBeUndefined();
    expect(identifyLicenseText(text("MIT").split("\n").slice(0, 6).join("\n"))).toBeUndefined();
    expect(identifyLicenseText("")).toBeUndefined();
  });
});
