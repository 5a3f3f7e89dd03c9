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

// A webpack 4 library build: the wrapper webpack generates around any modules (its UMD definition,
// then its bootstrap with the comments it writes, shortened here), the modules its argument.
const webpackBuild = (library: string, modules: string): string => `(function webpackUniversalModuleDefinition(root, factory) {
\tif(typeof exports === 'object' && typeof module === 'object')
\t\tmodule.exports = factory();
\telse if(typeof define === 'function' && define.amd)
\t\tdefine([], factory);
\telse if(typeof exports === 'object')
\t\texports["${library}"] = factory();
\telse
\t\troot["${library}"] = factory();
})(this, function() {
return /******/ (function(modules) { // webpackBootstrap
/******/ \t// The module cache
/******/ \tvar installedModules = {};
/******/
/******/ \t// The require function
/******/ \tfunction __webpack_require__(moduleId) {
/******/ \t\t// Check if module is in cache
/******/ \t\tif(installedModules[moduleId])
/******/ \t\t\treturn installedModules[moduleId].exports;
/******/ \t\t// Create a new module (and put it into the cache)
/******/ \t\tvar module = installedModules[moduleId] = {
/******/ \t\t\texports: {},
/******/ \t\t\tid: moduleId,
/******/ \t\t\tloaded: false
/******/ \t\t};
/******/ \t\t// Execute the module function
/******/ \t\tmodules[moduleId].call(module.exports, module, module.exports, __webpack_require__);
/******/ \t\t// Flag the module as loaded
/******/ \t\tmodule.loaded = true;
/******/ \t\t// Return the exports of the module
/******/ \t\treturn module.exports;
/******/ \t}
/******/ \t// expose the modules object (__webpack_modules__)
/******/ \t__webpack_require__.m = modules;
/******/ \t// expose the module cache
/******/ \t__webpack_require__.c = installedModules;
/******/ \t// Load entry module and return exports
/******/ \treturn __webpack_require__(0);
/******/ })
/************************************************************************/
/******/ ([
/* 0 */
/***/ (function(module, exports, __webpack_require__) {
${modules}
/***/ })
/******/ ])
});
`;

const PARSER_MODULES = `\tvar Syntax = { Program: 'Program', Identifier: 'Identifier', Literal: 'Literal' };
\tfunction parseProgram(source, options) {
\t\tvar tokens = tokenize(source, options && options.range);
\t\treturn { type: Syntax.Program, body: tokens.map(toNode), sourceType: options ? options.sourceType : 'script' };
\t}
\texports.parseProgram = parseProgram;`;

const MAPPING_MODULES = `\tfunction compareByOriginalPositions(mappingA, mappingB, onlyCompareOriginal) {
\t\tvar cmp = strcmp(mappingA.source, mappingB.source);
\t\tif (cmp !== 0) return cmp;
\t\tcmp = mappingA.originalLine - mappingB.originalLine;
\t\treturn cmp !== 0 || onlyCompareOriginal ? cmp : mappingA.originalColumn - mappingB.originalColumn;
\t}
\texports.compareByOriginalPositions = compareByOriginalPositions;`;

// Python's comparison protocol: `isinstance(other, Cls)`, a chain of `self.a == other.a`, and
// `NotImplemented` are every `__eq__`'s words, whatever class it compares.
const INDEXED_HANDLE = `class ScheduledCall:
    """A call the loop runs once its time comes."""

    def __init__(self, when, callback, args, loop):
        self._when = when
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def __hash__(self):
        return hash(self._when)

    def __eq__(self, other):
        if isinstance(other, ScheduledCall):
            return (self._when == other._when and
                    self._callback == other._callback and
                    self._args == other._args and
                    self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop.forget(self)
            self._cancelled = True
`;

// A library built by rollup as UMD from TypeScript: the definition rollup writes around any library
// (the UMD template's), and the SuppressedError fallback TypeScript's helpers leave behind.
const rollupBuild = (library: string, modules: string): string => `(function (global, factory) {
\ttypeof exports === 'object' && typeof module !== 'undefined' ? factory(exports) :
\ttypeof define === 'function' && define.amd ? define(['exports'], factory) :
\t(global = typeof globalThis !== 'undefined' ? globalThis : global || self, factory(global.${library} = {}));
})(this, (function (exports) { 'use strict';

\ttypeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
\t\tvar e = new Error(message);
\t\treturn e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
\t};

${modules}

}));
`;

