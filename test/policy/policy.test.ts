import { describe, expect, it } from "vitest";
import { ReftrackError } from "../../src/errors.js";
import type { Origin, Reference } from "../../src/output/reference.js";
import { decide } from "../../src/policy/decide.js";
import { type LicenseRules, LicenseList, judgeLicense } from "../../src/policy/license-rules.js";
import { type Policy, compilePolicy } from "../../src/policy/policy.js";

const rules = (deny: string[], allow: string[] = [], unknown: "deny" | "allow" = "deny"): LicenseRules => ({
  deny: LicenseList.parse(deny, "deny"),
  allow: LicenseList.parse(allow, "allow"),
  unknown,
});

describe("judgeLicense, with spdx-satisfies semantics", () => {
  it("passes an OR expression when one branch passes, and fails an AND expression when one part fails", () => {
    expect(judgeLicense("MIT OR GPL-3.0-only", rules(["GPL-3.0-only"])).ok).toBe(true);
    const and = judgeLicense("MIT AND GPL-3.0-only", rules(["GPL-3.0-only"]));
    expect(and).toEqual({ ok: false, rule: "deny", detail: "GPL-3.0-only is denied (GPL-3.0-only)" });
    expect(judgeLicense("(MIT OR GPL-2.0-only) AND (Apache-2.0 OR AGPL-3.0-only)", rules(["copyleft"])).ok).toBe(true);
  });

  it("reads ranges: GPL-2.0+ denies GPL-3.0-only, and GPL-3.0-or-later is denied by GPL-3.0+", () => {
    expect(judgeLicense("GPL-3.0-only", rules(["GPL-2.0+"])).ok).toBe(false);
    expect(judgeLicense("GPL-3.0-or-later", rules(["GPL-3.0+"])).ok).toBe(false);
    expect(judgeLicense("LGPL-2.1-only", rules(["GPL-2.0+"])).ok).toBe(true);
  });

  it("respects WITH exceptions: a listed license does not name it with an exception, unless listed so", () => {
    const classpath = "GPL-2.0-only WITH Classpath-exception-2.0";
    expect(judgeLicense(classpath, rules(["GPL-2.0-only"])).ok).toBe(true);
    expect(judgeLicense(classpath, rules([classpath])).ok).toBe(false);
    expect(judgeLicense(classpath, rules([], ["GPL-2.0-only"])).ok).toBe(false);
    expect(judgeLicense(classpath, rules([], [classpath])).ok).toBe(true);
    // A category names the family, exception or not.
    expect(judgeLicense(classpath, rules(["copyleft"])).ok).toBe(false);
  });

  it("has categories: network copyleft is copyleft too, weak copyleft is not", () => {
    expect(judgeLicense("AGPL-3.0-or-later", rules(["network-copyleft"]))).toMatchObject({ ok: false, detail: "AGPL-3.0-or-later is denied (network-copyleft)" });
    expect(judgeLicense("GPL-3.0-only", rules(["network-copyleft"])).ok).toBe(true);
    expect(judgeLicense("AGPL-3.0-only", rules(["copyleft"])).ok).toBe(false);
    expect(judgeLicense("MPL-2.0", rules(["copyleft"])).ok).toBe(true);
    expect(judgeLicense("MPL-2.0", rules(["weak-copyleft"])).ok).toBe(false);
    expect(judgeLicense("Apache-2.0", rules([], ["permissive"])).ok).toBe(true);
    expect(judgeLicense("MPL-2.0", rules([], ["permissive"]))).toMatchObject({ ok: false, rule: "allow", detail: "MPL-2.0 is not in the allow list" });
  });

  it("treats NOASSERTION and unparseable expressions as configured", () => {
    expect(judgeLicense("NOASSERTION", rules(["GPL-3.0-only"]))).toMatchObject({ ok: false, rule: "unknown" });
    expect(judgeLicense("my own license", rules(["GPL-3.0-only"]))).toMatchObject({ ok: false, rule: "unknown" });
    expect(judgeLicense("NOASSERTION", rules(["GPL-3.0-only"], [], "allow")).ok).toBe(true);
  });

  it("refuses a list entry that is not one license, naming it", () => {
    expect(() => LicenseList.parse(["MIT OR GPL-3.0-only"], "licenses.deny")).toThrow(/licenses.deny entry "MIT OR GPL-3.0-only" is a compound/);
    expect(() => LicenseList.parse(["copyleftish"], "licenses.deny")).toThrow(ReftrackError);
  });
});

const origin = (source: string, path: string, license: string, repository: string | null = null): Origin => ({
  source,
  repository,
  revision: null,
  path,
  license,
  licenseProvenance: "manifest",
  url: null,
});

