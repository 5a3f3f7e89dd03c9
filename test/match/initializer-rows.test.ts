import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a build tool's commands, each declaring its options and setting each one
// to None in `initialize_options`, as every command of such a framework does; and another
// project's command written the same way with its own options.
const OPTION_SETS = [
  ["build_base", "build_lib", "build_temp", "plat_name", "compiler", "parallel"],
  ["install_dir", "build_dir", "force", "skip_build", "record", "prefix"],
  ["dist_dir", "formats", "keep_temp", "owner", "group", "manifest"],
  ["bdist_base", "rpm_base", "spec_only", "source_only", "binary_only", "python"],
  ["package_dir", "py_modules", "packages", "package_data", "optimize", "compile"],
  ["include_dirs", "define", "undef", "libraries", "library_dirs", "rpath"],
  ["scripts", "executable", "outfiles", "build_scripts", "install_scripts", "mode"],
  ["data_files", "root", "outfiles_data", "warn_dir", "install_base", "target"],
  ["egg_base", "egg_name", "egg_info", "tag_build", "tag_date", "vtags"],
  ["metadata", "restructuredtext", "strict", "docutils", "report_level", "halt_level"],
];

const command = (name: string, options: readonly string[], negative?: string): string => `"""The ${name} command."""


class ${name}(Command):
    description = "run the ${name.replace(/_/g, " ")} step"

    user_options = [
${options.map((o) => `        ("${o.replace(/_/g, "-")}=", None, "the ${o.replace(/_/g, " ")} to use"),`).join("\n")}
    ]
${negative ? `\n    negative_opt = {"no-${negative}": "${negative}"}\n` : ""}
    def initialize_options(self):
${options.map((o) => `        self.${o} = None`).join("\n")}

    def finalize_options(self):
        self.set_undefined_options("build", ("${options[0]}", "${options[0]}"))

    def run(self):
        self.announce("running ${name}", level=2)
        for step in self.get_sub_commands():
            self.run_command(step)
`;

const NAMES = ["build", "install_lib", "sdist", "bdist_rpm", "build_py", "build_ext", "build_scripts", "install_data", "egg_info", "check"];
// Three of them with a negative option too (`--no-compile` for `--compile`).
const NEGATIVE: Readonly<Record<string, string>> = { build_py: "compile", bdist_rpm: "keep-temp", install_lib: "force" };
const FILES = Object.fromEntries(NAMES.map((name, i) => [`tool/command/${name}.py`, command(name, OPTION_SETS[i]!, NEGATIVE[name])]));

// Another project's command with its own options and code, in a file long enough to be scanned whole.
const OWN_COMMAND = `"""Writes a wheel's metadata directory from the project's configuration."""

import os
import shutil


class dist_info(Command):
    """Builds the .dist-info directory a wheel carries."""

    description = "create a .dist-info directory"

    negative_opt = {"no-date": "tag-date"}

    def initialize_options(self):
        self.output_dir = None
        self.name = None
        self.dist_info_dir = None
        self.tag_date = None
        self.tag_build = None
        self.keep_egg_info = False

    def finalize_options(self):
        dist = self.distribution
        project_dir = dist.src_root or os.curdir
        self.output_dir = os.path.abspath(self.output_dir or project_dir)
        egg_info = self.reinitialize_command("egg_info")
        egg_info.egg_base = str(self.output_dir)
        if self.tag_date:
            egg_info.tag_date = self.tag_date
        else:
            self.tag_date = egg_info.tag_date
        self.egg_info = egg_info

    def _maybe_bkp_dir(self, dir_path, requires_bkp):
        if requires_bkp:
            bkp_name = f"{dir_path}.__bkp__"
            _rm(bkp_name, ignore_errors=True)
            shutil.copytree(dir_path, bkp_name, dirs_exist_ok=True, symlinks=True)
            try:
                yield
            finally:
                _rm(dir_path, ignore_errors=True)
                shutil.move(bkp_name, dir_path)
        else:
            yield

    def run(self):
        self.output_dir.mkdir(parents=True, exist_ok=True)
        self.egg_info.run()
        egg_info_dir = self.egg_info.egg_info
        assert os.path.isdir(egg_info_dir), ".egg-info dir should have been created"
        bdist_wheel = self.get_finalized_command("bdist_wheel")
        with self._maybe_bkp_dir(egg_info_dir, self.keep_egg_info):
            bdist_wheel.egg2dist(egg_info_dir, self.dist_info_dir)


    def get_outputs(self):
        """The files run() writes: the metadata directory's, in the order a wheel lists them."""
        if not self.dist_info_dir:
            return []
        names = sorted(os.listdir(self.dist_info_dir))
        return [os.path.join(self.dist_info_dir, name) for name in names if not name.startswith(".")]


def _rm(dir_name, **opts):
    if os.path.isdir(dir_name):
        shutil.rmtree(dir_name, **opts)
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles(FILES);
});
afterAll(() => tracker.close());

describe("a whole file's rows of initializers", () => {
  it("are not another command's: `self.x = None` row after row is every command's idiom", () => {
    expect(tracker.match(OWN_COMMAND, { language: "python" }).references).toEqual([]);
  });

  it("do not hide a command copied whole into a longer file", () => {
    const file = `${OWN_COMMAND}\n\n${FILES["tool/command/sdist.py"]!.slice(FILES["tool/command/sdist.py"]!.indexOf("class "))}`;
    expect(tracker.match(file, { language: "python" }).references.map((r) => r.path)).toContain("tool/command/sdist.py");
  });
});
