/**
 * `npm run bench:quality`: detection and false-positive rates on real code, per language and
 * form; whole held-out files scanned whole; real published files that bundle, vendor or fork
 * indexed code; a sweep of the matching parameters; bench/QUALITY.md.
 *
 * Queries are chosen from raw text, as a person would copy it (regions with enough non-blank,
 * non-import characters, comments and docstrings counted), never by reftrack's own normalizer.
 * `--quick` runs fewer queries and no sweep; `--defaults` the full set without the sweep;
 * `--explain` logs every miss and every false reference; `--dump-references FILE` writes every
 * query's result under the defaults and stops.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { loadManifest, type ResolvedSource } from "../../src/corpus/manifest.js";
import { looksMinified } from "../../src/files/source-file.js";
import { Fingerprinter } from "../../src/fingerprint/fingerprint.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { buildIndex } from "../../src/indexing/build.js";
import type { LanguageName } from "../../src/languages/language.js";
import { languageByName, languageForPath } from "../../src/languages/registry.js";
import { MissScreen } from "../../src/match/screen.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, DEFAULT_MATCH_OPTIONS, type FingerprintParameters, type MatchOptions } from "../../src/options.js";
import type { Reference } from "../../src/output/reference.js";
import { IndexReader } from "../../src/store/reader.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { type Fidelity, Rng, type Snippet, fragmentFidelity, hasCode, rawTextChars, sampleWindows } from "../snippets.js";
import { boilerplateSnippets, helperSnippets } from "./boilerplate.js";
import {
  EXPLAIN,
  adjudicated,
  IndexedText,
  type Query,
  type Tally,
  countReported,
  judge,
  log,
  pct,
  recordFeatures,
  tally,
  writeFeatures,
} from "./evaluate.js";
import { linesWithin } from "./text-runs.js";
import { FORMS, type Form, LATER_FORM_SEEDS, applyForm, rename } from "./forms.js";
import { fetchPackage, filesOf, wheelRoot } from "./packages.js";
import { judgeVendored, loadVendored } from "./vendored.js";
import { type WholeFile, judgeWholeFile, sampleWholeFiles } from "./whole-files.js";
import { type ScreenAudit, type ShortText, type VendoredResult, type WholeGroupResult, writeReport } from "./report.js";
import {
  ALL_RELAXED,
  CACHE,
  DUMP,
  LANGUAGES,
  NEGATIVES,
  PER_CELL,
  PER_SIZE,
  PROJECT_ROOT,
  QUICK,
  RAW_MIN_CHARS,
  RELAXATIONS,
  SHORT_TEXT_CHARS,
  SWEEP,
  WHOLE_FILES_PER_GROUP,
} from "./settings.js";

/** Popular Python packages from the machine's PyPI mirror, scanned whole against the default corpus. */
const POPULAR_PYTHON = [
  "requests-2.34.2-py3-none-any.whl",
  "click-8.5.0-py3-none-any.whl",
  "flask-3.1.3-py3-none-any.whl",
  "attrs-26.1.0-py3-none-any.whl",
  "jinja2-3.1.6-py3-none-any.whl",
  "werkzeug-3.1.9-py3-none-any.whl",
  "httpx-0.28.1-py3-none-any.whl",
  "rich-15.0.0-py3-none-any.whl",
];

/**
 * Popular npm packages the index does not hold, scanned whole against it (every JavaScript and
 * TypeScript file, builds and bundles included): chosen by name as a project's dependencies would be,
 * before any of them was scanned. dayjs, whose locales are ported from moment's, is a negative above.
 */
