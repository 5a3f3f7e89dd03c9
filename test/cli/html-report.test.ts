import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, FIXTURE_MANIFEST, temporaryDirectory } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));
/** Debian's chromium, which the test setup installs (scripts/ensure-chromium.mjs); never a browser download. */
const CHROMIUM = process.env.REFTRACK_CHROMIUM ?? "/usr/bin/chromium";
/** Kept after the run, for a person to look at. */
const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

const dir = temporaryDirectory();
const db = join(dir.path, "html.db");
const queries = join(dir.path, "queries");
const report = join(dir.path, "report.html");
let browser: BrowserContext;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as npm test's setup does when it can`).toBe(true);
  expect(spawnSync(process.execPath, [BIN, "index", "--quiet", "--db", db, FIXTURE_MANIFEST]).status).toBe(0);
  mkdirSync(queries);
  copyFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), join(queries, "copied.py"));
  copyFileSync(join(FIXTURES, "corpus", "beta", "lib", "queue.ts"), join(queries, "queue-copy.ts"));
  writeFileSync(join(queries, "mine.ts"), "export const answer = (a: number, b: number) => a * b + 42;\n");
  const policy = join(dir.path, "policy.json");
  writeFileSync(policy, JSON.stringify({ licenses: { deny: ["MIT"] } }));
  const run = spawnSync(process.execPath, [BIN, "scan", "--db", db, "--policy", policy, "--format", "html", "--output", report, queries], { encoding: "utf8" });
  expect(run.stderr).toMatch(/html report written to/);
  // A fresh profile each run.
  browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "reftrack-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  dir.cleanup();
});

describe("the HTML report, in a real browser", () => {
  it("shows the summary, each reference side by side with its lines marked, and makes no request", async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`file://${report}`);
    expect(requests).toEqual([`file://${report}`]);
    await expect(page.locator("#files-scanned").textContent()).resolves.toBe("3");
    await expect(page.locator("#policy-outcome").textContent()).resolves.toMatch(/blocked/);
    const entries = page.locator("details.reference");
    expect(await entries.count()).toBeGreaterThanOrEqual(2);
    // Collapsed at first: the code is not visible until an entry is opened.
    const first = entries.first();
    await expect(first.locator("pre").first().isVisible()).resolves.toBe(false);
    // Keyboard: focus the entry's summary and press Enter.
    await first.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(first.locator("pre").first().isVisible()).resolves.toBe(true);
    // Both sides shown from text (the source from the fixture folder it was indexed from), matched lines marked.
    expect(await first.locator("figure").nth(0).locator(".line.match").count()).toBeGreaterThan(5);
    expect(await first.locator("figure").nth(1).locator(".line.match").count()).toBeGreaterThan(5);
    await expect(first.locator(".reason").textContent()).resolves.toMatch(/MIT is denied \(MIT\)/);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "html-report.png"), fullPage: true });
    await page.close();
  });

  it("filters by license and by source", async () => {
    const page = await browser.newPage();
    await page.goto(`file://${report}`);
    const total = await page.locator("details.reference").count();
    const sources = await page.locator("#source-filter option").allTextContents();
    expect(sources[0]).toBe("all");
    await page.selectOption("#source-filter", { index: 1 });
    const visible = await page.locator("details.reference:visible").count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(total);
    await expect(page.locator("#shown-count").textContent()).resolves.toBe(`${visible} of ${total} shown`);
    await page.selectOption("#source-filter", "");
    await page.selectOption("#license-filter", { index: 1 });
    expect(await page.locator("details.reference:visible").count()).toBeGreaterThan(0);
    await page.close();
  });
});
