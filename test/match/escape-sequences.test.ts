import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a pretty-printer's string quoting, and a shell command builder that quotes
// its arguments for `$'…'`. Both escape the characters the language's escape sequences name, in
// the specification's order, as every escaper does; neither is the other's copy.
const PRINTER = `var indentUnit = '  ';

function repeat(text, times) {
  var out = '';
  for (var i = 0; i < times; i++) out += text;
  return out;
}

function quoteString(s) {
  var escaped = s.replace(/\\\\/g, '\\\\\\\\').replace(/[\\b]/g, '\\\\b').replace(/\\f/g, '\\\\f').replace(/\\n/g, '\\\\n').replace(/\\r/g, '\\\\r').replace(/\\t/g, '\\\\t').replace(/\\v/g, '\\\\v').replace(/\\0/g, '\\\\0');
  return '"' + escaped.replace(/"/g, '\\\\"') + '"';
}

function printValue(value, depth) {
  if (typeof value === 'string') return quoteString(value);
  if (Array.isArray(value)) {
    var inner = repeat(indentUnit, depth + 1);
    return '[\\n' + value.map(function (item) { return inner + printValue(item, depth + 1); }).join(',\\n') + '\\n' + repeat(indentUnit, depth) + ']';
  }
  return String(value);
}

module.exports = { printValue: printValue, quoteString: quoteString };
`;

const SHELL = `import { spawn } from "node:child_process";

const SAFE = /^[\\w/.\\-@:=]+$/;

export function shellQuote(arg) {
  if (arg === "") return \`$''\`;
  if (SAFE.test(arg)) return arg;
  return \`$'\` + arg.replace(/\\\\/g, "\\\\\\\\").replace(/'/g, "\\\\'").replace(/\\f/g, "\\\\f").replace(/\\n/g, "\\\\n").replace(/\\r/g, "\\\\r").replace(/\\t/g, "\\\\t").replace(/\\v/g, "\\\\v").replace(/\\0/g, "\\\\0") + \`'\`;
}

export function commandLine(command, args) {
  return [command, ...args].map(shellQuote).join(" ");
}

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", commandLine(command, args)], { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(\`\${command} exited with \${code}\`))));
  });
}
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "lib/printer.js": PRINTER });
});
afterAll(() => tracker.close());

describe("escape sequences", () => {
  it("are no evidence of a copy: another escaper listing them in the same order is not reported", () => {
    expect(tracker.match(SHELL, { language: "javascript", whole: true }).references).toEqual([]);
  });

  it("leave a copy of the escaper itself reported", () => {
    const start = PRINTER.indexOf("function quoteString");
    const copy = `// helpers\n${PRINTER.slice(start, PRINTER.indexOf("function printValue"))}`;
    const [reference] = tracker.match(copy, { language: "javascript" }).references;
    expect(reference?.path).toBe("lib/printer.js");
  });
});
