import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Ajv as Ajv7 } from "ajv";
import { describe, expect, it } from "vitest";
import { formatNotice } from "../../src/output/notice.js";
import type { Reference } from "../../src/output/reference.js";
import type { ReportInput } from "../../src/output/report.js";
import { formatSarif } from "../../src/output/sarif.js";
import { fileFacts, formatSpdx } from "../../src/output/spdx.js";
import { decide } from "../../src/policy/decide.js";
import { compilePolicy } from "../../src/policy/policy.js";

const require = createRequire(import.meta.url);
const AjvDraft04 = require("ajv-draft-04") as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const schema = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/schemas/${name}`, import.meta.url)), "utf8")) as object;

const reference = (source: string, path: string, license: string, queryLines: [number, number], url: string | null): Reference => ({
  source,
  repository: `https://github.com/example/${source}`,
  revision: "v2.0.0",
  path,
  license,
  licenseProvenance: "declared",
  url,
  origins: [{ source, repository: `https://github.com/example/${source}`, revision: "v2.0.0", path, license, licenseProvenance: "declared", url }],
  licenseConflict: false,
  sourceLines: [40, 40 + queryLines[1] - queryLines[0]],
  queryLines,
  matchedTokens: 120,
  similarity: 0.5,
  group: 1,
  explanation: {
    basis: "code",
    textChars: 0,
    seedFingerprints: 6,
    meanSeedFileFrequency: 1,
    matchedChars: 420,
    sourceMatchedChars: 420,
    queryCoverage: 0.5,
    sourceCoverage: 0.1,
    distinctKgramShare: 1,
    nameConsistency: 1,
    nameRepeats: 8,
    sameNameShare: 1,
    sameLiteralShare: 1,
    identicalChars: 420,
  },
});

const TEXT = Array.from({ length: 30 }, (_, i) => `const line${i + 1} = ${i};  // é`).join("\n") + "\n";
const policy = compilePolicy({ licenses: { deny: ["copyleft"] } });
const references = [
  reference("lodash", "debounce.js", "MIT", [3, 12], "https://github.com/example/lodash/blob/v2.0.0/debounce.js#L40-L49"),
  reference("readline", "lib/edit.js", "GPL-3.0-only", [20, 28], null),
];
const input: ReportInput = {
  scan: {
    results: [
      { path: "src/app.ts", language: "typescript", references, decision: decide(references, policy) },
      { path: "src/clean.ts", language: "typescript", references: [], decision: decide([], policy) },
    ],
    skipped: [{ path: "logo.js", reason: "binary", detail: "contains NUL bytes" }],
    errors: [],
  },
  provenance: {
    tool: { name: "reftrack", version: "9.9.9" },
    index: {
      path: "/tmp/corpus.db",
      parameters: { kgramTokens: 14, windowKgrams: 14, normalizerVersion: 15, fingerprintVersion: 6, schemaVersion: 9 },
      sources: [
        { name: "lodash", repository: "https://github.com/example/lodash", revision: "v2.0.0", license: "MIT", files: 300, indexedAt: "2026-12-01T00:00:00.000Z", root: null },
        { name: "readline", repository: "https://github.com/example/readline", revision: "v2.0.0", license: "GPL-3.0-only", files: 20, indexedAt: "2026-12-01T00:00:00.000Z", root: null },
      ],
      licenseListVersion: "6.12.0",
    },
    scannedAt: "2026-12-02T10:00:00.000Z",
  },
  policyGiven: true,
  root: "/work/project",
};

