import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a packaging tool's install command, whose option table is rows of
// (flag, short flag, help text), the shape every command's table has.
const INSTALL_LIBRARY = `"""Installs the modules a build produced."""

import os
import sys


class install_lib(Command):
    description = "install all modules (extensions and pure Python)"

    user_options = [
        ('install-dir=', 'd', "directory to install the built modules to"),
        ('build-dir=', 'b', "build directory (where to install from)"),
        ('force', 'f', "force installation (overwrite existing files)"),
        ('compile', 'c', "compile .py to .pyc [default]"),
        ('no-compile', None, "don't compile .py files"),
        ('optimize=', 'O', "also compile with optimization: -O1 for python -O"),
        ('skip-build', None, "skip the build steps"),
    ]

    boolean_options = ['force', 'compile', 'skip-build']
    negative_opt = {'no-compile': 'compile'}

    def initialize_options(self):
        self.install_dir = None
        self.build_dir = None
        self.force = 0
        self.compile = None
        self.optimize = None
        self.skip_build = None

    def run(self):
        self.build()
        outfiles = self.install()
        if outfiles is not None and self.distribution.has_pure_modules():
            self.byte_compile(outfiles)

    def build(self):
        if not self.skip_build:
            if self.distribution.has_pure_modules():
                self.run_command('build_py')
            if self.distribution.has_ext_modules():
                self.run_command('build_ext')
`;

// A fork's command, written afresh with annotations: its table shares the two rows every installing
// command has (the build directory and --force), word for word, and holds its own others.
const INSTALL_HEADERS = `"""Installs the C header files a distribution declares."""

from typing import ClassVar

from ..core import Command


class install_headers(Command):
    description = "install C/C++ header files"

    user_options: ClassVar[list[tuple[str, str | None, str]]] = [
        ('install-dir=', 'd', "directory to put the header files in"),
        ('build-dir=', 'b', "build directory (where to install from)"),
        ('force', 'f', "force installation (overwrite existing files)"),
        ('headers=', 'H', "comma-separated list of the headers to install"),
        ('root=', None, "install everything relative to this directory"),
    ]

    boolean_options: ClassVar[list[str]] = ['force']

    def initialize_options(self):
        self.install_dir: str | None = None
        self.force = False
        self.outfiles: list[str] = []

    def finalize_options(self):
        self.set_undefined_options('install', ('install_headers', 'install_dir'), ('force', 'force'))

    def run(self):
        headers = self.distribution.headers
        if not headers:
            return
        self.mkpath(self.install_dir)
        for header in headers:
            (out, _) = self.copy_file(header, self.install_dir)
            self.outfiles.append(out)

    def get_inputs(self):
        return self.distribution.headers or []

    def get_outputs(self):
        return self.outfiles
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "tool/command/install_lib.py": INSTALL_LIBRARY });
});
afterAll(() => tracker.close());

describe("a data table's rows", () => {
  it("are another table only as far as their data is the same: two shared rows of five are not a copy", () => {
    expect(tracker.match(INSTALL_HEADERS, { language: "python" }).references).toEqual([]);
  });

  it("copied whole are found, in a longer file", () => {
    const table = INSTALL_LIBRARY.slice(INSTALL_LIBRARY.indexOf("    user_options"), INSTALL_LIBRARY.indexOf("    boolean_options"));
    const file = INSTALL_HEADERS.replace(/ {4}user_options: [\s\S]*?\n {4}\]\n/, table);
    const found = tracker.match(file, { language: "python" }).references;
    expect(found.map((r) => r.path)).toEqual(["tool/command/install_lib.py"]);
    expect(found[0]!.queryLines[0]).toBeLessThanOrEqual(9);
    expect(found[0]!.queryLines[1]).toBeGreaterThanOrEqual(17);
  });
});
