import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for these tests: an idiom every JavaScript library of its age writes, indexed, and
// original code that writes the same idiom with its own names. The idiom is no evidence of a copy;
// the indexed file itself still is.

const INDEXED_ERROR = `function ParseFailure(reason, position) {
  // Let the base constructor set up what it can.
  Error.call(this);

  this.name = 'ParseFailure';
  this.reason = reason;
  this.position = position;
  this.message = describeFailure(this, false);

  // Keep the stack trace where the runtime supports it.
  if (Error.captureStackTrace) {
    Error.captureStackTrace(this, this.constructor);
  } else {
    this.stack = new Error(this.message).stack;
  }
}

ParseFailure.prototype = Object.create(Error.prototype);
ParseFailure.prototype.constructor = ParseFailure;

ParseFailure.prototype.toString = function toString(compact) {
  return this.name + ': ' + describeFailure(this, compact);
};

module.exports = ParseFailure;
`;

const ORIGINAL_ERROR = `var QuotaExceeded = function (limit, used) {
  Error.call(this, 'quota of ' + limit + ' exceeded');
  if (Error.captureStackTrace) {
    Error.captureStackTrace(this, this.constructor);
  }
  this.name = 'QuotaExceeded';
  this.limit = limit;
  if (used) this.used = used;
};

QuotaExceeded.prototype = Object.create(Error.prototype);
QuotaExceeded.prototype.constructor = QuotaExceeded;

module.exports = QuotaExceeded;
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "lib/failure.js": INDEXED_ERROR });
});
afterAll(() => tracker.close());

describe("an Error subclass", () => {
  it("is not reported as another library's: the prototype chain and captureStackTrace are the language's words", () => {
    expect(tracker.match(ORIGINAL_ERROR, { language: "javascript" }).references).toEqual([]);
  });

  it("is reported when it is the indexed class", () => {
    const [reference] = tracker.match(INDEXED_ERROR, { language: "javascript" }).references;
    expect(reference?.path).toBe("lib/failure.js");
  });
});
