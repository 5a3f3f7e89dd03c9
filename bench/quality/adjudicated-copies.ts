/**
 * Held-out code checked by hand and found to be a real copy of indexed code that shares no run of
 * identical lines with it (renamed): reporting it is right, so it is counted apart from false
 * positives, with the evidence in QUALITY.md. Copies that do share a run are recognised by the judge.
 */
export const ADJUDICATED_COPIES: ReadonlyArray<{
  pair: string;
  query: RegExp;
  reference: RegExp;
  /** Only where both files are the same module (moduleName): a port's `Match.js` as the original's `Match.tsx`, not as its `link.tsx`. */
  sameModule?: boolean;
  /**
   * Only references whose query lines lie within one of these ranges: where one held-out file holds
   * both a copy of an indexed file and, elsewhere, a sibling's look-alike that names it too.
   */
  queryLines?: readonly (readonly [number, number])[];
  evidence: string;
}> = [
  {
    pair: "simplejson `decoder.py` → CPython `json/decoder.py` and `json/__init__.py`",
    query: /\/simplejson\/(?:decoder|encoder|__init__)\.py$/,
    reference: /^json\/(?:decoder|encoder|__init__)\.py$/,
    evidence:
      "CPython's `json` says so: \"It is derived from a version of the externally maintained simplejson library\"; its `_CONSTANTS` and " +
      "`BACKSLASH` tables are simplejson's without the `u''` prefixes, and `loads`' help for `parse_float`, `parse_int` and `parse_constant` " +
      "is simplejson's decoder's, reflowed; the encoder's `replace` (its surrogate-pair arithmetic, `'\\\\u%04x'` where CPython writes `format`) " +
      "and `_iterencode`'s `'null'`, `'true'`, `'false'` chain are simplejson's encoder's, and `simplejson.loads`' help for `object_hook`, " +
      "`object_pairs_hook`, `parse_float` and `parse_int` is the text `json.loads` and `JSONDecoder` keep.",
  },
  {
    pair: "setuptools `_distutils/util.py` → CPython `distutils/spawn.py`",
    query: /\/setuptools\/_distutils\/util\.py$/,
    reference: /^distutils\/spawn\.py$/,
    evidence:
      "setuptools' `_distutils` is distutils carried on: the macOS deployment-target check moved from `spawn` to `util`, its comment (\"Ensure " +
      "that the deployment target of the build process is not less than 10.3 …\") and its `mismatch` message word for word, reflowed.",
  },
  {
    pair: "urllib3 `_collections.py` → CPython `_collections_abc.py`",
    query: /\/urllib3\/_collections\.py$/,
    reference: /^_collections_abc\.py$/,
    evidence:
      "`HTTPHeaderDict.pop` says so (\"Using the MutableMapping function directly fails due to the private marker … So let's reinvent the " +
      "wheel\"): `MutableMapping.pop`'s docstring and body, its comments inserted between.",
  },
  {
    pair: "dulwich `patch.py` → CPython `difflib.py`",
    query: /\/dulwich\/patch\.py$/,
    reference: /^difflib\.py$/,
    evidence: "its `unified_diff` says so: \"difflib.unified_diff that can detect 'No newline at end of file' … Based on the same function in Python2.7 difflib.py\".",
  },
  {
    pair: "absl `flags/_helpers.py` → CPython `inspect.py`",
    query: /\/absl\/flags\/_helpers\.py$/,
    reference: /^inspect\.py$/,
    evidence:
      "a common origin: absl's `trim_docstring` \"is the function specified in PEP 257 to handle docstrings\", and `inspect.cleandoc` is that " +
      "function too; the two share its closing lines (`while trimmed and not trimmed[-1]: trimmed.pop()`, … `return '\\n'.join(trimmed)`), renamed.",
  },
  {
    pair: "pygame-ce `tests/test_utils/test_runner.py` → CPython `unittest/main.py`",
    query: /\/pygame\/tests\/test_utils\/test_runner\.py$/,
    reference: /^unittest\/main\.py$/,
    evidence:
      "judged on the code: its verbosity options are unittest's word for word, flag, destination, action, constant and help " +
      "(`\"-v\", \"--verbose\", dest=\"verbosity\", action=\"store_const\", const=2, help=\"Verbose output\"` and `-q`/`--quiet`, `const=0`, " +
      "\"Quiet output\"), handed to optparse's `add_option` where unittest hands them to argparse's `add_argument`: no raw run is identical " +
      "(quotes and calls differ), the data is the same. A judgment call, the one of its kind.",
  },
  {
    pair: "numpy `_utils/_inspect.py` → CPython `inspect.py`",
    query: /\/numpy\/_utils\/_inspect\.py$/,
    reference: /^inspect\.py$/,
    evidence: "numpy's module says so in its docstring: \"Subset of inspect module from upstream python\" (`getargs` keeps CPython's docstring, reworded since).",
  },
  {
    pair: "numpy `distutils/` → CPython `distutils/`",
    query: /\/numpy\/distutils\/(?:ccompiler|mingw32ccompiler|command\/build_src|command\/config)\.py$/,
    reference: /^distutils\/(?:ccompiler|cygwinccompiler|msvc9compiler|msvccompiler|command\/build_ext|command\/config)\.py$/,
    evidence:
      "numpy.distutils replaces distutils' methods with edited copies (mingw32ccompiler.py: \"Overwrite certain distutils.ccompiler functions\"): " +
      "`CCompiler_object_filenames` is `CCompiler.object_filenames` with `os.path.normpath` added, and Mingw32CCompiler's `object_filenames` is " +
      "cygwinccompiler's, its comment \"use normcase to make sure '.rc' is really '.rc' and not '.RC'\" kept; build_src's `swig_sources` and " +
      "config's `check_funcs` carry on distutils' build_ext's and config's code the same way. Not adjudicated: build_src's initializers and " +
      "`set_undefined_options('build', ('build_base', 'build_base'), …)` as clean's, every command's idiom.",
  },
  {
    pair: "numpy `lib/_datasource.py` → CPython `bz2.py`, `gzip.py`, `lzma.py`",
    query: /\/numpy\/lib\/_datasource\.py$/,
    reference: /^(?:bz2|gzip|lzma)\.py$/,
    evidence:
      "numpy's `_check_mode` is the mode check of the three modules' `open()`, word for word in its messages " +
      "(\"Argument 'encoding' not supported in binary mode\", \"Argument 'newline' not supported in binary mode\"), the `errors` check left out and the first message made an f-string.",
  },
  {
    pair: "scikit-learn `utils/_pprint.py` → CPython `pprint.py`",
    query: /\/sklearn\/utils\/_pprint\.py$/,
    reference: /^pprint\.py$/,
    evidence: "its header credits \"Fred L. Drake, Jr. <fdrake@acm.org> (built-in CPython pprint module)\" and carries the PSF License for the code taken.",
  },
  {
    pair: "SciPy `_lib/_bunch.py` → CPython `collections/__init__.py`",
    query: /\/scipy\/_lib\/_bunch\.py$/,
    reference: /^collections\/__init__\.py$/,
    evidence: "its own words: \"Note: This code is adapted from CPython:Lib/collections/__init__.py\" (namedtuple's class factory).",
  },
  {
    pair: "SciPy `_lib/_tmpdirs.py` → CPython `tempfile.py`",
    query: /\/scipy\/_lib\/_tmpdirs\.py$/,
    reference: /^tempfile\.py$/,
    evidence:
      "`tempdir`'s docstring is `TemporaryDirectory`'s, reflowed: \"Create and return a temporary directory. This has the same behavior as mkdtemp " +
      "but can be used as a context manager. … Upon exiting the context, the directory and everything contained in it are removed.\"",
  },
  {
    pair: "pandas `tests/tools/test_to_datetime.py` → CPython `_strptime.py`",
    query: /\/pandas\/tests\/tools\/test_to_datetime\.py$/,
    reference: /^_strptime\.py$/,
    evidence:
      "the test's expected messages are `_strptime`'s ValueError messages, which pandas' own strptime reproduces, split at other places: " +
      "\"ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive …\", " +
      "\"Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use '%Y' instead.\"",
  },
  {
    pair: "simple-statistics `src/quickselect.js` → d3-array `src/quickselect.js`",
    query: /\/simple-statistics@[^/]+\/package\/src\/quickselect\.js$/,
    reference: /^src\/quickselect\.js$/,
    evidence:
      "judged on the code: d3-array's file says \"Based on https://github.com/mourner/quickselect\", and simple-statistics' is that package's " +
      "Floyd-Rivest loop statement for statement, reformatted by prettier: mourner's `m` where Wikipedia's pseudocode has `i`, his " +
      "`newLeft`/`newRight`, `swap(arr, left, k); if (arr[right] > t) swap(arr, left, right);`, and his closing " +
      "`if (arr[left] === t) swap(arr, left, j); else { j++; swap(arr, j, right); }` (quickselect 3.0.0's `index.js`, with `compare`).",
  },
  {
    pair: "pip `_internal/locations/base.py` → CPython `distutils/util.py`",
    query: /\/site-packages\/pip\/_internal\/locations\/base\.py$/,
    reference: /^distutils\/util\.py$/,
    evidence: "pip's `change_root` says so in its docstring: \"This is borrowed from Python's standard library's distutils module.\"",
  },
  {
    pair: "underscore `modules/isEqual.js` → mobx `src/utils/eq.ts`",
    query: /\/underscore@[^/]+\/package\/(?:modules|amd|cjs)\/isEqual\.js$/,
    reference: /^src\/utils\/eq\.ts$/,
    evidence:
      "mobx's eq.ts says so above the function: \"Copied from https://github.com/jashkenas/underscore/blob/5c237a7c682fb68fd5378203f0bf22dce1624854/underscore.js#L1186-L1289\".",
  },
  {
    pair: "dayjs `plugin/minMax` → moment `src/lib/moment/min-max.js`",
    query: /\/dayjs@[^/]+\/package\/esm\/plugin\/minMax\/index\.js$/,
    reference: /^src\/lib\/moment\/min-max\.js$/,
    evidence:
      "judged on the code (dayjs says no more than \"alternative to Moment.js with the same modern API\", with moment among its devDependencies): " +
      "dayjs's `sortBy(method, dates)` is moment's `pickBy(fn, moments)` statement for statement " +
      "(`for (… i = 1; i < dates.length …) if (!dates[i].isValid() || dates[i][method](result)) result = dates[i]`), " +
      "and its `max`/`min` are moment's: `var args = [].slice.call(arguments, 0); return sortBy('isAfter', args)`, with `'isBefore'` for `min`.",
  },
  {
    pair: "jinja2 `visitor.py` → CPython `ast.py`",
    query: /\/jinja2\/visitor\.py$/,
    reference: /^ast\.py$/,
    evidence:
      "jinja2's `NodeTransformer.generic_visit` is CPython's `ast.NodeTransformer.generic_visit` line for line, with `AST` renamed `Node` and " +
      "`iter_fields(node)` made a method; its docstring keeps CPython's words (\"The `NodeTransformer` will walk the AST and use the return value…\").",
  },
  {
    pair: "CPython `test/test_enum.py` → CPython `enum.py`",
    query: /\/test\/test_enum\.py$/,
    reference: /^enum\.py$/,
    evidence:
      "the test's `member_dir` reproduces `Enum.__dir__`'s walk over `cls.__dict__.items()` of the member's MRO statement for statement, " +
      "`interesting` renamed `allowed` and `self` renamed `member`, to check `dir()` against it.",
  },
  {
    pair: "CPython `test/testcodec.py` → CPython `encodings/cp037.py` and its siblings",
    query: /\/test\/testcodec\.py$/,
    reference: /^encodings\/(cp|mac_|iso8859_|koi8_|hp_|kz1048|palmos|ptcp|tis_)[\w-]*\.py$/,
    evidence:
      "CPython's test codec is written on gencodec.py's template, as every charmap codec in encodings/ is: " +
      "the same `Codec` class whose `encode`/`decode` call `codecs.charmap_encode`/`charmap_decode`, line for line.",
  },
  {
    pair: "webencodings `custom.py` → CPython `encodings/cp037.py`, `charmap.py` and their siblings",
    query: /\/webencodings\/custom\.py$/,
    reference: /^encodings\/(cp|mac_|iso8859_|koi8_|hp_|kz1048|palmos|ptcp|tis_|charmap)[\w-]*\.py$/,
    evidence:
      "webencodings' x-user-defined codec is gencodec.py's template with its tables made class attributes: the same `IncrementalEncoder`/`IncrementalDecoder` " +
      "calling `codecs.charmap_encode(input, self.errors, …)[0]`, and the empty `StreamWriter`/`StreamReader` classes, line for line.",
  },
  {
    pair: "pytest `_io/pprint.py` → CPython `pprint.py`",
    query: /\/_pytest\/_io\/pprint\.py$/,
    reference: /^pprint\.py$/,
    evidence: "its header says so: \"This module was imported from the cpython standard library (https://github.com/python/cpython/) at commit …\"; pytest reformatted it and changed what `_safe_repr` returns.",
  },
  {
    pair: "python-dateutil `tz/_common.py`, `tz/_factories.py`, `parser/isoparser.py` → CPython `datetime.py`, `zoneinfo/_zoneinfo.py`",
    query: /\/dateutil\/(tz\/_common|tz\/_factories|parser\/isoparser)\.py$/,
    reference: /^(datetime|zoneinfo\/_zoneinfo)\.py$/,
    evidence:
      "`_common.py`'s `fromutc` says so (\"The original datetime.py code assumes that `dst()` defaults to zero…\") and keeps its messages; " +
      "zoneinfo's instance cache is `_factories.py`'s (`setdefault`, the strong cache refreshed with `pop(key, instance)` and cut with `popitem(last=False)`, in that order); " +
      "datetime's `_parse_isoformat_date` is `isoparser`'s week-date parse statement for statement (`dtstr` for `dt_str`, the same `# YYYY-?Www-?D?` comment and message).",
  },
  {
    pair: "wheel `_bdist_wheel.py` → CPython `distutils/command/bdist_dumb.py`, `install_egg_info.py`",
    query: /\/wheel\/_bdist_wheel\.py$/,
    reference: /^distutils\/command\/(bdist_dumb|install_egg_info)\.py$/,
    evidence:
      "bdist_wheel's options are bdist_dumb's, help text for help text (\"keep the pseudo-installation tree around after creating the distribution archive\"), " +
      "and its `safe_name` is install_egg_info's with its docstring, the quotes changed by a formatter.",
  },
  {
    pair: "superagent `dist/superagent.js` → qs `lib/parse.js`, `lib/stringify.js`, `lib/utils.js`",
    query: /\/superagent@[^/]+\/package\/dist\/superagent\.js$/,
    reference: /^lib\/(parse|stringify|utils|formats)\.js$/,
    evidence: "superagent's browserify bundle carries qs as one of its modules (`\"qs\":41` in its module map), an older qs than the index's: some functions edited since.",
  },
  {
    pair: "meow `build/dependencies.js` → semver, acorn",
    query: /\/meow@[^/]+\/package\/build\/dependencies\.js$/,
    reference: /^(classes|internal|functions|ranges)\/[\w-]+\.js$|^dist\/acorn\.js$/,
    evidence: "meow ships its dependencies bundled in one file: semver's classes and identifiers (`var semver = SemVer$1`), and acorn's identifier code tables.",
  },
  {
    pair: "@reduxjs/toolkit → immer `src/types/types-external.ts`, redux `src/combineReducers.ts`",
    query: /\/@reduxjs__toolkit@[^/]+\/package\/(src\/draftTypes\.ts|dist\/[\w.-]+\.(d\.mts|d\.ts|mjs|cjs|js)|dist\/cjs\/[\w.-]+\.cjs)$/,
    reference: /^src\/(types\/types-external|combineReducers)\.ts$/,
    evidence:
      "the toolkit's `Draft<T>`, `PrimitiveType`, `AtomicObject` and `WeakReferences` are immer's types as written, and its `combineSlices` throws redux's message " +
      "(\"If the state passed to the reducer is undefined, you must explicitly return the initial state…\").",
  },
  {
    pair: "date-fns-tz `_lib/tzParseTimezone` → luxon `src/datetime.js`",
    query: /\/date-fns-tz@[^/]+\/package\/dist\/(cjs|esm)\/_lib\/tzParseTimezone\/index\.js$/,
    reference: /^src\/datetime\.js$/,
    evidence: "`fixOffset` is luxon's, comment for comment (\"Our UTC time is just a guess because our offset is just a guess\", \"If it's different, we're in a hole time\").",
  },
  {
    pair: "date-fns-tz `_lib/tzTokenizeDate` → luxon `src/zones/IANAZone.js`",
    query: /\/date-fns-tz@[^/]+\/package\/dist\/(cjs|esm)\/_lib\/tzTokenizeDate\/index\.js$/,
    reference: /^src\/zones\/IANAZone\.js$/,
    evidence:
      "a port of luxon's zone code, which its README credits (\"inspired by the Luxon library\"): `dtfCache`, `typeToPos`, `hackyOffset(dtf, date)` and " +
      "`partsOffset(dtf, date)` filling `filled[pos]` are luxon's names, a comment keeps luxon's destructuring (`[, fMonth, fDay, fYear, fHour, fMinute, fSecond] = parsed`), " +
      "and the reported `getDateTimeFormat` is luxon's `makeDTF`, `dtfCache[zone] = new Intl.DateTimeFormat(\"en-US\", { hour12: false, timeZone: zone, … })`.",
  },
  {
    pair: "networkx `utils/mapped_queue.py`, `utils/misc.py` → CPython `heapq.py`, `random.py`",
    query: /\/networkx\/utils\/(mapped_queue|misc)\.py$/,
    reference: /^(heapq|random)\.py$/,
    evidence:
      "`_siftup` is heapq's, its comments kept (\"Set child_pos to index of smaller child.\", \"Move the smaller child up.\") and its names split by underscores; " +
      "the `PythonRandomViaNumpyBits` methods keep random's docstrings (\"getrandbits(k) -> x.  Generates an int with k random bits.\") and body.",
  },
  {
    pair: "nbformat `notebooknode.py` → CPython `_collections_abc.py`",
    query: /\/nbformat\/notebooknode\.py$/,
    reference: /^_collections_abc\.py$/,
    evidence: "`NotebookNode.update` is `MutableMapping.update`'s body, its three branches (`Mapping`, `hasattr(other, \"keys\")`, pairs) and the `kwargs` loop line for line.",
  },
  {
    pair: "pylint `checkers/format.py` → CPython `tabnanny.py`",
    query: /\/pylint\/checkers\/format\.py$/,
    reference: /^tabnanny\.py$/,
    evidence:
      "pylint's indentation check keeps tabnanny's comment (\"must be the first token of the next program statement, or an ENDMARKER; the \"line\" argument exposes the leading white-space…\"), a word or two changed, and its loop over the tokens.",
  },
  {
    pair: "boltons `fileutils.py`, `namedutils.py` → CPython `shutil.py`, `collections/__init__.py`",
    query: /\/boltons\/(?:fileutils|namedutils)\.py$/,
    reference: /^(?:shutil\.py|collections\/__init__\.py)$/,
    evidence:
      "boltons's `copytree` is documented as `shutil.copytree` \"with one key difference\" and keeps its comments (\"Will raise a SpecialFileError for unsupported file types\", " +
      "\"catch the Error from the recursive copytree so that we can continue with other files\"); `namedutils` is \"`collections.namedtuple`, with a couple of enhancements\", its class template the standard library's.",
  },
  {
    pair: "babel `messages/catalog.py` → CPython `difflib.py`",
    query: /\/babel\/messages\/catalog\.py$/,
    reference: /^difflib\.py$/,
    evidence: "babel's `get_close_matches` is difflib's, reformatted, and says so: `SequenceMatcher(autojunk=False)  # only line changed from difflib.py`.",
  },
  {
    pair: "anyio `to_process.py` → CPython `multiprocessing/spawn.py`",
    query: /\/anyio\/to_process\.py$/,
    reference: /^multiprocessing\/spawn\.py$/,
    evidence:
      "anyio's worker runs the parent's main module \"as __mp_main__ (like multiprocessing does)\", with spawn's statements: " +
      "`ModuleType(\"__mp_main__\")`, `runpy.run_path(…, run_name=\"__mp_main__\")`, `main.__dict__.update(main_content)`, `sys.modules[\"__main__\"] = sys.modules[\"__mp_main__\"] = main`.",
  },
  {
    pair: "future `backports/**` → CPython's same modules",
    query: /\/future\/backports\//,
    reference: /\.py$/,
    evidence:
      "future's backports are Python 3.3's standard library, edited since in CPython: \"A backport of the Python 3.3 http/client.py module for python-future\", " +
      "\"Ported using Python-Future from the Python 3.3 standard library\" (urllib/request.py), and the same of datetime, urllib.parse, http.server, xmlrpc.server, email.",
  },
  {
    pair: "distlib `compat.py`, `manifest.py` → CPython `logging/config.py`, `tokenize.py`, `collections`, `shutil.py`, `ssl.py`, `distutils/filelist.py`, …",
    query: /\/distlib\/(?:compat|manifest)\.py$/,
    reference: /\.py$/,
    evidence:
      "`compat.py` is distlib's set of standard-library backports for older Pythons (`# Implementation from Python 3.3` above them); `manifest.py` is " +
      "\"Equivalent to distutils.filelist, but fixes some problems\", its pattern methods distutils's.",
  },
  {
    pair: "exceptiongroup `_formatting.py` → CPython `traceback.py`; dill `source.py` → CPython `inspect.py`; defusedxml → CPython `xml/`",
    query: /\/(?:exceptiongroup\/_formatting|dill\/source|defusedxml\/(?:sax|minidom|expatbuilder))\.py$/,
    reference: /^(?:traceback|inspect)\.py$|^xml\//,
    evidence:
      "each says so: exceptiongroup's \"_ExceptionPrintContext and traceback_exception_format() copied from the standard library\"; dill's " +
      "\"inspect.py merged into original dill.source\"; defusedxml's modules are \"Defused xml.sax\", minidom, expatbuilder: the standard library's functions around a defused parser.",
  },
  {
    pair: "future `libfuturize/main.py`, `libpasteurize/main.py` → CPython `lib2to3/main.py`",
    query: /\/(?:libfuturize|libpasteurize)\/main\.py$/,
    reference: /^lib2to3\/main\.py$/,
    evidence: "futurize's and pasteurize's `main()` are lib2to3's, its option parser and refactoring calls statement for statement (1,794 characters in one region), importing `warn` and `StdoutRefactoringTool` from it.",
  },
  {
    pair: "distlib `index.py`, `scripts.py` → CPython `urllib/request.py`, `distutils/command/build_scripts.py`",
    query: /\/distlib\/(?:index|scripts)\.py$/,
    reference: /^(?:urllib\/request|distutils\/command\/build_scripts)\.py$/,
    evidence:
      "judged on the code: distlib's `download_file` is `urlretrieve`'s loop statement for statement (`size = -1`, `read = 0`, `blocknum = 0`, " +
      "`if \"content-length\" in headers: size = int(headers[\"Content-Length\"])`, `reporthook(blocknum, blocksize, size)`) and its message " +
      "(\"retrieval incomplete: got only %d out of %d bytes\"); `ScriptMaker._copy_script` is `build_scripts.copy_scripts`, its comments word for word " +
      "(\"Always open the file, but ignore failures in dry-run mode -- that way, we'll get accurate feedback if we can read the script.\", the shebang's \"#coding:xxx cookie\" paragraphs).",
  },
  {
    pair: "future `libfuturize/fixer_util.py`, `libfuturize/fixes/fix_UserDict.py` → CPython `lib2to3/fixes/fix_metaclass.py`, `fix_imports.py`, `fix_renames.py`",
    query: /\/libfuturize\/(?:fixer_util|fixes\/fix_UserDict)\.py$/,
    reference: /^lib2to3\/fixes\/fix_(?:metaclass|imports|renames)\.py$/,
    evidence:
      "`fixer_util.py` says so (\"Utility functions from 2to3, 3to2 and python-modernize\", \"2to3: PSF License v2\"): its `suitify` is `fix_metaclass`'s " +
      "`fixup_parse_tree`, comments and `ValueError(\"No class suite and no ':'!\")` kept; `fix_UserDict.py` is `fix_imports.py` with its `build_pattern` " +
      "commented out and its `match` method as written, which lib2to3's `fix_renames` also has.",
  },
  {
    pair: "feedparser `html.py` → CPython `_markupbase.py`",
    query: /\/feedparser\/html\.py$/,
    reference: /^_markupbase\.py$/,
    evidence:
      "feedparser's `_scan_name` is `ParserBase._scan_name` statement for statement (`rawdata = self.rawdata`, `n = len(rawdata)`, `return None, -1  # end of buffer`), " +
      "the call it replaced left as a comment (`# self.updatepos(declstartpos, i)`).",
  },
  {
    pair: "gunicorn `http/wsgi.py` → CPython `wsgiref/util.py`; markdown `serializers.py` → CPython `xml/etree/ElementTree.py`",
    query: /\/(?:gunicorn\/http\/wsgi|markdown\/serializers)\.py$/,
    reference: /^(?:wsgiref\/util|xml\/etree\/ElementTree)\.py$/,
    evidence:
      "gunicorn's `FileWrapper` is wsgiref's, its `__init__` line for line (`def __init__(self, filelike, blksize=8192)`, `if hasattr(filelike, 'close'): self.close = filelike.close`) " +
      "and the older `__getitem__` protocol in place of `__next__`; markdown's serializers say so (\"Taken from ElementTree 1.3 preview with slight modifications\"): " +
      "`_escape_cdata`/`_escape_attrib` keep ElementTree's comments (\"it's worth avoiding do-nothing calls for strings that are shorter than 500 character, or so\"), `&` replaced by a regular expression.",
  },
  {
    pair: "toml `decoder.py`, uvicorn `_compat.py`, vine `utils.py` → CPython `json/decoder.py`, `asyncio/runners.py`, `functools.py`",
    query: /\/(?:toml\/decoder|uvicorn\/_compat|vine\/utils)\.py$/,
    reference: /^(?:json\/decoder|asyncio\/runners|functools)\.py$/,
    evidence:
      "toml's `TomlDecodeError.__init__` is `JSONDecodeError.__init__` line for line (`lineno = doc.count('\\n', 0, pos) + 1`, `colno = pos - doc.rfind('\\n', 0, pos)`, " +
      "`ValueError.__init__(self, …)`, the five attributes), its message formatted otherwise; uvicorn's `_compat` backports `asyncio.run` for older Pythons, " +
      "its `_cancel_all_tasks` runners.py's statement for statement with the same message (\"unhandled exception during asyncio.run() shutdown\"); vine's `wraps` is " +
      "\"Backport of Python 3.5 wraps\", functools's `return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)`.",
  },
  {
    pair: "astunparse `unparser.py` → CPython `ast.py`; aenum → CPython `enum.py`",
    query: /\/(?:astunparse\/unparser|aenum\/(?:_enum|_common|test_stdlib_tests))\.py$/,
    reference: /^(?:ast|enum)\.py$/,
    evidence:
      "astunparse's `unparser.py` is CPython's `Tools/parser/unparse.py` (its first line, \"Usage: unparse.py <path to source file>\"), which `ast._Unparser` was made from: " +
      "the same `visit_*` methods and their comments (\"Large float and imaginary literals get turned into infinities in the AST.\"); aenum is the standard library's enum " +
      "by its author (\"compatible with Python's stdlib Enum\"), its `EnumType.__dir__`, `_is_descriptor` and the stdlib tests' `member_dir` the standard library's, statement for statement.",
  },
  {
    pair: "asn1crypto `_teletex_codec.py` → CPython `encodings/cp437.py` and its siblings; backports.tarfile → CPython `zipfile.py`",
    query: /\/(?:asn1crypto\/_teletex_codec|backports\/tarfile\/__init__)\.py$/,
    reference: /^(?:encodings\/[^/]+|zipfile)\.py$/,
    evidence:
      "asn1crypto's T.61 codec is gencodec.py's template as every charmap codec in encodings/ is (`Codec.encode` returning `codecs.charmap_encode(input_, errors, ENCODING_TABLE)`, the incremental " +
      "and stream classes), as webencodings's is; CPython's tarfile command line, which backports.tarfile carries, is zipfile's: the same mutually exclusive group of `-l`/`-e`/`-c`/`-t` with " +
      "the same metavars and help strings, `zipfile` replaced by `tarfile` (\"Show listing of a tarfile\", \"Create tarfile from sources\").",
  },
  {
    pair: "et_xmlfile `incremental_tree.py` → CPython `xml/sax/saxutils.py`",
    query: /\/et_xmlfile\/incremental_tree\.py$/,
    reference: /^xml\/sax\/saxutils\.py$/,
    evidence:
      "et_xmlfile says so (\"Code modified from cPython's Lib/xml/etree/ElementTree.py\"), and ElementTree's `_get_writer` shares its wrapping of a binary writer with " +
      "saxutils's `_gettextwriter`, comments word for word (\"This is to handle passed objects that aren't in the IOBase hierarchy, but just have a write method\", " +
      "\"TextIOWrapper uses this methods to determine if BOM (for UTF-16, etc) should be added\").",
  },
  {
    pair: "loguru `_colorizer.py` → CPython `string.py`; kind-of → redux `src/utils/kindOf.ts`",
    query: /\/loguru\/_colorizer\.py$|\/kind-of@[^/]+\/package\/index\.js$/,
    reference: /^string\.py$|^src\/utils\/kindOf\.ts$/,
    evidence:
      "loguru's `_parse_with_formatting` is `string.Formatter._vformat`'s loop statement for statement, its messages kept (\"cannot switch from manual field specification " +
      "to automatic field numbering\"); redux's `kindOf.ts` says so the other way: \"Inlined / shortened version of `kindOf` from https://github.com/jonschlinkert/kind-of\".",
  },
  {
    pair: "@trpc/server's vendored `standard-schema-v1` and valibot's declarations → zod `lib/standard-schema.d.ts`",
    query: /\/@trpc__server@[^/]+\/package\/(?:src\/vendor\/standard-schema-v1\/spec\.ts|dist\/unstable-core-do-not-import-[^/]+\.d\.[cm]ts)$|\/valibot@[^/]+\/package\/dist\/index\.d\.[cm]ts$/,
    reference: /^lib\/standard-schema\.d\.ts$/,
    evidence:
      "All three carry the Standard Schema specification's types: trpc vendors it and says so (\"@see https://github.com/standard-schema/standard-schema/blob/main/packages/spec/src/index.ts\"), " +
      "zod and valibot ship it in their declarations; `StandardSchemaV1`, its `Props`, `Result`, `SuccessResult` and `FailureResult` with the same doc comments (\"The Standard Schema properties " +
      "interface.\", \"Validates unknown input values.\"), written one line to a comment in one and three in the other, which the raw-text judge cannot see past.",
  },
  {
    pair: "class-validator `bundles/class-validator.umd.js` → validator `es/lib/*.js`",
    query: /\/class-validator@[^/]+\/package\/bundles\/class-validator\.umd\.js$/,
    reference: /^es\/lib\/[\w/]+\.js$/,
    evidence:
      "class-validator's UMD bundle carries validator.js compiled by Babel, module after module (the judge confirms some 60 of them); `isHash`'s `lengths` table is " +
      "validator's character for character, 145 of them, before `export default function` compiled to `function` and `assertString(str)` to `(0, _assertString.default)(str)`.",
  },
  {
    pair: "peewee `peewee.py` → CPython `sqlite3/dbapi2.py`; markdown-it-py `common/utils.py` → CPython `html/__init__.py`; passlib `_ordered_dict.py` → CPython `collections`",
    query: /\/peewee\.py$|\/markdown_it\/common\/utils\.py$|\/passlib\/utils\/compat\/_ordered_dict\.py$/,
    reference: /^sqlite3\/dbapi2\.py$|^html\/__init__\.py$|^collections\/__init__\.py$|^_collections_abc\.py$/,
    evidence:
      "peewee registers sqlite3's default converters itself, \"as these are deprecated\", and they are dbapi2's renamed (`convert_timestamp` splitting on `b'-'` and `b':'`, " +
      "`int('{:0<6.6}'.format(...decode()))` kept); markdown-it-py's `escapeHtml` says it is \"like html.escape, but without escaping single quotes\" and keeps its " +
      "`# Must be done first!`; passlib's OrderedDict is \"taken from stdlib-suggested recipe\" (Raymond Hettinger's, which became `collections.OrderedDict`), its `update` " +
      "`MutableMapping.update` inlined.",
  },
  {
    pair: "joblib's loky → CPython `multiprocessing` and `concurrent/futures/process.py`",
    query: /\/joblib\/externals\/loky\/(?:process_executor|backend\/(?:synchronize|process|queues|popen_loky_win32|stdlib_py314_resource_tracker))\.py$/,
    reference: /^concurrent\/futures\/process\.py$|^multiprocessing\/(?:synchronize|managers|process|queues|spawn|resource_tracker)\.py$/,
    evidence:
      "loky's files say what they are: `process_executor.py` \"adapted from concurrent/futures/process_pool_executor.py\", `synchronize.py` \"adapted from " +
      "multiprocessing/synchronize.py\", `queues.py` and `process.py` \"based on multiprocessing/queues.py\" and \"…/process.py\"; `stdlib_py314_resource_tracker.py` is by " +
      "its name Python 3.14's resource tracker, and `popen_loky_win32.py` subclasses `multiprocessing.popen_spawn_win32.Popen`, its spawn `main` spawn.py's. " +
      "`Condition.wait_for` is the one `managers.py`'s `ConditionProxy` carries statement for statement too.",
  },
  {
    pair:
      "joblib `disk.py`, `compressor.py` → CPython `shutil.py`, `_compression.py`; structlog `_log_levels.py` → `logging`; mutagen `aiff.py` → `aifc.py`; " +
      "parso `pgen2`, `tree.py` → `lib2to3`",
    query: /\/joblib\/(?:disk|compressor)\.py$|\/structlog\/_log_levels\.py$|\/mutagen\/aiff\.py$|\/parso\/(?:pgen2\/generator|pgen2\/grammar_parser|tree)\.py$/,
    reference: /^shutil\.py$|^_compression\.py$|^logging\/__init__\.py$|^aifc\.py$|^lib2to3\/(?:pgen2\/pgen|pytree)\.py$/,
    evidence:
      "joblib's `rm_subdirs` keeps `shutil.rmtree`'s paragraph on `onerror` (\"path is the argument to that function that caused it to fail\"), and its " +
      "`BinaryZlibFile` \"is an adaptation of the BZ2File object\" (`_compression.BaseStream`'s checks with it); structlog's levels are \"Adapted from the stdlib\"; " +
      "mutagen's `read_float` is \"based on stdlib's aifc\"; parso's `pgen2` \"was created by Guido Rossum and used for lib2to3\" (its grammar parser keeps Elemental " +
      "Security's copyright, \"Modifications: … David Halter\"), and its `get_next_sibling`/`get_previous_sibling` keep pytree's `# Can't use index(); we need to test by identity`.",
  },
  {
    pair: "python-future's `fix_unicode_keep_u.py` → CPython `lib2to3/fixes/fix_unicode.py`; html5lib's `constants.py` (and bleach's vendored copy) → CPython `html/entities.py`",
    query: /\/libfuturize\/fixes\/fix_unicode_keep_u\.py$|\/html5lib\/constants\.py$/,
    reference: /^lib2to3\/fixes\/fix_unicode\.py$|^html\/entities\.py$/,
    evidence:
      "The fixer is \"unlike the lib2to3 fix_unicode.py fixer\" in one respect and lib2to3's otherwise (its `_mapping`, `PATTERN` and `transform`); html5lib's `entities` and CPython's " +
      "`html5` are the same table of HTML5 named character references, value for value, written with double quotes in one and single in the other, which the raw-text judge " +
      "reads as other text.",
  },
  {
    pair: "billiard → CPython `multiprocessing`; beartype `_cave/_caveabc.py` → `_collections_abc.py`; cloudpickle → `pickle.py`",
    query: /\/billiard\/[\w/]+\.py$|\/beartype\/_cave\/_caveabc\.py$|\/cloudpickle\/cloudpickle\.py$/,
    reference: /^multiprocessing\/[\w/]+\.py$|^_collections_abc\.py$|^pickle\.py$/,
    evidence:
      "billiard is \"Python multiprocessing fork with improvements and bugfixes\" (its package description), module for module; beartype's `_check_methods` is " +
      "`_collections_abc`'s, its loop over `C.__mro__` statement for statement; cloudpickle's `_whichmodule` \"differs from `pickle.whichmodule` in two ways\" and its " +
      "`save_global` override keeps the Pickler's dispatch.",
  },
  {
    pair: "hammer.js's test assets `lodash.compat.js` → lodash, `blanket.js` → esprima; numeral's Turkish locale → moment `src/locale/tr.js`",
    query: /\/hammerjs@[^/]+\/package\/tests\/unit\/assets\/(?:lodash\.compat|blanket)\.js$|\/numeral@[^/]+\/package\/(?:locales\.js|(?:src\/)?locales\/tr\.js)$/,
    reference: /^(?:lodash\.js|core\.js|[\w]+\.js)$|^dist\/esprima\.js$|^src\/locale\/tr\.js$/,
    evidence:
      "hammer.js's tests vendor \"Lo-Dash 2.4.1 (Custom Build)\", whose functions and their documentation lodash 4 keeps, and blanket, which bundles esprima " +
      "(`factory((root.esprima = {}))`); numeral's Turkish ordinal suffixes are moment's `tr.js` table key for key and value for value (`1: '\\'inci'` against " +
      "`1: \"'inci\"`), not `az.js`'s or `tk.js`'s, whose values are other text.",
  },
  {
    pair: "gast `gast.py`, `unparser.py` → CPython `ast.py`; patsy `compat_ordereddict.py` → `collections/__init__.py`, `_collections_abc.py`; ptyprocess `util.py` → `shutil.py`",
    query: /\/gast\/(?:gast|unparser)\.py$|\/patsy\/compat_ordereddict\.py$|\/ptyprocess\/util\.py$/,
    reference: /^ast\.py$|^collections\/__init__\.py$|^_collections_abc\.py$|^shutil\.py$/,
    evidence:
      "gast's unparser is \"Code copied from Lib/ast.py from cpython 3.10 and slightly adjusted for gast\" and `gast.py` marks what is \"directly imported from python3.8's " +
      "Lib/ast.py\"; patsy's module is Raymond Hettinger's \"Backport of OrderedDict() class\", `update` being `MutableMapping.update`; ptyprocess's `which` is " +
      "\"copied from Python 3.4.1\".",
  },
  {
    pair: "pure_eval `my_getattr_static.py` → CPython `inspect.py`; py `_code/_py2traceback.py` → `traceback.py`; prop-types → react's development builds, preact `debug/src/check-props.js`",
    query: /\/pure_eval\/my_getattr_static\.py$|\/py\/_code\/_py2traceback\.py$|\/prop-types@[^/]+\/package\/(?:checkPropTypes|prop-types)\.js$/,
    reference: /^inspect\.py$|^traceback\.py$|^cjs\/react[\w.-]*\.development\.js$|^debug\/src\/check-props\.js$/,
    evidence:
      "pure_eval's `getattr_static` is `inspect`'s, `_static_getmro`, `_check_instance` and `_sentinel` with it; py's module is \"copied from python-2.7.3's " +
      "traceback.py\"; React's development builds inline prop-types' `checkPropTypes` (the same authors' code, its warnings word for word), and preact's " +
      "`checkPropTypes` keeps its documentation and `ReactPropTypesSecret`.",
  },
  {
    pair: "typing_extensions → CPython `typing.py`, `inspect.py`; universal_pathlib → `urllib/parse.py`, `pathlib.py`; uritemplate `orderedset.py` → `collections/__init__.py`; urllib3 → `http/client.py`, `socket.py`, `ssl.py`",
    query: /\/typing_extensions\.py$|\/upath\/(?:_flavour|core)\.py$|\/uritemplate\/orderedset\.py$|\/urllib3\/(?:connection|util\/connection|util\/ssl_match_hostname|util\/ssltransport)\.py$/,
    reference: /^(?:typing|inspect|urllib\/parse|pathlib|collections\/__init__|http\/client|socket|ssl)\.py$/,
    evidence:
      "typing_extensions is the standard library's `typing` backported, class for class and docstring for docstring; upath's `urljoin` path resolution is " +
      "`urllib.parse.urljoin`'s loop over `segments` and its `rename` keeps pathlib's docstring; uritemplate's ordered set is the ActiveState recipe of " +
      "OrderedDict's linked list; urllib3 keeps http.client's header sending (\"Making a single send() call instead of one per line…\"), socket's " +
      "`create_connection` and `makefile`, and ssl's `match_hostname` as backports.",
  },
  {
    pair: "es-toolkit → lodash; radash → lodash `zip`; rambda → ramda `_arity`, lodash `baseSlice`",
    query: /\/(?:es-toolkit|radash|rambda)@[^/]+\/package\//,
    reference: /^(?:lodash\.js|core\.js|[\w]+\.js)$|^src\/internal\/_arity\.js$/,
    evidence:
      "es-toolkit's lodash compatibility layer keeps lodash's documentation word for word (`pullAllWith`, `zip`, `partial`'s `greet`/`sayHelloTo` example) and " +
      "its `memoize` (`memoized.cache = cache.set(key, result) || cache`); radash's `zip` keeps lodash's; rambda's `_arity` is ramda's `switch` of " +
      "`function (a0, a1, …)` and its `baseSlice` lodash's (`length = start > end ? 0 : (end - start) >>> 0`).",
  },
  {
    pair: "black's blib2to3 → CPython `lib2to3`, `tokenize.py`; debugpy's pydevd → `code.py`, `codeop.py`, `getopt.py`, `inspect.py`, `pkgutil.py`, `rlcompleter.py`, `runpy.py`, `trace.py`, `traceback.py`",
    query: /\/blib2to3\/[\w/]+\.py$|\/debugpy\/_vendored\/pydevd\/[\w/]+\.py$/,
    reference: /^lib2to3\/[\w/]+\.py$|^(?:tokenize|code|codeop|getopt|inspect|pkgutil|rlcompleter|runpy|trace|traceback)\.py$/,
    evidence:
      "blib2to3 is black's fork of lib2to3 (\"Copyright 2004-2005 Elemental Security, Inc.\", pgen, driver, pytree module for module); pydevd vendors the " +
      "standard library's console, option parser, completer and runner as `_pydev_getopt`, `pydevconsole_code`, `_pydev_completer`, … with their docstrings.",
  },
  {
    pair: "absl, aiohttp, bm25s, cffi, charset_normalizer, cloudpathlib, confection → the standard library modules they adapt",
    query: /\/absl\/testing\/absltest\.py$|\/aiohttp\/(?:_cookie_helpers|helpers|streams|web)\.py$|\/bm25s\/numba\/selection\.py$|\/cffi\/_imp_emulation\.py$|\/charset_normalizer\/cli\/__main__\.py$|\/cloudpathlib\/(?:cloudpath|legacy\/glob)\.py$|\/confection\/_parser\.py$/,
    reference: /^(?:unittest\/(?:util|case)|http\/cookies|wsgiref\/handlers|asyncio\/(?:streams|runners)|heapq|imp|argparse|pathlib|configparser)\.py$/,
    evidence:
      "absltest keeps unittest's `_count_diff_all_purpose` and docstrings; aiohttp's cookie unquoting is `http.cookies._unquote` comment for comment " +
      "(\"We have to assume that we must decode this string. Down to work.\"), its HTTP date `wsgiref`'s (\"always English!\", \"Dummy so we can use 1-based month " +
      "numbers\"), its task cancelling `asyncio.runners`' and its StreamReader comment asyncio's; bm25s's numba heap is heapq's `_siftup` (`childpos`, `rightpos`); " +
      "cffi's `_imp_emulation` is `imp`'s; charset_normalizer's `FileType` is argparse's with its docstring; cloudpathlib keeps pathlib's glob selectors and " +
      "docstrings; confection's parser is configparser's `_read`.",
  },
  {
    pair: "riot's compiler build → acorn; zepto `src/deferred.js` → jquery `src/deferred.js`; inferno's JSX types → preact `src/jsx.d.ts`",
    query: /\/riot@[^/]+\/package\/|\/zepto@[^/]+\/package\/src\/deferred\.js$|\/inferno@[^/]+\/package\/dist\/core\/types\.d\.ts$/,
    reference: /^dist\/acorn\.js$|^src\/deferred\.js$|^src\/jsx\.d\.ts$/,
    evidence:
      "riot's `riot+compiler` builds bundle @riotjs/compiler with acorn whole; zepto's deferred module is jQuery's (\"Some code (c) 2005, 2013 jQuery " +
      "Foundation, Inc.\"); inferno's DOM attribute and event types are preact's, interface for interface and comment for comment.",
  },
  {
    pair: "ix `asynciterable/asynciterablex` → rxjs `src/internal/Observable.ts`",
    query: /\/ix@[^/]+\/package\/(?:src\/)?asynciterable\/asynciterablex\.(?:d\.ts|ts|js|mjs)$/,
    reference: /^src\/internal\/Observable\.ts$/,
    evidence:
      "IxJS (ReactiveX's interactive extensions) keeps RxJS's `pipe` overload ladder, `pipe<A, B, C>(op1: …<T, A>, op2: …<A, B>, op3: …<B, C>)`, with its own " +
      "type names (`OperatorAsyncFunction`, `AsyncIterableX`), in its sources and its `.d.ts` build; its synchronous `IterableX` keeps it word for word " +
      "(judged real by its identical run). Not adjudicated: ix's `takeWhile` overloads and `filterProto` reported as RxJS's `takeWhile` and `filter`, " +
      "the type-guard overloads every such API declares.",
  },
  {
    pair: "mutative → immer; meriyah → esprima's entity table",
    query: /\/(?:mutative|meriyah)@[^/]+\/package\//,
    reference: /^src\/(?:utils\/common|plugins\/mapset|plugins\/patches|types\/types-external)\.ts$|^dist\/esprima\.js$/,
    evidence:
      "mutative's Map and Set drafts, patches and `get`/`set`/`isEqual` are immer's renamed (`getArchtype` → `getType`, `ArchType` → `DraftType`, `thing` → " +
      "`target`), its plain-object test immer's `isPlainObject`, its `Draft` types immer's; meriyah's JSX entity table is esprima's value for value " +
      "(`nbsp: '\\u00A0'`, `iexcl: '\\u00A1'`, …), as html5lib's is `html.entities`.",
  },
  {
    pair: "idna's codec → `encodings/idna.py`; ipdb's `__main__` → `pdb.py`; janus → `queue.py`, `asyncio/queues.py`; importlib_metadata, importlib_resources → `importlib`; true-myth's Standard Schema types → zod's",
    query: /\/idna\/codec\.py$|\/ipdb\/__main__\.py$|\/janus\/__init__\.py$|\/importlib_(?:metadata|resources)\/[\w/]+\.py$|\/true-myth@[^/]+\/package\/(?:src|dist)\/standard-schema\.(?:ts|d\.ts|js)$/,
    reference: /^encodings\/idna\.py$|^pdb\.py$|^queue\.py$|^asyncio\/queues\.py$|^importlib\/[\w/]+\.py$|^lib\/standard-schema\.d\.ts$/,
    evidence:
      "idna's incremental codec is CPython's (\"# Keep potentially unfinished label until the next call\", `trailing_dot`, `_buffer_encode`); ipdb's " +
      "`main` is pdb's (its comment hiding \"pdb.py\" from the argument list, the note on saving and restoring `sys.argv`) and its `run`, `runeval` and `runcall` pdb's " +
      "simplified interface with `_init_pdb()` for `Pdb()`; janus's queues keep `queue.Queue`'s and `asyncio.Queue`'s docstrings and bodies (`task_done`'s " +
      "`unfinished`); importlib_metadata and importlib_resources are the standard library's `importlib.metadata` and `importlib.resources` backported; " +
      "true-myth's `standard-schema` is the Standard Schema interface, which the specification asks implementers to copy, as zod did.",
  },
  {
    pair: "multiprocess → `multiprocessing`; langgraph's uuid6 → `uuid.py`; fast-querystring's encoder → qs `lib/utils.js`; h3's Standard Schema types → zod's",
    query: /\/multiprocess\/[\w/]+\.py$|\/langgraph\/checkpoint\/base\/id\.py$|\/fast-querystring@[^/]+\/package\/lib\/internals\/querystring\.js$|\/h3@[^/]+\/package\/dist\/index\.d\.mts$/,
    reference: /^multiprocessing\/[\w/]+\.py$|^uuid\.py$|^lib\/utils\.js$|^lib\/standard-schema\.d\.ts$/,
    evidence:
      "multiprocess is a fork of the standard library's `multiprocessing`, module for module; langgraph's `id.py` keeps `uuid.UUID.__init__`'s checks and " +
      "comments (\"Set the variant to RFC 4122.\") and `uuid1`'s timestamp (\"0x01b21dd213814000 is the number of 100-ns intervals …\"); fast-querystring's " +
      "encoder is Node's `querystring` encoder (\"Multi-byte characters ...\", \"Surrogate pair\"), which qs's `encode` adapts too and credits (\"originally " +
      "written by Brian White (mscdex) for the io.js core querystring library\"); h3's types bundle the Standard Schema interface, as zod's do.",
  },
  {
    pair: "z-schema's browser builds → lodash, validator, qs; @cfworker/json-schema's `ucs2length` → ajv's; typed-document-node's typings → graphql's; neo4j's asyncio shims → `asyncio`, `threading.py`; opentelemetry's `LogRecord` → `logging`; pathlib_abc → `pathlib`, `fnmatch`, `glob`, `shutil`",
    query: /\/z-schema@[^/]+\/package\/dist\/ZSchema-browser[\w-]*\.js$|\/@cfworker__json-schema@[^/]+\/package\/(?:src|dist\/\w+)\/ucs2-length\.(?:ts|js)$|\/@graphql-typed-document-node__core@[^/]+\/package\/typings\/index\.d\.ts$|\/neo4j\/_async_compat\/[\w/]+\.py$|\/opentelemetry\/_logs\/_internal\/__init__\.py$|\/pathlib_abc\/[\w/]+\.py$/,
    reference: /^(?:lodash|core|_\w+|\w+)\.js$|^es\/lib\/[\w/]+\.js$|^lib\/(?:parse|stringify|utils|formats)\.js$|^lib\/runtime\/ucs2length\.ts$|^utilities\/typedQueryDocumentNode\.d\.ts$|^asyncio\/(?:locks|tasks)\.py$|^threading\.py$|^logging\/__init__\.py$|^(?:pathlib|fnmatch|glob|shutil)\.py$/,
    evidence:
      "z-schema's browser builds bundle lodash's `get` and `isEqual`, validator and qs whole; @cfworker/json-schema's `ucs2length` is ajv's renamed, its header " +
      "(\"https://github.com/bestiejs/punycode.js - punycode.ucs2.decode\") and comments (\"high surrogate, and there is a next character\") kept; graphql's " +
      "`TypedQueryDocumentNode` keeps typed-document-node's documentation of `__apiType`; neo4j's `_async_compat` says \"copied and modified from Python 3.11's " +
      "asyncio package\" and its `wait_for` shim \"copied from Python 3.10's asyncio package\"; opentelemetry's `LogRecord` keeps `logging.LogRecord`'s docstring; " +
      "pathlib_abc is the standard library's pathlib, with its fnmatch and glob translation and shutil's copy loop.",
  },
  {
    pair: "connect, router → express `lib/router`; @tinyhttp/app's view → express `lib/view.js`; poetry-core's vendored tomli → `tomllib`; pydantic's `_typing_extra` → `typing.py`",
    query: /\/(?:connect|router)@[^/]+\/package\/(?:index|lib\/\w+)\.js$|\/@tinyhttp__app@[^/]+\/package\/dist\/view\.(?:js|d\.ts)$|\/poetry\/core\/_vendor\/tomli\/\w+\.py$|\/pydantic\/_internal\/_typing_extra\.py$/,
    reference: /^lib\/router\/\w+\.js$|^lib\/view\.js$|^tomllib\/\w+\.py$|^typing\.py$/,
    evidence:
      "router is express's router published on its own (`Layer`, `Route`, `trim_prefix`), and express's router keeps connect's prefix trimming (\"trim off the " +
      "part of the url that matches the route\", \"ensure leading slash\"); tinyhttp's view says \"Ported from https://github.com/expressjs/express/blob/master/" +
      "lib/view.js\"; tomllib is tomli, which poetry-core vendors; pydantic's `_typing_extra` keeps `typing.get_type_hints` (\"the implementation in CPython 3.10.8\").",
  },
  {
    pair: "reportlab's data URLs → `urllib/request.py`; rich-rst's vendored docutils → `collections` (`UserList`), `distutils/command/check.py`; scikit-build-core's vendored pyproject-metadata → `email/policy.py`; sphinx → `inspect.py`, `textwrap.py`",
    query: /\/reportlab\/lib\/utils\.py$|\/rich_rst\/_vendor\/docutils\/(?:statemachine|utils\/__init__)\.py$|\/scikit_build_core\/_vendor\/pyproject_metadata\/__init__\.py$|\/sphinx\/util\/docstrings\.py$|\/sphinx\/writers\/text\.py$/,
    reference: /^urllib\/request\.py$|^collections\/__init__\.py$|^distutils\/command\/check\.py$|^email\/policy\.py$|^inspect\.py$|^textwrap\.py$/,
    evidence:
      "reportlab's `datareader` is urllib's `open_data`, its comments on the data URL syntax kept; docutils' `ViewList` compares through `self.__cast(other)` " +
      "as `UserList` does, and distutils' `check` builds its reporter as docutils' `new_reporter` does, argument for argument; pyproject-metadata's `_fold` is " +
      "`email.policy.EmailPolicy._fold` reformatted; sphinx's `prepare_docstring` is `inspect.cleandoc`'s margin loop and its `TextWrapper._wrap_chunks` " +
      "textwrap's, adapted to character widths.",
  },
  {
    pair: "esutils `lib/keyword.js` → esprima; twisted's vendored tokenize → lib2to3 `pgen2/tokenize.py`; twisted trial → `unittest/case.py`; twisted mail → `email/utils.py`",
    query: /\/esutils@[^/]+\/package\/lib\/keyword\.js$|\/twisted\/persisted\/_tokenize\.py$|\/twisted\/trial\/_synctest\.py$|\/twisted\/mail\/smtp\.py$/,
    reference: /^dist\/esprima\.js$|^lib2to3\/pgen2\/tokenize\.py$|^unittest\/case\.py$|^email\/utils\.py$/,
    evidence:
      "esutils' `isStrictModeReservedWordES6` and `isKeywordES6` are esprima's `isStrictModeReservedWord` and `isKeyword` case for case (the keywords grouped by " +
      "length, `(id === 'if') || (id === 'in') || (id === 'do')` …, from the same authors); twisted's `_tokenize` says \"vendored from " +
      "https://github.com/python/cpython/blob/…/Lib/tokenize.py\", and lib2to3's `pgen2/tokenize.py` is a fork of the same module; trial's " +
      "`assertNotAlmostEqual` docstring is unittest's `assertAlmostEqual`'s (\"decimal places (from zero) … significant digits (measured from the most " +
      "significant digit)\"); twisted's `rfc822date` formats as `email.utils._format_timetuple_and_zone` does, expression for expression (the day and " +
      "month names indexed by `[6]` and `[1] - 1`, then fields 2, 0, 3, 4, 5), `timetuple` renamed `timeinfo`.",
  },
  {
    pair: "datasets `formatting/formatting.py` → `collections/__init__.py` (`UserDict`); datasets `utils/py_utils.py` → `dataclasses.py`",
    query: /\/datasets\/formatting\/formatting\.py$|\/datasets\/utils\/py_utils\.py$/,
    reference: /^collections\/__init__\.py$|^dataclasses\.py$/,
    evidence:
      "datasets' `LazyDict` says \"Identical to `UserDict.__copy__`\" above its `__copy__`, and its `__iter__`, `__contains__`, `__repr__` and `__or__` are " +
      "UserDict's; its `asdict` keeps `dataclasses._asdict_inner`'s namedtuple, list and dict branches with their comment (\"Assume we can create an object " +
      "of this type by passing in a generator (which is not true for namedtuples, handled above)\").",
  },
  {
    pair: "jedi's, pyright's and mypy's vendored typeshed stubs → the stdlib modules they describe; langchain-community `unparse.py` → `ast.py`; IPython's debugger → `pdb.py`; xmlschema `testing/_factory.py` → `unittest/main.py`",
    query: /\/(?:jedi\/third_party\/typeshed|pyright\/dist\/dist\/typeshed-fallback|mypy\/typeshed)\/stdlib\/(?:distutils\/command\/__init__|urllib\/request|logging\/__init__|unittest\/__init__|doctest|importlib\/metadata\/_meta|email\/__init__|asyncio\/sslproto|_pydecimal|operator)\.pyi$|\/langchain_community\/tools\/e2b_data_analysis\/unparse\.py$|\/IPython\/core\/debugger\.py$|\/xmlschema\/testing\/_factory\.py$/,
    reference: /^(?:distutils\/command\/__init__|urllib\/request|logging\/__init__|unittest\/__init__|doctest|importlib\/metadata\/_meta|email\/__init__|asyncio\/sslproto|_pydecimal|operator)\.py$|^ast\.py$|^pdb\.py$|^unittest\/main\.py$/,
    evidence:
      "typeshed's stubs restate their module's `__all__` name for name in its order (one name a line where the module packs them), its constants, dataclasses " +
      "and protocols (`asyncio.sslproto.SSLProtocolState`'s members, `importlib.metadata.PackageMetadata`'s methods); langchain-community's `unparse.py` says " +
      "\"we copied the unparse functionality from here: https://github.com/python/cpython/blob/3.8/Tools/parser/unparse.py\", which became `ast`'s " +
      "`_Unparser`; IPython's debugger is \"Modified from the standard pdb.Pdb class\", its `do_up` and `do_down` keeping pdb's docstrings; xmlschema's test " +
      "factory declares \"# unittest's arguments\" and adds `unittest.main`'s options with their help texts.",
  },
  {
    pair: "nibabel `streamlines/tractogram_file.py` → `abc.py`; nibabel `tmpdirs.py` → `tempfile.py`",
    query: /\/nibabel\/streamlines\/tractogram_file\.py$|\/nibabel\/tmpdirs\.py$/,
    reference: /^abc\.py$|^tempfile\.py$/,
    evidence:
      "nibabel's `abstractclassmethod` is abc's (`__isabstractmethod__ = True`, its `__init__` marking the callable and calling `super().__init__`), kept " +
      "since abc deprecated its own; its `TemporaryDirectory` subclasses `tempfile.TemporaryDirectory` and keeps its docstring (\"Create and return a " +
      "temporary directory.  This has the same behavior as mkdtemp but can be used as a context manager.\"), pointing to it on deprecation.",
  },  {
    pair: "python-can `io/logger.py` → `logging/handlers.py`",
    query: /\/can\/io\/logger\.py$/,
    reference: /^logging\/handlers\.py$/,
    evidence:
      "python-can's `BaseRotatingLogger` says so: \"These attributes as well as the methods rotation_filename and rotate and the corresponding " +
      "docstrings are carried over from the python builtin logging.handlers.BaseRotatingHandler\".",
  },
  {
    pair: "setuptools `_distutils` → CPython `distutils`, module for module; its `spawn.py` → `shutil.py`",
    query: /\/setuptools\/_distutils\/(?:command\/(?:check|install_data|install_egg_info)|log|sysconfig|spawn|_modified|compilers\/C\/(?:errors|unix))\.py$/,
    reference: /^distutils\/(?:command\/(?:check|install_data|install_egg_info)|log|sysconfig|dep_util|errors|unixccompiler)\.py$|^shutil\.py$/,
    evidence:
      "setuptools' `_distutils` is pypa/distutils, the standard library's distutils kept as a package and reformatted: its modules still name themselves in " +
      "their docstrings (`distutils.spawn`, `distutils.command.install_egg_info`), check's reporter, install_data's file branch, log's aliases and the " +
      "sysconfig, dep_util (now `_modified`), errors and unixccompiler docstrings and comments are distutils' own, and spawn's `find_executable` keeps " +
      "`shutil.which`'s PATH lookup with its comments (\"bpo-35755\", \"os.confstr() or CS_PATH is not available\").",
  },
  {
    pair: "setuptools `_distutils` commands → the distutils commands that write the same lines",
    query: /\/setuptools\/_distutils\/command\/(?:install|build_ext|build_clib)\.py$|\/setuptools\/command\/build_clib\.py$/,
    reference: /^distutils\/command\/(?:install_lib|build_clib|build_ext|config)\.py$/,
    evidence:
      "distutils writes these lines alike in two commands and setuptools' copies keep them: install's `compile`, `no-compile` and `optimize=` options with " +
      "install_lib's help texts (\"also compile with optimization: -O1 for \\\"python -O\\\", …\"), the block giving the compiler the include dirs, macros " +
      "and undefined macros (\"'define' option is a list of (name,value) tuples\") in build_ext and build_clib, build_ext's `define=`, `undef=`, " +
      "`libraries=` and `library-dirs=` options as config's, and the \"'sources' must be present and must be a list of source filenames\" check.",
  },
  {
    pair: "setuptools' commands → distutils' `sdist`, `bdist_dumb`, `filelist`, `cmd` and `fnmatch.py`",
    query: /\/setuptools\/command\/(?:sdist|bdist_egg|bdist_wheel|egg_info)\.py$|\/setuptools\/__init__\.py$|\/wheel\/bdist_wheel\.py$/,
    reference: /^distutils\/(?:command\/(?:sdist|bdist_dumb)|filelist|cmd)\.py$|^fnmatch\.py$/,
    evidence:
      "setuptools' sdist declares distutils sdist's options with their help texts; bdist_egg's and bdist_wheel's options are bdist_dumb's (\"keep the " +
      "pseudo-installation tree around after creating the distribution archive\", \"skip rebuilding everything (for testing/debugging)\"), and so are " +
      "wheel's own bdist_wheel's (\"temporary directory for creating the distribution\", \"Owner name used when creating a tar file\"); egg_info's " +
      "manifest warnings are distutils filelist's (\"warning: no previously-included files matching '%s' found anywhere in distribution\") and its " +
      "`translate_pattern` scans a bracket as `fnmatch.translate` does, renamed (its docstring: \"This differs from fnmatch.translate…\"); " +
      "`setuptools.Command`'s docstring keeps distutils `Command`'s (\"A useful analogy for command classes is to think of them as subroutines with local " +
      "variables called \\\"options\\\"\").",
  },
  {
    pair: "pip 23's `locations/base.py` → CPython `distutils/util.py`",
    query: /\/pip\/_internal\/locations\/base\.py$/,
    reference: /^distutils\/util\.py$/,
    evidence: "pip's `change_root` says so in its docstring: \"This is borrowed from Python's standard library's distutils module.\"",
  },
  {
    pair: "setuptools 66's `_distutils` compilers → distutils' compilers",
    query: /\/setuptools\/_distutils\/(?:bcppcompiler|cygwinccompiler|msvc9compiler|msvccompiler|unixccompiler)\.py$/,
    reference: /^distutils\/(?:bcppcompiler|cygwinccompiler|msvc9compiler|msvccompiler|unixccompiler)\.py$/,
    evidence:
      "setuptools' `_distutils` compilers are distutils' own, reformatted, and distutils' compilers share code among themselves: `object_filenames` " +
      "\"Copied from ccompiler.py, extended to return .res as 'object'-file\" in msvc9compiler and msvccompiler, and bcppcompiler's and " +
      "cygwinccompiler's with \"use normcase to make sure '.rc' is really '.rc' and not '.RC'\"; bcppcompiler's and unixccompiler's `preprocess` " +
      "building `pp_args` alike; msvccompiler's docstring and credits (\"Written by Perry Stoll\", \"hacked by Robin Becker and Thomas Heller\") at " +
      "the head of msvc9compiler; unixccompiler's comment on Xcode 7's \".tbd\" stubs, now a docstring; `Mingw32CCompiler` (\"the same as cygwin " +
      "plus some additional parameters\").",
  },
  {
    pair: "setuptools 66's `_distutils` `build_scripts` and `sysconfig` → distutils' `build_scripts`, the standard `sysconfig`",
    query: /\/setuptools\/_distutils\/(?:command\/build_scripts|sysconfig)\.py$/,
    reference: /^distutils\/command\/build_scripts\.py$|^sysconfig\.py$/,
    evidence:
      "build_scripts' shebang check keeps distutils' comment (\"If the script is encoded to a custom encoding (use a #coding:xxx cookie), the " +
      "shebang has to be …able … the script encoding too\") with decode turned to encode; `_distutils.sysconfig.get_config_vars` keeps the standard " +
      "`sysconfig.get_config_vars` docstring (\"With no arguments, return a dictionary of all configuration variables relevant for the current " +
      "platform\", \"With arguments, return a list of values that result from looking up each argument in the configuration variable dictionary\").",
  },
  {
    pair: "setuptools 66's `easy_install`, `install_egg_info`, `upload_docs` and `dep_util` → the distutils modules they were made from",
    query: /\/setuptools\/(?:command\/(?:easy_install|install_egg_info|upload_docs)|dep_util)\.py$/,
    reference: /^distutils\/(?:command\/(?:install|install_egg_info|upload)|dep_util)\.py$/,
    evidence:
      "easy_install's `create_home_path` (\"Create directories under ~.\", `os.makedirs('%s', 0o700)`) and its record writing (\"strip any package " +
      "prefix\", \"writing list of installed files to '%s'\") are distutils install's; setuptools' install_egg_info keeps distutils' option row " +
      "and `set_undefined_options('install_lib', ('install_dir', 'install_dir'))`; upload_docs' multipart body is upload's (\"handle multiple " +
      "entries for the same name\", `'; filename=\"%s\"'`); dep_util's `newer_pairwise_group` is distutils' `newer_pairwise` over groups, its " +
      "docstring and comment (\"build a pair of lists (sources, targets) where source is newer\") kept.",
  },
  {
    pair: "Debian's jQuery 3.6.1 build → jQuery 3.7.1's `src/selector.js`",
    query: /\/javascript\/jquery\/jquery\.js$/,
    reference: /^src\/selector\.js$/,
    evidence:
      "Debian's `jquery.js` is jQuery's own build one release older (its header: \"jQuery JavaScript Library v3.6.1\"); the index holds jQuery 3.7.1, " +
      "which moved Sizzle's selector support tests into `src/selector.js`, edited: the `rbuggyQSA` checks keep their code and comments (\"Support: " +
      "Windows 8 Native Apps\", \"The type and name attributes are restricted during .innerHTML assignment\").",
  },
  {
    pair: "npm's minimatch 10.2.5 → minimatch 10.0.1",
    query: /\/npm\/node_modules\/minimatch\/dist\//,
    reference: /^dist\/(?:esm|commonjs)\//,
    evidence:
      "the same project one release on: npm bundles minimatch 10.2.5 (its package.json), the index holds 10.0.1; both are the CommonJS and ESM " +
      "builds of the same TypeScript, edited between them (`unescape`'s docstring grew a paragraph on `magicalBraces`, \"Un-escape a string that " +
      "has been escaped with {@link escape}\" kept).",
  },
  {
    pair: "undici's WebSocket `frame.js` → ws's `sender.js`",
    query: /\/undici\/lib\/web\/websocket\/frame\.js$/,
    reference: /^lib\/sender\.js$/,
    evidence: "undici's frame writer credits it in place: \"/*! ws. MIT License. Einar Otto Stangvik <einaros@gmail.com> */\", above the masking and payload-length code it keeps.",
  },
  {
    pair: "hypothesis' `internal/compat.py` and libcst's `_add_slots.py` → `dataclasses.py`",
    query: /\/hypothesis\/internal\/compat\.py$|\/libcst\/_add_slots\.py$/,
    reference: /^dataclasses\.py$/,
    evidence:
      "hypothesis' `dataclass_asdict` says so: \"A vendored variant of dataclasses.asdict. Includes the bugfix for defaultdicts (cpython/32056)\"; " +
      "libcst's `_add_slots.py` opens \"This file is derived from github.com/ericvsmith/dataclasses\", the project the standard library's " +
      "`dataclasses` and its `_add_slots` came from.",
  },
  {
    pair: "libcst's parso tokenizer → `tokenize.py`",
    query: /\/libcst\/_parser\/parso\/python\/tokenize\.py$/,
    reference: /^tokenize\.py$/,
    evidence: "its header: \"This tokenizer has been copied from the ``tokenize.py`` standard library tokenizer\" (the pattern builders and their groups kept).",
  },
  {
    pair: "cfn-lint's `decode/cfn_json.py` → `json/decoder.py`, `json/scanner.py`",
    query: /\/cfnlint\/decode\/cfn_json\.py$/,
    reference: /^json\/(?:decoder|scanner)\.py$/,
    evidence:
      "it imports `WHITESPACE`, `BACKSLASH` and `STRINGCHUNK` from `json.decoder` and `NUMBER_RE` from `json.scanner`, and its `py_scanstring`, " +
      "`_decode_uXXXX` (\"Invalid \\uXXXX escape\") and scanner are json's, raising its own decode error with a rule match.",
  },
  {
    pair: "sympy's rationals and doctest runner → `fractions.py`, `doctest.py`",
    query: /\/sympy\/(?:external\/pythonmpq|polys\/domains\/(?:realfield|mpelements)|testing\/runtests)\.py$/,
    reference: /^(?:fractions|doctest)\.py$/,
    evidence:
      "PythonMPQ's `__hash__` is \"hash - same as mpq/Fraction\", Fraction's code; `to_rational` in realfield and mpelements keeps " +
      "`Fraction.limit_denominator`'s continued-fraction loop (`p0, q0, p1, q1 = p1, q1, p0 + a*p1, q2`) with `max_denom` for `max_denominator`; " +
      "runtests' `SymPyDocTestFinder._find` is \"Modified from doctest's version to look harder for code that appears comes from a different module\".",
  },
  {
    pair: "yt-dlp `cookies.py` → `http/cookies.py`",
    query: /\/yt_dlp\/cookies\.py$/,
    reference: /^http\/cookies\.py$/,
    evidence:
      "yt-dlp's `LenientSimpleCookie` says so above its cookie pattern: \"From https://github.com/python/cpython/blob/v3.10.7/Lib/http/cookies.py\"; " +
      "the verbose pattern keeps `_CookiePattern`'s comments line for line (\"Start of group 'key'\", \"Any doublequoted string\", \"Special case for " +
      "\\\"expires\\\" attr\").",
  },
  {
    pair: "yarl `_parse.py`, `_path.py` → CPython `urllib/parse.py`",
    query: /\/yarl\/_(?:parse|path)\.py$/,
    reference: /^urllib\/parse\.py$/,
    evidence:
      "`split_url` says so: \"Adapted from urllib.parse.urlsplit\" (its scheme loop with `scheme_chars` and `for … else`); " +
      "`normalize_path_segments` is `urljoin`'s dot-segment loop with its comments (\"ignore any .. segments that would otherwise cause an " +
      "IndexError when popped from resolved_path if resolving for rfc3986\", \"do some post-processing here. if the last segment was a relative dir\"), reflowed.",
  },
  {
    pair: "tornado `queues.py`, `httputil.py` → CPython `asyncio/queues.py`, `http/cookies.py`",
    query: /\/tornado\/(?:queues|httputil)\.py$/,
    reference: /^(?:asyncio\/queues|http\/cookies)\.py$/,
    evidence:
      "tornado's queues say so: \"These classes are very similar to those provided in the standard library's asyncio package\", and " +
      "`task_done` is asyncio's statement for statement (\"task_done() called too many times\"), its docstring reworded; `_unquote_cookie` " +
      "\"is copied verbatim from the Python 3.13 standard library (http.cookies._unquote)\", `str` renamed `s`.",
  },
  {
    pair: "regex `_main.py` → CPython `re/__init__.py`",
    query: /\/regex\/_main\.py$/,
    reference: /^re\/__init__\.py$/,
    evidence:
      "regex's module opens with `re`'s own header (\"Secret Labs' Regular Expression Engine … Copyright (c) 1998-2001 by Secret Labs AB\"), " +
      "and its function list and its `findall`, `finditer`, `search` and `sub` docstrings are `re`'s, extended with regex's own arguments.",
  },
  {
    pair: "uvloop `__init__.py` → CPython `asyncio/events.py`",
    query: /\/uvloop\/__init__\.py$/,
    reference: /^asyncio\/events\.py$/,
    evidence:
      "uvloop's `EventLoopPolicy` is `BaseDefaultEventLoopPolicy` again: its `_Local(threading.local)`, `get_event_loop`'s and " +
      "`set_event_loop`'s docstrings and messages (\"There is no current event loop in thread %r.\", \"loop must be an instance of " +
      "AbstractEventLoop or None\") word for word; the module says of its `run` \"Copied from python/cpython\".",
  },
  {
    pair: "rapidfuzz `distance/Indel_py.py`, `LCSseq_py.py` → CPython `difflib.py`",
    query: /\/rapidfuzz\/distance\/(?:Indel|LCSseq)_py\.py$/,
    reference: /^difflib\.py$/,
    evidence:
      "the `opcodes` docstrings' example is `SequenceMatcher.get_opcodes`' doctest: `a = \"qabxcd\"`, `b = \"abycdf\"` and its " +
      "`print((\"%7s a[%d:%d] (%s) b[%d:%d] (%s)\" % …))` loop, its output rows kept where the alignment agrees.",
  },
  {
    pair: "sqlalchemy `log.py`, `util/queue.py`, `util/compat.py` → CPython `logging`, `queue.py`, `inspect.py`",
    query: /\/sqlalchemy\/(?:log|util\/queue|util\/compat)\.py$/,
    reference: /^(?:logging\/__init__|queue|inspect)\.py$/,
    evidence:
      "`util/queue.py` says so: \"An adaptation of Py2.3/2.4's Queue module\"; `inspect_getfullargspec` is a \"Fully vendored version of " +
      "getfullargspec from Python 3.3\"; `InstanceLogger`'s `# Boilerplate convenience methods` are `LoggerAdapter`'s under the same comment, " +
      "each \"Delegate a … call to the underlying logger.\"",
  },
  {
    pair: "wcwidth `textwrap.py` → CPython `textwrap.py`",
    query: /\/wcwidth\/textwrap\.py$/,
    reference: /^textwrap\.py$/,
    evidence:
      "`SequenceTextWrapper._wrap_chunks` says so: \"Override TextWrapper._wrap_chunks to measure with _width. Follows stdlib's algorithm\", " +
      "its checks and messages (\"invalid width %r (must be > 0)\", \"placeholder too large for max width\") and comments (\"Arrange in reverse " +
      "order so items can be efficiently popped\") `TextWrapper`'s.",
  },
  {
    pair: "websockets `legacy/protocol.py` → CPython `asyncio/streams.py`",
    query: /\/websockets\/legacy\/protocol\.py$/,
    reference: /^asyncio\/streams\.py$/,
    evidence:
      "it says so: \"# Copied from asyncio.StreamWriter\" above `_drain`, whose comment (\"Yield to the event loop so connection_lost() may be " +
      "called …\") is `StreamWriter.drain`'s word for word.",
  },
  {
    pair: "langgraph `pregel/_call.py`, `_internal/_future.py`, `_internal/_queue.py` → CPython `pickle.py`, `asyncio/tasks.py`, `asyncio/queues.py`, `queue.py`",
    query: /\/langgraph\/(?:pregel\/_call|_internal\/_future|_internal\/_queue)\.py$/,
    reference: /^(?:pickle|asyncio\/tasks|asyncio\/queues|queue)\.py$/,
    evidence:
      "`_call.py` says so: \"Utilities borrowed from cloudpickle\", whose `_whichmodule` \"differs from ``pickle.whichmodule`` in two ways\" and " +
      "whose `_getattribute` is pickle's; the queue's `wait` is \"Copied from Queue.get()\" and its synchronous queue \"Adapted from pure Python " +
      "implementation of queue.SimpleQueue\", `empty` and `qsize` with their docstrings; `_wrap_awaitable` keeps asyncio's docstring, " +
      "\"Helper for asyncio.ensure_future()\", and `ensure_future`'s `called_wrap_awaitable` handler.",
  },
  {
    pair: "pymongo `_asyncio_lock.py` → CPython `asyncio/mixins.py`",
    query: /\/pymongo\/_asyncio_lock\.py$/,
    reference: /^asyncio\/(?:mixins|locks)\.py$/,
    evidence:
      "it says so: \"Lock and Condition classes vendored from https://github.com/python/cpython/blob/main/Lib/asyncio/locks.py\", under the " +
      "PSF's copyright line; `_LoopBoundMixin._get_loop` is asyncio's, return type added.",
  },
  {
    pair: "httpx2 `_status_codes.py` → CPython `http/__init__.py`",
    query: /\/httpx2\/_status_codes\.py$/,
    reference: /^http\/__init__\.py$/,
    evidence:
      "its `codes` docstring is `HTTPStatus`'s: \"HTTP status codes and reason phrases\", \"Status codes from the following RFCs are all " +
      "observed:\" and the same list of RFCs in the same words, RFC 9110 where CPython 3.11 names 7231.",
  },
  {
    pair: "moment-jalaali → moment `src/locale/fa.js`",
    query: /\/moment-jalaali@[^/]+\/package\/(?:index|build\/moment-jalaali)\.js$/,
    reference: /^src\/locale\/fa\.js$/,
    evidence:
      "a \"calendar system plugin for moment.js\" whose Persian locale is moment's `fa` written comma first: its `calendar` and " +
      "`relativeTime` strings (\"[امروز ساعت] LT\", \"%s پیش\", \"چند ثانیه\"), its `preparse` and `postformat` through `numberMap` and " +
      "`symbolMap`, and its week's comments (\"Saturday is the first day of the week.\") are moment's.",
  },
  {
    pair: "cftime `_strptime.py` → CPython `_strptime.py`",
    query: /\/cftime\/_strptime\.py$/,
    reference: /^_strptime\.py$/,
    evidence: "it says so: \"stripped-down version of _strptime.py from C python\"; `TimeRE.__init__` keeps its docstring (\"Create keys/values. Order of execution is important for dependency reasons.\") and comments.",
  },
  {
    pair: "mpi4py `futures/pool.py` → CPython `concurrent/futures/_base.py`",
    query: /\/mpi4py\/futures\/pool\.py$/,
    reference: /^concurrent\/futures\/_base\.py$/,
    evidence:
      "its executor implements `concurrent.futures.Executor` under its docstrings: `submit`'s, `map`'s (\"fn: A callable that will take as " +
      "many arguments as there are passed iterables\") and `shutdown`'s (\"It is safe to call this method several times. Otherwise, no other " +
      "methods can be called after this one.\"), extended with its own arguments.",
  },
  {
    pair: "lz4 `frame/__init__.py` → CPython `bz2.py`, `lzma.py`",
    query: /\/lz4\/frame\/__init__\.py$/,
    reference: /^(?:bz2|lzma)\.py$/,
    evidence:
      "`LZ4FrameFile` is `LZMAFile` and `BZ2File` again: their mode constants with the comment \"# Value 2 no longer used\", the class " +
      "docstring (\"An LZ4FFile can act as a wrapper for an existing file object, or refer directly to a named file on disk\"), the " +
      "constructor's branches and message (\"filename must be a str, bytes, file or PathLike object\") and `close`'s docstring.",
  },
  {
    pair: "lxml `_elementpath.py` → CPython `xml/etree/ElementPath.py`",
    query: /\/lxml\/_elementpath\.py$/,
    reference: /^xml\/etree\/ElementPath\.py$/,
    evidence: "it is ElementTree's ElementPath under its own header (\"# ElementTree … Copyright (c) 2003-2009 by Fredrik Lundh\"), its selectors and tokenizer adapted to lxml.",
  },
  {
    pair: "numba `cpython/heapq.py` → CPython `heapq.py`",
    query: /\/numba\/cpython\/heapq\.py$/,
    reference: /^heapq\.py$/,
    evidence: "it says so: \"A port of https://github.com/python/cpython/blob/e42b7051/Lib/heapq.py\"; `_siftdown`, `_siftup` and `nsmallest`'s loops are heapq's, compiled by numba.",
  },
  {
    pair: "cocotb `queue.py` → CPython `asyncio/queues.py`",
    query: /\/cocotb\/queue\.py$/,
    reference: /^asyncio\/queues\.py$/,
    evidence:
      "its queues are asyncio's for cocotb's scheduler, their exceptions subclassing `asyncio.queues`': `_format` line for line " +
      "(`maxsize={self._maxsize!r}`, `_getters[…]`, `_putters[…]`), `qsize`, `maxsize` and `empty` under asyncio's docstrings.",
  },
  {
    pair: "pypdfium2 `_shared/stl.py` → CPython `functools.py`",
    query: /\/pypdfium2_cfg\/_shared\/stl\.py$/,
    reference: /^functools\.py$/,
    evidence:
      "its `cached_property` is \"Similar to :obj:`functools.cached_property`\": the constructor and `__set_name__` are functools' statement " +
      "for statement (`self.__doc__ = func.__doc__`, the name taken once), `attrname` renamed `assigned_name`; its `__get__` is its own.",
  },
  {
    pair: "@graphql-tools/utils → graphql-js (`astFromValue`, `collectFields`, `Path`, `promiseReduce`, the printer, `DirectiveLocation`)",
    query: /\/@graphql-tools__utils@[^/]+\/package\/(?:esm|cjs|typings)\/(?:astFromValueUntyped|collectFields|Path|jsutils|comments|types)\.(?:js|d\.ts|d\.cts)$/,
    reference: /^(?:utilities\/astFromValue|execution\/collectFields|jsutils\/Path|jsutils\/promiseReduce|language\/printer|language\/directiveLocation)\.(?:js|d\.ts)$/,
    evidence:
      "graphql-js's utilities carried into graphql-tools under their own doc comments: `astFromValueUntyped` keeps `astFromValue`'s " +
      "(\"Produces a GraphQL Value AST given a JavaScript object\", its JSON-to-GraphQL table, \"only explicit null, not undefined, NaN\"); " +
      "`addPath` and `pathToArray` (\"Given a Path and a key, return a new Path containing the new key\"); the printer's `join`, `indent` and " +
      "`block` (\"Given maybeArray, print an empty string if it is null or empty\"); `collectFields`' \"Determines if a field should be " +
      "included based on the `@include` and `@skip` directives\"; `promiseReduce` beside \"Match graphql-js\"; `DirectiveLocation` value for value.",
  },
  {
    pair: "nexus `utils` → graphql-js `jsutils/suggestionList.js`",
    query: /\/nexus@[^/]+\/package\/(?:src\/utils\.ts|dist(?:-esm)?\/utils\.js)$/,
    reference: /^jsutils\/suggestionList\.js$/,
    evidence: "it says so: \"Copied from graphql-js:\" above `suggestionList` and its lexical distance.",
  },
  {
    pair: "graphql-scalars `scalars/utilities.js` → graphql-js `type/scalars.js`",
    query: /\/graphql-scalars@[^/]+\/package\/(?:esm|cjs)\/scalars\/utilities\.js$/,
    reference: /^type\/scalars\.js$/,
    evidence: "it says so: \"Taken from https://github.com/graphql/graphql-js/blob/30b4469…/src/type/scalars.ts#L267\".",
  },
  {
    pair: "graphql-compose `utils/configToDefine.js` → graphql-js `type/definition.js`",
    query: /\/graphql-compose@[^/]+\/package\/lib\/utils\/configToDefine\.js$/,
    reference: /^type\/definition\.js$/,
    evidence:
      "its `defineFieldMap` and `defineArguments` are graphql-js's, extended with AST nodes: the same invariants and messages " +
      "(\"fields must be an object with field names as keys or a function which returns such an object.\", \"field config must be an object\").",
  },
  {
    pair: "yaml-ast-parser → js-yaml (loader, dumper, schema, types)",
    query: /\/yaml-ast-parser@[^/]+\/package\/(?:src|dist\/src)\/(?:loader|dumper|schema|type\/int|type\/float|type\/timestamp)\.(?:ts|js)$/,
    reference: /^lib\/(?:loader|dumper|schema|type\/int|type\/float|type\/timestamp)\.js$/,
    evidence:
      "its README says so: \"This is a fork of JS-YAML which supports parsing of YAML into AST\"; its schemas keep js-yaml's notes (\"JS-YAML's default " +
      "schema for `safeLoad` function.\"), and the loader, dumper and types are js-yaml's, typed and extended with AST nodes.",
  },
  {
    pair: "yamljs' vendored Jasmine 2.0 `eq` → mobx `src/utils/eq.ts`",
    query: /\/yamljs@[^/]+\/package\/test\/lib\/jasmine-2\.0\.0\/jasmine\.js$/,
    reference: /^src\/utils\/eq\.ts$/,
    evidence:
      "both are Underscore's `isEqual`: Jasmine's says \"Equality function lovingly adapted from isEqual in Underscore\" and keeps its comments " +
      "(\"Primitives and their corresponding object wrappers are equivalent\"), mobx's says \"Copied from https://github.com/jashkenas/underscore/…\".",
  },
  {
    pair: "Django `utils/http.py` → CPython `cgi.py`",
    query: /\/django\/utils\/http\.py$/,
    reference: /^cgi\.py$/,
    evidence:
      "`parse_header_parameters` and `_parseparam` are `cgi.parse_header` and its helper, kept when Python deprecated `cgi`: the docstring word for " +
      "word (\"Parse a Content-type like header. Return the main content-type and a dictionary of options.\"), the quote-counting loop in black's quotes.",
  },
  {
    pair: "ramda-adjunct → ramda: its complements' JSDoc (nonePass, notAllPass, neither, notEqual; source, builds and types) and the Ramda its standalone build bundles",
    query: /\/ramda-adjunct@[^/]+\/package\/(?:dist\/RA\.(?:node|web|web\.standalone)\.js|(?:es|lib)\/(?:nonePass|notAllPass|neither|notEqual)\.js|types\/index\.d\.ts)$/,
    reference: /^src\/(?:adjust|allPass|anyPass|assoc|assocPath|both|equals|mergeLeft|mergeRight)\.js$/,
    evidence:
      "each complement names the Ramda function it complements (\"It is the complement of Ramda's anyPass\") and keeps that function's JSDoc: " +
      "\"The function returned is a curried function whose arity matches that of the highest-arity predicate.\" with its `@sig`, `@param` and " +
      "`@return` lines; notEqual keeps equals' \"Handles cyclical data structures. Dispatches symmetrically to the `equals` methods of both " +
      "arguments, if present.\", neither keeps both's \"In addition to functions, … also accepts any fantasy-land compatible applicative " +
      "functor.\"; `RA.web.standalone.js` bundles Ramda itself with its JSDoc (assocPath's \"Makes a shallow clone of an object, setting or " +
      "overriding …\", reflowed).",
  },
  {
    pair: "should's builds → lodash's global detection (`core.js`, `lodash.js`)",
    query: /\/should@[^/]+\/package\/(?:cjs\/|es6\/)?should\.js$/,
    reference: /^(?:core|lodash)\.js$/,
    evidence:
      "its builds inline lodash's `_freeGlobal` and `_root` with lodash's comments word for word (\"Detect free variable `self`.\", \"Used as a " +
      "reference to the global object.\"), the code the same in prettier's quotes and line breaks.",
  },
  {
    pair: "babylon, sucrase's parser and buble's browser build → acorn, esprima's entity table; esprima-fb → esprima",
    query:
      /\/babylon@[^/]+\/package\/lib\/index\.js$|\/sucrase@[^/]+\/package\/dist\/(?:esm\/)?parser\/[\w/]+\.js$|\/buble@[^/]+\/package\/dist\/buble-browser-deps\.umd\.js$|\/esprima-fb@[^/]+\/package\/esprima\.js$/,
    reference: /^dist\/(?:acorn|esprima)\.js$/,
    evidence:
      "babylon says it is \"Heavily based on acorn and acorn-jsx\", and its JSX plugin keeps the XHTML entity table esprima's JSX reader has, value for " +
      "value (`OElig: \"\\u0152\"`, …); sucrase's \"parser is forked from Babel's parser\", so acorn's comments come with it (the tokenizer's and " +
      "the statement parser's); buble's browser build bundles acorn 6.4.0 whole (`Parser.acorn = {`, \"To fix https://github.com/acornjs/acorn/issues/575\"); " +
      "esprima-fb is a \"Facebook-specific fork of the esprima project\".",
  },
  {
    pair: "fontTools `misc/etree.py`, `misc/loggingTools.py`, `misc/plistlib` → `xml/etree/ElementTree.py`, `xml/sax/saxutils.py`, `logging/config.py`, `plistlib.py`; PyTables `nodes/filenode.py` → `_pyio.py`; wandb `sdk/lib/printer.py` → `logging/__init__.py`",
    query: /\/fontTools\/misc\/(?:etree|loggingTools|plistlib\/__init__)\.py$|\/tables\/nodes\/filenode\.py$|\/wandb\/sdk\/lib\/printer\.py$/,
    reference: /^xml\/etree\/ElementTree\.py$|^xml\/sax\/saxutils\.py$|^logging\/(?:config|__init__)\.py$|^plistlib\.py$|^_pyio\.py$/,
    evidence:
      "fontTools' etree is a \"Shim module exporting the same ElementTree API\" whose pure-Python fallback is ElementTree's writer (`_get_writer`'s " +
      "comment \"returns text write method and release all resources after using\", `_namespaces`, `_serialize_xml`) and saxutils' escapes; its " +
      "`_resetExistingLoggers` is `logging.config`'s child-logger loop, names and all (`prefixed`, `pflen`, `num_existing`); its plistlib says \"It is " +
      "based on the CPython plistlib module's _PlistParser class\". PyTables' file node is \"fully compliant with the interfaces defined in the io " +
      "module\": its mode check and `seek` are `_pyio.open`'s and `BytesIO.seek`'s statement for statement (\"invalid mode: %r\", \"negative seek " +
      "position\"). wandb's printer says \"Follow the same logic as the python logging module\" above logging's level constants, line for line.",
  },
  {
    pair: "webpack's parser and regexp validator → acorn; prettier → minimatch, js-yaml; vite's dependency chunk → debug, ws, express's router; @babel/parser and @vue/compiler-sfc → esprima's entity table, minimatch",
    query:
      /\/webpack@[^/]+\/package\/lib\/javascript\/(?:syntax-parser|regexp)\.js$|\/prettier@[^/]+\/package\/(?:index|internal\/experimental-cli)\.mjs$|\/vite@[^/]+\/package\/dist\/node\/chunks\/dep-[\w-]+\.js$|\/@babel__parser@[^/]+\/package\/lib\/index\.js$|\/@vue__compiler-sfc@[^/]+\/package\/dist\/compiler-sfc\.[\w-]+\.js$/,
    reference: /^dist\/(?:acorn|esprima)\.js$|^dist\/esm\/[\w-]+\.(?:js|d\.ts)$|^lib\/(?:loader|snippet)\.js$|^src\/(?:common|node)\.js$|^lib\/websocket(?:-server)?\.js$|^lib\/router\/index\.js$/,
    evidence:
      "webpack's syntax parser is \"The ECMAScript parser webpack owns, ported from acorn 8.18.0\", each part citing its acorn source " +
      "(\"acorn source: https://github.com/acornjs/acorn/blob/8.18.0/acorn/src/tokenize.js\"), and its regexp validator acorn's `regexp.js`; " +
      "prettier's esbuild bundles carry their modules' paths (`// node_modules/minimatch/dist/esm/index.js`, `// node_modules/js-yaml/dist/js-yaml.mjs`); " +
      "vite's dependency chunk bundles debug (\"The currently active debug mode names, and names to skip.\"), ws " +
      "(`class WebSocketServer extends EventEmitter`) and connect (\"Copyright(c) 2010 Sencha Inc.\"), whose `call` express's router keeps with " +
      "its comments (\"trim off the part of the url that matches the route\", \"ensure leading slash\") and names (`protohost`, `removed`, `slashAdded`); " +
      "@babel/parser, babylon's successor, keeps the XHTML entity table esprima's JSX reader has, value for value, and @vue/compiler-sfc bundles it " +
      "with minimatch (its `unescape` documentation word for word).",
  },
  {
    pair: "mysql-connector `connector/dbapi.py` → `sqlite3/dbapi2.py`; mysql-connector `connector/aio/utils.py` → `asyncio/streams.py`",
    query: /\/mysql\/connector\/(?:dbapi|aio\/utils)\.py$/,
    reference: /^sqlite3\/dbapi2\.py$|^asyncio\/streams\.py$/,
    evidence:
      "its `StreamWriter.start_tls` \"is based on ``asyncio.streams.StreamWriter`` introduced in Python 3.11\", statement for statement; its DB-API " +
      "constructors are sqlite3's, judged on the code: PEP 249 names `DateFromTicks`, `TimeFromTicks` and `TimestampFromTicks` but not their bodies, " +
      "and these are sqlite3's to the slice (`Date(*time.localtime(ticks)[:3])`, `[3:6]`, `[:6]`) with type annotations and PEP 249's descriptions added.",
  },
  {
    pair: "npm-check-updates' build → commander, minimatch, semver",
    query: /\/npm-check-updates@[^/]+\/package\/build\/(?:cli|index|chunks\/lib-[\w-]+)\.js$/,
    reference: /^lib\/(?:command|suggestSimilar)\.js$|^dist\/esm\/(?:index|ast)\.js$|^classes\/semver\.js$/,
    evidence:
      "its rolldown build bundles its dependencies minified, names mangled and statements joined into expressions: `cli.js` holds commander's messages word for word " +
      "(\"error: unknown option '${e}'\", \"error: too many arguments\", \"(Did you mean one of …?)\") around its `suggestSimilar` edit distance " +
      "(`Math.abs(e.length - t.length) > pe`, with `pe = 3`); the `lib` chunk holds minimatch's (\"invalid pattern\", \"pattern is too long\"); " +
      "`index.js` holds semver's `SemVer` (`SEMVER_SPEC_VERSION: \"2.0.0\"`, \"Invalid Version: ${t}\", its `inc` cases `preminor`, `prepatch`, `prerelease`).",
  },
  {
    pair: "async-es → async: the same modules (`seq`, `internal/parallel`, `awaitify`, `promiseCallback`, `asyncEachOfLimit`)",
    query: /\/async-es@[^/]+\/package\/(?:seq|internal\/(?:parallel|awaitify|promiseCallback|asyncEachOfLimit))\.js$/,
    reference: /^(?:seq|internal\/(?:parallel|awaitify|promiseCallback|asyncEachOfLimit))\.js$/,
    evidence:
      "async-es is async 3.2.6 as ES modules, from the same repository and version; async's CommonJS modules are Babel's output of the same source, " +
      "each import call rewritten (`(0, _wrapAsync2.default)(task)` for `wrapAsync(task)`, `exports.default = (0, _awaitify2.default)(…)` for " +
      "`export default awaitify(…)`), so no line runs on identical: `internal/parallel.js`'s body is otherwise the same statement for statement " +
      "(`if (result.length < 2) { [result] = result; }`, `results[key] = result;`, `taskCb(err);`).",
  },
  {
    pair: "esprima-next → esprima; @zkochan/js-yaml → js-yaml `lib/type/set.js`",
    query: /\/esprima-next@[^/]+\/package\/dist\/esprima\.c?js$|\/@zkochan__js-yaml@[^/]+\/package\/dist\/js-yaml\.m?js$/,
    reference: /^dist\/esprima\.js$|^lib\/type\/set\.js$/,
    evidence:
      "esprima-next says so: \"A fork of esprima (https://github.com/jquery/esprima), cause esprima has no new releases\"; its build writes " +
      "double quotes where esprima's writes single (`OElig: \"\\u0152\"` against `OElig: '\\u0152'` in the XHTML entity table, the scanner's and " +
      "parser's messages), so few lines are the same text. @zkochan/js-yaml is js-yaml republished (its README and `repository` are nodeca/js-yaml's); " +
      "its rollup build renames `_hasOwnProperty` to `_hasOwnProperty$2`, and `resolveYamlSet` and `constructYamlSet` are otherwise line for line.",
  },
  {
    pair: "graphql-jit `inspect`, `error` → graphql `jsutils/inspect.js`, `error/GraphQLError.js`; redux-persist's UMD build → redux `combineReducers`",
    query: /\/graphql-jit@[^/]+\/package\/dist\/(?:inspect|error)\.m?js$|\/redux-persist@[^/]+\/package\/dist\/redux-persist(?:\.min)?\.js$/,
    reference: /^jsutils\/inspect\.js$|^error\/GraphQLError\.js$|^src\/combineReducers\.ts$/,
    evidence:
      "graphql-jit's declarations say so: \"Based on https://github.com/graphql/graphql-js/blob/master/src/jsutils/inspect.js\" and " +
      "\"…/src/error/GraphQLError.js\": `formatValue`'s switch (`[function ${value.name}]`), `getObjectTag`'s `.replace(/^\\[object /, \"\")`, and " +
      "`GraphQLError`'s stack capture (`Object.defineProperty(this, \"stack\", { value: originalError.stack, writable: true, configurable: true })`), " +
      "in double quotes where graphql writes single. redux-persist's UMD build bundles redux's `combineReducers` with its warnings word for word " +
      "(\"Store does not have a valid reducer. Make sure the argument passed to combineReducers is an object whose values are reducers.\", " +
      "'preloadedState argument passed to createStore'), compiled to ES5 concatenation where redux writes them over several lines.",
  },
  {
    pair: "ajv-formats `limit`, `formats` → ajv `limitNumber.ts`, `runtime/timestamp.ts`",
    query: /\/ajv-formats@[^/]+\/package\/(?:src\/(?:limit|formats)\.ts|dist\/(?:limit|formats)\.js)$/,
    reference: /^lib\/vocabularies\/validation\/limitNumber\.ts$|^lib\/runtime\/timestamp\.ts$/,
    evidence:
      "judged on the code, both by ajv's author: `formatLimitDefinition`'s comparison table is `limitNumber`'s with its keywords prefixed " +
      "(`formatMaximum: {okStr: \"<=\", ok: ops.LTE, fail: ops.GT}` against `maximum: {okStr: \"<=\", ok: ops.LTE, fail: ops.GT}`, the four rows) and " +
      "its error's `params` template word for word; the `date` format is `validTimestamp`'s `validDate`, its `DATE` pattern, its `DAYS` table and " +
      "`const matches: string[] | null = DATE.exec(str)` kept, `y`, `m`, `d` spelled out and the leap-year test moved into `isLeapYear`. " +
      "Not adjudicated: ajv-keywords' `patternRequired` error definition reported as `required`'s, the shape every ajv keyword's error takes.",
  },
  {
    pair: "lodash's per-function packages (lodash.isempty, lodash.pick, lodash.sortby) → lodash, lodash-es",
    query: /\/lodash\.(?:isempty|pick|sortby)@[^/]+\/package\/index\.js$/,
    reference: /^(?:lodash|core|isEmpty|_hasPath|_basePickBy)\.js$/,
    evidence:
      "each says so (\"The lodash method `_.isEmpty` exported as a module.\"): lodash's own functions at the version each was published " +
      "from (4.4 to 4.7), edited since, so a line changed every few lines: `isEmpty` as lodash 4.17 writes it with `isTypedArray(value)` " +
      "added to its array-like test and `nonEnumShadows ||` gone, `nativeKeys` become `baseKeys`; `hasPath` and `basePickBy` the same way.",
  },
  {
    pair: "@tanstack/router-core, solid-router, vue-router → @tanstack/react-router, module for module",
    query: /\/@tanstack__(?:router-core|solid-router|vue-router)@[^/]+\/package\//,
    reference: /^src\//,
    sameModule: true,
    evidence:
      "all three are published from react-router's repository (TanStack/router) by its authors: router-core is react-router's framework-free " +
      "code moved out of it (`router.ts`'s `load`, its redirect and not-found handling and `statusCode` chain statement for statement, `qss.ts`, " +
      "`utils.ts`' `replaceEqualDeep`), and the Solid and Vue routers port react-router's components, keeping their logic (`Transitioner`'s " +
      "load on a location change, `getRouterContext`'s cache on `window.__TSR_ROUTER_CONTEXT__`, scroll restoration's keys). Their builds drop " +
      "the types and write `?.` as `== null ? void 0 :`, `undefined` as `void 0` and single quotes as double, and their declaration files put " +
      "each type on one line, so few raw lines run identical.",
  },
  {
    pair: "@tanstack/router-core `validators`, solid-router and vue-router `useBlocker`, vue-router `link` declarations → react-router `route.ts`, `Matches.tsx`, `redirects.ts`",
    query: /\/@tanstack__(?:router-core@[^/]+\/package\/(?:src|dist\/(?:esm|cjs))\/validators\.(?:ts|d\.c?ts)|(?:solid|vue)-router@[^/]+\/package\/(?:src|dist\/(?:esm|cjs|source))\/useBlocker\.(?:tsx|d\.c?ts)|vue-router@[^/]+\/package\/dist\/(?:esm|source)\/link\.d\.ts)$/,
    reference: /^src\/(?:route\.ts|Matches\.tsx|redirects\.ts)$/,
    evidence:
      "judged on the code: router-core's validator types are react-router's search validator types renamed for any validator " +
      "(`ResolveSearchSchemaFn<TSearchValidator>` as `ResolveValidatorOutputFn<TValidator>`, `AnySearchValidatorAdapter` as " +
      "`AnyValidatorAdapter`, the conditional chains kept) with a Standard Schema branch added; `useBlocker`'s `MakeShouldBlockFnLocationUnion` " +
      "is `MakeRouteMatchUnion` with `RouteMatch` as `ShouldBlockFnLocation` and its last three arguments dropped; and vue-router's " +
      "`LinkComponent` declares react-router's generic parameter list (`TRouter extends AnyRouter = RegisteredRouter, TFrom extends " +
      "RoutePaths<TRouter['routeTree']> | string`, … `TMaskTo extends string = '.'`), which `redirects.ts` declares too, in double quotes.",
  },
  {
    pair: "@tanstack/react-router 1.120.20 `useBlocker` → react-router 1.70.0 `Matches.tsx`",
    query: /\/@tanstack__react-router@1\.120\.20\/package\/(?:src|dist\/(?:esm|cjs))\/useBlocker\.(?:tsx|d\.c?ts)$/,
    reference: /^src\/Matches\.tsx$/,
    // The type's lines: the source's declaration, and the one line each declaration file gives it.
    queryLines: [
      [11, 11],
      [29, 39],
    ],
    evidence:
      "the type the Solid and Vue ports' `useBlocker` took from it, judged as theirs is (above): `MakeShouldBlockFnLocationUnion` is " +
      "1.70.0 `Matches.tsx`'s `MakeRouteMatchUnion` with `RouteMatch` as `ShouldBlockFnLocation` and its last three arguments dropped, " +
      "the same generic parameters and conditional kept. 1.70.0's own `useBlocker.tsx` has no such type: `Matches.tsx` is the indexed " +
      "file these lines were written from.",
  },
  {
    pair: "zod 3.25's zod 3 → zod 3.24 `lib/`",
    query: /\/zod@3\.25\.76\/package\/(?:src\/)?v3\//,
    reference: /^lib\//,
    evidence:
      "zod 3.25 ships zod 3 under `v3/` (its README: \"zod/v3\" is the Zod 3 API): the same source as the indexed 3.24's `lib/`, which " +
      "holds tsc's output and two bundles of it, so a TypeScript source set against compiled JavaScript or declarations (`types.ts` " +
      "against `types.js` and `types.d.ts`, `errorUtil` against the bundled `index.mjs`) runs on no identical line.",
  },
  {
    pair: "zod 3.25's zod 4 `errors`, `util`, `standard-schema` → zod 3.24 `ZodError`, `helpers/util.d.ts`, `standard-schema.d.ts`",
    query: /\/zod@3\.25\.76\/package\/(?:src\/)?v4\/core\/(?:errors|util|standard-schema)\.(?:ts|c?js|d\.c?ts)$/,
    reference: /^lib\/(?:ZodError\.js|index\.(?:mjs|umd\.js)|helpers\/util\.d\.ts|standard-schema\.d\.ts)$/,
    evidence:
      "judged on the code, all by zod's author: zod 4's `treeifyError` and `formatError` carry zod 3's `ZodError.format` over (the " +
      "`mapper` defaulting to `function (issue) { return issue.message; }`, `processError`'s loop over `error.issues` and its walk down " +
      "`issue.path` with `curr[el] = curr[el] || { _errors: [] }`); `NoNeverKeys` and `NoNever` are zod 3's `noNeverKeys` and `noNever` " +
      "capitalized; and both ship the Standard Schema interface's text (`StandardSchemaV1`, `\"~standard\"`, its doc comments).",
  },
  {
    pair: "debug 2.6.9 → debug 4.4.0; semver 5.7.2 → semver 7.6.3",
    query: /\/debug@2\.6\.9\/package\/src\/(?:debug|browser|node)\.js$|\/semver@5\.7\.2\/package\/semver\.js$/,
    reference: /^src\/(?:common|browser|node)\.js$|^classes\/(?:semver|range)\.js$/,
    evidence:
      "earlier majors of the indexed libraries, edited since: debug 4's `common.js` is debug 2's `debug.js` moved into a " +
      "`setup(env)` closure (`disable`, `enabled` and `coerce` with their doc comments, `exports.` become `createDebug.`), tabs for " +
      "spaces; semver 7's `classes/range.js` and `classes/semver.js` are semver 5's one-file `Range` and `SemVer` split out and " +
      "reformatted (`if (range instanceof Range) { if (range.loose === !!options.loose && …) return range`).",
  },
  {
    pair: "@radix-ui/themes 3.3.0 → @radix-ui/themes 3.1.4, module for module",
    query: /\/@radix-ui__themes@3\.3\.0\/package\//,
    reference: /^src\//,
    sameModule: true,
    evidence:
      "a later release of the indexed library from its own repository: each module's source (its `.props.ts` files now `.props.tsx`, " +
      "their tables written out over several lines) and the builds and declarations made from it, types dropped and quotes doubled, " +
      "against the same module's 3.1.4 source.",
  },
  {
    pair: "@radix-ui/themes 3.3.0 declarations → 3.1.4 `props/color.prop.ts`",
    query: /\/@radix-ui__themes@3\.3\.0\/package\/dist\/(?:esm|cjs)\/.*\.d\.ts$/,
    reference: /^src\/props\/color\.prop\.ts$/,
    evidence:
      "tsc writes the type of every prop table that spreads `accentColorPropDef` with the `accentColors` list spelled out " +
      "(`values: readonly [\"gray\", \"gold\", \"bronze\", … \"sky\"]`): `color.prop.ts`' 26 names in its order, in double quotes.",
  },
  {
    pair: "react-aria-components 1.8.0 → react-aria-components 1.4.1, module for module",
    query: /\/react-aria-components@1\.8\.0\/package\//,
    reference: /^src\//,
    sameModule: true,
    evidence:
      "a later release of the indexed library from its own repository: each module's source and the Parcel builds made from it " +
      "(`DragAndDrop.mjs`, `.module.js`, `.main.js`: types dropped, `?.` written as `=== null || … === void 0 ? void 0 :`, JSX as calls) " +
      "against the same module's 1.4.1 source; read at random, `useDndPersistedKeys`' drop-indicator callback and its comments line for line.",
  },
  {
    pair: "react-aria-components 1.8.0 `intlStrings` builds → 1.4.1 `i18n/index`",
    query: /\/react-aria-components@1\.8\.0\/package\/dist\/intlStrings\.(?:mjs|module\.js|main\.js)$/,
    reference: /^i18n\/index\.m?js$/,
    evidence:
      "Parcel's build of the package's string dictionary: the 34 locales of `i18n/index`'s `LocalizedStringDictionary`, in its order " +
      "(`\"ar-AE\"` … `\"zh-TW\"`), each mapped to the bundled locale module (`$7e3b9f6c0d3f98a7$exports`) where the source names its import (`ar_AE`).",
  },
  {
    pair: "react-aria-components 1.8.0 `dist/types.d.ts` → the 1.4.1 source of the same component",
    query: /\/react-aria-components@1\.8\.0\/package\/dist\/types\.d\.ts$/,
    reference: /^src\/(?:FileTrigger|Table|ProgressBar|ColorWheel|DragAndDrop|ColorSlider|Input|Link|DropZone|Tree)\.tsx$/,
    evidence:
      "the package's declarations bundled into one file: each reported region lies in the declarations of the module it names " +
      "(`FileTriggerProps` in `FileTrigger.tsx`, `RowProps` and `CellProps` in `Table.tsx`, `DropIndicatorProps` in `DragAndDrop.tsx`, " +
      "`TreeItemProps` in `Tree.tsx`, …), their doc comments and members as written there. Modules the file's regions also match from a " +
      "sibling's declarations (`Menu.tsx`, `Modal.tsx`, `ColorThumb.tsx`) are adjudicated by their lines, below.",
  },
  ...(
    [
      ["Menu", [1372, 1448], "`MenuTrigger`, `SubmenuTrigger`, `Menu`, `MenuSection` and `MenuItem`"],
      ["Modal", [1911, 1951], "`ModalOverlayProps`, `ModalRenderProps`, `Modal` and `ModalOverlay`"],
      ["ColorThumb", [214, 250], "`ColorThumbRenderProps`, `ColorThumbProps` and `ColorThumb`"],
    ] as const
  ).map(([module, lines, declarations]) => ({
    pair: `react-aria-components 1.8.0 \`dist/types.d.ts\` lines ${lines[0]}–${lines[1]} → 1.4.1 \`src/${module}.tsx\``,
    query: /\/react-aria-components@1\.8\.0\/package\/dist\/types\.d\.ts$/,
    reference: new RegExp(`^src/${module}\\.tsx$`),
    queryLines: [lines],
    evidence:
      `the declarations of ${declarations}, bundled into one file, against their own module: ` +
      "their doc comments and members as written there. Elsewhere the file's sibling declarations name the same module " +
      "(`ListBoxItemProps` and `GridListItemProps` as `Menu.tsx`'s, `PopoverProps` and `TooltipProps` as `Modal.tsx`'s, " +
      "`SliderThumbRenderProps` as `ColorThumb.tsx`'s), and count false.",
  })),
  {
    pair: "react-day-picker 9.6.0 → react-day-picker 9.1.3, module for module",
    query: /\/react-day-picker@9\.6\.0\/package\//,
    reference: /^src\//,
    sameModule: true,
    evidence:
      "a later release of the indexed library from its own repository: its ESM and CommonJS builds and declarations against the same " +
      "module's 9.1.3 source (types dropped, `react_1.default.createElement` for JSX); read at random, `labelNext`, `Chevron`, `getDays`' " +
      "reduce over weeks, `useFocus`' `moveFocus` and the deprecated type aliases with their edited `@deprecated` notes.",
  },
  {
    pair: "react-day-picker 9.6.0 `useMulti` and `useSingle` builds → 9.1.3 `useSingle.tsx` and `useMulti.tsx`",
    query: /\/react-day-picker@9\.6\.0\/package\/dist\/(?:esm|cjs)\/selection\/use(?:Multi|Single)\.js$/,
    reference: /^src\/selection\/use(?:Multi|Single)\.tsx$/,
    evidence:
      "both hooks open with the same four statements, in 9.1.3's sources as in the builds (`useControlledValue(initiallySelected, onSelect ? " +
      "initiallySelected : undefined)`, `const selected = !onSelect ? internallySelected : initiallySelected`, `const { isSameDay } = dateLib`, " +
      "`const isSelected = (…) =>`): a second origin of the very lines, only the parameter's name and type other. The judge misses the run " +
      "because the source's `);` stands on a line of its own, which it leaves out, where the build keeps it at the end of the call.",
  },
  {
    pair: "rxjs 8.0.0-alpha.14 → rxjs 7.8.1, module for module",
    query: /\/rxjs@8\.0\.0-alpha\.14\/package\//,
    reference: /^src\//,
    sameModule: true,
    evidence:
      "a later release of the indexed library from its own repository: each module's source and the ES and CommonJS builds and " +
      "declarations made from it (types dropped, comments gone from the builds) against the same module's 7.8.1 source, edited where 8 " +
      "changed it; read at random, `catchError`'s synchronous-error branch (`innerSub.unsubscribe(); innerSub = null; " +
      "handledResult.subscribe(…)`, `subscriber` now `destination`, `innerFrom` now `from`) and `windowCount`'s window rotation.",
  },
  {
    pair: "rxjs 8.0.0-alpha.14 `Observable` → rxjs 7.8.1 `Subscriber.ts`",
    query: /\/rxjs@8\.0\.0-alpha\.14\/package\/(?:src|dist\/(?:esm|cjs|types))\/internal\/Observable\.(?:ts|js|d\.ts)$/,
    reference: /^src\/internal\/Subscriber\.ts$/,
    evidence:
      "rxjs 8 has no `Subscriber.ts`: its `Subscriber` class and `ConsumerObserver` moved into `Observable.ts`, method for method " +
      "(`next` calling `handleStoppedNotification(nextNotification(value), this)` when stopped, `ConsumerObserver.next`'s " +
      "`const { partialObserver } = this; if (partialObserver.next) { try { partialObserver.next(value); } catch (error) { … } }`, " +
      "`handleUnhandledError` renamed `reportUnhandledError`).",
  },
  {
    pair: "@tanstack/react-router 1.120.20 → @tanstack/react-router 1.70.0, module for module",
    query: /\/@tanstack__react-router@1\.120\.20\/package\//,
    reference: /^src\//,
    sameModule: true,
    evidence:
      "a later release of the indexed library from its own repository: its ES and CommonJS builds and declarations against the same " +
      "module's 1.70.0 source (types dropped, JSX as `jsx(…)` calls, `?.` as `== null ? void 0 :`; `ScrollRestoration` was " +
      "`scroll-restoration.tsx`); read at random, `MatchInner`'s memoized outlet (`route.options.component ?? " +
      "router.options.defaultComponent`, now keyed), its `RouteErrorComponent` fallback chain and its `notFound` branch.",
  },
  {
    pair: "@tanstack/react-router 1.120.20 `dist/llms/rules/api.js` → 1.70.0 `src/router.ts`",
    query: /\/@tanstack__react-router@1\.120\.20\/package\/dist\/llms\/rules\/api\.js$/,
    reference: /^src\/router\.ts$/,
    evidence:
      "the package's API docs for language models, one template literal of Markdown, describe the router's options in the words of " +
      "`router.ts`' doc comments: `InnerWrap`'s \"A component that will be used to wrap the inner contents of the router. This is useful " +
      "for providing a context … Only non-DOM-rendering components like providers should be used, anything else will cause a hydration " +
      "error.\", the comment's three paragraphs on one line.",
  },
  {
    pair: "d3 7.9.0 `dist/d3.js` → d3-array 3.2.4 `transpose`, `intersection`, `group` and `groupSort`",
    query: /\/d3@7\.9\.0\/package\/dist\/d3\.js$/,
    reference: /^src\/(?:transpose|intersection|group|groupSort)\.js$/,
    evidence:
      "rollup's bundle of d3's modules holds d3-array 3.2.4 whole (the vendored set's d3 row). Rollup renames a name two modules " +
      "both declare (`min` → `min$2`, `length` → `length$2`, `ascending` → `ascending$3`, `flatten` → `flatten$1`, `set` → `set$2`) " +
      "and drops `export`, so these four functions share no 150-character run with their modules: read side by side, each is its " +
      "module's function and helpers, token for token.",
  },
  {
    pair: "d3-array 2.12.1 → d3-array 3.2.4, module for module",
    query: /\/d3-array@2\.12\.1\/package\/src\//,
    reference: /^src\//,
    sameModule: true,
    evidence:
      "the previous major of the indexed library from its own repository: `difference` and `superset` against 3.2.4's, which " +
      "build d3's `InternSet` where 2.12.1 builds a `Set` and intern each value (`const io = intern(o)`), line for line otherwise.",
  },
  {
    pair: "jquery-migrate 3.5.2 → jQuery 3.7.1 `deprecated.js`, `css/var/swap.js`, `deferred.js` and `deprecated/event.js`",
    query: /\/jquery-migrate@3\.5\.2\/package\/(?:src\/jquery\/(?:core|css|deferred|event)|dist\/jquery-migrate)\.js$/,
    reference: /^src\/(?:deprecated|css\/var\/swap|deferred|deprecated\/event)\.js$/,
    evidence:
      "jQuery Migrate restores what jQuery deprecated or removed with jQuery's own code, a warning wrapped around it: " +
      "`isNumeric`'s body and comments (`jQuery.type( obj )` now `typeof obj`), `jQuery.swap`'s (\"Remember the old values, and insert " +
      "the new ones\"), `deferred.pipe` (`isFunction( … )` now `typeof … === \"function\"`, the tuples in their older order), and " +
      "`unbind`, `delegate`, `undelegate` and `hover` as jQuery's `src/deprecated/event.js` writes them; in its sources and its build.",
  },
  {
    pair: "jQuery 2.2.3 (jquery-migrate's test data) → jQuery 3.7.1 `selector.js`, `effects.js` and `deprecated/event.js`",
    query: /\/jquery-migrate@3\.5\.2\/package\/test\/data\/jquery-2\.2\.3\.js$/,
    reference: /^src\/(?:selector|effects|deprecated\/event)\.js$/,
    evidence:
      "jQuery 2.2.3's own build, which jQuery Migrate's tests load, against the indexed jQuery's source, edited since: Sizzle's " +
      "`setDocument`, its `querySelectorAll` support tests and `uniqueSort` (jQuery 3.7 took Sizzle into `src/selector.js`: " +
      "`Sizzle.uniqueSort` is `jQuery.uniqueSort`), `defaultPrefilter`'s show/hide pass and per-property tweens, and the event " +
      "shorthands (`event/alias.js` in 2.2.3, `deprecated/event.js` in 3.7). Not its `attr` methods as `attributes/prop.js`: " +
      "`prop` is written from the same template, and `attr.js` is that code's module.",
  },
  {
    pair: "Sizzle 2.3.10 → jQuery 3.7.1 `selector.js` and `selector/contains.js`",
    query: /\/sizzle@2\.3\.10\/package\/dist\/sizzle\.js$/,
    reference: /^src\/(?:selector|selector\/contains)\.js$/,
    evidence:
      "jQuery 3.7 took Sizzle into its own source: Sizzle's `querySelectorAll` support tests (\"Support: Windows 8 Native Apps\"), " +
      "its `contains` (`adown` now `a`) and its IE/Edge \"Permission denied\" comment, reflowed.",
  },
];
