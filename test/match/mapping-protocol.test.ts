import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a container answering the mapping protocol, each view a list built under
// its docstring, as a mail message's headers are.
const INDEXED = `"""Header fields of a stored message."""


class HeaderList:
    """The header fields of a message, in the order they were added."""

    def __init__(self, policy):
        self.policy = policy
        self._fields = []

    def add(self, name, text):
        self._fields.append((name, self.policy.store(name, text)))

    def __len__(self):
        return len(self._fields)

    def keys(self):
        """Return the names of every header field.

        Names are listed in the order they were added, and may repeat
        where a field was added twice.
        """
        return [name for name, text in self._fields]

    def values(self):
        """Return the value of every header field, decoded by the policy.

        Values are listed in the order they were added, and may repeat
        where a field was added twice.
        """
        return [self.policy.fetch(name, text)
                for name, text in self._fields]

    def items(self):
        """Return the (name, value) pairs of every header field.

        Pairs are listed in the order they were added, and may repeat
        where a field was added twice.
        """
        return [(name, self.policy.fetch(name, text))
                for name, text in self._fields]

    def get(self, name, default=None):
        """Return the first value of the named field, or default."""
        for key, text in self._fields:
            if key.lower() == name.lower():
                return self.policy.fetch(key, text)
        return default
`;

// Original code of the same kind: a wrapper over an enumeration's descriptor whose views are lists
// built under their docstrings too, the names alike only the protocol's own.
const ORIGINAL = `"""A wrapper answering questions about an enumeration's values."""

import typing


class EnumWrapper:
    """Answers which names and numbers an enumeration declares."""

    DESCRIPTOR = None

    def __init__(self, enum_type):
        self._enum_type = enum_type
        self.DESCRIPTOR = enum_type

    def Name(self, number):
        """Returns the name declared for the given number."""
        try:
            return self._enum_type.values_by_number[number].name
        except KeyError:
            pass
        if not isinstance(number, int):
            raise TypeError('Enum value for {} must be an int, but got {} {!r}.'.format(
                self._enum_type.name, type(number), number))
        raise ValueError('Enum {} has no name defined for value {!r}'.format(
            self._enum_type.name, number))

    def Value(self, name):
        """Returns the number declared for the given name."""
        try:
            return self._enum_type.values_by_name[name].number
        except KeyError:
            pass
        raise ValueError('Enum {} has no value defined for name {!r}'.format(
            self._enum_type.name, name))

    def keys(self):
        """Return a list of the string names in the enum.

        Returns:
          A list of strs, in the order they were declared.
        """
        return [
            declared.name for declared in self._enum_type.values
        ]

    def values(self):
        """Return a list of the integer numbers in the enum.

        Returns:
          A list of ints, in the order they were declared.
        """
        return [
            declared.number for declared in self._enum_type.values
        ]

    def items(self):
        """Return a list of the (name, number) pairs of the enum.

        Returns:
          A list of (str, int) pairs, in the order they were declared.
        """
        return [
            (declared.name, declared.number)
            for declared in self._enum_type.values
        ]

    def __getattr__(self, name):
        """Returns the number declared for the given name."""
        try:
            return super().__getattribute__('_enum_type').values_by_name[name].number
        except KeyError:
            pass
        raise AttributeError('Enum {} has no value defined for name {!r}'.format(
            self._enum_type.name, name))


def declared_names(wrapper: EnumWrapper) -> typing.List[str]:
    """The names of a wrapped enumeration, sorted."""
    return sorted(wrapper.keys())
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "mail/headers.py": INDEXED });
});
afterAll(() => tracker.close());

describe("the mapping protocol's views", () => {
  it("are not reported for their names: `keys`, `values` and `items` as lists under docstrings, other names and data", () => {
    expect(tracker.match(ORIGINAL, { language: "python", whole: true }).references).toEqual([]);
  });

  it("are reported when copied, renamed one for one", () => {
    const start = INDEXED.indexOf("    def keys(self):");
    const end = INDEXED.indexOf("    def get(self");
    const views = INDEXED.slice(start, end).replaceAll("_fields", "_entries").replaceAll("policy", "codec").replaceAll("text", "raw");
    const copied = ORIGINAL.replace(/ {4}def keys\(self\):[\s\S]*?(?= {4}def __getattr__)/, views);
    const [reference] = tracker.match(copied, { language: "python", whole: true }).references;
    expect(reference?.path).toBe("mail/headers.py");
  });
});
