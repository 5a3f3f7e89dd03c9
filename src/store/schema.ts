/**
 * The index schema. Bump SCHEMA_VERSION on any change; an index with another version is refused
 * with a message to rebuild rather than read wrongly.
 */
export const SCHEMA_VERSION = 9;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS sources (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  repository  TEXT,
  revision    TEXT,
  -- folder inside the repository that the source's root is, for links ('' = root)
  repository_directory TEXT NOT NULL DEFAULT '',
  -- optional link template with {path} {start} {end}, for sources not browsable on a known host
  url_template TEXT,
  license     TEXT NOT NULL,
  -- manifest | declared | license-file | none: where the source's license came from
  license_provenance TEXT NOT NULL,
  license_evidence   TEXT NOT NULL,
  -- digest of the metadata and of every file's content hash: equal digest, nothing to re-index;
  -- '' while the source's fingerprints are not yet merged (an interrupted build re-indexes it)
  digest      TEXT NOT NULL,
  indexed_at  TEXT NOT NULL,
  -- where the files were read from on the building machine (a folder, the fetch cache), so
  -- reports can show the matched source text while it is still there; NULL when unknown
  local_root  TEXT
);

-- One row per distinct (content, language): identical files (vendored copies, forks, twins) are
-- fingerprinted and stored once, and every copy is a row in files pointing here.
CREATE TABLE IF NOT EXISTS contents (
  id            INTEGER PRIMARY KEY,
  content_hash  TEXT NOT NULL,
  language      TEXT NOT NULL,
  lines         INTEGER NOT NULL,
  tokens        INTEGER NOT NULL,
  -- 0 while its fingerprints wait in a build's staging table; 1 once they are searchable
  merged        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (content_hash, language)
);

-- Every origin of a content: where it is, and under which license.
CREATE TABLE IF NOT EXISTS files (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  path          TEXT NOT NULL,
  content_id    INTEGER NOT NULL REFERENCES contents(id),
  license       TEXT NOT NULL,
  -- the source's provenance, or file-header when the file's own SPDX header overrides it
  license_provenance TEXT NOT NULL,
  UNIQUE (source_id, path)
);
CREATE INDEX IF NOT EXISTS files_by_content ON files (content_id);

-- hash → every place it occurs: one row per distinct hash, its occurrences packed in one blob
-- (posting-list.ts), so a lookup reads one row however common the hash is. The hash is stored
-- unsigned: as a rowid a negative one takes 9 bytes. contents and occurrences count what data holds.
CREATE TABLE IF NOT EXISTS postings (
  hash        INTEGER PRIMARY KEY,
  contents    INTEGER NOT NULL,
  occurrences INTEGER NOT NULL,
  data        BLOB NOT NULL
);

-- Bloom filter of all fingerprint hashes (membership-filter.ts); valid only while its generation
-- equals meta.generation, which every source change increments.
CREATE TABLE IF NOT EXISTS membership_filter (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  generation  INTEGER NOT NULL,
  log2_bits   INTEGER NOT NULL,
  bits        BLOB NOT NULL
);

-- Fingerprints found in more than COMMON_FLOOR distinct contents, with that number and the number of
-- distinct sources those contents are in: uint32 hashes in increasing order, uint32 counts, uint32 sources. Loaded
-- at open, so boilerplate fingerprints (many sources) are recognised without a lookup, and a
-- project's own repetition (one source) is told from them.
-- Current while its generation equals meta.generation, like the filter.
CREATE TABLE IF NOT EXISTS common_fingerprints (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  generation  INTEGER NOT NULL,
  floor       INTEGER NOT NULL,
  hashes      BLOB NOT NULL,
  counts      BLOB NOT NULL,
  sources     BLOB NOT NULL
);

-- id = content_id * 65536 + chunk index; see token-chunks.ts
CREATE TABLE IF NOT EXISTS token_chunks (
  id           INTEGER PRIMARY KEY,
  first_line   INTEGER NOT NULL,
  data         BLOB NOT NULL
);
`;
