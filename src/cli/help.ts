/** The CLI's help: an overview, and each command with every flag. */

const SCAN_COMMON = `  --db <file>             the index (default: reftrack.config.json's db, else $REFTRACK_DB)
  --config <file>         the config file (default: reftrack.config.json here or above)
  --language <lang>       the language of every input: python, typescript, tsx, javascript
                          (or py, ts, js); otherwise each file's extension decides, or for a
                          file with none its #! line (a Jupyter notebook's code cells are read
                          as Python, its kernel's language told); for standard input required,
                          unless --stdin-path's extension decides
  --stdin-path <path>     standard input (-) is this file's content: reported under this path,
                          its language its extension's, matched as a whole file as files are
                          (without it, standard input is a fragment, as a piped suggestion is)
  --min-chars <n>         reporting threshold in normalized characters (default 150)
  --max-file-size <size>  skip larger files: bytes, or 512K, 64MiB, 1G (default 64MiB)
  --minified              scan minified files (*.min.js, very long lines) instead of skipping
                          them: vendored minified copies, found where the index holds them
                          (a manifest source with "minified": true)
  --policy <file>         decide each file's references by this policy (JSON, as the
                          config's "policy")
  --diff <revision>       only the lines added since a git revision (a pull request's base)
  --threads <n>           threads that read and match files, when there are 16 MiB or more
                          to read (default: the machine's cores, at most 8); output is in
                          path order
  -o, --output <file>     write the report to a file instead of standard output
  -q, --quiet             print no results, notices or summary; errors still go to stderr`;

export const COMMAND_HELP: Record<string, string> = {
  index: `reftrack index --db <file> [--cache <dir>] [--repair] [--threads <n>] [--config <file>] [--quiet] <manifest.json>

Build or update an index from a corpus manifest (sources of kind dir, git, npm, archive,
python-stdlib; see schemas/manifest.schema.json). Unchanged sources are skipped; a source whose
stored data is incomplete is written again. Ctrl-C stops after the source being written and
keeps everything written: the next run resumes.

  --db <file>        the index to write (default: reftrack.config.json's db)
  --cache <dir>      where fetched packages and extracted archives are kept
                     (default $REFTRACK_CACHE, else ~/.cache/reftrack)
  --repair           rebuild a damaged index in place: drop what it holds, write every source
  --threads <n>      threads that read, normalize and fingerprint files (default: the cores)
  --config <file>    the config file
  -q, --quiet        print nothing
`,
  verify: `reftrack verify [--db <file>] [--config <file>]

Check an index fully: SQLite's page check, its tables and parameters, every source finished,
every file's content and tokens present, every posting list readable. Exit 0 sound, 2 damaged
(then \`reftrack index --repair\` rebuilds it).
`,
  scan: `reftrack scan [flags] <path|dir|->...

Scan files, folders (recursively, by known extension or a #! line, honouring
.gitignore and .reftrackignore), Jupyter notebooks (.ipynb: their code cells, reported
on the notebook's lines) or standard input ("-") for code that matches the index.

${SCAN_COMMON}
  --format <format>       text (default), json, sarif, spdx or html
  --fail-on <what>        references (default): exit 1 when any file has references;
                          policy: exit 1 when the policy blocks a file; never

Exit status: 0 nothing to fail on, 1 what --fail-on names was found, 2 an error (a file
that could not be scanned, a bad flag): a failed scan never looks clean.
`,
  notice: `reftrack notice [flags] <path|dir>...

Scan, then write an attribution file (NOTICE) listing every origin found once, with its
license and link, grouped by license.

${SCAN_COMMON}
`,
  log: `reftrack log [--log <file>] [--license <spdx|category>] [--repository <url|name>]
             [--since <date>] [--until <date>] [--format text|json|csv] [--config <file>]

List, filter and export the code reference log (default: the config's log.path, else
$XDG_STATE_HOME/reftrack/references.jsonl).

  --license <l>       entries with a reference under this license or category
                      (permissive, weak-copyleft, copyleft, network-copyleft)
  --repository <r>    entries with a reference to this repository URL (or part) or source
  --since, --until    ISO dates (2026-11-01, or a moment); --until includes its whole day
  --format <format>   text (default), json or csv (one row per reference)
`,
};

COMMAND_HELP.serve = `reftrack serve [--index name=path]... [--host <addr>] [--port <n>] [--tls-cert <file> --tls-key <file>]
               [--insecure] [--processes <n>] [--workers <n>] [--config <file>]
reftrack serve --new-token

Serve checks over HTTP: POST /v1/check, GET /v1/indexes, GET /healthz, GET /readyz (README:
Service). Indexes, tokens (as SHA-256 hashes), TLS and limits come from reftrack.config.json's
"serve"; flags override. Without tokens it listens on loopback only; beyond loopback it needs
TLS or --insecure.

  --index name=path    an index to serve (repeatable; default: serve.indexes, else db as "default")
  --host, --port       where to listen (default 127.0.0.1:8080)
  --tls-cert, --tls-key  serve HTTPS (TLS 1.2 or later)
  --insecure           allow plain HTTP beyond loopback
  --processes <n>      service processes sharing the port (default: the machine's cores)
  --workers <n>        threads per process for code over limits.inlineMaxChars (default 1)
  --new-token          print a new bearer token and the hash to configure, and exit
`;

export const USAGE = `reftrack — find where code comes from, with its license

Usage:
  reftrack index --db <file> <manifest.json>   build or update an index
  reftrack scan [flags] <path|dir|->...        scan code (text, json, sarif, spdx, html)
  reftrack notice [flags] <path|dir>...        write an attribution (NOTICE) file
  reftrack log [flags]                         list the code reference log
  reftrack serve [flags]                       serve checks over HTTP
  reftrack verify --db <file>                  check an index fully
  reftrack help <command>                      every flag of a command
  reftrack --version

Every command reads reftrack.config.json from the working directory or a folder above it
(or --config <file>); flags override it. Exit status: 0 clean, 1 found, 2 error.
`;
