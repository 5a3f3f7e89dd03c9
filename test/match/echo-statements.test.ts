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

// Written for this test: a document model's nodes, aliasing their attributes under the names a
// standard gives them through property accessors, each with methods of its own.
const NODES = Object.fromEntries(
  ["instruction", "comment", "text"].map((kind, i) => [
    `dom/${kind}.py`,
    `"""Nodes of kind ${kind}."""


class ${kind.toUpperCase()}Node(Node):
    def __init__(self, target, data):
        self.target = target
        self.data = data

    # nodeValue is an alias for data
    def _get_nodeValue(self):
        return self.data
    def _set_nodeValue(self, value):
        self.data = value
    nodeValue = property(_get_nodeValue, _set_nodeValue)

    # nodeName is an alias for target
    def _get_nodeName(self):
        return self.target
    def _set_nodeName(self, value):
        self.target = value
    nodeName = property(_get_nodeName, _set_nodeName)

    def write_${kind}(self, writer, indent="", newl=""):
        writer.write("%s<?%s %s?>%s" % (indent, self.target, self.data, newl))
        return writer.tell() + ${i}
`,
  ]),
);

// Another project's record type giving its fields the names callers expect, the same way.
const RECORD = `"""Records of the exchange type."""

import mx


class Exchange(mx.MXBase):

    """An exchange record: its preference and host.

    The record stores them as preference and exchange; callers use the names subtype and hostname,
    which these accessors give them without copying the base class's code.
    """

    def get_subtype(self):
        return self.preference

    def set_subtype(self, subtype):
        self.preference = subtype

    subtype = property(get_subtype, set_subtype)

    def get_hostname(self):
        return self.exchange

    def set_hostname(self, hostname):
        self.exchange = hostname

    hostname = property(get_hostname, set_hostname)
`;

describe("accessors that only return or store one attribute", () => {
  let nodes: ReferenceTracker;
  beforeAll(async () => {
    nodes = await memoryTrackerForFiles(NODES);
  });
  afterAll(() => nodes.close());

  it("are no evidence of a renamed copy: another class's property accessors are not a reference", () => {
    expect(nodes.match(RECORD, { language: "python" }).references).toEqual([]);
  });

  it("do not hide a node class renamed throughout, its method with it", () => {
    const renamed = NODES["dom/comment.py"]!.replaceAll("target", "key").replaceAll("data", "payload").replaceAll("writer", "out").replaceAll("indent", "pad");
    expect(nodes.match(renamed, { language: "python" }).references.map((r) => r.path)).toContain("dom/comment.py");
  });
});
