import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a library's record classes, each keeping its constructor's parameters
// under their own names, then methods of its own.
const RECORDS: readonly (readonly [string, readonly string[]])[] = [
  ["Usage", ["trace", "size", "size_delta", "count", "count_delta", "domain"]],
  ["Frame", ["filename", "lineno", "function", "source", "locals_map", "module"]],
  ["Entry", ["key", "value", "expires", "hits", "weight", "owner"]],
  ["Window", ["start", "stop", "step", "label", "closed", "unit"]],
  ["Sample", ["values", "weights", "labels", "origin", "scale", "dtype"]],
  ["Route", ["method", "pattern", "handler", "name", "options", "host"]],
];

const record = ([name, fields]: readonly [string, readonly string[]], i: number): string => `"""Records of kind ${i}."""


class ${name}:
${i === 0 ? `    __slots__ = (${fields.map((f) => `'${f}'`).join(", ")})` : `    kind = ${i}`}

    def __init__(self, ${fields.join(", ")}):
${fields.map((f) => `        self.${f} = ${f}`).join("\n")}

    def __hash__(self):
        return hash((self.${fields[0]}, self.${fields[1]}, self.${fields[2]}))

    def describe_${i}(self, out):
        for field in ${JSON.stringify(fields)}:
            out.write("%s=%r\\n" % (field, getattr(self, field)))
        return out.getvalue()[:${40 + i}]
`;
const FILES = Object.fromEntries(RECORDS.map((entry, i) => [`records/kind_${i}.py`, record(entry, i)]));

// Another project's generated module: its collections as data, and a constructor keeping its six
// parameters, as every constructor of six parameters does.
const GENERATED = `"""Resource definitions for the service's API, generated: do not edit."""

import enum


BASE_URL = 'https://example.invalid/v1/'
DOCS_URL = 'https://example.invalid/docs'


class Collections(enum.Enum):
  """Collections for all supported apis."""

  PROJECTS = (
      'projects',
      'projects/{projectsId}',
      {},
      ['projectsId'],
      True
  )
  PROJECTS_JOBS = (
      'projects.jobs',
      '{+name}',
      {
          '':
              'projects/{projectsId}/jobs/{jobsId}',
      },
      ['name'],
      True
  )

  def __init__(self, collection_name, path, flat_paths, params,
               enable_uri_parsing, api_version):
    self.collection_name = collection_name
    self.path = path
    self.flat_paths = flat_paths
    self.params = params
    self.enable_uri_parsing = enable_uri_parsing
    self.api_version = api_version
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles(FILES);
});
afterAll(() => tracker.close());

describe("statements storing parameters under their own names", () => {
  it("are no evidence of a renamed copy: another constructor of as many parameters is not a reference", () => {
    expect(tracker.match(GENERATED, { language: "python" }).references).toEqual([]);
  });

  it("do not hide a class renamed throughout, its methods with it", () => {
    const renamed = FILES["records/kind_3.py"]!
      .replaceAll("Window", "Span")
      .replaceAll("start", "lo")
      .replaceAll("stop", "hi")
      .replaceAll("step", "stride")
      .replaceAll("label", "tag")
      .replaceAll("closed", "done")
      .replaceAll("describe_3", "dump")
      .replaceAll("field", "slot");
    expect(tracker.match(renamed, { language: "python" }).references.map((r) => r.path)).toContain("records/kind_3.py");
  });
});