const ORIGINAL_KEY = `class PrivateKey:
    """A private key on a curve, with the public key it derives."""

    def __init__(self, curve, secret, public_key=None):
        self.curve = curve
        self.secret = secret
        self.public_key = public_key or curve.multiply(secret)

    def __eq__(self, other):
        """Return True if the keys are the same, False otherwise."""
        if isinstance(other, PrivateKey):
            return (
                self.curve == other.curve
                and self.public_key == other.public_key
                and self.secret == other.secret
            )
        return NotImplemented

    def __ne__(self, other):
        return not self == other

    def sign(self, digest, nonce):
        point = self.curve.multiply(nonce)
        return point.x, (digest + point.x * self.secret) * pow(nonce, -1, self.curve.order)
`;

// A parser's public interface: each entry point hands its arguments on to the parser class.
const INDEXED_ENTRY_POINTS = `function Parser(options, input, startPos) {
  this.options = normalizeOptions(options);
  this.input = String(input);
  this.pos = startPos ? this.lineStart(startPos) : 0;
}

Parser.parse = function parse(input, options) {
  return new this(options, input).parse();
};

// Entry points for callers who do not want to know the class.

function parse(input, options) {
  return Parser.parse(input, options)
}

// One expression at an offset, for templates that embed code.

function parseExpressionAt(input, pos, options) {
  return Parser.parseExpressionAt(input, pos, options)
}

// Tokens one at a time, for highlighters.

function tokenizer(input, options) {
  return Parser.tokenizer(input, options)
}

module.exports = { Parser, parse, parseExpressionAt, tokenizer };
`;

// A facade module, as tsc compiles one: every function hands its arguments on to one converter,
// two or three of them, the same idiom eleven times with its own names.
const FACADE_NAMES = [
  ["toPlain", "value, settings"],
  ["toPlainInto", "value, target, settings"],
  ["fromPlain", "type, plain, settings"],
  ["fromPlainInto", "instance, plain, settings"],
  ["copy", "value, settings"],
  ["copyInto", "value, target, settings"],
  ["stringify", "value, settings"],
  ["parseAs", "type, json, settings"],
  ["parseArrayAs", "type, json, settings"],
  ["validate", "value, settings"],
  ["validateInto", "value, errors, settings"],
];
const ORIGINAL_FACADE = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const Converter_1 = require("./Converter");
const converter = new Converter_1.Converter();
${FACADE_NAMES.map(([name, parameters]) => `function ${name}(${parameters}) {\n    return converter.${name}(${parameters});\n}\nexports.${name} = ${name};\n`).join("")}`;

// A mapping over a dict it keeps, and a test module's helper mapping that writes the same protocol
// methods around its own dict: `key`, `iter` and `len` are the protocol's, whoever writes them.
const INDEXED_REGISTRY = `class Registry(MutableMapping):
    """Entries registered by name, in the order they came."""

    def __init__(self, entries=None, **named):
        self.entries = {}
        if entries is not None:
            self.update(entries)
        if named:
            self.update(named)

    def __len__(self):
        return len(self.entries)

    def __getitem__(self, key):
        if key in self.entries:
            return self.entries[key]
        raise UnknownEntry(key, sorted(self.entries))

    def __setitem__(self, key, item):
        self.entries[key] = item

    def __delitem__(self, key):
        del self.entries[key]

    def __iter__(self):
        return iter(self.entries)

    def __contains__(self, key):
        return key in self.entries

    def __repr__(self):
        return f"Registry({self.entries!r})"

    def copy(self):
        duplicate = Registry()
        duplicate.entries = dict(self.entries)
        return duplicate
`;

const ORIGINAL_LOOKUP_TESTS = `from functools import partial

import pytest

from helpers import merge, merge_with, update_in, keyfilter, valmap