const MORE_NPM = [
  "backbone@1.6.1",
  "body-parser@1.20.9",
  "chalk@5.6.2",
  "cheerio@1.2.0",
  "chokidar@4.0.3",
  "cookie@1.1.1",
  "cors@2.8.6",
  "date-fns-tz@3.2.0",
  "dotenv@16.6.1",
  "eventemitter3@5.0.4",
  "fast-glob@3.3.3",
  "fastify@5.12.8",
  "glob@11.1.0",
  "got@14.6.6",
  "helmet@8.3.0",
  "hono@4.13.23",
  "htmlparser2@10.1.0",
  "immutable@5.2.1",
  "inquirer@12.11.1",
  "joi@17.13.9",
  "jsonwebtoken@9.0.3",
  "kleur@4.1.5",
  "knockout@3.5.3",
  "ky@1.14.3",
  "markdown-it@14.3.3",
  "mathjs@14.9.1",
  "meow@13.2.0",
  "micromatch@4.0.8",
  "minimist@1.2.8",
  "mitt@3.0.1",
  "nanoid@5.1.16",
  "ora@8.2.0",
  "p-limit@6.2.0",
  "picomatch@4.0.7",
  "pino@9.14.0",
  "prompts@2.4.2",
  "@reduxjs/toolkit@2.16.0",
  "sharp@0.33.5",
  "socket.io@4.8.4",
  "superagent@10.4.2",
  "tslib@2.9.1",
  "uuid@11.1.1",
  "winston@3.19.0",
  "xstate@5.33.3",
  "yaml@2.9.1",
  "yup@1.7.1",
  "zustand@5.1.0",
  // A later round, chosen by name the same way before any was scanned.
  "classnames@2.5.1",
  "escape-html@1.0.3",
  "esquery@1.7.0",
  "estraverse@5.3.0",
  "form-data@4.0.6",
  "fs-extra@11.4.1",
  "graceful-fs@4.2.12",
  "ioredis@6.1.0",
  "lit@3.3.3",
  "lru-cache@11.5.4",
  "mime@4.1.2",
  "ms@2.1.3",
  "node-fetch@2.7.0",
  "source-map@0.6.1",
  "vue@3.5.46",
  // A third round, after this benchmark's whole-file rules were last changed.
  "accepts@2.0.0",
  "http-errors@2.0.1",
  "iconv-lite@0.7.3",
  "ini@6.0.0",
  "js-cookie@3.0.8",
  "mime-types@3.0.2",
  "negotiator@1.1.0",
  "path-to-regexp@6.3.0",
  "punycode@2.3.1",
  "whatwg-url@16.0.1",
  // A fourth round, chosen by name after the rules the third round led to, before any was scanned.
  "camelcase@9.0.0",
  "clsx@2.1.1",
  "color-convert@3.1.3",
  "content-disposition@2.0.1",
  "cross-spawn@7.1.2",
  "deepmerge@4.3.1",
  "depd@2.0.0",
  "dequal@2.0.3",
  "etag@1.8.1",
  "fast-deep-equal@3.1.3",
  "morgan@1.12.1",
  "raw-body@3.0.2",
  "send@1.2.1",
  "signal-exit@4.1.0",
  "type-is@2.1.0",
  // A fifth round, chosen by name after the sixth sample was in, before any was scanned.
  "base64-js@1.5.1",
  "buffer@6.0.3",
  "events@3.3.0",
  "ieee754@1.2.1",
  "json5@2.2.3",
  "object-inspect@1.14.0",
  "picocolors@1.1.1",
  "readable-stream@4.8.0",
  "string_decoder@1.4.0",
  "util@0.12.5",
  "yargs-parser@22.0.0",
  "yocto-queue@1.2.2",
  // A sixth round, after the rules the seventh sample's benchmark run led to.
  "anymatch@3.1.3",
  "braces@3.0.3",
  "fill-range@7.1.1",
  "is-glob@4.0.3",
  "isexe@4.0.0",
  "mkdirp@3.0.1",
  "rimraf@6.1.4",
  "strip-json-comments@5.0.3",
  "to-regex-range@5.0.1",
  "which@6.0.1",
  // A seventh round, after the eighth sample was in.
  "ansi-regex@6.6.0",
  "destroy@1.2.0",
  "ee-first@1.1.1",
  "on-finished@2.4.2",
  "p-map@7.1.1",
  "p-retry@7.1.1",
  "retry@0.13.1",
  "slash@5.1.0",
  "string-width@8.3.0",
  "wrap-ansi@10.0.2",
  // An eighth round, after the ninth sample was in.
  "arrify@3.0.0",
  "find-up@8.0.0",
  "is-number@7.0.0",
  "kind-of@6.0.3",
  "locate-path@8.0.0",
  "p-locate@7.0.0",
  "path-exists@5.0.0",
  "pify@6.1.0",
  // A ninth round, after the tenth sample's rules.
  "bytes@3.1.2",
  "encodeurl@2.0.3",
  "escape-string-regexp@5.0.0",
  "fresh@2.0.0",
  "ipaddr.js@2.5.0",
  "merge-descriptors@2.0.0",
  "parseurl@1.3.3",
  "proxy-addr@2.0.8",
  "range-parser@1.3.0",
  "statuses@2.0.2",
  "vary@1.1.2",
  // A tenth round, TypeScript libraries with their compiled builds (rollup's UMD, tsc's and
  // Babel's lowered syntax), scanned before the normalizer read compiled code as written.
  "jotai@2.20.3",
  "nanostores@1.5.5",
  "neverthrow@8.2.0",
  "@preact/signals-core@1.14.5",
  "remeda@2.62.2",
  "superstruct@2.0.2",
  "@tanstack/query-core@5.108.4",
  "@trpc/server@11.25.2",
  "ts-pattern@5.9.2",
  "valibot@1.5.0",
  // An eleventh round, TypeScript libraries and their builds, after normalizer 15 (luxon, in
  // this round's pick, left out: it is indexed).
  "class-transformer@0.5.1",
  "class-validator@0.15.1",
  "dexie@4.4.7",
  "fp-ts@2.16.11",
  "inversify@8.2.3",
  "io-ts@2.2.22",
  "kysely@0.28.19",
  "redux-saga@1.5.1",
  "swr@2.5.1",
  // A twelfth round, chosen by name after the recurring-shape rule and before any was scanned.
  "jsonc-parser@3.3.1",
  "diff@9.0.0",
  "he@1.2.0",
  "entities@9.0.0",
  "pako@3.0.3",
  "localforage@1.10.0",
  "superjson@2.2.7",
  "papaparse@5.7.1",
  "fuse.js@7.5.0",
  "sortablejs@1.15.7",
  "tinycolor2@1.6.0",
  "decimal.js@10.6.0",
  // A thirteenth round, chosen by name after 73c4d23 and before any was scanned.
  "idb@8.0.4",
  "rfdc@1.4.1",
  "klona@2.0.6",
  "colorette@2.0.20",
  "qrcode-generator@2.0.4",
  "chroma-js@3.3.0",
  "numeral@2.0.6",
  "big.js@7.0.1",
  "bignumber.js@11.1.5",
  "hammerjs@2.0.8",
  "nprogress@0.2.0",
  "mustache@4.2.0",
  // A fourteenth round, chosen by name after f27f390 and before any was scanned.
  "prop-types@15.8.1",
  "object-assign@4.1.1",
  "inherits@2.0.4",
  "url-parse@1.5.10",
  "lz-string@1.5.0",
  "crypto-js@4.2.0",
  "store2@2.14.4",
  "xss@1.0.17",
  "sanitize-html@2.18.1",
  "deep-equal@2.2.3",
  "clone@2.1.2",
  "toml@5.0.1",
  // A fifteenth round, chosen by name after 09f0087 and before any was scanned.
  "emittery@2.2.0",
  "p-queue@10.0.0",
  "ofetch@1.5.1",
  "destr@2.0.5",
  "defu@6.1.7",
  "ufo@1.6.4",
  "hookable@6.1.2",
  "pathe@2.0.3",
  "scule@1.3.0",
  "ohash@2.0.12",
  "tiny-invariant@1.3.3",
  "@sindresorhus/is@8.1.0",
  // A sixteenth round, chosen by name after 09f0087 and before any was scanned: reimplementations
  // of indexed libraries (ramda's, lodash's, immer's, esprima's, axios's, express's kind).
  "rambda@11.3.0",
  "es-toolkit@1.53.2",
  "radash@12.1.1",
  "neo-async@2.6.2",
  "meriyah@7.4.2",
  "redaxios@0.5.1",
  "polka@0.5.2",
  "snarkdown@2.0.0",
  "query-string@10.0.0",
  "mutative@2.0.0",
  "valtio@2.3.2",
  "compare-versions@6.1.1",
  // A seventeenth round, chosen by name after 09f0087 and before any was scanned: view libraries
  // of the kind the index holds (react's, preact's, jquery's).
  "htm@3.1.1",
  "hyperapp@2.0.22",
  "mithril@2.3.8",
  "alpinejs@3.17.5",
  "petite-vue@0.4.1",
  "solid-js@2.0.3",
  "zepto@1.2.0",
  "cash-dom@8.1.5",
  "umbrellajs@3.3.3",
  "riot@10.1.6",
  "inferno@10.0.0",
  "nanohtml@1.10.0",
  // An eighteenth round, chosen by name after a304046 and before any was scanned: stream and state
  // libraries of rxjs's and immer's kind, TypeScript sources among them.
  "redux-observable@2.0.0",
  "ix@7.0.0",
  "xstream@11.14.0",
  "@most/core@1.6.1",
  "baconjs@3.0.23",
  "kefir@3.8.8",
  "zen-observable@0.10.0",
  "observable-fns@0.6.1",
  "mobx-state-tree@9.0.0",
  "mobx-react-lite@5.1.0",
  "easy-peasy@6.1.1",
  "use-immer@0.11.0",
  // A nineteenth round, chosen by name after 363a76e and before any was scanned: typed validators,
  // result types and command-line parsers of zod's and commander's kind, TypeScript sources and
  // builds among them.
  "myzod@1.12.1",
  "runtypes@7.0.5",
  "@sinclair/typebox@0.34.52",
  "ow@3.1.1",
  "purify-ts@2.1.4",
  "true-myth@9.4.0",
  "oxide.ts@1.1.0",
  "cac@7.1.1",
  "clipanion@3.2.1",
  "citty@0.2.2",
  "nanoevents@9.1.0",
  "just-diff@6.0.2",
  // A twentieth round, chosen by name after 062b2c6 and before any was scanned: small utilities of
  // lodash's, qs's, minimatch's and yargs's kind (deep get and set, stable stringify, flatten, query
  // strings, cookies, glob parents, argument parsers) and an HTTP framework.
  "dlv@1.1.3",
  "dset@3.1.4",
  "object-hash@3.0.0",
  "fast-json-stable-stringify@2.1.0",
  "flat@6.0.1",
  "dot-prop@10.2.0",
  "glob-parent@6.0.2",
  "fast-querystring@1.1.2",
  "cookie-es@3.1.1",
  "h3@2.0.8",
  "mri@1.2.0",
  "arg@5.0.2",
  // A twenty-first round, chosen by name after 3e07a2c and before any was scanned: TypeScript
  // libraries beside graphql, ajv and redux (GraphQL clients and typings, JSON Schema validators
  // and types, selectors, typed events), their .d.ts files among what is scanned.
  "graphql-tag@2.12.7",
  "@graphql-typed-document-node/core@3.2.0",
  "graphql-request@7.4.0",
  "@urql/core@6.0.3",
  "dataloader@2.2.3",
  "jsonschema@1.5.0",
  "z-schema@6.0.2",
  "@cfworker/json-schema@4.1.6",
  "reselect@5.3.0",
  "json-schema-to-ts@3.1.1",
  "typed-emitter@2.1.0",
  "immutable-tuple@0.4.10",
  // A twenty-second round, chosen by name after a984de5 and before any was scanned: web frameworks
  // and middleware of express's and koa's kind, express's own router and its relatives among them.
  "connect@3.7.0",
  "router@2.3.0",
  "finalhandler@2.1.1",
  "serve-static@2.2.1",
  "compression@1.8.2",
  "multer@2.5.0",
  "busboy@1.6.0",
  "formidable@3.5.4",
  "content-type@2.1.0",
  "@koa/router@15.7.0",
  "koa-body@8.0.1",
  "@tinyhttp/app@3.0.11",
  // A twenty-third round, chosen by name after 7658d5c and before any was scanned: template engines,
  // Markdown converters and date and duration formatters of handlebars', marked's and moment's kind.
  "timeago.js@4.0.2",
  "pretty-ms@9.3.1",
  "humanize-duration@3.35.1",
  "remarkable@2.0.1",
  "showdown@2.1.0",
  "ejs@7.0.2",
  "eta@4.6.0",
  "nunjucks@3.2.4",
  "liquidjs@10.31.0",
  "hogan.js@3.0.2",
  "fecha@4.2.3",
  "spacetime@7.15.0",
  // A twenty-fourth round, chosen by name after 721ddc8 and before any was scanned: JavaScript
  // parsers, syntax tree walkers and code generators beside acorn and esprima.
  "espree@11.2.0",
  "acorn-walk@8.3.5",
  "acorn-loose@8.5.2",
  "escodegen@2.1.0",
  "astring@1.9.0",
  "recast@0.24.0",
  "magic-string@1.4.5",
  "eslint-visitor-keys@5.0.1",
  "esutils@2.0.3",
  "ast-types@0.16.3",
  "estree-walker@3.0.3",
  "eslint-scope@9.1.2",
  // A twenty-fifth round, chosen by name after 192ec30 and before any was scanned: HTTP clients,
  // fetch polyfills and their helpers beside axios.
  "cross-fetch@4.1.0",
  "whatwg-fetch@3.6.20",
  "isomorphic-fetch@3.0.0",
  "unfetch@5.0.0",
  "wretch@3.0.9",
  "needle@3.5.0",
  "phin@4.0.0",
  "bent@7.3.12",
  "axios-retry@4.5.0",
  "follow-redirects@1.16.3",
  "proxy-from-env@2.1.0",
  "https-proxy-agent@9.1.0",
  // A twenty-sixth round, chosen by name after 4109f74 and before any was scanned: terminal output
  // (spinners, tables, boxes, prompts, ANSI escapes) beside chalk and ora.
  "sade@1.8.1",
  "enquirer@2.4.1",
  "cli-spinners@3.4.0",
  "cli-table3@0.6.5",
  "boxen@8.0.1",
  "figures@6.1.0",
  "log-symbols@7.0.1",
  "cli-cursor@5.0.0",
  "ansi-styles@6.2.3",
  "ansi-escapes@7.3.0",
  "slice-ansi@8.0.0",
  "log-update@7.2.0",
  // A twenty-seventh round, chosen by name after 4109f74 and before any was scanned: promise
  // helpers and emitters beside p-limit and p-map (p-limit itself left out: an earlier round has it).
  "p-timeout@7.0.2",
  "p-defer@4.0.1",
  "p-event@7.1.1",
  "tiny-emitter@2.1.0",
  "delay@7.0.0",
  "promise@8.3.0",
  "es6-promise@4.2.8",
  "p-throttle@8.1.1",
  "p-debounce@5.1.1",
  "p-all@5.0.1",
  "p-settle@5.2.1",
  "p-props@6.1.0",
  // A twenty-eighth round, chosen by name after a2cd140 and before any was scanned: parsers and
  // writers of data formats (TOML, CSV, XML, dotenv, properties) beside js-yaml and yaml.
  "@iarna/toml@3.0.0",
  "csv-parse@7.0.3",
  "xml2js@0.6.2",
  "fast-xml-parser@5.12.1",
  "smol-toml@1.9.1",
  "dotenv-expand@1000.0.0",
  "properties-reader@3.0.1",
  "hjson@3.2.2",
  "strip-bom@5.0.0",
  "csv-stringify@6.9.0",
  "xmlbuilder2@4.0.3",
  "sax@1.6.1",
  // A twenty-ninth round, chosen by name after 85340c8 and before any was scanned: string utilities
  // (case conversion, slugs, plurals, indentation, wrapping, similarity).
  "decamelize@6.0.1",
  "slugify@1.6.9",
  "pluralize@8.0.0",
  "change-case@5.4.4",
  "title-case@4.3.2",
  "dedent@1.7.2",
  "indent-string@5.0.0",
  "strip-indent@4.1.1",
  "word-wrap@1.2.5",
  "wordwrap@1.0.0",
  "string-similarity@4.0.4",
  "leven@4.1.0",
  // A thirtieth round, chosen by name after 2b50a5f and before any was scanned: colour parsers,
  // converters and generators beside tinycolor2 and chroma-js.
  "color@5.0.3",
  "color-string@2.1.4",
  "colord@2.14.1",
  "culori@4.0.2",
  "hex-rgb@5.0.0",
  "rgb-hex@4.1.0",
  "polished@4.3.1",
  "color-parse@2.1.2",
  "randomcolor@0.6.2",
  "color-hash@2.0.2",
  "@ctrl/tinycolor@4.3.0",
  "color-rgba@3.1.1",
  // A thirty-first round, chosen by name after 23c8e63 and before any was scanned: markdown, HTML
  // and link utilities beside markdown-it, sanitize-html and he.
  "marked@18.3.0",
  "turndown@7.2.5",
  "dompurify@3.5.0",
  "html-entities@2.6.0",
  "striptags@3.2.0",
  "markdown-it-anchor@10.0.0",
  "micromark@4.0.3",
  "mdast-util-to-string@4.0.0",
  "html-escaper@3.0.3",
  "linkifyjs@4.4.0",
  "autolinker@4.1.5",
  "remarkable@2.0.1",
  // A thirty-second round, chosen by name after 68499dc and before any was scanned: geometry,
  // statistics, matrix, spatial-index and data-structure libraries beside d3-array.
  "gl-matrix@3.4.4",
  "simple-statistics@7.12.1",
  "ml-matrix@6.15.1",
  "rbush@4.0.1",
  "kdbush@4.1.0",
  "flatbush@4.7.0",
  "heap-js@2.7.2",
  "mnemonist@0.40.8",
  "fraction.js@5.3.4",
  "complex.js@2.4.3",
  "seedrandom@3.0.5",
  "earcut@3.2.4",
  // A thirty-third round, chosen by name after cf6d6d3 and before any was scanned: date parsing,
  // formatting, recurrence, cron and time-zone libraries beside moment, date-fns and luxon.
  "chrono-node@2.10.3",
  "tinydate@1.3.0",
  "@js-joda/core@6.3.2",
  "rrule@2.8.1",
  "cron-parser@5.10.7",
  "parse-duration@2.1.9",
  "dateformat@5.0.4",
  "moment-timezone@0.6.6",
  "@internationalized/date@3.12.4",
  "croner@11.0.1",
  "date-and-time@4.5.2",
  "timezone-support@3.1.0",
];

/**
 * The Google Cloud SDK's Python on this machine (Google's own code, its command surfaces and the
 * libraries it vendors under third_party), a sample of it drawn at random with a seed chosen before
 * any of it was scanned: a large real tree of original and vendored code, not indexed here. The
 * CPython it bundles (platform/bundledpythonunix/lib/python3.12, its site-packages aside) is left
 * out: it is the indexed standard library itself at another version, not held-out code. The draw's
 * second thousand (the same order continued) was added after cf6d6d3, whose rule the first thousand
 * led to, before any of it was scanned: held out from that rule.
 */
