import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../../src/corpus/manifest.js";
import { decodeSource } from "../../src/files/source-file.js";
import type { ScanReport } from "../../src/output/json.js";
import { temporaryDirectory } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));

// A small library as a minifier leaves it: one line, one-letter names (written for this test).
const TINY_COLOR =
  '!function(t,e){"object"==typeof exports&&"undefined"!=typeof module?module.exports=e():"function"==typeof define&&define.amd?define(e):(t=t||self).tinyColor=e()}' +
  '(this,function(){"use strict";function t(t,e,n){return Math.min(n,Math.max(e,t))}function e(e){var n=e.replace(/^#/,"");3===n.length&&(n=n.split("").map(function(t){return t+t}).join(""));' +
  "var r=parseInt(n,16);return{r:r>>16&255,g:r>>8&255,b:255&r}}function n(e,n,r){return\"#\"+[e,n,r].map(function(e){var n=t(Math.round(e),0,255).toString(16);return 1===n.length?\"0\"+n:n}).join(\"\")}" +
  "function r(t){var e=t.r/255,n=t.g/255,r=t.b/255,o=Math.max(e,n,r),i=Math.min(e,n,r),a=(o+i)/2,u=0,c=0;if(o!==i){var f=o-i;c=a>.5?f/(2-o-i):f/(o+i),u=o===e?(n-r)/f+(n<r?6:0):o===n?(r-e)/f+2:(e-n)/f+4,u/=6}" +
  "return{h:360*u,s:100*c,l:100*a}}function o(t,e){var n=function(t){var e=[t.r,t.g,t.b].map(function(t){var e=t/255;return e<=.03928?e/12.92:Math.pow((e+.055)/1.055,2.4)});" +
  "return.2126*e[0]+.7152*e[1]+.0722*e[2]},r=n(t),o=n(e);return(Math.max(r,o)+.05)/(Math.min(r,o)+.05)}function i(t,r){var o=e(t);return n(o.r+(255-o.r)*r,o.g+(255-o.g)*r,o.b+(255-o.b)*r)}" +
  "function a(t,r){var o=e(t);return n(o.r*(1-r),o.g*(1-r),o.b*(1-r))}return{clamp:t,parseHex:e,toHex:n,toHsl:r,contrast:o,lighten:i,darken:a}});";

// Another, indexed from a source that does not ask for minified files.
const TINY_QUEUE =
  "var tinyQueue=function(){function t(){this.items=[],this.head=0}return t.prototype.push=function(t){this.items.push(t)},t.prototype.shift=function(){if(this.head<this.items.length){" +
  "var t=this.items[this.head];return this.items[this.head++]=void 0,this.head>32&&2*this.head>this.items.length&&(this.items=this.items.slice(this.head),this.head=0),t}}," +
  't.prototype.size=function(){return this.items.length-this.head},t.prototype.peek=function(){return this.items[this.head]},t.prototype.clear=function(){this.items=[],this.head=0},t}();' +
  "tinyQueue.from=function(t){var e=new tinyQueue;return t.forEach(function(t){e.push(t)}),e},tinyQueue.drain=function(t,e){for(var n;void 0!==(n=t.shift());)e(n)};";

const dir = temporaryDirectory();
const db = join(dir.path, "minified.db");
const app = join(dir.path, "app");

