import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STREAM_STEP_CHARS } from "../../src/options.js";
import type { Reference } from "../../src/output/reference.js";
import { type CheckResult, StreamSession } from "../../src/pipeline/stream.js";
import { compilePolicy } from "../../src/policy/policy.js";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

/** reftrack's own source files: real code, indexed in memory. */
const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../src/${path}`, import.meta.url)), "utf8");
const INDEXED = { "match/chain.ts": read("match/chain.ts"), "match/rank.ts": read("match/rank.ts"), "policy/license-rules.ts": read("policy/license-rules.ts") };

/** A seeded generator (mulberry32), so a failing chunking reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `text` cut at random places, 1 to `longest` characters apart: through tokens, strings and lines. */
function chunks(text: string, next: () => number, longest: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    const size = 1 + Math.floor(next() * longest);
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}

let tracker: ReferenceTracker;

beforeAll(async () => {
  tracker = await memoryTrackerForFiles(INDEXED);
});
afterAll(() => {
  tracker.close();
});

// A suggestion made of original code, then a copied function, then original code again.
const original = read("cli/args.ts");
const copied = INDEXED["match/chain.ts"].split("\n").slice(69, 150).join("\n");
const suggestion = `${original}\n${copied}\n${read("output/links.ts")}`;

describe("stream", () => {
  it("ends with exactly check()'s result, on many random chunkings", () => {
    const texts = [suggestion, INDEXED["match/rank.ts"], original, INDEXED["policy/license-rules.ts"].slice(0, 3000)];
    for (const [t, text] of texts.entries()) {
      const expected = tracker.check(text, { language: "typescript", policy: { licenses: { deny: ["copyleft"] } } });
      for (let seed = 1; seed <= 12; seed++) {
        const session = tracker.stream({ language: "typescript", policy: { licenses: { deny: ["copyleft"] } } });
        for (const chunk of chunks(text, random(seed * 31 + t), seed % 3 === 0 ? 3 : 80)) session.push(chunk);
        expect(session.end()).toEqual(expected);
      }
    }
  });

  it("reports a copy and the decision during the pushes, soon after the text holds it", () => {
    const session = tracker.stream({ language: "typescript", policy: { references: "block" } });
    const next = random(7);
    let pushed = "";
    let reportedAt: number | undefined;
    let update;
    for (const chunk of chunks(suggestion, next, 40)) {
      pushed += chunk;
      const result = session.push(chunk);
      if (result && reportedAt === undefined) {
        reportedAt = pushed.length;
        update = result;
      }
    }
    const copyStart = original.length + 1;
    expect(reportedAt).toBeDefined();
    // Reported while the copy was still being pushed, not at the end.
    expect(reportedAt!).toBeGreaterThan(copyStart);
    expect(reportedAt!).toBeLessThan(copyStart + copied.length);
    expect(update!.decision.action).toBe("block");
    expect(update!.references[0]!.path).toBe("match/chain.ts");
    // Its lines are the suggestion's, not the window's: where check() on the whole text puts it.
    const [whole] = tracker.check(suggestion, { language: "typescript" }).references;
    const copyFirstLine = original.split("\n").length + 1;
    expect(update!.references[0]!.queryLines[0]).toBeGreaterThanOrEqual(whole!.queryLines[0]);
    expect(update!.references[0]!.queryLines[0]).toBeLessThanOrEqual(copyFirstLine + 3);
    expect(session.end().decision.action).toBe("block");
  });

  it("reports nothing for original code, and reports each new reference once", () => {
    const session = tracker.stream({ language: "typescript" });
    for (const chunk of chunks(original, random(3), 50)) expect(session.push(chunk)).toBeNull();
    expect(session.end().references).toEqual([]);
    const twice = tracker.stream({ language: "typescript" });
    const updates = chunks(suggestion, random(5), 30).map((chunk) => twice.push(chunk)).filter((update) => update !== null);
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      const keys = update!.references.map((r) => `${r.path}:${r.sourceLines[0]}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(STREAM_STEP_CHARS).toBeGreaterThan(0);
  });

  it("puts references on the suggestion's own lines whatever its line breaks: \\r alone, or \\r\\n split between pushes", () => {
    // A lone \r is a line break to match(); the same text with \r for \n, pushed in the same
    // places, has the same offsets, so every update must be the same.
    const updatesOf = (text: string, seed: number) => {
      const session = tracker.stream({ language: "typescript" });
      return chunks(text, random(seed), 60).map((chunk) => session.push(chunk)).filter((update) => update !== null).map((update) => update!.references.map((r) => `${r.path}:${r.queryLines.join("-")}`));
    };
    for (const seed of [7, 11]) {
      const lf = updatesOf(suggestion, seed);
      expect(lf.length).toBeGreaterThan(0);
      expect(updatesOf(suggestion.replaceAll("\n", "\r"), seed)).toEqual(lf);
    }
    // Each window begins on a line, and the references found in it are shifted by that line's
    // number: a checker reporting each window's first line (a new origin each time) shows both.
    const windows: string[] = [];
    const firstLine = {
      references: (code: string): Reference[] => {
        windows.push(code);
        const origin = { source: "s", repository: null, revision: null, path: "p", license: "MIT", licenseProvenance: "declared" as const, url: null };
        return [{ ...origin, origins: [origin], licenseConflict: false, sourceLines: [windows.length, windows.length], queryLines: [1, 1] } as unknown as Reference];
      },
      check: (): CheckResult => ({ language: "python", references: [], decision: { action: "allow", reasons: [] } }),
    };
    const session = new StreamSession(firstLine, compilePolicy({}));
    const lines = Array.from({ length: 60 }, (_, i) => `line ${i + 1} ${"x".repeat(40)}`);
    // Each \r\n pushed as "…\r" and then "\n": one break, not two.
    const reported: number[] = [];
    for (const line of lines) {
      for (const chunk of [`${line}\r`, "\n"]) {
        const update = session.push(chunk);
        if (update) reported.push(update.references[update.references.length - 1]!.queryLines[0]);
      }
    }
    expect(reported.length).toBeGreaterThan(2);
    reported.forEach((first, i) => {
      expect(windows[i]!.startsWith("\n")).toBe(false);
      expect(windows[i]!.startsWith(lines[first - 1]!)).toBe(true);
    });
  });

  it("tells a bad target at once, and refuses pushes after end()", () => {
    expect(() => tracker.stream({ path: "notes.txt" })).toThrow(/cannot tell the language/);
    const session = tracker.stream({ language: "python" });
    session.end();
    expect(() => session.push("x = 1\n")).toThrow(/after end/);
    expect(() => tracker.stream({ language: "python" }).push(42 as never)).toThrow("stream: push() expects the text as a string");
  });
});