const GCLOUD_SDK = "/usr/lib/google-cloud-sdk";
/**
 * The JavaScript of the Rust toolchain's documentation on this machine (rustdoc's search index
 * shards, trait implementor lists and source file lists, generated; mdBook's own scripts), a sample
 * drawn at random with a seed chosen before any of it was scanned, the minified files left out as
 * `scan` leaves them: generated data, which no indexed file is a copy of.
 */
const RUST_DOCS = join(homedir(), ".rustup", "toolchains", "nightly-x86_64-unknown-linux-gnu", "share", "doc", "rust", "html");
const RUST_DOCS_SAMPLE = 500;
/**
 * The Python packages and JavaScript libraries Debian 12 installs system-wide on this machine
 * (python3-apt, -cryptography, -dbus, -gi, -pip, -setuptools, -wheel, -pygments, …; libjs-jquery,
 * -underscore, Sphinx's scripts), every file: older releases of tools that carry distutils' code on
 * (pip, setuptools, wheel) beside code no indexed file holds. The Python files were scanned once
 * before, against the default index, as a probe for the enumeration-counter rule (QUALITY.md's
 * history); a set of the benchmark since 2026-12-05.
 */
const DEBIAN_PYTHON = "/usr/lib/python3/dist-packages";
/**
 * The dependencies the machine's npm bundles (118 packages: undici, minimatch, semver, tar,
 * cacache, pacote, …), every JavaScript file `scan` reads; scanned once with the CLI on 2026-12-05
 * before it became a set, and taken whole.
 */
const NPM_BUNDLED = "/usr/lib/node_modules/npm/node_modules";
/**
 * Packages of the machine's Python 3.11 site-packages no other set scans (the mirror's sets hold
 * other releases of IPython and pytest, left out here), every file; scanned once with the CLI on
 * 2026-12-05 before it became a set.
 */
const SITE_PACKAGES = "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages";
const SITE_PACKAGE_NAMES = ["moto", "hypothesis", "libcst", "awscli", "cfnlint", "samtranslator", "sympy", "antlr4", "py_partiql_parser", "aws_xray_sdk"];

/**
 * Every file of `language` under those of `roots` this machine has, as a whole-file set (the
 * minified ones left out as `scan` leaves them); a quick run takes 40.
 */
function everyFileOf(group: string, roots: readonly string[], language: "python" | "javascript"): WholeFile[] {
  const files = roots.filter((root) => existsSync(root)).flatMap((root) => filesOf({ root }, language));
  const accept = language === "javascript" ? (text: string) => !looksMinified(text) : undefined;
  return sampleWholeFiles(group, files, language, QUICK ? 40 : 100_000, new Rng(60), undefined, accept);
}
const DEBIAN_JAVASCRIPT = "/usr/share/javascript";
const GCLOUD_SAMPLE = 2_000;
const BUNDLED_CPYTHON = /\/platform\/bundledpython[^/]*\/lib\/python3\.\d+\/(?!site-packages\/)/;

/**
 * More packages of the mirror, scanned whole the same way: chosen by name (every file with Python
 * sources) before any of them was scanned, in rounds: p to z, then n and o, then a to c, then d to f, then g to m, then p to v again, then a to c again, then d to f again, then j to m, then c to r, then c to p, then j to u, then a to f, then g to p, then r to t, then t to w, then a to d (platform wheels among them: their Python sources), then e to h, then i to j, then k to m, then n to p, then p again (pandera … python_dotenv), then r to s again, then s to z again (wheels over 5 MB left out for the benchmark's time: streamlit, sympy, tensorboard, thermo, transformers), then a to f a third time (bokeh, botocore, chemicals, dash, django left out, over 5 MB), then g to h (galois … hyperframe, the mirror's pure wheels not yet scanned), then i to l (identify … langchain_huggingface), then m to p (matpowercaseframes … pytest_timeout; pip, a held-out set of its own, and openai's second version left out), then p to s (pytest_xdist … soundfile), then s to z (spacy_legacy … yt_dlp, the mirror's last pure wheels not yet scanned), then a second mirror's (ase … pycountry), then its larger ones (matplotlib … cantera), then its others (pyscf … botocore).
 */