describe("SARIF", () => {
  const log = JSON.parse(formatSarif(input));

  it("is valid SARIF 2.1.0 (the OASIS schema, draft-04)", () => {
    const validate = new AjvDraft04({ allErrors: true, strict: false }).compile(schema("sarif-schema-2.1.0.json"));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("has one result per reference at the scanned lines, the policy's rule for a blocked one", () => {
    const [run] = log.runs;
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["reftrack/reference", "reftrack/policy"]);
    expect(run.results).toHaveLength(2);
    const [mit, gpl] = run.results;
    expect(mit).toMatchObject({ ruleId: "reftrack/reference", level: "note" });
    expect(mit.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "src/app.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, endLine: 12 } });
    expect(mit.message.text).toBe("Lines 3-12 match lodash v2.0.0 debounce.js:40-49 (MIT): https://github.com/example/lodash/blob/v2.0.0/debounce.js#L40-L49");
    expect(mit.properties).toMatchObject({ license: "MIT", repository: "https://github.com/example/lodash", sourceLines: [40, 49] });
    expect(gpl).toMatchObject({ ruleId: "reftrack/policy", level: "error" });
    expect(gpl.message.text).toMatch(/Blocked by the policy: .*GPL-3.0-only is denied \(copyleft\)/);
    expect(run.properties.reftrack.index.sources.map((s: { name: string }) => s.name)).toEqual(["lodash", "readline"]);
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  it("keeps a finding's fingerprint when the code moves, and tells a failed scan", () => {
    const moved = { ...input, scan: { ...input.scan, results: [{ ...input.scan.results[0]!, references: [{ ...references[0]!, queryLines: [50, 59] as [number, number] }] }] } };
    const before = log.runs[0].results[0].partialFingerprints;
    expect(JSON.parse(formatSarif(moved)).runs[0].results[0].partialFingerprints).toEqual(before);
    const failed = JSON.parse(formatSarif({ ...input, scan: { ...input.scan, errors: ["src/x.ts: EACCES"] } }));
    expect(failed.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(failed.runs[0].invocations[0].toolExecutionNotifications[0]).toMatchObject({ level: "error", message: { text: "src/x.ts: EACCES" } });
  });
});

describe("SPDX 2.3", () => {
  const facts = new Map([["src/app.ts", fileFacts(TEXT)], ["src/clean.ts", fileFacts("export {};\n")]]);
  const document = JSON.parse(formatSpdx(input, facts));

  it("is valid against the SPDX 2.3 JSON schema", () => {
    const validate = new Ajv7({ allErrors: true, strict: false }).compile(schema("spdx-schema-2.3.json"));
    const valid = validate(document);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("describes each scanned file and has a snippet per reference with line and byte ranges", () => {
    expect(document.files.map((f: { fileName: string }) => f.fileName)).toEqual(["./src/app.ts", "./src/clean.ts"]);
    expect(document.files[0].checksums[0]).toEqual({ algorithm: "SHA1", checksumValue: facts.get("src/app.ts")!.sha1 });
    expect(document.snippets).toHaveLength(2);
    const [mit, gpl] = document.snippets;
    expect(mit.snippetFromFile).toBe("SPDXRef-File-1");
    const bytes = Buffer.from(TEXT, "utf8");
    const [byteRange, lineRange] = mit.ranges;
    expect(lineRange).toEqual({ startPointer: { reference: "SPDXRef-File-1", lineNumber: 3 }, endPointer: { reference: "SPDXRef-File-1", lineNumber: 12 } });
    // The byte range is exactly lines 3-12, multi-byte characters counted as bytes, numbered from 1
    // and inclusive as SPDX numbers them.
    expect(byteRange.startPointer.offset).toBe(Buffer.byteLength(TEXT.split("\n").slice(0, 2).join("\n") + "\n") + 1);
    const lines = bytes.subarray(byteRange.startPointer.offset - 1, byteRange.endPointer.offset).toString("utf8");
    expect(lines).toBe(TEXT.split("\n").slice(2, 12).join("\n") + "\n");
    expect(mit).toMatchObject({ licenseConcluded: "MIT", licenseInfoInSnippets: ["MIT"] });
    expect(mit.attributionTexts[0]).toBe("lodash v2.0.0 debounce.js lines 40-49 (https://github.com/example/lodash): https://github.com/example/lodash/blob/v2.0.0/debounce.js#L40-L49");
    expect(gpl.licenseConcluded).toBe("GPL-3.0-only");
    expect(document.creationInfo.creators).toEqual(["Tool: reftrack-9.9.9"]);
    expect(document.creationInfo.comment).toMatch(/k=14 w=14 normalizer v15.*corpus: lodash@v2.0.0 \(MIT\), readline@v2.0.0 \(GPL-3.0-only\); licenses detected with spdx-license-list 6.12.0/);
  });
});

describe("NOTICE", () => {
  it("lists each origin once, grouped by license, with its links", () => {
    const twice = { ...input, scan: { ...input.scan, results: [...input.scan.results, { ...input.scan.results[0]!, path: "src/other.ts" }] } };
    const notice = formatNotice(twice);
    expect(notice).toContain("THIRD-PARTY NOTICES");
    expect(notice.indexOf("GPL-3.0-only\n------------")).toBeLessThan(notice.indexOf("MIT\n---"));
    expect(notice.match(/^ {2}debounce\.js/gm)).toHaveLength(1);
    expect(notice).toContain("lodash v2.0.0  https://github.com/example/lodash\n  debounce.js  https://github.com/example/lodash/blob/v2.0.0/debounce.js#L40-L49");
    expect(notice).toContain("readline v2.0.0  https://github.com/example/readline\n  lib/edit.js\n");
    expect(notice).toMatch(/Generated by reftrack 9\.9\.9 on 2026-12-02 against an index of 2 sources/);
  });
});