function reftrack(args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scan(args: string[]): ScanReport {
  const run = reftrack(["scan", "--db", db, "--format", "json", ...args]);
  expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  return JSON.parse(run.stdout) as ScanReport;
}

beforeAll(() => {
  const write = (path: string, text: string) => {
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
  };
  write(join(dir.path, "colors", "dist", "tiny-color.min.js"), `${TINY_COLOR}\n`);
  write(join(dir.path, "queues", "dist", "tiny-queue.min.js"), `${TINY_QUEUE}\n`);
  const manifest = join(dir.path, "manifest.json");
  writeFileSync(
    manifest,
    JSON.stringify({
      sources: [
        { kind: "dir", name: "tiny-color", path: "colors", license: "MIT", minified: true },
        { kind: "dir", name: "tiny-queue", path: "queues", license: "ISC" },
      ],
    }),
  );
  const built = reftrack(["index", "--quiet", "--db", db, manifest]);
  expect(built.status).toBe(0);
  // A vendor bundle: a banner, then both libraries on one line.
  write(join(app, "public", "vendor.min.js"), `/*! app vendor bundle — © the app */\n${TINY_QUEUE}${TINY_COLOR}\n`);
});
afterAll(() => dir.cleanup());

describe("minified files", () => {
  it("are skipped and counted unless asked for", () => {
    const report = scan([join(app, "public", "vendor.min.js")]);
    expect(report.results).toEqual([]);
    expect(report.skipped).toEqual([expect.objectContaining({ reason: "minified", detail: "minified file name" })]);
  });

  it("are found, with --minified, where a source indexed its minified files, and only there", () => {
    const report = scan(["--minified", join(app, "public", "vendor.min.js")]);
    expect(report.skipped).toEqual([]);
    const references = report.results[0]!.references;
    expect(references.map((r) => `${r.source}:${r.path}`)).toEqual(["tiny-color:dist/tiny-color.min.js"]);
    expect(references[0]!.queryLines).toEqual([2, 2]);
    expect(references[0]!.sourceLines).toEqual([1, 1]);
    expect(references[0]!.license).toBe("MIT");
    // Where on that line: tiny-color follows tiny-queue, and the columns cover it, not its neighbour.
    const [first, last] = references[0]!.queryColumns!;
    expect(first).toBeGreaterThanOrEqual(TINY_QUEUE.length + 1);
    expect(first).toBeLessThan(TINY_QUEUE.length + 40);
    expect(last).toBeGreaterThan(TINY_QUEUE.length + TINY_COLOR.length - 40);
    expect(last).toBeLessThanOrEqual(TINY_QUEUE.length + TINY_COLOR.length);
  });

  it("say where on the line in every format: columns in text, SARIF's region and HTML, whose long line is cut", () => {
    const vendor = join(app, "public", "vendor.min.js");
    const [first, last] = scan(["--minified", vendor]).results[0]!.references[0]!.queryColumns!;
    const text = reftrack(["scan", "--db", db, "--minified", vendor]);
    expect(text.stdout).toContain(`line 2 (columns ${first}-${last}) match 1 origin`);
    const sarif = JSON.parse(reftrack(["scan", "--db", db, "--minified", "--format", "sarif", vendor]).stdout) as {
      runs: { results: { locations: { physicalLocation: { region: Record<string, number> } }[] }[] }[];
    };
    // SARIF's endColumn is the column after the region.
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 2, endLine: 2, startColumn: first, endColumn: last + 1 });
    const html = join(dir.path, "vendor.html");
    expect(reftrack(["scan", "--db", db, "--minified", "--format", "html", "-o", html, vendor]).status).toBe(1);
    const page = readFileSync(html, "utf8");
    expect(page).toContain(`vendor.min.js:2-2 (columns ${first}-${last})`);
    // The scanned line from the first column: tiny-queue left out, said so.
    expect(page).toContain(`<span class="cut"> … ${(first - 1).toLocaleString("en")} characters … </span>`);
    // SPDX's byte range, numbered from 1 and inclusive: the bytes of those columns (the banner line before them counted in bytes).
    const spdx = JSON.parse(reftrack(["scan", "--db", db, "--minified", "--format", "spdx", vendor]).stdout) as {
      snippets: { ranges: { startPointer: { offset?: number }; endPointer: { offset?: number } }[] }[];
    };
    const bytes = readFileSync(vendor);
    const range = spdx.snippets[0]!.ranges[0]!;
    const line = readFileSync(vendor, "utf8").split("\n")[1]!;
    expect(bytes.subarray(range.startPointer.offset! - 1, range.endPointer.offset!).toString("utf8")).toBe(line.slice(first - 1, last));
    // And plain code has no columns: its lines say where.
    const written = join(app, "src", "color.js");
    mkdirSync(join(app, "src"), { recursive: true });
    writeFileSync(written, `${TINY_COLOR.replace(/;/g, ";\n").replace(/\{/g, "{\n")}\n`);
    const plain = scan([written]).results[0]!.references;
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.every((reference) => reference.queryColumns === undefined)).toBe(true);
  });

  it("do not report a short stretch of another build's shape, whose names are other, as a copy", () => {
    // Three of tiny-color's functions as another minifier would name them, inside other code.
    const reshaped =
      'function x(x,y,z){return Math.min(z,Math.max(y,x))}function y(y){var z=y.replace(/^#/,"");3===z.length&&(z=z.split("").map(function(x){return x+x}).join(""));' +
      'var w=parseInt(z,16);return{r:w>>16&255,g:w>>8&255,b:255&w}}function z(y,z,w){return"#"+[y,z,w].map(function(y){var z=x(Math.round(y),0,255).toString(16);return 1===z.length?"0"+z:z}).join("")}';
    const filler = Array.from({ length: 60 }, (_, i) => `var k${i}=function(a){return a.map(function(b){return b*${i}})};`).join("");
    const minified = join(app, "public", "palette.min.js");
    writeFileSync(minified, `${filler}${reshaped}${filler}\n`);
    expect(scan(["--minified", minified]).results[0]!.references).toEqual([]);
    // The same code written out by hand is a renamed copy, and reported.
    const written = join(app, "src", "palette.js");
    mkdirSync(join(app, "src"), { recursive: true });
    writeFileSync(written, `${reshaped.replace(/;/g, ";\n").replace(/\{/g, "{\n")}\n`);
    expect(scan([written]).results[0]!.references.map((r) => r.source)).toEqual(["tiny-color"]);
  });

  it("are scanned when the config says so, as with --minified", () => {
    const config = join(dir.path, "reftrack.config.json");
    writeFileSync(config, JSON.stringify({ scan: { minified: true } }));
    const report = scan(["--config", config, join(app, "public", "vendor.min.js")]);
    expect(report.skipped).toEqual([]);
    expect(report.results[0]!.references.map((r) => r.source)).toEqual(["tiny-color"]);
  });

  it("are read in windows inside a line longer than a window, the copy at its end found", () => {
    // About 1.3 MB on one line: more than one matching window, every one cut inside the line.
    const filler = Array.from({ length: 26000 }, (_, i) => `function f${i}(a,b){return a*${i % 97}+b-${i % 13}};`).join("");
    const bundle = join(app, "public", "big.js");
    writeFileSync(bundle, `${filler}${TINY_COLOR}\n`);
    expect(scan([bundle]).skipped).toEqual([expect.objectContaining({ reason: "minified" })]);
    const references = scan(["--minified", bundle]).results[0]!.references;
    expect(references.map((r) => `${r.source}:${r.path}`)).toEqual(["tiny-color:dist/tiny-color.min.js"]);
    expect(references[0]!.queryLines).toEqual([1, 1]);
    // The columns are the whole line's, not the last window's: tiny-color is at its end.
    const [first, last] = references[0]!.queryColumns!;
    expect(first).toBeGreaterThan(filler.length);
    expect(first).toBeLessThan(filler.length + 40);
    expect(last).toBeGreaterThan(filler.length + TINY_COLOR.length - 40);
  });

  it("are read by name or line length only when asked", () => {
    expect(decodeSource(Buffer.from(TINY_COLOR), "tiny-color.min.js")).toMatchObject({ ok: false, reason: "minified" });
    // Long enough to judge by its line length (MINIFIED_MIN_BYTES).
    expect(decodeSource(Buffer.from((TINY_COLOR + TINY_QUEUE).repeat(2)), "tiny.js")).toMatchObject({ ok: false, reason: "minified", detail: expect.stringMatching(/average line length/) });
    expect(decodeSource(Buffer.from(TINY_COLOR), "tiny-color.min.js", undefined, { minified: true })).toEqual({ ok: true, text: TINY_COLOR });
  });

  it("are a manifest choice that must be true or false", () => {
    const path = join(dir.path, "bad-manifest.json");
    writeFileSync(path, JSON.stringify({ sources: [{ kind: "dir", path: "colors", license: "MIT", minified: "yes" }] }));
    expect(() => loadManifest(path)).toThrow(/minified/);
    writeFileSync(path, JSON.stringify({ sources: [{ kind: "dir", path: "colors", license: "MIT", minified: true }] }));
    expect(loadManifest(path).sources[0]!.minified).toBe(true);
  });
});
