import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a build tool's commands, each initializing the build directories every
// command shares, and its own options, to None, then taking the directories from `build`, as every
// command of such a framework does; each with a `run` of its own.
const OWN_OPTIONS = [
  ["dist_dir", "formats", "keep_temp"],
  ["install_dir", "skip_build", "record"],
  ["package_dir", "optimize", "compile"],
  ["include_dirs", "define", "rpath"],
  ["scripts", "executable", "mode"],
  ["egg_base", "tag_build", "tag_date"],
  ["data_files", "warn_dir", "target"],
  ["bdist_base", "spec_only", "python"],
];
const STEPS = ["make_archive", "copy_tree", "byte_compile", "compile_extension", "copy_scripts", "write_metadata", "copy_data", "write_spec"];

const command = (i: number): string => {
  const [first, second, third] = OWN_OPTIONS[i]!;
  return `"""Command ${i} of the build tool."""

import os


class command_${i}(Command):
    description = "run step ${i}"

    def initialize_options(self):
        self.build_base = None
        self.build_lib = None
        self.build_temp = None
        self.${first} = None
        self.${second} = None
        self.${third} = None

    def finalize_options(self):
        self.set_undefined_options('build',
                                   ('build_base', 'build_base'),
                                   ('build_lib', 'build_lib'),
                                   ('build_temp', 'build_temp'))
        if self.${first} is None:
            self.${first} = os.path.join(self.build_base, "${first}")

    def run(self):
        outputs = []
        for source in sorted(os.listdir(self.build_lib)):
            target = os.path.join(self.${first}, source + ".${i}")
            self.${STEPS[i]}(os.path.join(self.build_lib, source), target)
            outputs.append(target)
        self.announce("step ${i}: %d files" % len(outputs), level=${i % 3})
        return outputs
`;
};
const FILES = Object.fromEntries(OWN_OPTIONS.map((_, i) => [`tool/command/step_${i}.py`, command(i)]));

// Another project's source-generating command, in a file long enough to be scanned whole.
const OWN_MODULE = `"""Generates C sources from interface files before the extensions are built."""

import os
import re
import shlex
import subprocess


_INCLUDE = re.compile(r'^\\s*%include\\s+"([^"]+)"', re.MULTILINE)


class build_src(Command):
    description = "build C/C++/F sources for extension modules"

    user_options = [
        ('build-src=', 'd', "directory to \"build\" sources to"),
        ('swig-opts=', None, "list of SWIG command line options"),
        ('inplace', 'i', "ignore build-lib and put compiled extensions into the source directory"),
    ]

    boolean_options = ['inplace']

    def initialize_options(self):
        self.extensions = None
        self.package = None
        self.py_modules = None
        self.py_modules_dict = None
        self.data_files = None
        self.build_src = None
        self.inplace = 0
        self.swig_opts = None
        self.generator = None
        self.build_base = None
        self.build_lib = None

    def finalize_options(self):
        self.set_undefined_options('build',
                                   ('build_base', 'build_base'),
                                   ('build_lib', 'build_lib'))
        if self.build_src is None:
            self.build_src = os.path.join(self.build_base, 'src')
        if self.swig_opts is not None:
            self.swig_opts = shlex.split(self.swig_opts)

    def run(self):
        if not self.extensions:
            return
        for extension in self.extensions:
            sources = self.generate_sources(extension.sources, extension)
            extension.sources[:] = sources

    def generate_sources(self, sources, extension):
        new_sources = []
        interfaces = []
        for source in sources:
            base, ext = os.path.splitext(source)
            if ext == '.i':
                target = os.path.join(self.build_src, os.path.basename(base) + '_wrap.c')
                interfaces.append((source, target))
                new_sources.append(target)
            else:
                new_sources.append(source)
        for source, target in interfaces:
            included = _INCLUDE.findall(open(source).read())
            if self.inplace or not self.newer(source, target, included):
                continue
            self.mkpath(os.path.dirname(target))
            command = [self.generator or 'swig', '-python', '-o', target, *(self.swig_opts or []), source]
            self.announce('generating %s from %s' % (target, source), level=2)
            subprocess.check_call(command)
        return new_sources

    def newer(self, source, target, included):
        if not os.path.exists(target):
            return True
        built = os.path.getmtime(target)
        return any(os.path.getmtime(name) > built for name in [source, *included] if os.path.exists(name))
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles(FILES);
});
afterAll(() => tracker.close());

describe("a framework's idiom in a whole file", () => {
  it("is not another command's: initializers and set_undefined_options rows under the names every command declares", () => {
    expect(tracker.match(OWN_MODULE, { language: "python" }).references).toEqual([]);
  });

  it("does not hide a command's own code copied into a longer file", () => {
    const copied = FILES["tool/command/step_3.py"]!;
    const run = copied.slice(copied.indexOf("    def run(self):"));
    const file = `${OWN_MODULE}\n\nclass compile_step(Command):\n${run}`;
    expect(tracker.match(file, { language: "python" }).references.map((r) => r.path)).toContain("tool/command/step_3.py");
  });
});
