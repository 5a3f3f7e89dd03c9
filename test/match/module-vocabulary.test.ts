import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a dialog locating the interpreter's documentation, and a package reading
// its version file next to itself. Both build a path with `os.path.join(os.path.dirname(…), …)`
// and fall back when it is missing: `os` is the only name they share, and it is the module's.
const HELP_LOCATOR = `"""Finds the documentation a help menu entry opens."""

import os
from sys import executable, platform


class HelpSource:
    def __init__(self, pathvar):
        self.pathvar = pathvar

    def browse_file(self):
        path = self.pathvar.get()
        if path:
            folder, base = os.path.split(path)
        else:
            base = None
            if platform[:3] == 'win':
                folder = os.path.join(os.path.dirname(executable), 'Doc')
                if not os.path.isdir(folder):
                    folder = os.getcwd()
            else:
                folder = os.getcwd()
        return folder, base
`;

const VERSION_FILE = `import os

_PACKAGE_ROOT = os.path.dirname(__file__)
_VERSION_PATH = os.path.join(os.path.dirname(_PACKAGE_ROOT), "version.info")
if not os.path.exists(_VERSION_PATH):
    # relevant for wheels built from a source tree
    _VERSION_PATH = os.path.join(_PACKAGE_ROOT, "version.info")
with open(_VERSION_PATH, encoding="utf-8") as fopen:
    version = fopen.readlines()[0].strip()
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "help/locate.py": HELP_LOCATOR });
});
afterAll(() => tracker.close());

describe("a module's name qualifying its functions", () => {
  it("is the module's vocabulary: code sharing only `os.path` calls is not a copy", () => {
    expect(tracker.match(VERSION_FILE, { language: "python" }).references).toEqual([]);
  });

  it("does not hide a copy: the dialog's lookup copied with its names is reported", () => {
    const copy = `import os\nfrom sys import executable, platform\n\n\ndef doc_folder():\n${HELP_LOCATOR.slice(HELP_LOCATOR.indexOf("        if path:")).replace(/^    /gm, "")}`;
    expect(tracker.match(copy, { language: "python" }).references[0]?.path).toBe("help/locate.py");
  });
});
