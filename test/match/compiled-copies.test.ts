import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for these tests: a TypeScript module, indexed as its source, and the same module as
// `tsc --target es2019` and `esbuild --target=es2019` compile it (optional chaining and nullish
// coalescing lowered); then two compiled modules of other code that share only the compiler's text.

const SOURCE = `interface Settings { retries: number; timeout: number; endpoint: string; headers: Record<string, string>; onRetry?: (attempt: number) => void; verbose: boolean }

export function resolveSettings(input?: Partial<Settings>, defaults?: Settings): Settings {
  const retries = input?.retries ?? defaults?.retries ?? 3;
  const timeout = input?.timeout ?? defaults?.timeout ?? 30000;
  const endpoint = input?.endpoint?.trim() ?? defaults?.endpoint ?? "http://localhost";
  const headers = { ...defaults?.headers, ...input?.headers };
  const onRetry = input?.onRetry ?? defaults?.onRetry;
  if (retries < 0 || timeout <= 0) throw new RangeError(\`bad settings: \${retries} retries, \${timeout} ms\`);
  return { retries, timeout, endpoint, headers, onRetry, verbose: input?.verbose ?? false };
}
`;

const TSC = `export function resolveSettings(input, defaults) {
    var _a, _b, _c, _d, _e, _f, _g, _h, _j;
    const retries = (_b = (_a = input === null || input === void 0 ? void 0 : input.retries) !== null && _a !== void 0 ? _a : defaults === null || defaults === void 0 ? void 0 : defaults.retries) !== null && _b !== void 0 ? _b : 3;
    const timeout = (_d = (_c = input === null || input === void 0 ? void 0 : input.timeout) !== null && _c !== void 0 ? _c : defaults === null || defaults === void 0 ? void 0 : defaults.timeout) !== null && _d !== void 0 ? _d : 30000;
    const endpoint = (_g = (_f = (_e = input === null || input === void 0 ? void 0 : input.endpoint) === null || _e === void 0 ? void 0 : _e.trim()) !== null && _f !== void 0 ? _f : defaults === null || defaults === void 0 ? void 0 : defaults.endpoint) !== null && _g !== void 0 ? _g : "http://localhost";
    const headers = { ...defaults === null || defaults === void 0 ? void 0 : defaults.headers, ...input === null || input === void 0 ? void 0 : input.headers };
    const onRetry = (_h = input === null || input === void 0 ? void 0 : input.onRetry) !== null && _h !== void 0 ? _h : defaults === null || defaults === void 0 ? void 0 : defaults.onRetry;
    if (retries < 0 || timeout <= 0)
        throw new RangeError(\`bad settings: \${retries} retries, \${timeout} ms\`);
    return { retries, timeout, endpoint, headers, onRetry, verbose: (_j = input === null || input === void 0 ? void 0 : input.verbose) !== null && _j !== void 0 ? _j : false };
}
`;

const ESBUILD = `function resolveSettings(input, defaults) {
  var _a, _b, _c, _d, _e, _f, _g, _h, _i;
  const retries = (_b = (_a = input == null ? void 0 : input.retries) != null ? _a : defaults == null ? void 0 : defaults.retries) != null ? _b : 3;
  const timeout = (_d = (_c = input == null ? void 0 : input.timeout) != null ? _c : defaults == null ? void 0 : defaults.timeout) != null ? _d : 3e4;
  const endpoint = (_g = (_f = (_e = input == null ? void 0 : input.endpoint) == null ? void 0 : _e.trim()) != null ? _f : defaults == null ? void 0 : defaults.endpoint) != null ? _g : "http://localhost";
  const headers = { ...defaults == null ? void 0 : defaults.headers, ...input == null ? void 0 : input.headers };
  const onRetry = (_h = input == null ? void 0 : input.onRetry) != null ? _h : defaults == null ? void 0 : defaults.onRetry;
  if (retries < 0 || timeout <= 0) throw new RangeError(\`bad settings: \${retries} retries, \${timeout} ms\`);
  return { retries, timeout, endpoint, headers, onRetry, verbose: (_i = input == null ? void 0 : input.verbose) != null ? _i : false };
}
export {
  resolveSettings
};
`;

// Two compiled modules of other code, each passing options on member by member.
const INDEXED_BUILD = `function buildSchema(source, options) {
  const document = parse(source, {
    noLocation: options === null || options === void 0 ? void 0 : options.noLocation,
    allowLegacyFragmentVariables: options === null || options === void 0 ? void 0 : options.allowLegacyFragmentVariables,
  });
  return buildASTSchema(document, {
    assumeValidSDL: options === null || options === void 0 ? void 0 : options.assumeValidSDL,
    assumeValid: options === null || options === void 0 ? void 0 : options.assumeValid,
  });
}
`;

const ORIGINAL_BUILD = `class Entry {
  setData(newData, options) {
    const data = mergeData(this.state.data, newData, this.options);
    this.dispatch({
      data,
      type: "success",
      dataUpdatedAt: options === null || options === void 0 ? void 0 : options.updatedAt,
      manual: options === null || options === void 0 ? void 0 : options.manual,
    });
    return data;
  }
}
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "src/settings.ts": SOURCE, "utilities/buildSchema.js": INDEXED_BUILD });
});
afterAll(() => tracker.close());

describe("code compiled for older runtimes", () => {
  it.each([
    ["tsc", TSC],
    ["esbuild", ESBUILD],
  ])("is reported as its TypeScript source when %s lowered its optional chains", (_compiler, compiled) => {
    const [reference] = tracker.match(compiled, { language: "javascript" }).references;
    expect(reference?.path).toBe("src/settings.ts");
    expect(reference?.queryLines[0]).toBeLessThanOrEqual(3);
  });

  it("is not reported as other compiled code for the compiler's text alone", () => {
    expect(tracker.match(ORIGINAL_BUILD, { language: "javascript" }).references).toEqual([]);
    expect(tracker.match(INDEXED_BUILD, { language: "javascript" }).references.map((r) => r.path)).toEqual(["utilities/buildSchema.js"]);
  });
});
