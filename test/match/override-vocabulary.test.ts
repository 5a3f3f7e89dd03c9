import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: two commands of one build tool, each overriding its base's option hooks
// (`Base.initialize_options(self)`, then its own options; `Base.finalize_options(self)`, then a
// check raising the tool's error). The hooks' names are the base class's, which every command writes.
const PUBLISH = `"""Publishes built archives to a package server."""

import os
from tooling.core import BaseCommand, ConfigCommand
from tooling.errors import CommandOptionError


class publish(ConfigCommand):
    description = "send built archives to the package server"

    user_options = ConfigCommand.user_options + [
        ('sign', 's', 'sign each archive before sending it'),
        ('key=', 'k', 'the signing key to use'),
    ]

    boolean_options = ConfigCommand.boolean_options + ['sign']

    def initialize_options(self):
        ConfigCommand.initialize_options(self)
        self.account = ''
        self.token = ''
        self.verbose_reply = 0
        self.sign = False
        self.key = None

    def finalize_options(self):
        ConfigCommand.finalize_options(self)
        if self.key and not self.sign:
            raise CommandOptionError(
                "--key means nothing without --sign"
            )
        settings = self.read_settings()
        if settings:
            self.account = settings['account']
            self.token = settings['token']
            self.server = settings['server']

    def run(self):
        if not self.distribution.built_files:
            raise CommandOptionError("nothing was built to publish")
        for kind, version, path in self.distribution.built_files:
            self.send_archive(kind, version, path)

    def send_archive(self, kind, version, path):
        with open(path, 'rb') as archive:
            payload = archive.read()
        name = os.path.basename(path)
        self.announce('sending %s (%d bytes)' % (name, len(payload)))
        return self.post(name, payload, kind=kind, version=version)
`;

const SHORTCUT = `"""Defines and lists command shortcuts stored in the project's settings."""

from tooling.settings import edit_settings, settings_files
from tooling.errors import CommandOptionError
from tooling.options import option_base


def quote_shortcut(arg):
    """Quote an argument so the shell reads it back as one word."""
    if arg and arg.isidentifier():
        return arg
    return repr(arg)


class shortcut(option_base):
    """Define a shortcut that stands for a longer command line"""

    description = "define a shortcut for a command line"
    command_consumes_arguments = True

    user_options = [
        ('drop', 'd', 'drop the shortcut instead of defining it'),
    ] + option_base.user_options

    boolean_options = option_base.boolean_options + ['drop']

    def initialize_options(self):
        option_base.initialize_options(self)
        self.args = None
        self.drop = None

    def finalize_options(self):
        option_base.finalize_options(self)
        if self.drop and len(self.args) != 1:
            raise CommandOptionError(
                "--drop takes exactly one shortcut name"
            )

    def run(self):
        shortcuts = self.distribution.get_option_dict('shortcuts')
        if not self.args:
            print("Shortcuts defined in the settings:")
            for name in shortcuts:
                print("  %s = %s" % (name, describe(name, shortcuts)))
            return
        if len(self.args) == 1:
            name, = self.args
            if self.drop:
                value = None
            elif name in shortcuts:
                print("  %s = %s" % (name, describe(name, shortcuts)))
                return
            else:
                print("No shortcut named %r" % name)
                return
        else:
            name = self.args[0]
            value = ' '.join(map(quote_shortcut, self.args[1:]))
        edit_settings(self.filename, {'shortcuts': {name: value}}, self.dry_run)


def describe(name, shortcuts):
    source, command = shortcuts[name]
    if source == settings_files()[0]:
        return command
    return '--filename=%r %s' % (source, command)
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "tooling/publish.py": PUBLISH });
});
afterAll(() => tracker.close());

describe("a method overriding its base's", () => {
  it("is named by the base class: two commands sharing only the option hooks' idiom are no copy", () => {
    expect(tracker.match(SHORTCUT, { language: "python" }).references).toEqual([]);
  });

  it("does not hide a copy: the hooks copied with the options they set are reported", () => {
    const start = PUBLISH.indexOf("    def initialize_options");
    const copy = `from tooling.core import ConfigCommand\n\n\nclass release(ConfigCommand):\n${PUBLISH.slice(start, PUBLISH.indexOf("    def run"))}`;
    expect(tracker.match(copy, { language: "python" }).references[0]?.path).toBe("tooling/publish.py");
  });
});
