import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a build tool's commands, each with its own options, among them the rows
// every installing command writes (a build directory, forcing), and its own initializers and run.
const sibling = (name: string, what: string, rows: string[], attrs: string[], body: string): string => `"""tool.command.${name}

Implements the tool's '${name}' command."""

import os
from tool.core import Command


class ${name}(Command):

    description = "install ${what}"

    user_options = [
${rows.map((r) => `        ${r},`).join("\n")}
    ]

    def initialize_options(self):
${attrs.map((a) => `        self.${a}`).join("\n")}

${body}
`;
const BUILD = `('build-dir=', 'b', "build directory (where to install from)")`;
const FORCE = `('force', 'f', "force installation (overwrite existing files)")`;
const FILES: Record<string, string> = {
  "tool/command/install_lib.py": sibling("install_lib", "all Python modules", [`('install-dir=', 'd', "directory to install to")`, BUILD, FORCE, `('compile', 'c', "compile .py to .pyc [default]")`, `('optimize=', 'O', "also compile with optimization")`, `('skip-build', None, "skip the build steps")`], ["install_dir = None", "build_dir = None", "force = 0", "compile = None", "optimize = None", "skip_build = None"], `    def run(self):
        self.build()
        outfiles = self.install()
        if outfiles is not None and self.distribution.has_pure_modules():
            self.byte_compile(outfiles)`),
  "tool/command/install_data.py": sibling("install_data", "data files", [`('install-dir=', 'd', "base directory for installing data files")`, `('root=', None, "install everything relative to this alternate root directory")`, FORCE], ["install_dir = None", "outfiles = []", "root = None", "force = 0", "data_files = self.distribution.data_files", "warn_dir = 1"], `    def run(self):
        self.mkpath(self.install_dir)
        for f in self.data_files:
            if isinstance(f, str):
                (out, _) = self.copy_file(f, self.install_dir)
                self.outfiles.append(out)`),
  "tool/command/install_headers.py": sibling("install_headers", "C/C++ header files", [`('install-dir=', 'd', "directory to install header files to")`, FORCE], ["install_dir = None", "force = 0", "outfiles = []"], `    def run(self):
        headers = self.distribution.headers
        if not headers:
            return
        self.mkpath(self.install_dir)
        for header in headers:
            (out, _) = self.copy_file(header, self.install_dir)
            self.outfiles.append(out)`),
  "tool/command/build_scripts.py": sibling("build_scripts", "scripts", [`('build-dir=', 'd', "directory to \\"build\\" (copy) to")`, `('force', 'f', "forcibly build everything (ignore file timestamps")`, `('executable=', 'e', "specify final destination interpreter path")`], ["build_dir = None", "scripts = None", "force = None", "executable = None", "outfiles = None"], `    def run(self):
        if not self.scripts:
            return
        self.copy_scripts()`),
  "tool/command/install_egg_info.py": sibling("install_egg_info", "metadata", [`('install-dir=', 'd', "directory to install to")`], ["install_dir = None"], `    def run(self):
        target = self.target
        if os.path.isdir(target) and not os.path.islink(target):
            dir_util.remove_tree(target, dry_run=self.dry_run)`),
  "tool/command/install_scripts.py": sibling("install_scripts", "scripts (Python or otherwise)", [`('install-dir=', 'd', "directory to install scripts to")`, BUILD, FORCE, `('skip-build', None, "skip the build steps")`], ["install_dir = None", "force = 0", "build_dir = None", "skip_build = None"], `    def finalize_options(self):
        self.set_undefined_options('build', ('build_scripts', 'build_dir'))
        self.set_undefined_options('install', ('install_scripts', 'install_dir'), ('force', 'force'), ('skip_build', 'skip_build'))

    def run(self):
        if not self.skip_build:
            self.run_command('build_scripts')
        self.outfiles = self.copy_tree(self.build_dir, self.install_dir)
        if os.name == 'posix':
            for file in self.get_outputs():
                mode = ((os.stat(file).st_mode) | 0o555) & 0o7777
                os.chmod(file, mode)

    def get_inputs(self):
        return self.distribution.scripts or []

    def get_outputs(self):
        return self.outfiles or []`),
};
const FORK = FILES["tool/command/install_scripts.py"]!.replace("from tool.core import Command", "from ..core import Command").replace(/'/g, '"');

// Another project's vendored copy of install_scripts, its docstring and an extra method its own:
// another content holding the same code.
const VENDORED = FILES["tool/command/install_scripts.py"]!
  .replace("Implements the tool's 'install_scripts' command.", "Vendored from the tool, with a dry-run listing.")
  .concat("\n    def list_outputs(self):\n        for name in self.get_outputs():\n            print(name)\n");

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ ...FILES, "vendor/tool_install_scripts.py": VENDORED });
});
afterAll(() => tracker.close());

describe("a command copied from a framework, scanned whole", () => {
  it("names its own origin, not a sibling command whose option rows and initializers it shares", () => {
    const paths = tracker.match(FORK, { language: "python" }).references.flatMap((r) => r.origins.map((o) => o.path));
    expect(paths).toContain("tool/command/install_scripts.py");
    expect(paths).not.toContain("tool/command/install_lib.py");
  });

  it("still names every other origin holding the same code", () => {
    const paths = tracker.match(FORK, { language: "python" }).references.flatMap((r) => r.origins.map((o) => o.path));
    expect(paths).toContain("vendor/tool_install_scripts.py");
  });

  it("reports the sibling where nothing holds the lines better: its own rows and initializers copied", () => {
    const lib = FILES["tool/command/install_lib.py"]!;
    const head = lib.slice(lib.indexOf("class install_lib"), lib.indexOf("    def run(self):"));
    const paths = tracker.match(`import os\n\n\n${head}`, { language: "python" }).references.flatMap((r) => r.origins.map((o) => o.path));
    expect(paths).toContain("tool/command/install_lib.py");
  });
});