class Lookup:
    """Only the methods of the mapping protocol the helpers use."""

    def __init__(self, *args, **kwargs):
        self._store = dict(*args, **kwargs)

    def __getitem__(self, key):
        return self._store[key]

    def __setitem__(self, key, val):
        self._store[key] = val

    def __delitem__(self, key):
        del self._store[key]

    def __iter__(self):
        return iter(self._store)

    def __len__(self):
        return len(self._store)

    def __contains__(self, key):
        return key in self._store

    def __eq__(self, other):
        return isinstance(other, Lookup) and self._store == other._store


def test_merge_keeps_the_last_value():
    first = Lookup(a=1, b=2)
    second = Lookup(b=3, c=4)
    merged = merge(first, second, factory=Lookup)
    assert merged == Lookup(a=1, b=3, c=4)
    assert isinstance(merged, Lookup)


def test_merge_with_sums_the_values():
    totals = merge_with(sum, Lookup(x=1), Lookup(x=2, y=5), factory=Lookup)
    assert totals == Lookup(x=3, y=5)


def test_update_in_creates_the_path():
    nested = update_in(Lookup(), ["outer", "inner"], partial(max, 7), default=0, factory=Lookup)
    assert nested["outer"]["inner"] == 7


def test_keyfilter_and_valmap():
    numbers = Lookup(one=1, two=2, three=3)
    odd = keyfilter(lambda name: len(name) == 3, numbers, factory=Lookup)
    assert sorted(odd) == ["one", "two"]
    doubled = valmap(lambda n: n * 2, numbers, factory=Lookup)
    assert doubled["three"] == 6


def test_merge_of_nothing_is_empty():
    assert merge(factory=Lookup) == Lookup()
    assert merge_with(sum, factory=Lookup) == Lookup()


def test_update_in_leaves_the_input_alone():
    original = Lookup(config=Lookup(depth=1))
    changed = update_in(original, ["config", "depth"], lambda depth: depth + 1, factory=Lookup)
    assert original["config"]["depth"] == 1
    assert changed["config"]["depth"] == 2
    assert changed is not original


def test_keyfilter_keeps_the_factory_type():
    colours = Lookup(red="#f00", green="#0f0", blue="#00f")
    short = keyfilter(lambda name: name.startswith("r") or name.startswith("b"), colours, factory=Lookup)
    assert isinstance(short, Lookup)
    assert sorted(short) == ["blue", "red"]
    assert "green" not in short


def test_valmap_over_nested_values():
    scores = Lookup(alice=[3, 4], bob=[5], carol=[])
    best = valmap(lambda marks: max(marks, default=None), scores, factory=Lookup)
    assert best == Lookup(alice=4, bob=5, carol=None)
    counts = valmap(len, scores, factory=Lookup)
    assert counts["carol"] == 0
    assert sum(counts[name] for name in counts) == 3


def test_merge_with_collects_into_lists():
    grouped = merge_with(list, Lookup(a=1), Lookup(a=2), Lookup(b=3), factory=Lookup)
    assert grouped == Lookup(a=[1, 2], b=[3])
    with pytest.raises(TypeError):
        merge_with(list, Lookup(a=1), 5, factory=Lookup)
`;

// A stream library's operator, typed with overloads, and another library's operator of its kind
// declaring the same vocabulary (a predicate over an item and its position, narrowing or not)
// under its own declared name and types.
const INDEXED_OPERATOR = `import type { Pipe, SameTypePipe, Truthy } from './shapes';
import { pipeThrough } from './pipe';

export function keepWhile<In>(test: BooleanConstructor, include: true): SameTypePipe<In>;
export function keepWhile<In>(test: BooleanConstructor): Pipe<In, Truthy<In>>;
export function keepWhile<In, Out extends In>(test: (item: In, position: number) => item is Out): Pipe<In, Out>;
export function keepWhile<In, Out extends In>(test: (item: In, position: number) => item is Out, include: false): Pipe<In, Out>;
export function keepWhile<In>(test: (item: In, position: number) => boolean, include?: boolean): SameTypePipe<In>;
export function keepWhile<In>(test: (item: In, position: number) => boolean, include = false): SameTypePipe<In> {
  return pipeThrough((item, position, emit, finish) => {
    const kept = test(item, position);
    if (kept || include) emit(item);
    if (!kept) finish();
  });
}
`;

const ORIGINAL_OPERATOR = `import { PulledIterable } from '../pulled';
import { PullPipe } from '../types';

