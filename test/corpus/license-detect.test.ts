import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { correctLicenseExpression, detectSourceLicense, licenseFromHeader } from "../../src/corpus/license-detect.js";
import { temporaryDirectory } from "../helpers.js";

const require = createRequire(import.meta.url);
const licenses = require("spdx-license-list/full.js") as Record<string, { licenseText: string }>;

describe("license detection", () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let root: string;
  beforeEach(() => {
    dir = temporaryDirectory();
    root = join(dir.path, "pkg");
    mkdirSync(root);
  });
  afterEach(() => dir.cleanup());

  const put = (name: string, content: string): void => {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), content);
  };

  it("takes package.json's license as declared, correcting sloppy values with spdx-correct", () => {
    put("package.json", JSON.stringify({ name: "p", license: "Apache 2" }));
    expect(detectSourceLicense(root)).toEqual({ expression: "Apache-2.0", provenance: "declared", evidence: 'package.json license "Apache 2" corrected' });
    put("package.json", JSON.stringify({ name: "p", license: "(MIT OR Apache-2.0)" }));
    expect(detectSourceLicense(root).expression).toBe("(MIT OR Apache-2.0)");
    put("package.json", JSON.stringify({ name: "p", licenses: [{ type: "MIT" }, { type: "GPLv2" }] }));
    expect(detectSourceLicense(root)).toMatchObject({ expression: "GPL-2.0-only OR MIT", provenance: "declared" });
  });

  it("follows SEE LICENSE IN to the named file, and never outside the package", () => {
    put("package.json", JSON.stringify({ name: "p", license: "SEE LICENSE IN docs/TERMS.md" }));
    put("docs/TERMS.md", licenses["BSD-2-Clause"]!.licenseText.replace("<year> <owner>", "2021 Acme"));
    expect(detectSourceLicense(root)).toMatchObject({ expression: "BSD-2-Clause", provenance: "license-file" });
    writeFileSync(join(dir.path, "outside.txt"), licenses.MIT!.licenseText);
    put("package.json", JSON.stringify({ name: "p", license: "SEE LICENSE IN ../outside.txt" }));
    expect(detectSourceLicense(root)).toMatchObject({ expression: "NOASSERTION", provenance: "none" });
  });

  it("reads Python metadata: pyproject.toml, setup.cfg classifiers, PKG-INFO", () => {
    put("pyproject.toml", '[project]\nname = "p"\nlicense = "BSD-3-Clause"\n');
    expect(detectSourceLicense(root)).toMatchObject({ expression: "BSD-3-Clause", provenance: "declared", evidence: "pyproject.toml project.license" });
    put("pyproject.toml", '[project]\nname = "p"\nclassifiers = ["Programming Language :: Python", "License :: OSI Approved :: MIT License"]\n');
    expect(detectSourceLicense(root)).toMatchObject({ expression: "MIT", evidence: "pyproject.toml classifiers" });
    put("pyproject.toml", "[build-system]\nrequires = []\n");
    put("setup.cfg", "[metadata]\nname = p\nclassifiers =\n    License :: OSI Approved :: Apache Software License\n    Topic :: Utilities\n[options]\n");
    expect(detectSourceLicense(root)).toMatchObject({ expression: "Apache-2.0", evidence: "setup.cfg classifiers" });
    put("setup.cfg", "[options]\nzip_safe = False\n");
    put("PKG-INFO", "Metadata-Version: 2.4\nName: p\nLicense-Expression: MPL-2.0\n\nLong description mentioning License: GPL\n");
    expect(detectSourceLicense(root)).toMatchObject({ expression: "MPL-2.0", evidence: "PKG-INFO License-Expression" });
  });

  it("falls back to LICENSE/COPYING texts, combining several with AND", () => {
    put("LICENSE", `Copyright 2018 Somebody Else\n\n${licenses.MIT!.licenseText.split("\n").slice(3).join("\n")}`);
    expect(detectSourceLicense(root)).toMatchObject({ expression: "MIT", provenance: "license-file" });
    put("COPYING.APACHE", licenses["Apache-2.0"]!.licenseText);
    expect(detectSourceLicense(root).expression).toBe("Apache-2.0 AND MIT");
  });

  it("says NOASSERTION when nothing is found or nothing is recognisable", () => {
    expect(detectSourceLicense(root)).toEqual({ expression: "NOASSERTION", provenance: "none", evidence: "no license metadata or text found" });
    put("LICENSE", "All rights reserved. Ask us before using this code, we will probably say yes if you are nice.");
    put("package.json", JSON.stringify({ name: "p", license: "a license of our own devising" }));
    expect(detectSourceLicense(root).expression).toBe("NOASSERTION");
  });

  it("reads SPDX-License-Identifier headers in any comment style, only near the top", () => {
    expect(licenseFromHeader("// SPDX-License-Identifier: MIT\nexport const x = 1;\n")).toBe("MIT");
    expect(licenseFromHeader("/* SPDX-License-Identifier: Apache-2.0 OR MIT */\n")).toBe("Apache-2.0 OR MIT");
    expect(licenseFromHeader("#!/usr/bin/env python3\n# SPDX-License-Identifier: GPL-2.0-or-later\n")).toBe("GPL-2.0-or-later");
    expect(licenseFromHeader('"""SPDX-License-Identifier: BSD-3-Clause"""\n')).toBe("BSD-3-Clause");
    expect(licenseFromHeader("// SPDX-License-Identifier: not a license at all\n")).toBeUndefined();
    expect(licenseFromHeader(`${"x = 1\n".repeat(2000)}# SPDX-License-Identifier: MIT\n`)).toBeUndefined();
  });

  it("corrects only into valid SPDX", () => {
    expect(correctLicenseExpression("MIT")).toBe("MIT");
    expect(correctLicenseExpression("GPLv3")).toBe("GPL-3.0-or-later");
    expect(correctLicenseExpression("")).toBeUndefined();
    expect(correctLicenseExpression("SEE LICENSE IN LICENSE")).toBeUndefined();
  });
});