const MORE_PYTHON = [
  "wtforms-3.2.2-py3-none-any.whl",
  "xmlschema-4.3.2-py3-none-any.whl",
  "xlsxwriter-3.2.9-py3-none-any.whl",
  "wsproto-1.3.2-py3-none-any.whl",
  "zipp-4.1.0-py3-none-any.whl",
  "yfinance-1.7.0-py3-none-any.whl",
  "webencodings-0.6.1-py3-none-any.whl",
  "websocket_client-1.9.2-py3-none-any.whl",
  "wheel-0.48.0-py3-none-any.whl",
  "xlrd-2.0.2-py2.py3-none-any.whl",
  "xyzservices-2026.9.1-py3-none-any.whl",
  "pyparsing-3.3.3-py3-none-any.whl",
  "pytest-9.1.1-py3-none-any.whl",
  "python_dateutil-2.9.0.post0-py2.py3-none-any.whl",
  "pyflakes-4.0.0-py2.py3-none-any.whl",
  "pylint-4.1.1-py3-none-any.whl",
  "rdflib-7.6.0-py3-none-any.whl",
  "redis-8.1.0-py3-none-any.whl",
  "ruamel_yaml-0.19.1-py3-none-any.whl",
  "referencing-0.37.0-py3-none-any.whl",
  "pymysql-1.2.3-py3-none-any.whl",
  "rsa-4.9.1-py3-none-any.whl",
  "qrcode-8.2-py3-none-any.whl",
  "pypdf-6.19.0-py3-none-any.whl",
  "pyserial-3.5-py2.py3-none-any.whl",
  "pydot-4.0.1-py3-none-any.whl",
  "pymodbus-3.15.0-py3-none-any.whl",
  "natsort-8.4.0-py3-none-any.whl",
  "nbformat-5.11.1-py3-none-any.whl",
  "networkx-3.6.1-py3-none-any.whl",
  "nltk-3.10.3-py3-none-any.whl",
  "nodeenv-1.11.0-py2.py3-none-any.whl",
  "oauthlib-4.0.0-py3-none-any.whl",
  "olefile-0.47-py2.py3-none-any.whl",
  "omegaconf-2.3.1-py3-none-any.whl",
  "openpyxl-3.1.5-py2.py3-none-any.whl",
  "optuna-5.0.0-py3-none-any.whl",
  "ordered_set-4.1.0-py3-none-any.whl",
  "outcome-1.3.0.post0-py2.py3-none-any.whl",
  "overrides-7.7.0-py3-none-any.whl",
  "packaging-26.3-py3-none-any.whl",
  "paho_mqtt-2.1.0-py3-none-any.whl",
  "oauth2client-4.1.3-py2.py3-none-any.whl",
  "nox-2026.8.17-py3-none-any.whl",
  // The third round: a to c.
  "aiofiles-25.1.0-py3-none-any.whl",
  "alembic-1.20.0-py3-none-any.whl",
  "amqp-5.4.0-py3-none-any.whl",
  "anyio-4.15.1-py3-none-any.whl",
  "apscheduler-3.11.3-py3-none-any.whl",
  "argcomplete-3.7.2-py3-none-any.whl",
  "arrow-1.4.0-py3-none-any.whl",
  "asgiref-3.12.1-py3-none-any.whl",
  "astroid-4.3.3-py3-none-any.whl",
  "authlib-1.8.0-py2.py3-none-any.whl",
  "babel-2.18.0-py3-none-any.whl",
  "backoff-2.2.1-py3-none-any.whl",
  "beautifulsoup4-4.15.0-py3-none-any.whl",
  "bleach-6.4.0-py3-none-any.whl",
  "boltons-26.2.0-py3-none-any.whl",
  "cachetools-7.2.0-py3-none-any.whl",
  "cattrs-26.2.1-py3-none-any.whl",
  "celery-5.6.3-py3-none-any.whl",
  // The fourth round, d to f, after this benchmark's whole-file rules were last changed.
  "decorator-5.3.1-py3-none-any.whl",
  "deepdiff-9.1.0-py3-none-any.whl",
  "defusedxml-0.7.1-py2.py3-none-any.whl",
  "dill-0.4.1-py3-none-any.whl",
  "diskcache-5.6.3-py3-none-any.whl",
  "distlib-0.4.3-py2.py3-none-any.whl",
  "distro-1.9.0-py3-none-any.whl",
  "docutils-0.23-py3-none-any.whl",
  "ecdsa-0.19.2-py2.py3-none-any.whl",
  "exceptiongroup-1.3.1-py3-none-any.whl",
  "execnet-2.1.2-py3-none-any.whl",
  "fasteners-0.20-py3-none-any.whl",
  "feedparser-6.0.14-py3-none-any.whl",
  "filelock-4.0.8-py3-none-any.whl",
  "freezegun-1.5.5-py3-none-any.whl",
  "fsspec-2026.9.0-py3-none-any.whl",
  "future-1.0.0-py3-none-any.whl",
  // The fifth round, g to m, after the rules the fourth round led to.
  "gitdb-4.0.12-py3-none-any.whl",
  "graphviz-0.21-py3-none-any.whl",
  "gunicorn-26.2.0-py3-none-any.whl",
  "h11-0.16.0-py3-none-any.whl",
  "hpack-4.2.0-py3-none-any.whl",
  "html5lib-1.1-py2.py3-none-any.whl",
  "httplib2-0.22.0-py3-none-any.whl",
  "humanize-4.16.0-py3-none-any.whl",
  "invoke-3.0.3-py3-none-any.whl",
  "isodate-0.7.2-py3-none-any.whl",
  "jmespath-1.1.0-py3-none-any.whl",
  "jsonpointer-3.1.1-py3-none-any.whl",
  "lark-1.3.1-py3-none-any.whl",
  "mako-1.4.3-py3-none-any.whl",
  "markdown-3.11-py3-none-any.whl",
  "more_itertools-10.8.0-py3-none-any.whl",
  // The sixth round, p to v again (packages pip does not vendor), after the fifth was in.
  "pluggy-1.6.0-py3-none-any.whl",
  "pycparser-3.0-py3-none-any.whl",
  "pyjwt-2.15.1-py3-none-any.whl",
  "pytz-2026.4-py2.py3-none-any.whl",
  "requests_oauthlib-2.0.0-py2.py3-none-any.whl",
  "s3transfer-0.19.2-py3-none-any.whl",
  "smmap-5.0.3-py3-none-any.whl",
  "sniffio-1.3.1-py3-none-any.whl",
  "soupsieve-2.10-py3-none-any.whl",
  "sqlparse-0.6.0-py3-none-any.whl",
  "tabulate-0.10.0-py3-none-any.whl",
  "toml-0.10.2-py2.py3-none-any.whl",
  "tomlkit-0.15.1-py3-none-any.whl",
  "tqdm-4.70.1-py3-none-any.whl",
  "tzlocal-5.4.4-py3-none-any.whl",
  "uvicorn-0.54.0-py3-none-any.whl",
  "vine-5.1.0-py3-none-any.whl",
  // The seventh round, a to c again, after the rules the sixth round's benchmark run led to.
  "aenum-3.1.17-py3-none-any.whl",
  "aiofile-3.12.3-py3-none-any.whl",
  "aiohappyeyeballs-2.7.1-py3-none-any.whl",
  "aiosignal-1.4.0-py3-none-any.whl",
  "aiosqlite-0.22.1-py3-none-any.whl",
  "anytree-2.13.0-py3-none-any.whl",
  "appdirs-1.4.4-py2.py3-none-any.whl",
  "argparse-1.4.0-py2.py3-none-any.whl",
  "asn1crypto-1.5.1-py2.py3-none-any.whl",
  "asteval-1.0.10-py3-none-any.whl",
  "asttokens-3.0.2-py3-none-any.whl",
  "astunparse-1.6.3-py2.py3-none-any.whl",
  "async_lru-2.3.0-py3-none-any.whl",
  "automat-25.4.16-py3-none-any.whl",
  "backports.tarfile-1.2.0-py3-none-any.whl",
  "blinker-1.9.0-py3-none-any.whl",
  "build-1.6.1-py3-none-any.whl",
  "cachelib-0.17.0-py3-none-any.whl",
  "catalogue-2.0.10-py3-none-any.whl",
  "cfgv-3.5.0-py2.py3-none-any.whl",
  // The eighth round, d to f again, after the eighth sample was in.
  "dateparser-1.4.3-py3-none-any.whl",
  "dependency_groups-1.3.2-py3-none-any.whl",
  "deprecated-1.3.1-py2.py3-none-any.whl",
  "deprecation-2.1.0-py2.py3-none-any.whl",
  "dj_database_url-3.1.2-py3-none-any.whl",
  "dnspython-2.8.0-py3-none-any.whl",
  "docstring_parser-0.18.0-py3-none-any.whl",
  "editables-0.6-py3-none-any.whl",
  "email_validator-2.3.0-py3-none-any.whl",
  "environs-15.2.0-py3-none-any.whl",
  "et_xmlfile-2.0.0-py3-none-any.whl",
  "executing-2.2.1-py2.py3-none-any.whl",
  "fastjsonschema-2.22.2-py3-none-any.whl",
  "filetype-1.2.0-py2.py3-none-any.whl",
  "find_libpython-0.5.1-py3-none-any.whl",
  "flake8-7.4.1-py2.py3-none-any.whl",
  "flask_cors-6.0.0-py3-none-any.whl",
  "flit_core-4.1.0-py3-none-any.whl",
  "fqdn-1.6.0-py3-none-any.whl",
  // The ninth round, j to m, after the ninth sample was in.
  "jaraco.classes-3.4.0-py3-none-any.whl",
  "jaraco.text-4.0.0-py3-none-any.whl",
  "jaraco_context-6.1.2-py3-none-any.whl",
  "jaraco_functools-4.6.0-py3-none-any.whl",
  "jeepney-0.9.0-py3-none-any.whl",
  "json5-0.15.0-py3-none-any.whl",
  "jsonpatch-1.33-py2.py3-none-any.whl",
  "jsonpath_ng-1.8.0-py3-none-any.whl",
  "jsonpickle-4.1.2-py3-none-any.whl",
  "jsonref-1.1.0-py3-none-any.whl",
  "jwcrypto-1.6.1-py3-none-any.whl",
  "locket-1.0.0-py2.py3-none-any.whl",
  "loguru-0.7.3-py3-none-any.whl",
  "mccabe-0.7.0-py2.py3-none-any.whl",
  "mdurl-0.1.2-py3-none-any.whl",
  "mergedeep-1.3.4-py3-none-any.whl",
  "mido-1.3.3-py3-none-any.whl",
  // The tenth round, packages not yet scanned from c to r, after the tenth sample's rules.
  "configargparse-1.8.0-py3-none-any.whl",
  "croniter-6.2.4-py3-none-any.whl",
  "humanfriendly-10.0-py2.py3-none-any.whl",
  "isoduration-20.11.0-py3-none-any.whl",
  "marshmallow-3.26.2-py3-none-any.whl",
  "multipledispatch-1.0.0-py3-none-any.whl",
  "pathspec-1.1.1-py3-none-any.whl",
  "ply-3.11-py2.py3-none-any.whl",
  "portalocker-4.4.0-py3-none-any.whl",
  "prettytable-3.18.0-py3-none-any.whl",
  "progressbar2-4.6.0-py3-none-any.whl",
  "pyasn1-0.6.4-py3-none-any.whl",
  "pyperclip-1.11.0-py3-none-any.whl",
  "python_slugify-9.0.0-py3-none-any.whl",
  "python_utils-4.0.1-py3-none-any.whl",
  "retrying-1.4.2-py3-none-any.whl",
  "rfc3986-2.0.0-py2.py3-none-any.whl",
  // The eleventh round, packages not yet scanned from c to p, after normalizer 15.
  "cachecontrol-0.14.4-py3-none-any.whl",
  "click_plugins-1.1.1.2-py2.py3-none-any.whl",
  "cligj-0.7.2-py3-none-any.whl",
  "colorlog-6.12.0-py3-none-any.whl",
  "constantly-23.10.4-py3-none-any.whl",
  "cycler-0.12.1-py3-none-any.whl",
  "docker-7.2.0-py3-none-any.whl",
  "Flask_Login-0.6.3-py3-none-any.whl",
  "Flask_RESTful-0.3.10-py2.py3-none-any.whl",
  "frozendict-2.4.7-py3-none-any.whl",
  "geojson-3.3.0-py3-none-any.whl",
  "hyperlink-21.0.0-py2.py3-none-any.whl",
  "iniconfig-2.3.0-py3-none-any.whl",
  "itsdangerous-2.2.0-py3-none-any.whl",
  "jsonschema-4.25.1-py3-none-any.whl",
  "markdown_it_py-4.2.0-py3-none-any.whl",
  "passlib-1.7.4-py2.py3-none-any.whl",
  "peewee-4.5.1-py3-none-any.whl",
  "pyshp-3.1.6-py3-none-any.whl",
  "joblib-1.6.0-py3-none-any.whl",
  "keyring-25.7.0-py3-none-any.whl",
  "kombu-5.6.2-py3-none-any.whl",
  "mistune-3.3.4-py3-none-any.whl",
  "mutagen-1.48.1-py3-none-any.whl",
  "paramiko-5.0.0-py3-none-any.whl",
  "parso-0.8.7-py2.py3-none-any.whl",
  "pexpect-4.9.0-py2.py3-none-any.whl",
  "pg8000-1.31.5-py3-none-any.whl",
  "prometheus_client-0.26.0-py3-none-any.whl",
  "pycodestyle-2.15.0-py2.py3-none-any.whl",
  "pydub-0.25.1-py2.py3-none-any.whl",
  "pymarc-5.4.0-py3-none-any.whl",
  "semantic_version-2.10.0-py2.py3-none-any.whl",
  "sortedcontainers-2.4.0-py2.py3-none-any.whl",
  "structlog-26.1.0-py3-none-any.whl",
  "tblib-3.2.2-py3-none-any.whl",
  "tenacity-9.1.4-py3-none-any.whl",
  "toolz-1.1.0-py3-none-any.whl",
  "uncertainties-3.2.3-py3-none-any.whl",
  "Flask_Bcrypt-1.0.1-py3-none-any.whl",
  "PySocks-1.7.1-py3-none-any.whl",
  "StrEnum-0.4.15-py3-none-any.whl",
  "aiomqtt-2.5.1-py3-none-any.whl",
  "aiomysql-0.3.2-py3-none-any.whl",
  "alabaster-1.0.0-py3-none-any.whl",
  "annotated_types-0.8.0-py3-none-any.whl",
  "audioread-3.1.0-py3-none-any.whl",
  "autograd-1.9.1-py3-none-any.whl",
  "beartype-0.22.9-py3-none-any.whl",
  "billiard-4.3.0-py3-none-any.whl",
  "blobfile-3.3.0-py3-none-any.whl",
  "calver-2025.10.20-py3-none-any.whl",
  "cloudpickle-3.1.2-py3-none-any.whl",
  "colorama-0.4.6-py2.py3-none-any.whl",
  "colour-0.1.5-py2.py3-none-any.whl",
  "comm-0.2.3-py3-none-any.whl",
  "donfig-0.8.1.post1-py3-none-any.whl",
  "emoji-2.16.0-py3-none-any.whl",
  "ftfy-6.3.1-py3-none-any.whl",
  "gast-0.7.0-py3-none-any.whl",
  "gitpython-3.2.0-py3-none-any.whl",
  "gspread-6.1.4-py3-none-any.whl",
  "h2-4.4.1-py3-none-any.whl",
  "patsy-1.0.3-py2.py3-none-any.whl",
  "pathos-0.3.5-py3-none-any.whl",
  "pint-0.25.3-py3-none-any.whl",
  "pox-0.3.7-py3-none-any.whl",
  "ppft-1.7.8-py3-none-any.whl",
  "prompt_toolkit-3.0.53-py3-none-any.whl",
  "psycopg-3.3.6-py3-none-any.whl",
  "ptyprocess-0.7.0-py2.py3-none-any.whl",
  "pure_eval-0.2.4-py3-none-any.whl",
  "py-1.11.0-py2.py3-none-any.whl",
  "py_cpuinfo-9.0.0-py3-none-any.whl",
  "pyaml-26.7.0-py3-none-any.whl",
  "pyasn1_modules-0.4.2-py3-none-any.whl",
  "pyee-13.0.1-py3-none-any.whl",
  "pyopenssl-26.4.0-py3-none-any.whl",
  "pyproject_hooks-1.3.3-py3-none-any.whl",
  "requests_toolbelt-1.0.0-py2.py3-none-any.whl",
  "responses-0.26.3-py3-none-any.whl",
  "rfc3339_validator-0.1.4-py2.py3-none-any.whl",
  "roman_numerals-4.1.0-py3-none-any.whl",
  "scramp-1.4.17-py3-none-any.whl",
  "send2trash-2.1.0-py3-none-any.whl",
  "shellingham-1.5.4-py2.py3-none-any.whl",
  "simpleeval-1.0.8-py3-none-any.whl",
  "six-1.17.0-py2.py3-none-any.whl",
  "smart_open-8.0.2-py3-none-any.whl",
  "stack_data-0.6.3-py3-none-any.whl",
  "starlette-1.7.0-py3-none-any.whl",
  "stevedore-5.9.1-py3-none-any.whl",
  "termcolor-3.3.0-py3-none-any.whl",
  "texttable-1.7.0-py2.py3-none-any.whl",
  "threadpoolctl-3.7.0-py3-none-any.whl",
  "tinycss2-1.5.1-py3-none-any.whl",
  "traitlets-5.16.1-py3-none-any.whl",
  "trio-0.34.0-py3-none-any.whl",
  "typeguard-4.6.0-py3-none-any.whl",
  "typing_extensions-4.16.0-py3-none-any.whl",
  "typing_inspect-0.9.0-py3-none-any.whl",
  "typing_inspection-0.4.4-py3-none-any.whl",
  "tomli_w-1.2.0-py3-none-any.whl",
  "tld-0.13.2-py2.py3-none-any.whl",
  "text_unidecode-1.3-py2.py3-none-any.whl",
  "stamina-26.1.0-py3-none-any.whl",
  "sse_starlette-3.5.0-py3-none-any.whl",
  "uncalled_for-0.4.0-py3-none-any.whl",
  "universal_pathlib-0.3.10-py3-none-any.whl",
  "uri_template-1.3.0-py3-none-any.whl",
  "uritemplate-4.2.0-py3-none-any.whl",
  "urllib3-2.8.0-py3-none-any.whl",
  "validators-0.35.0-py3-none-any.whl",
  "vcs_versioning-2.5.0-py3-none-any.whl",
  "wadler_lindig-0.1.7-py3-none-any.whl",
  "wasabi-1.1.3-py3-none-any.whl",
  "weasel-1.0.0-py3-none-any.whl",
  "webcolors-25.10.0-py3-none-any.whl",
  "trio_websocket-0.12.2-py3-none-any.whl",
  "aiohttp-3.14.3-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl",
  "argon2_cffi_bindings-26.1.0-cp310-abi3-manylinux_2_26_x86_64.manylinux_2_28_x86_64.whl",
  "bitarray-3.11.0-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl",
  "black-26.5.1-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl",
  "cbor2-6.1.4-cp311-cp311-manylinux_2_28_x86_64.whl",
  "cffi-2.1.1-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
  "chardet-7.6.0-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl",
  "charset_normalizer-3.5.2-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl",
  "coverage-7.16.2-cp311-cp311-manylinux1_x86_64.manylinux_2_28_x86_64.manylinux_2_5_x86_64.whl",
  "debugpy-1.8.22-cp311-cp311-manylinux_2_34_x86_64.whl",
  "absl_py-2.5.0-py3-none-any.whl",
  "accelerate-1.15.0-py3-none-any.whl",
  "altair-6.3.0-py3-none-any.whl",
  "annotated_doc-0.0.5-py3-none-any.whl",
  "automata_lib-9.2.0-py3-none-any.whl",
  "bm25s-0.3.11-py3-none-any.whl",
  "cloudpathlib-0.25.0-py3-none-any.whl",
  "cma-4.5.0-py3-none-any.whl",
  "confection-1.3.3-py3-none-any.whl",
  "conllu-6.0.0-py3-none-any.whl",
  "einops-0.8.2-py3-none-any.whl",
  "einx-0.4.3-py3-none-any.whl",
  "emcee-3.1.6-py2.py3-none-any.whl",
  "eth_hash-0.8.0-py3-none-any.whl",
  "eth_typing-6.0.0-py3-none-any.whl",
  "eth_utils-6.0.0-py3-none-any.whl",
  "etils-1.14.0-py3-none-any.whl",
  "fastapi-0.142.2-py3-none-any.whl",
  "flask_jwt_extended-4.7.4-py2.py3-none-any.whl",
  "flask_session-0.8.0-py3-none-any.whl",
  "flask_sqlalchemy-3.1.1-py3-none-any.whl",
  "flask_wtf-1.3.0-py3-none-any.whl",
  "flatbuffers-25.12.19-py2.py3-none-any.whl",
  "flexcache-0.3-py3-none-any.whl",
  "flexparser-0.4-py3-none-any.whl",
  "formulaic-1.2.2-py3-none-any.whl",
  "fpdf2-2.8.3-py2.py3-none-any.whl",
  "google_auth-2.59.1-py3-none-any.whl",
  "griffelib-2.3.0-py3-none-any.whl",
  "h5netcdf-1.8.1-py3-none-any.whl",
  "idna-3.20-py3-none-any.whl",
  "imageio-2.38.0-py3-none-any.whl",
  "imagesize-2.0.1-py3-none-any.whl",
  "immutabledict-4.3.1-py3-none-any.whl",
  "importlib_metadata-9.0.1-py3-none-any.whl",
  "importlib_resources-7.1.0-py3-none-any.whl",
  "incremental-24.11.0-py3-none-any.whl",
  "interface_meta-2.0.1-py3-none-any.whl",
  "ipdb-0.13.13-py3-none-any.whl",
  "ipykernel-7.4.0-py3-none-any.whl",
  "ipython_pygments_lexers-1.1.1-py3-none-any.whl",
  "ipywidgets-8.1.9-py3-none-any.whl",
  "janus-2.0.0-py3-none-any.whl",
  "jaxtyping-0.3.11-py3-none-any.whl",
  "joserfc-1.7.5-py3-none-any.whl",
  "jplephem-2.24-py3-none-any.whl",
  "jsonschema_path-0.5.0-py3-none-any.whl",
  "jsonschema_specifications-2025.9.1-py3-none-any.whl",
  "jupyter_client-8.10.0-py3-none-any.whl",
  "jupyter_core-5.9.1-py3-none-any.whl",
  "kagglehub-1.0.2-py3-none-any.whl",
  "langcodes-3.5.1-py3-none-any.whl",
  "langgraph_checkpoint-4.2.0-py3-none-any.whl",
  "langgraph_sdk-0.4.5-py3-none-any.whl",
  "lazy_loader-0.6-py3-none-any.whl",
  "lightning_utilities-0.15.3-py3-none-any.whl",
  "linopy-0.9.1-py3-none-any.whl",
  "matplotlib_inline-0.2.2-py3-none-any.whl",
  "mcp_types-2.3.0-py3-none-any.whl",
  "mdit_py_plugins-0.6.1-py3-none-any.whl",
  "meshio-5.3.5-py3-none-any.whl",
  "meson-1.12.1-py3-none-any.whl",
  "meson_python-0.22.0-py3-none-any.whl",
  "mir_eval-0.8.2-py3-none-any.whl",
  "ml_collections-1.1.0-py3-none-any.whl",
  "motor-3.7.1-py3-none-any.whl",
  "mpmath-1.4.1-py3-none-any.whl",
  "multiprocess-0.70.19-py310-none-any.whl",
  "multitasking-0.0.13-py3-none-any.whl",
  "mypy_extensions-1.1.0-py3-none-any.whl",
  "namex-0.1.0-py3-none-any.whl",
  "narwhals-2.26.0-py3-none-any.whl",
  "nats_py-2.15.0-py3-none-any.whl",
  "nbclient-0.11.0-py3-none-any.whl",
  "nbconvert-7.17.1-py3-none-any.whl",
  "neo4j-6.3.1-py3-none-any.whl",
  "nest_asyncio-1.6.0-py3-none-any.whl",
  "nest_asyncio2-1.7.3-py3-none-any.whl",
  "notebook_shim-0.2.4-py3-none-any.whl",
  "onnx_ir-1.0.0-py3-none-any.whl",
  "openapi_pydantic-0.5.1-py3-none-any.whl",
  "opentelemetry_api-1.45.0-py3-none-any.whl",
  "opentelemetry_sdk-1.45.0-py3-none-any.whl",
  "opt_einsum-3.4.0-py3-none-any.whl",
  "orderly_set-5.5.0-py3-none-any.whl",
  "pandocfilters-1.5.1-py2.py3-none-any.whl",
  "partd-1.4.2-py3-none-any.whl",
  "pathable-0.6.0-py3-none-any.whl",
  "pathlib_abc-0.5.2-py3-none-any.whl",
  "platformdirs-4.12.2-py3-none-any.whl",
  "pandera-0.33.1-py3-none-any.whl",
  "pdfplumber-0.11.10-py3-none-any.whl",
  "pettingzoo-1.27.0-py3-none-any.whl",
  "poetry_core-2.5.0-py3-none-any.whl",
  "pooch-1.9.0-py3-none-any.whl",
  "postgrest-2.31.0-py3-none-any.whl",
  "pre_commit-4.6.2-py2.py3-none-any.whl",
  "progress-1.6.1-py3-none-any.whl",
  "proto_plus-1.29.0-py3-none-any.whl",
  "py_key_value_aio-0.4.6-py3-none-any.whl",
  "pydantic-2.13.5-py3-none-any.whl",
  "pydantic_settings-2.15.0-py3-none-any.whl",
  "pygithub-2.10.0-py3-none-any.whl",
  "pygments-2.21.0-py3-none-any.whl",
  "pyrate_limiter-4.5.0-py3-none-any.whl",
  "pytest_asyncio-1.4.0-py3-none-any.whl",
  "pytest_benchmark-5.3.0-py3-none-any.whl",
  "pytest_cov-7.1.0-py3-none-any.whl",
  "pytest_mock-3.16.0-py3-none-any.whl",
  "python_dotenv-1.2.4-py3-none-any.whl",
  "rank_bm25-0.2.2-py3-none-any.whl",
  "rdata-1.1.0-py3-none-any.whl",
  "realtime-2.31.0-py3-none-any.whl",
  "reedsolo-1.7.0-py3-none-any.whl",
  "reportlab-5.0.1-py3-none-any.whl",
  "respx-0.23.1-py2.py3-none-any.whl",
  "rfc3986_validator-0.1.1-py2.py3-none-any.whl",
  "rfc3987_syntax-1.1.0-py3-none-any.whl",
  "rich_rst-2.2.0-py3-none-any.whl",
  "sacrebleu-2.6.0-py3-none-any.whl",
  "scapy-2.7.0-py3-none-any.whl",
  "scikit_build_core-1.1.0-py3-none-any.whl",
  "secretstorage-3.5.0-py3-none-any.whl",
  "service_identity-26.1.0-py3-none-any.whl",
  "setuptools_scm-10.3.4-py3-none-any.whl",
  "slicer-0.0.8-py3-none-any.whl",
  "snowballstemmer-3.1.1-py3-none-any.whl",
  "sphinx-9.0.4-py3-none-any.whl",
  "sqlmodel-0.0.47-py3-none-any.whl",
  "storage3-2.31.0-py3-none-any.whl",
  // The twenty-fourth round, s to z again, chosen by name after 721ddc8 and before any was scanned.
  "supabase-2.31.0-py3-none-any.whl",
  "supabase_auth-2.31.0-py3-none-any.whl",
  "supabase_functions-2.31.0-py3-none-any.whl",
  "tensorboard_data_server-0.7.2-py3-none-any.whl",
  "tensorboardx-2.6.5-py3-none-any.whl",
  "terminado-0.18.1-py3-none-any.whl",
  "tifffile-2026.3.3-py3-none-any.whl",
  "timm-1.0.29-py3-none-any.whl",
  "torch_einops_utils-0.1.21-py3-none-any.whl",
  "torch_geometric-2.8.0.post1-py3-none-any.whl",
  "torchdata-0.11.0-py3-none-any.whl",
  "torchmetrics-1.9.0-py3-none-any.whl",
  "tox-4.64.4-py3-none-any.whl",
  "treescope-0.1.10-py3-none-any.whl",
  "trimesh-5.1.0-py3-none-any.whl",
  "trl-1.13.0-py3-none-any.whl",
  "trove_classifiers-2026.9.21.13-py3-none-any.whl",
  "truststore-0.10.4-py3-none-any.whl",
  "twisted-26.4.0-py3-none-any.whl",
  "typer-0.27.2-py3-none-any.whl",
  // The twenty-fifth round, a to f a third time, chosen by name after 192ec30 and before any was scanned.
  "Deprecated-1.2.18-py2.py3-none-any.whl",
  "anthropic-1.13.0-py3-none-any.whl",
  "argon2_cffi-25.1.0-py3-none-any.whl",
  "array_api_compat-1.15.0-py3-none-any.whl",
  "arviz-0.23.4-py3-none-any.whl",
  "astropy_iers_data-0.2026.9.28.0.59.37-py3-none-any.whl",
  "boto3-1.43.107-py3-none-any.whl",
  "certifi-2026.7.22-py3-none-any.whl",
  "cmeel-0.61.0-py3-none-any.whl",
  "cocotb_bus-0.3.0-py3-none-any.whl",
  "cocotbext_axi-0.1.28-py3-none-any.whl",
  "configparser-7.2.0-py3-none-any.whl",
  "control-0.10.2-py3-none-any.whl",
  "cyclopts-5.1.0-py3-none-any.whl",
  "dask-2026.8.0-py3-none-any.whl",
  "datasets-5.0.1-py3-none-any.whl",
  "elasticsearch-9.5.1-py3-none-any.whl",
  "faker-40.40.0-py3-none-any.whl",
  "farama_notifications-0.0.6-py3-none-any.whl",
  "fastmcp-4.0.10-py3-none-any.whl",
  // The twenty-sixth round, g to h, chosen by name after 4109f74 and before any was scanned.
  "galois-0.4.11-py3-none-any.whl",
  "geopandas-1.2.0-py3-none-any.whl",
  "gguf-0.19.0-py3-none-any.whl",
  "google_api_core-2.40.0-py3-none-any.whl",
  "google_auth_httplib2-0.4.3-py3-none-any.whl",
  "google_auth_oauthlib-1.5.0-py3-none-any.whl",
  "google_genai-2.25.0-py3-none-any.whl",
  "google_pasta-0.2.0-py3-none-any.whl",
  "googleapis_common_protos-1.75.5-py3-none-any.whl",
  "graphql_core-3.2.13-py3-none-any.whl",
  "groq-1.7.0-py3-none-any.whl",
  "gymnasium-1.3.0-py3-none-any.whl",
  "harfile-0.3.0-py3-none-any.whl",
  "hatch_fancy_pypi_readme-25.1.0-py3-none-any.whl",
  "hatch_vcs-0.5.0-py3-none-any.whl",
  "hatchling-1.32.4-py3-none-any.whl",
  "holidays-0.105-py3-none-any.whl",
  "httpcore-1.0.9-py3-none-any.whl",
  "httpx_sse-0.4.3-py3-none-any.whl",
  "hyperframe-6.1.0-py3-none-any.whl",
  // The twenty-seventh round, i to l, chosen by name after 4109f74 and before any was scanned.
  "identify-2.6.20-py2.py3-none-any.whl",
  "ipython-9.17.1-py3-none-any.whl",
  "jax-0.10.2-py3-none-any.whl",
  "jedi-0.20.0-py2.py3-none-any.whl",
  "jupyter-1.1.1-py2.py3-none-any.whl",
  "jupyter_builder-1.2.3-py3-none-any.whl",
  "jupyter_console-6.6.3-py3-none-any.whl",
  "jupyter_events-0.12.1-py3-none-any.whl",
  "jupyter_lsp-2.3.1-py3-none-any.whl",
  "jupyter_server-2.21.1-py3-none-any.whl",
  "jupyter_server_terminals-0.5.4-py3-none-any.whl",
  "jupyterlab_pygments-0.3.0-py3-none-any.whl",
  "jupyterlab_server-2.28.1-py3-none-any.whl",
  "jupyterlab_widgets-3.0.17-py3-none-any.whl",
  "keras-3.15.1-py3-none-any.whl",
  "langchain-1.4.2-py3-none-any.whl",
  "langchain_community-0.4.2-py3-none-any.whl",
  "langchain_core-1.6.5-py3-none-any.whl",
  "langchain_google_genai-4.4.0-py3-none-any.whl",
  "langchain_huggingface-1.2.2-py3-none-any.whl",
  // The twenty-eighth round, m to p, chosen by name after a2cd140 and before any was scanned.
  "matpowercaseframes-2.1.1-py3-none-any.whl",
  "mcp-2.3.0-py3-none-any.whl",
  "nibabel-5.4.2-py3-none-any.whl",
  "onnxscript-0.7.2-py3-none-any.whl",
  "open_clip_torch-3.3.0-py3-none-any.whl",
  "openai-2.54.0-py3-none-any.whl",
  "opentelemetry_exporter_otlp_proto_common-1.45.0-py3-none-any.whl",
  "opentelemetry_exporter_otlp_proto_http-1.45.0-py3-none-any.whl",
  "opentelemetry_proto-1.45.0-py3-none-any.whl",
  "optax-0.2.8-py3-none-any.whl",
  "orbax_checkpoint-0.12.4-py3-none-any.whl",
  "peft-0.21.0-py3-none-any.whl",
  "polars-1.44.2-py3-none-any.whl",
  "posthog-7.53.0-py3-none-any.whl",
  "pybind11-3.1.0-py3-none-any.whl",
  "pydicom-3.0.2-py3-none-any.whl",
  "pyevtk-1.7.0-py3-none-any.whl",
  "pyopengl-3.1.10-py3-none-any.whl",
  "pypsa-1.3.0-py3-none-any.whl",
  "pytest_timeout-2.4.0-py3-none-any.whl",
  // The twenty-ninth round, p to s, chosen by name after 85340c8 and before any was scanned.
  "pytest_xdist-3.8.0-py3-none-any.whl",
  "python_can-4.5.0-py3-none-any.whl",
  "python_discovery-1.6.1-py3-none-any.whl",
  "python_docx-1.2.0-py3-none-any.whl",
  "python_igraph-1.0.0-py3-none-any.whl",
  "python_json_logger-4.2.0-py3-none-any.whl",
  "python_multipart-0.0.32-py3-none-any.whl",
  "pytorch_lightning-2.6.6-py3-none-any.whl",
  "pytorch_metric_learning-2.9.0-py3-none-any.whl",
  "robot_descriptions-2.0.0-py3-none-any.whl",
  "rotary_embedding_torch-0.9.1-py3-none-any.whl",
  "scikit_fem-12.0.2-py3-none-any.whl",
  "scikit_rf-2.1.0-py3-none-any.whl",
  "seaborn-0.13.2-py3-none-any.whl",
  "sentence_transformers-6.0.1-py3-none-any.whl",
  "setuptools-84.0.0-py3-none-any.whl",
  "setuptools_rust-1.13.0-py3-none-any.whl",
  "skyfield-1.55-py3-none-any.whl",
  "sounddevice-0.5.6-py3-none-any.whl",
  "soundfile-0.14.0-py2.py3-none-any.whl",
  // The thirtieth round, s to z, the mirror's last pure wheels not yet scanned, chosen by name after 2b50a5f and before any was scanned.
  "spacy_legacy-3.0.12-py2.py3-none-any.whl",
  "spacy_loggers-1.0.5-py3-none-any.whl",
  "sphinxcontrib_applehelp-2.0.0-py3-none-any.whl",
  "sphinxcontrib_devhelp-2.0.0-py3-none-any.whl",
  "sphinxcontrib_htmlhelp-2.1.0-py3-none-any.whl",
  "sphinxcontrib_jquery-4.1-py2.py3-none-any.whl",
  "sphinxcontrib_jsmath-1.0.1-py2.py3-none-any.whl",
  "sphinxcontrib_qthelp-2.0.0-py3-none-any.whl",
  "sphinxcontrib_serializinghtml-2.0.0-py3-none-any.whl",
  "typer_slim-0.24.0-py3-none-any.whl",
  "tzdata-2026.4-py2.py3-none-any.whl",
  "vega_datasets-0.9.0-py3-none-any.whl",
  "widgetsnbextension-4.0.16-py3-none-any.whl",
  "xarray-2026.9.0-py3-none-any.whl",
  "xarray_einstats-0.9.1-py3-none-any.whl",
  "yt_dlp-2026.8.19-py3-none-any.whl",
  // The second mirror (/opt/pypi-more/files), chosen by name after 30e71b0 before any was scanned:
  // its pure wheels and platform wheels with Python sources, up to about 6.5 MB compressed.
  "ase-3.29.0-py3-none-any.whl",
  "multiprocess-0.70.19-py311-none-any.whl",
  "mistral_common-1.12.0-py3-none-any.whl",
  "cuda_pathfinder-1.8.3-py3-none-any.whl",
  "glfw-2.10.2-py2.py3-none-manylinux_2_28_x86_64.whl",
  "bcrypt-5.0.0-cp39-abi3-manylinux_2_34_x86_64.whl",
  "pynacl-1.6.2-cp38-abi3-manylinux_2_34_x86_64.whl",
  "ale_py-0.12.1-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
  "ezdxf-1.4.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
  "pycountry-26.2.16-py3-none-any.whl",
  // The second mirror's larger wheels with Python sources (the latest version of each), chosen by
  // name after ec33dc3 before any was scanned.
  "matplotlib-3.10.9-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
  "pandas-2.2.3-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
  "scikit_learn-1.6.1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
  "numpy-2.4.1-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
  "scipy-1.17.0-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
  "lm_eval-0.4.13-py3-none-any.whl",
  "transformers-5.18.0-py3-none-any.whl",
  "torchvision-0.29.1-cp311-cp311-manylinux_2_28_x86_64.whl",
  "pillow-11.3.0-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
  "qutip-5.3.1-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl",
  "pot-0.9.7.post1-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
  "cantera-3.2.0-cp311-cp311-manylinux_2_28_x86_64.whl",
  // The second mirror's other wheels with Python sources (the latest version of each), chosen by
  // name after 1d92d4a before any was scanned.
  "pyscf-2.14.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
  "pygame_ce-2.5.8-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
  "ortools-9.12.4544-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
  "pyogrio-0.13.0-cp311-abi3-manylinux_2_28_x86_64.whl",
  "pysam-0.24.1-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl",
  "python_sat-1.9.dev15-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl",
  "slycot-0.7.0-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
  "unicorn-2.1.4-cp37-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
  "grpcio_tools-1.84.0-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
  "opencv_python_headless-5.0.0.93-cp37-abi3-manylinux_2_28_x86_64.whl",
  "resiliparse-1.0.9-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl",
  "botocore-1.43.106-py3-none-any.whl",
];