/**
 * Leaves out items while the test holds, then yields every item after.
 * @param test Called with each item and its position.
 */
export function dropUntil<In, Out extends In>(
  test: (item: In, position: number) => item is Out
): PullPipe<In, Out>;
/**
 * Leaves out items while the test holds, then yields every item after.
 * @param test Called with each item and its position.
 */
export function dropUntil<In>(
  test: (item: In, position: number) => boolean
): PullPipe<In, In>;
export function dropUntil<In>(
  test: (item: In, position: number) => boolean
): PullPipe<In, In> {
  return function dropUntilPipe(source: Iterable<In>): PulledIterable<In> {
    return PulledIterable.from(source).skipWhile((item, position) => !test(item, position));
  };
}
`;

// A utility module's type tests, and another library's guards written the same way: the strings
// `typeof` answers with are the language's, not either library's.
const INDEXED_GUARDS = `export function isMissing(o) {
  return typeof o === "undefined";
}

export function isNumeric(o) {
  return typeof o === "number";
}

export function isObjectLike(o) {
  return typeof o === "object" && o !== null;
}

export function isText(o) {
  return typeof o === "string";
}

export function isDay(o) {
  return Object.prototype.toString.call(o) === "[object Date]";
}

export function hasRelativeFormat() {
  try {
    return typeof Intl !== "undefined" && !!Intl.RelativeTimeFormat;
  } catch (e) {
    return false;
  }
}
`;

const ORIGINAL_GUARDS = `/** Returns true if this value is an array */
export function IsArray(value) {
    return Array.isArray(value);
}
/** Returns true if this value is an async iterator */
export function IsAsyncIterator(value) {
    return IsObject(value) && Symbol.asyncIterator in value;
}
/** Returns true if this value is bigint */
export function IsBigInt(value) {
    return typeof value === 'bigint';
}
/** Returns true if this value is a boolean */
export function IsBoolean(value) {
    return typeof value === 'boolean';
}
/** Returns true if this value is a Date object */
export function IsDate(value) {
    return value instanceof globalThis.Date;
}
/** Returns true if this value is a function */
export function IsFunction(value) {
    return typeof value === 'function';
}
/** Returns true if this value is an iterator */
export function IsIterator(value) {
    return IsObject(value) && Symbol.iterator in value;
}
/** Returns true if this value is null */
export function IsNull(value) {
    return value === null;
}
/** Returns true if this value is number */
export function IsNumber(value) {
    return typeof value === 'number';
}
/** Returns true if this value is an object */
export function IsObject(value) {
    return typeof value === 'object' && value !== null;
}
/** Returns true if this value is RegExp */
export function IsRegExp(value) {
    return value instanceof globalThis.RegExp;
}
/** Returns true if this value is string */
export function IsString(value) {
    return typeof value === 'string';
}
/** Returns true if this value is symbol */
export function IsSymbol(value) {
    return typeof value === 'symbol';
}
/** Returns true if this value is a Uint8Array */
export function IsUint8Array(value) {
    return value instanceof globalThis.Uint8Array;
}
/** Returns true if this value is undefined */
export function IsUndefined(value) {
    return value === undefined;
}
/** Returns true if this value is a property key */
export function IsPropertyKey(value) {
    return IsString(value) || IsNumber(value) || IsSymbol(value);
}
/** Returns true if this value is a primitive */
export function IsPrimitive(value) {
    return IsNull(value) || IsUndefined(value) || IsBigInt(value) || IsBoolean(value) || IsPropertyKey(value);
}
`;

// Babel's output for functions with rest parameters: the loop it writes for each (`_len`, `_key`,
// `arguments`) is the compiler's, whichever functions it was written for.
const INDEXED_CONSOLE = `function notice(template) {
  {
    {
      for (var _len = arguments.length, parts = new Array(_len > 1 ? _len - 1 : 0), _key = 1; _key < _len; _key++) {
        parts[_key - 1] = arguments[_key];
      }

      emitLine('notice', template, parts);
    }
  }
}
function alarm(template) {
  {
    {
      for (var _len2 = arguments.length, parts = new Array(_len2 > 1 ? _len2 - 1 : 0), _key2 = 1; _key2 < _len2; _key2++) {
        parts[_key2 - 1] = arguments[_key2];
      }

      emitLine('alarm', template, parts);
    }
  }
}
`;

const ORIGINAL_BOUND = `export var bindFirst = function bindFirst(fn) {
  return function (head) {
    for (var _len = arguments.length, extra = new Array(_len > 1 ? _len - 1 : 0), _key = 1; _key < _len; _key++) {
      extra[_key - 1] = arguments[_key];
    }

    var bound = fn.apply(void 0, [head].concat(extra));
    return function (tail) {
      for (var _len2 = arguments.length, more = new Array(_len2 > 1 ? _len2 - 1 : 0), _key2 = 1; _key2 < _len2; _key2++) {
        more[_key2 - 1] = arguments[_key2];
      }

      return bound.apply(void 0, [tail].concat(more));
    };
  };
};
`;

// A module of patterns compiled with a keyword argument (`flags=re.VERBOSE`), and original code
// compiling its own patterns with the same keyword: `re` and `flags` are the module's API.
const INDEXED_VALUES = `"""Regular expressions of a configuration format's values."""
import re