const reference = (origins: Origin[], queryLines: [number, number] = [1, 20]): Reference => ({
  ...origins[0]!,
  origins,
  licenseConflict: new Set(origins.map((o) => o.license)).size > 1,
  sourceLines: [10, 29],
  queryLines,
  matchedTokens: 100,
  similarity: 1,
  group: 1,
  explanation: {
    basis: "code",
    textChars: 0,
    seedFingerprints: 5,
    meanSeedFileFrequency: 1,
    matchedChars: 400,
    sourceMatchedChars: 400,
    queryCoverage: 1,
    sourceCoverage: 0.5,
    distinctKgramShare: 1,
    nameConsistency: 1,
    nameRepeats: 10,
    sameNameShare: 1,
    sameLiteralShare: 1,
    identicalChars: 400,
  },
});

const decideWith = (policy: Policy, references: Reference[]) => decide(references, compilePolicy(policy));

describe("decide", () => {
  const mit = reference([origin("lodash", "debounce.js", "MIT", "https://github.com/lodash/lodash")]);
  const gpl = reference([origin("readline", "lib/edit.js", "GPL-3.0-only")], [30, 50]);

  it("allows code without references, and annotates references by default", () => {
    expect(decideWith({}, [])).toEqual({ action: "allow", reasons: [] });
    const annotated = decideWith({}, [mit]);
    expect(annotated.action).toBe("annotate");
    expect(annotated.reasons).toMatchObject([{ action: "annotate", reference: 0, source: "lodash", rule: "references", license: "MIT" }]);
  });

  it("blocks every reference when references are blocked, and allows them when allowed", () => {
    expect(decideWith({ references: "block" }, [mit]).action).toBe("block");
    expect(decideWith({ references: "allow" }, [mit])).toEqual({ action: "allow", reasons: [] });
  });

  it("blocks on a license rule whatever the references setting, with the reference that caused it", () => {
    const decision = decideWith({ references: "allow", licenses: { deny: ["copyleft"] } }, [mit, gpl]);
    expect(decision.action).toBe("block");
    expect(decision.reasons).toHaveLength(1);
    expect(decision.reasons[0]).toMatchObject({ action: "block", reference: 1, source: "readline", path: "lib/edit.js", rule: "deny", queryLines: [30, 50] });
    expect(decision.reasons[0]!.message).toBe("lines 30-50 match readline lib/edit.js:10-29 (GPL-3.0-only): GPL-3.0-only is denied (copyleft)");
  });

  it("lets the strictest origin decide when identical copies carry different licenses", () => {
    const conflicting = reference([origin("vendor-a", "x.js", "MIT"), origin("vendor-b", "x.js", "AGPL-3.0-only")]);
    const decision = decideWith({ licenses: { deny: ["network-copyleft"] } }, [conflicting]);
    expect(decision.action).toBe("block");
    expect(decision.reasons[0]).toMatchObject({ source: "vendor-b", license: "AGPL-3.0-only" });
  });

  it("treats an unknown license as denied once any license rule is set, unless told otherwise", () => {
    const unknown = reference([origin("mystery", "a.js", "NOASSERTION")]);
    expect(decideWith({}, [unknown]).action).toBe("annotate");
    expect(decideWith({ licenses: { deny: ["GPL-3.0-only"] } }, [unknown]).reasons[0]).toMatchObject({ action: "block", rule: "unknown" });
    expect(decideWith({ licenses: { deny: ["GPL-3.0-only"], unknown: "allow" } }, [unknown]).action).toBe("annotate");
  });

  it("never blocks or annotates the person's own sources, named or by repository URL", () => {
    expect(decideWith({ references: "block", ownSources: ["lodash"] }, [mit]).action).toBe("allow");
    expect(decideWith({ references: "block", ownSources: ["git+https://github.com/lodash/lodash.git"] }, [mit]).action).toBe("allow");
    expect(decideWith({ references: "block", ownSources: ["https://github.com/someone/else"] }, [mit]).action).toBe("block");
  });

  it("rejects a bad policy in one line", () => {
    expect(() => compilePolicy({ references: "hide" as never })).toThrow(/references must be one of allow, annotate, block/);
    expect(() => compilePolicy({ licenses: { deny: "GPL-3.0-only" as never } })).toThrow(/licenses.deny must be a list of strings/);
  });

  it("rejects a misspelt rule rather than leaving it unapplied", () => {
    // `{ action: "block" }` for `{ references: "block" }` would otherwise annotate every reference.
    expect(() => compilePolicy({ action: "block" } as never)).toThrow('policy: unknown key "action" (known: references, licenses, ownSources)');
    expect(() => compilePolicy({ licenses: { denied: ["GPL-3.0-only"] } } as never)).toThrow('policy.licenses: unknown key "denied" (known: deny, allow, unknown)');
    expect(() => compilePolicy({ licenses: "GPL-3.0-only" } as never)).toThrow("policy: licenses must be an object");
    expect(compilePolicy({ references: "block", licenses: { deny: ["GPL-3.0-only"], allow: [], unknown: "allow" }, ownSources: [] }).references).toBe("block");
  });
});