interface IndexedSource {
  readonly name: string;
  readonly root: string;
  readonly license: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

function variableWindows(files: readonly string[], count: number, rng: Rng, minLines: number, maxLines: number): Snippet[] {
  const out: Snippet[] = [];
  for (let i = 0; i < count * 3 && out.length < count; i++) {
    const lines = minLines + rng.int(maxLines - minLines + 1);
    out.push(...sampleWindows(files, 1, lines, rng, RAW_MIN_CHARS, () => true, rawTextChars));
  }
  return out;
}

function toQuery(snippet: Snippet, sources: readonly IndexedSource[]): Query {
  const source = sources.find((s) => snippet.file.startsWith(`${s.root}/`))!;
  return { snippet, source: source.name, path: snippet.file.slice(source.root.length + 1), license: source.license };
}

function isShortText(snippet: Snippet): boolean {
  return rawTextChars(snippet.code.split("\n"), snippet.language) < SHORT_TEXT_CHARS;
}

function attributeMisses(tracker: ReferenceTracker, queries: readonly Query[], cell: string, reasons: Map<string, number>, short: ShortText): void {
  for (const query of queries) {
    const found = (options: Partial<MatchOptions>) =>
      judge(query, tracker.match(query.snippet.code, { language: query.snippet.language, ...options }).references).repository;
    const shortText = isShortText(query.snippet);
    if (shortText) short.queries++;
    if (found({})) continue;
    if (shortText) short.missed++;
    let reason = "no shared evidence";
    if (found(ALL_RELAXED)) reason = RELAXATIONS.find(([, o]) => found(o))?.[0] ?? "together";
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    if (EXPLAIN) log(`miss ${cell} (${reason}): ${query.path}:${query.snippet.startLine}-${query.snippet.endLine}\n${query.snippet.code}\n[quality] end of miss`);
  }
}

interface Configuration {
  readonly fingerprinting: FingerprintParameters;
  readonly options: Partial<MatchOptions>;
  /** How queries are read (OpenOptions.queryReading); the default (lexed) unless said. */
  readonly queryReading?: "parsed" | "lexed";
}

/** What the miss screen answers unparsed, and whether any answer differs from parsing's. */
async function auditScreen(db: string, groups: readonly [string, readonly Snippet[]][]): Promise<ScreenAudit[]> {
  const reader = IndexReader.open(db);
  const screen = new MissScreen(reader, new Normalizer(await loadTokenHasher()), new Fingerprinter(reader.parameters));
  // Read by the lexer (the default) the screen is exact by construction: it asks what matching
  // would. Its guarantee worth measuring is against the parsed reading.
  const screened = await ReferenceTracker.open(db, { queryReading: "parsed" });
  const unscreened = await ReferenceTracker.openWith(db, { screen: false, queryReading: "parsed" });
  try {
    return groups.map(([group, snippets]) => {
      const audit: ScreenAudit = { group, n: snippets.length, screened: 0, changed: 0 };
      for (const s of snippets) {
        if (!screen.mayMatch(s.code, languageByName(s.language), DEFAULT_MATCH_OPTIONS)) audit.screened++;
        const a = screened.match(s.code, { language: s.language });
        const b = unscreened.match(s.code, { language: s.language });
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          audit.changed++;
          if (EXPLAIN) log(`screen changed ${group}: ${s.file}:${s.startLine}-${s.endLine}`);
        }
      }
      return audit;
    });
  } finally {
    screened.close();
    unscreened.close();
    reader.close();
  }
}