_CLOCK = r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\\.([0-9]{1,6}))?"

NUMERIC_VALUE = re.compile(
    r"""
[+-]?(?:0|[1-9](?:_?[0-9])*)     # integer part
(?:\\.[0-9](?:_?[0-9])*)?         # fraction
(?:[eE][+-]?[0-9](?:_?[0-9])*)?  # exponent
""",
    flags=re.VERBOSE,
)
CLOCK_VALUE = re.compile(_CLOCK)
TIMESTAMP_VALUE = re.compile(
    rf"""
([0-9]{{4}})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])  # date
(?:[Tt ]{_CLOCK})?                                     # time of day
""",
    flags=re.VERBOSE,
)


def timestamp_from_match(match: re.Match) -> datetime | date:
    """The date, or date and time, of a STAMP match."""
    year, month, day = (int(part) for part in match.groups()[:3])
    return date(year, month, day)


def to_number(match: re.Match, parse_float: ParseFloat) -> Any:
    """The value of a NUMBER match: an int, or a float read by \`parse_float\`."""
    text = match.group()
    if "." in text or "e" in text or "E" in text:
        return parse_float(text)
    return int(text, 0)


def to_clock(match):
    hours, minutes, seconds, fraction = match.groups()
    micros = int(fraction.ljust(6, "0")) if fraction else 0
    return hours, minutes, seconds, micros
`;

const ORIGINAL_SLUGS = `import re
import unicodedata

_unsafe: Pattern = re.compile(r"[^\\w\\s-]", flags=re.U)
_unsafe_with_dots: Pattern = re.compile(r"[^\\.\\w\\s-]", flags=re.U)
_dashes: Pattern = re.compile(r"[-\\s]+", flags=re.U)


def to_slug(text: str, keep_dots: bool = False, keep_unicode: bool = False) -> str:
    """Lower-cases \`text\`, drops what a URL path should not hold and joins its words with dashes."""
    if not keep_unicode:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    else:
        text = unicodedata.normalize("NFKC", text)
    pattern = _unsafe_with_dots if keep_dots else _unsafe
    text = pattern.sub("", text).strip().lower()
    return _dashes.sub("-", text)


def title_words(text, minimum=3):
    words = [word for word in text.split() if len(word) >= minimum]
    return [word[:1].upper() + word[1:] for word in words]
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({
    "lib/failure.js": INDEXED_ERROR,
    "dist/parser.js": webpackBuild("parser", PARSER_MODULES),
    "dist/parser.umd.js": rollupBuild("parser", PARSER_MODULES),
    "loop/handles.py": INDEXED_HANDLE,
    "lib/entry-points.js": INDEXED_ENTRY_POINTS,
    "registry/registry.py": INDEXED_REGISTRY,
    "src/operators/keepWhile.ts": INDEXED_OPERATOR,
    "src/impl/guards.js": INDEXED_GUARDS,
    "cjs/console.development.js": INDEXED_CONSOLE,
    "config/values.py": INDEXED_VALUES,
  });
});
afterAll(() => tracker.close());

