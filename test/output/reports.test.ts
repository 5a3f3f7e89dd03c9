import { createHash } from "node:crypto";
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

describe("SARIF artifact URIs", () => {
  const uriOf = (path: string): unknown => {
    const scan = { ...input.scan, results: [{ ...input.scan.results[0]!, path }] };
    return JSON.parse(formatSarif({ ...input, scan })).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
  };

  it("percent-encodes what a file name holds that a URI would read otherwise: `#`, `?`, `%`, spaces", () => {
    // encodeURI left `#` as it is, so `a b#c%d.py` was the file `a b` with a fragment.
    expect(uriOf("src/a b#c%d?.py")).toEqual({ uri: "src/a%20b%23c%25d%3F.py", uriBaseId: "%SRCROOT%" });
    expect(uriOf("/work/project/src/ünï.py")).toEqual({ uri: "src/%C3%BCn%C3%AF.py", uriBaseId: "%SRCROOT%" });
  });

  it("makes a path outside the root an absolute file URI, however it is written", () => {
    expect(uriOf("../lib/x #1.py")).toEqual({ uri: "file:///work/lib/x%20%231.py" });
    expect(uriOf("src/../../other/y.py")).toEqual({ uri: "file:///work/other/y.py" });
    expect(uriOf("/etc/z.py")).toEqual({ uri: "file:///etc/z.py" });
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

describe("SPDX 2.3 of a file whose text is not its bytes read as UTF-8", () => {
  it("checksums and counts the file's own bytes, not the text's UTF-8", () => {
    const latin1 = Buffer.from(TEXT, "latin1");
    const facts = fileFacts(TEXT, { bytes: latin1, encoding: "iso-8859-1" });
    const document = JSON.parse(formatSpdx(input, new Map([["src/app.ts", facts]])));
    expect(document.files[0].checksums[0].checksumValue).toBe(createHash("sha1").update(latin1).digest("hex"));
    const [byteRange] = document.snippets[0].ranges;
    // One byte for each é, where UTF-8 has two: lines 3-12 of the Latin-1 bytes exactly.
    const lines = latin1.subarray(byteRange.startPointer.offset - 1, byteRange.endPointer.offset).toString("latin1");
    expect(lines).toBe(TEXT.split("\n").slice(2, 12).join("\n") + "\n");
  });

  it("counts a byte-order mark the decoder dropped from the text", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")]);
    const facts = fileFacts(TEXT, { bytes, encoding: "utf-8" });
    expect(facts.sha1).toBe(createHash("sha1").update(bytes).digest("hex"));
    const [byteRange] = JSON.parse(formatSpdx(input, new Map([["src/app.ts", facts]]))).snippets[0].ranges;
    expect(bytes.subarray(byteRange.startPointer.offset - 1, byteRange.endPointer.offset).toString("utf8")).toBe(TEXT.split("\n").slice(2, 12).join("\n") + "\n");
    // A long first line's columns count the mark's three bytes too.
    const long = `x = "${"\u00e9".repeat(300)}"\n`;
    const marked = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(long, "utf8")]);
    const first = { ...references[0]!, queryLines: [1, 1] as [number, number], queryColumns: [6, 7] as [number, number] };
    const one = { ...input, scan: { ...input.scan, results: [{ ...input.scan.results[0]!, references: [first] }] } };
    const [columns] = JSON.parse(formatSpdx(one, new Map([["src/app.ts", fileFacts(long, { bytes: marked, encoding: "utf-8" })]]))).snippets[0].ranges;
    expect(marked.subarray(columns.startPointer.offset - 1, columns.endPointer.offset).toString("utf8")).toBe("\u00e9\u00e9");
  });

  it("numbers the lines of a file ended by CR alone as scan reads them", () => {
    const bytes = Buffer.from(TEXT.replace(/\n/g, "\r"), "utf8");
    const facts = fileFacts(TEXT, { bytes, encoding: "utf-8" });
    expect(facts.sha1).toBe(createHash("sha1").update(bytes).digest("hex"));
    expect(facts.lineStarts).toHaveLength(31);
    expect(bytes.subarray(facts.lineStarts[2], facts.lineStarts[3]).toString("utf8")).toBe("const line3 = 2;  // \u00e9\r");
  });

  it("counts a long line's columns in bytes of the file's encoding", () => {
    // A long Shift_JIS line: each 日 is two bytes, where UTF-8 has three.
    const line = `x = "${"日".repeat(300)}"`;
    const text = `# coding: shift_jis\n${line}\n`;
    const bytes = Buffer.concat([Buffer.from("# coding: shift_jis\nx = \""), Buffer.from(Array.from({ length: 300 }, () => [0x93, 0xfa]).flat()), Buffer.from("\"\n")]);
    const facts = fileFacts(text, { bytes, encoding: "shift_jis" });
    const long = { ...references[0]!, queryLines: [2, 2] as [number, number], queryColumns: [6, 105] as [number, number] };
    const one = { ...input, scan: { ...input.scan, results: [{ ...input.scan.results[0]!, references: [long] }] } };
    const [byteRange] = JSON.parse(formatSpdx(one, new Map([["src/app.ts", facts]]))).snippets[0].ranges;
    // Line 2 follows the declaration's 20 bytes; its columns 6-105 are the first 100 日, its
    // bytes 6-205: the file's bytes 26-225, numbered from 1 as SPDX numbers them.
    expect(byteRange.startPointer.offset).toBe(20 + 5 + 1);
    expect(byteRange.endPointer.offset).toBe(20 + 5 + 200);
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