function configName(c: Configuration): string {
  const o = { ...DEFAULT_MATCH_OPTIONS, ...c.options };
  return (
    `k=${c.fingerprinting.kgramTokens} w=${c.fingerprinting.windowKgrams} minChars=${o.minMatchedChars} maxFiles=${o.maxFileFrequency} ` +
    `names=${o.minNameConsistency}/${o.minNameRepeats} seeds=${o.minSeeds} maxSources=${o.maxSourceFrequency}` +
    (c.queryReading === "parsed" ? " queries=parsed" : "")
  );
}

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const started = Date.now();
  const fetch = (spec: string) => fetchPackage(spec, CACHE, log);
  const indexedPackages = ["rxjs@7.8.1", "lodash-es@4.17.21"].map(fetch);
  const heldOutPackages = ["effect@3.10.0", "underscore@1.13.7", "dayjs@1.11.13", "throttle-debounce@5.0.2", "date-fns@4.1.0"].map(fetch);

  const defaults = loadManifest(join(PROJECT_ROOT, "corpus", "default.json"));
  const resolved: ResolvedSource[] = [
    ...defaults.sources,
    ...indexedPackages.map((p) => ({
      name: p.name,
      root: p.root,
      repository: p.repository,
      revision: p.version,
      repositoryDirectory: "",
      urlTemplate: `https://unpkg.com/${p.name}@${p.version}/{path}`,
      license: p.license,
      licenseProvenance: "declared" as const,
      licenseEvidence: "package.json license",
      identity: null,
      include: [],
      exclude: ["dist/**", "**/*.d.ts"],
      minified: false,
    })),
  ];
  const sources: IndexedSource[] = resolved.map((s) => ({ name: s.name, root: s.root, license: s.license, include: s.include, exclude: s.exclude }));
  const roots = new Map(sources.map((s) => [s.name, s.root]));
  const indexedText = new IndexedText(roots, (path) => languageForPath(path)?.name);
  const manifestPath = join(CACHE, "manifest.json");
  writeFileSync(
    manifestPath,
    JSON.stringify({
      sources: resolved.map((s) => ({
        kind: "dir",
        name: s.name,
        path: s.root,
        repository: s.repository ?? undefined,
        revision: s.revision ?? undefined,
        repositoryDirectory: s.repositoryDirectory,
        url: s.urlTemplate ?? undefined,
        license: s.license,
        include: s.include,
        exclude: s.exclude,
      })),
    }),
  );
  const python = defaults.sources.find((s) => s.name === "cpython-stdlib");
  if (!python) throw new Error("the quality benchmark needs python3 for its Python corpus");

  // Positives: regions of 8–40 lines of indexed files, chosen by their raw text, in every form.
  const rng = new Rng(20261202);
  const positiveFiles: Record<LanguageName, string[]> = {
    typescript: sources.flatMap((s) => filesOf(s, "typescript")),
    tsx: [],
    javascript: sources.flatMap((s) => filesOf(s, "javascript")),
    python: sources.flatMap((s) => filesOf(s, "python")),
  };
  const regions = new Map<LanguageName, Snippet[]>();
  for (const language of LANGUAGES) regions.set(language, variableWindows(positiveFiles[language], PER_CELL, rng, 8, 40));
  const cells = new Map<string, Query[]>();
  for (const [languageIndex, language] of LANGUAGES.entries()) {
    for (const form of FORMS) {
      const laterSeed = LATER_FORM_SEEDS[form];
      const formRng = new Rng(laterSeed === undefined ? rng.int(2 ** 31) : laterSeed + languageIndex);
      cells.set(`${language}/${form}`, regions.get(language)!.map((s) => toQuery(applyForm(form, s, formRng), sources)));
    }
  }
  // The selection this benchmark made before, for comparison only: regions whose code, as
  // reftrack's normalizer measures it, is twice the reporting threshold (docstring windows excluded).
  const normalizedRng = new Rng(20261123);
  const substantial = hasCode(new Normalizer(await loadTokenHasher()), 2 * DEFAULT_MATCH_OPTIONS.minMatchedChars);
  const normalizedSelection = new Map<LanguageName, Query[]>();
  for (const language of LANGUAGES) {
    const picked: Snippet[] = [];
    for (let i = 0; i < PER_CELL * 3 && picked.length < PER_CELL; i++) {
      picked.push(...sampleWindows(positiveFiles[language], 1, 8 + normalizedRng.int(33), normalizedRng, 300, substantial));
    }
    normalizedSelection.set(language, picked.map((s) => toQuery(s, sources)));
  }
  // How faithfully a fragment, read alone, reproduces its lines' tokens in the whole file.
  const fidelityNormalizer = new Normalizer(await loadTokenHasher());
  const fidelity = new Map<string, { parsed: Fidelity; lexed?: Fidelity; lexedPlain: Fidelity }>();
  for (const language of LANGUAGES) {
    for (const form of ["verbatim", "reformatted"] as const) {
      const snippets = cells.get(`${language}/${form}`)!.map((q) => q.snippet);
      fidelity.set(`${language}/${form}`, {
        parsed: fragmentFidelity(fidelityNormalizer, snippets),
        lexedPlain: fragmentFidelity(fidelityNormalizer, snippets, (snippet) => fidelityNormalizer.lex(snippet.code, languageByName(language))),
      });
    }
  }
  const addLexedFidelity = async (db: string): Promise<void> => {
    const reader = IndexReader.open(db);
    const screen = new MissScreen(reader, fidelityNormalizer, new Fingerprinter(reader.parameters));
    try {
      for (const [key, entry] of fidelity) {
        const [language, form] = key.split("/") as [LanguageName, Form];
        const snippets = cells.get(`${language}/${form}`)!.map((q) => q.snippet);
        entry.lexed = fragmentFidelity(fidelityNormalizer, snippets, (s) => screen.lexedQuery(s.code, languageByName(s.language), DEFAULT_MATCH_OPTIONS).tokens);
      }
    } finally {
      reader.close();
    }
  };
  // Snippet sizes: verbatim and renamed regions of exactly n lines, as drawn.
  const sizes = [5, 10, 20, 40];
  const sized = new Map<string, Query[]>();
  for (const n of sizes) {
    const windows = LANGUAGES.flatMap((language) => sampleWindows(positiveFiles[language], PER_SIZE, n, rng, Math.min(RAW_MIN_CHARS, n * 25), () => true, rawTextChars));
    sized.set(`${n}/verbatim`, windows.map((s) => toQuery(s, sources)));
    const sizeRng = new Rng(n);
    sized.set(`${n}/renamed`, windows.map((s) => toQuery(rename(s, sizeRng), sources)));
  }
  // Negatives: real code that is not in the index, chosen as positives are.
  const negativeFiles: Record<string, string[]> = {
    typescript: filesOf({ root: heldOutPackages[0]!.root, include: ["src/**"] }, "typescript"),
    javascript: heldOutPackages.slice(1).flatMap((p) => filesOf({ root: p.root, exclude: ["**/*.min.js", "**/locale/**", "**/locale.js"] }, "javascript")),
    python: [...filesOf({ root: python.root, include: ["test/**"] }, "python"), ...filesOf({ root: python.root, include: ["site-packages/pip/_internal/**"] }, "python")],
  };
  const negatives = LANGUAGES.flatMap((language) => variableWindows(negativeFiles[language]!, NEGATIVES / 3, rng, 8, 40));
  // Hard negatives: other implementations of functionality the index holds (debounce, throttle, parse, format).
  const hardNegatives = sampleWindows(
    heldOutPackages.slice(1).flatMap((p) => filesOf({ root: p.root }, "javascript").filter((f) => /debounce|throttle|parse|format/i.test(f))),
    QUICK ? 40 : 200,
    20,
    rng,
    200,
    () => true,
    rawTextChars,
  );
  // Boilerplate: from indexed files, and compiler helper prologues from real published bundles and builds.
  const vendored = loadVendored(CACHE, new Map(sources.map((s) => [s.name, s])), log);
  const helperFiles = [
    ...vendored.filter((v) => v.spec.language !== "python").map((v) => v.file),
    ...filesOf({ root: join(PROJECT_ROOT, "node_modules") }, "javascript").filter((f) => /\/(dist|lib|cjs|build)\//.test(f)),
  ];
  const helperRng = new Rng(7);
  const helpers = helperFiles
    .sort(() => helperRng.next() - 0.5)
    .flatMap((f) => helperSnippets(f))
    .slice(0, QUICK ? 20 : 100);
  const boilerplate = [...boilerplateSnippets(LANGUAGES.flatMap((l) => positiveFiles[l]), rng, QUICK ? 60 : 300), ...helpers];
  // Whole held-out files, scanned whole.
  const wholeRng = new Rng(31);
  const rootsOf = (wheels: readonly string[]): string[] => wheels.map((wheel) => wheelRoot(wheel, CACHE)).filter((root): root is string => root !== undefined);
  const popularRoots = rootsOf(POPULAR_PYTHON);
  // Minified files are skipped by `scan` unless asked (--minified): not scanned here either.
  const morePackages = MORE_NPM.map(fetch);
  const wholeFiles: WholeFile[] = [
    ...sampleWholeFiles("effect (TypeScript)", negativeFiles.typescript!, "typescript", WHOLE_FILES_PER_GROUP, wholeRng),
    ...sampleWholeFiles("underscore, dayjs, throttle-debounce, date-fns (JavaScript)", negativeFiles.javascript!, "javascript", WHOLE_FILES_PER_GROUP, wholeRng),
    ...sampleWholeFiles("CPython's test suite (Python)", filesOf({ root: python.root, include: ["test/**"] }, "python"), "python", WHOLE_FILES_PER_GROUP, wholeRng),
    ...sampleWholeFiles("pip (Python)", filesOf({ root: python.root, include: ["site-packages/pip/_internal/**"] }, "python"), "python", WHOLE_FILES_PER_GROUP, wholeRng),
    ...sampleWholeFiles(
      `popular Python packages (${POPULAR_PYTHON.map((w) => w.split("-")[0]).join(", ")}), every file`,
      popularRoots.flatMap((root) => filesOf({ root }, "python")),
      "python",
      QUICK ? 40 : 100_000,
      wholeRng,
    ),
    ...(["javascript", "typescript"] as const).flatMap((language) =>
      sampleWholeFiles(
        `${MORE_NPM.length} npm packages not indexed (${MORE_NPM.map((spec) => spec.replace(/@[^@]*$/, "")).join(", ")}), every ${language} file scan reads`,
        morePackages.flatMap((p) => filesOf({ root: p.root }, language, true)),
        language,
        QUICK ? 40 : 100_000,
        wholeRng,
        undefined,
        (text) => !looksMinified(text),
      ),
    ),
    ...sampleWholeFiles(
      `${MORE_PYTHON.length} more packages of the mirror (${MORE_PYTHON.map((w) => w.split("-")[0]).join(", ")}), every file`,
      rootsOf(MORE_PYTHON).flatMap((root) => filesOf({ root }, "python")),
      "python",
      QUICK ? 40 : 100_000,
      wholeRng,
    ),
    ...sampleWholeFiles(
      `the Google Cloud SDK's Python (${GCLOUD_SAMPLE} files drawn at random from its own code, its surfaces and its vendored libraries, the CPython it bundles left out)`,
      existsSync(GCLOUD_SDK) ? filesOf({ root: GCLOUD_SDK }, "python").filter((file) => !BUNDLED_CPYTHON.test(file)) : [],
      "python",
      QUICK ? 40 : GCLOUD_SAMPLE,
      new Rng(58),
    ),
    ...sampleWholeFiles(
      `the Rust toolchain's documentation JavaScript (${RUST_DOCS_SAMPLE} files drawn at random: rustdoc's generated search index, implementor and source lists, mdBook's scripts)`,
      existsSync(RUST_DOCS) ? filesOf({ root: RUST_DOCS }, "javascript") : [],
      "javascript",
      QUICK ? 40 : RUST_DOCS_SAMPLE,
      new Rng(59),
      undefined,
      (text) => !looksMinified(text),
    ),
    ...everyFileOf(
      "Debian 12's system Python packages (apt, cryptography, dbus, PyGObject, pip 23, setuptools 66, wheel 0.38, pygments, oauthlib, pyparsing, yaml, …), every file",
      [DEBIAN_PYTHON],
      "python",
    ),
    ...everyFileOf(
      `${SITE_PACKAGE_NAMES.length} packages of the machine's Python 3.11 site-packages (${SITE_PACKAGE_NAMES.join(", ")}), every file`,
      SITE_PACKAGE_NAMES.map((name) => join(SITE_PACKAGES, name)),
      "python",
    ),
    ...everyFileOf(
      "the dependencies the machine's npm 11 bundles (undici, minimatch, semver, tar, cacache, pacote, … 118 packages), every JavaScript file scan reads",
      [NPM_BUNDLED],
      "javascript",
    ),
    ...everyFileOf("Debian 12's system JavaScript (jQuery, underscore, Sphinx's scripts), every file scan reads", [DEBIAN_JAVASCRIPT], "javascript"),
  ];
  log(
    `queries: ${[...cells.values()].reduce((a, q) => a + q.length, 0)} positives, ${negatives.length} negatives, ${hardNegatives.length} hard negatives, ` +
      `${boilerplate.length} boilerplate (${helpers.length} compiler helper blocks), ${wholeFiles.length} whole files, ${vendored.length} vendored files ` +
      `(${vendored.reduce((a, v) => a + v.expected.length, 0)} expected runs)`,
  );

  const evaluate = async (config: Configuration, db: string, full: boolean) => {
    const tracker = await ReferenceTracker.open(db, { queryReading: config.queryReading });
    try {
      const missReasons = new Map<Form, Map<string, number>>();
      const shortText = new Map<Form, ShortText>();
      if (full) {
        for (const form of FORMS) {
          const reasons = new Map<string, number>();
          const short = { queries: 0, missed: 0 };
          for (const language of LANGUAGES) attributeMisses(tracker, cells.get(`${language}/${form}`)!, `${language}/${form}`, reasons, short);
          missReasons.set(form, reasons);
          shortText.set(form, short);
        }
      }
      const byCell = new Map<string, Tally>();
      for (const [key, queries] of cells) byCell.set(key, tally(tracker, queries, config.options, key));
      const bySize = new Map<string, Tally>();
      const byNormalizedSelection = new Map<LanguageName, Tally>();
      const wholeGroups: WholeGroupResult[] = [];
      const vendoredResults: VendoredResult[] = [];
      if (full) {
        for (const [key, queries] of sized) bySize.set(key, tally(tracker, queries, config.options, key));
        for (const [language, queries] of normalizedSelection) byNormalizedSelection.set(language, tally(tracker, queries, config.options));
        for (const group of [...new Set(wholeFiles.map((f) => f.group))]) {
          let references = 0;
          let realCopies = 0;
          let falseReferences = 0;
          let filesWithFalse = 0;
          const files = wholeFiles.filter((f) => f.group === group);
          for (const file of files) {
            const result = tracker.match(file.text, { language: file.language, ...config.options });
            const outcome = judgeWholeFile(file, result.references, indexedText.sharesText);
            const real = (r: Reference): boolean =>
              r.origins.some((o) => adjudicated(file.file, o.path) || indexedText.sharesText(linesWithin(file.lines, r.queryLines), o.source, o.path, r.sourceLines));
            recordFeatures(`whole ${group}`, file.file, file.text.split("\n").length, file.text.length, result.references, real);
            references += outcome.references;
            realCopies += outcome.realCopies;
            falseReferences += outcome.falseReferences;
            if (outcome.falseReferences > 0) {
              filesWithFalse++;
              if (EXPLAIN) {
                for (const r of result.references) {
                  log(`whole file${real(r) ? " (real copy)" : ""} ${file.file}:${r.queryLines.join("-")} → ${r.source}:${r.path}:${r.sourceLines.join("-")} ${JSON.stringify(r.explanation)}`);
                }
              }
            }
          }
          wholeGroups.push({ group, files: files.length, bytes: files.reduce((a, f) => a + f.bytes, 0), outcome: { references, realCopies, falseReferences }, filesWithFalse });
        }
        for (const file of vendored) {
          const start = performance.now();
          const result = tracker.match(file.text, { language: file.spec.language, ...config.options });
          const ms = performance.now() - start;
          const outcome = judgeVendored(file, result.references, indexedText.sharesText);
          recordFeatures(`vendored ${file.spec.name}`, file.file, file.text.split("\n").length, file.text.length, result.references, (r) =>
            r.origins.some((o) => indexedText.sharesText(linesWithin(file.lines, r.queryLines), o.source, o.path, r.sourceLines)),
          );
          vendoredResults.push({ file, outcome, ms });
          if (EXPLAIN && (outcome.missing.length > 0 || outcome.falseReferences > 0)) log(`vendored ${file.spec.name}: missing ${outcome.missing.join(", ")}; false ${outcome.falseReferences}`);
        }
      }
      return {
        missReasons,
        shortText,
        byCell,
        bySize,
        byNormalizedSelection,
        wholeGroups,
        vendoredResults,
        negativesReported: countReported(tracker, negatives, config.options, indexedText),
        hardNegativesReported: countReported(tracker, hardNegatives, config.options, indexedText),
        boilerplateReported: countReported(tracker, boilerplate, config.options, indexedText),
      };
    } finally {
      tracker.close();
    }
  };

  const buildFor = async (fingerprinting: FingerprintParameters): Promise<{ db: string; bytes: number; fingerprints: number; sourceBytes: number }> => {
    const db = join(CACHE, `index-k${fingerprinting.kgramTokens}-w${fingerprinting.windowKgrams}.db`);
    // Fresh every run: a few seconds, and never an index from an older normalizer.
    for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
    const summary = await buildIndex(db, manifestPath, { fingerprinting });
    return { db, bytes: summary.index.bytes, fingerprints: summary.index.fingerprints, sourceBytes: summary.sourceBytes };
  };

  const defaultConfig: Configuration = { fingerprinting: DEFAULT_FINGERPRINT_PARAMETERS, options: {} };
  const screenGroups: [string, Snippet[]][] = [
    ...FORMS.map((form): [string, Snippet[]] => [form, LANGUAGES.flatMap((l) => cells.get(`${l}/${form}`)!.map((q) => q.snippet))]),
    ["sized (5–40 lines)", [...sized.values()].flatMap((queries) => queries.map((q) => q.snippet))],
    ["negatives", negatives],
    ["hard negatives", hardNegatives],
    ["boilerplate", boilerplate],
  ];
  if (DUMP) {
    const index = await buildFor(defaultConfig.fingerprinting);
    const tracker = await ReferenceTracker.open(index.db);
    const lines: string[] = [];
    try {
      for (const [group, snippets] of screenGroups) {
        for (const s of snippets) lines.push(JSON.stringify({ group, ...tracker.match(s.code, { language: s.language }) }));
      }
      for (const f of wholeFiles) lines.push(JSON.stringify({ group: "whole files", file: f.file, ...tracker.match(f.text, { language: f.language }) }));
      for (const v of vendored) lines.push(JSON.stringify({ group: "vendored", ...tracker.match(v.text, { language: v.spec.language }) }));
    } finally {
      tracker.close();
    }
    writeFileSync(DUMP, `${lines.join("\n")}\n`);
    log(`wrote ${lines.length} results to ${DUMP}`);
    return;
  }
  const sweep: Configuration[] = !SWEEP
    ? [defaultConfig, ...(process.argv.includes("--parsed") ? [{ ...defaultConfig, queryReading: "parsed" as const }] : [])]
    : [
        ...[
          [8, 8],
          [10, 10],
          [12, 12],
          [14, 14],
          [16, 16],
          [12, 20],
          [16, 24],
        ].map(([k, w]) => ({ fingerprinting: { kgramTokens: k!, windowKgrams: w! }, options: {} })),
        ...[100, 120, 200].map((minMatchedChars) => ({ ...defaultConfig, options: { minMatchedChars } })),
        ...[16, 32, 128].map((maxFileFrequency) => ({ ...defaultConfig, options: { maxFileFrequency } })),
        ...[0, 0.8, 0.9].map((minNameConsistency) => ({ ...defaultConfig, options: { minNameConsistency } })),
        ...[1, 6].map((minNameRepeats) => ({ ...defaultConfig, options: { minNameRepeats } })),
        ...[1, 3].map((minSeeds) => ({ ...defaultConfig, options: { minSeeds } })),
        ...[0, 2].map((maxSourceFrequency) => ({ ...defaultConfig, options: { maxSourceFrequency } })),
        { ...defaultConfig, options: { minSeeds: 1, minMatchedChars: 120 } },
        { ...defaultConfig, options: { maxFileFrequency: 32, minNameConsistency: 0.8 } },
        { ...defaultConfig, queryReading: "parsed" },
      ];
  let screenAudit: ScreenAudit[] = [];
  const sweepRows: string[] = [];
  let defaultResult: Awaited<ReturnType<typeof evaluate>> | undefined;
  let defaultIndex: Awaited<ReturnType<typeof buildFor>> | undefined;
  for (const config of sweep) {
    const index = await buildFor(config.fingerprinting);
    const isDefault = configName(config) === configName(defaultConfig) && !defaultResult;
    const result = await evaluate(config, index.db, isDefault);
    if (isDefault) {
      defaultResult = result;
      defaultIndex = index;
      screenAudit = await auditScreen(index.db, screenGroups);
      await addLexedFidelity(index.db);
    }
    const rate = (form: Form): string => {
      let part = 0;
      let whole = 0;
      for (const language of LANGUAGES) {
        const t = result.byCell.get(`${language}/${form}`)!;
        part += t.repository;
        whole += t.n;
      }
      return pct(part, whole);
    };
    sweepRows.push(
      `| ${configName(config)} | ${FORMS.map(rate).join(" | ")} | ${pct(result.negativesReported.falsePositives, negatives.length)} | ` +
        `${pct(result.hardNegativesReported.falsePositives, hardNegatives.length)} | ${result.boilerplateReported.falsePositives + result.boilerplateReported.realCopies} | ${(index.bytes / 1e6).toFixed(1)} MB, ${(index.fingerprints / 1e6).toFixed(2)} M fp |`,
    );
    log(sweepRows[sweepRows.length - 1]!);
  }
  writeFeatures();
  writeReport({
    result: defaultResult!,
    index: defaultIndex!,
    screenAudit,
    sweepRows,
    fidelity,
    sizes,
    counts: { negatives: negatives.length, hardNegatives: hardNegatives.length, boilerplate: boilerplate.length, helpers: helpers.length },
    seconds: (Date.now() - started) / 1000,
    defaultName: configName(defaultConfig),
  });
}

await main();