// Each case: original code writing an indexed idiom with its own names is not reported; the
// indexed code itself is, as its own file.
const cases = [
  {
    name: "an Error subclass",
    why: "the prototype chain and captureStackTrace are the language's words",
    original: ORIGINAL_ERROR,
    copy: INDEXED_ERROR,
    language: "javascript",
    path: "lib/failure.js",
  },
  {
    name: "a webpack build",
    why: "its UMD definition and bootstrap are webpack's, comments and all",
    original: webpackBuild("sourceMap", MAPPING_MODULES),
    copy: webpackBuild("bundled", PARSER_MODULES),
    language: "javascript",
    path: "dist/parser.js",
  },
  {
    name: "a rollup UMD build",
    why: "its UMD definition is the template's and its SuppressedError fallback TypeScript's",
    original: rollupBuild("sourceMap", MAPPING_MODULES),
    copy: rollupBuild("bundled", PARSER_MODULES),
    language: "javascript",
    path: "dist/parser.umd.js",
  },
  {
    name: "an __eq__ of the comparison protocol",
    why: "isinstance and NotImplemented are the language's words",
    original: ORIGINAL_KEY,
    copy: INDEXED_HANDLE,
    language: "python",
    path: "loop/handles.py",
  },
  {
    name: "functions handing their arguments on",
    why: "a facade repeats the idiom with its own names, and some stretch of it aligns with any few such functions",
    original: ORIGINAL_FACADE,
    copy: INDEXED_ENTRY_POINTS,
    language: "javascript",
    path: "lib/entry-points.js",
  },
  {
    name: "a mapping passing its protocol on to a dict",
    why: "`key` recurring is the protocol's variable, and `iter` and `len` the builtins its methods answer with",
    original: ORIGINAL_LOOKUP_TESTS,
    copy: INDEXED_REGISTRY,
    language: "python",
    path: "registry/registry.py",
  },
  {
    name: "overload signatures of an API of the same kind",
    why: "a predicate's `(item: In, position: number) => item is Out` is every such operator's vocabulary, under its own declared names",
    original: ORIGINAL_OPERATOR,
    copy: INDEXED_OPERATOR,
    language: "typescript",
    path: "src/operators/keepWhile.ts",
  },
  {
    name: "type guards",
    why: "the strings `typeof` answers with (`'number'`, `'string'`) are the language's",
    original: ORIGINAL_GUARDS,
    copy: INDEXED_GUARDS,
    language: "javascript",
    path: "src/impl/guards.js",
  },
  {
    name: "rest parameters compiled by Babel",
    why: "`_len`, `_key` and `arguments` in the loop Babel writes for a rest parameter are the compiler's names",
    original: ORIGINAL_BOUND,
    copy: INDEXED_CONSOLE,
    language: "javascript",
    path: "cjs/console.development.js",
  },
  {
    name: "patterns compiled with a keyword argument",
    why: "`flags=` names `re.compile`'s parameter, which every caller writes, and `re` its module",
    original: ORIGINAL_SLUGS,
    copy: INDEXED_VALUES,
    language: "python",
    path: "config/values.py",
  },
] as const;

describe.each(cases)("$name", ({ why, original, copy, language, path }) => {
  it(`is not reported as another's: ${why}`, () => {
    expect(tracker.match(original, { language }).references).toEqual([]);
  });

  it("is reported where it is the indexed code", () => {
    const [reference] = tracker.match(copy, { language }).references;
    expect(reference?.path).toBe(path);
  });
});

describe("patterns compiled with a keyword argument, the query parsed", () => {
  it("is not reported as another's when tree-sitter reads the query either", async () => {
    const parsed = await memoryTrackerForFiles({ "config/values.py": INDEXED_VALUES }, { queryReading: "parsed" });
    expect(parsed.match(ORIGINAL_SLUGS, { language: "python" }).references).toEqual([]);
    expect(parsed.match(INDEXED_VALUES, { language: "python" }).references[0]?.path).toBe("config/values.py");
    parsed.close();
  });
});
