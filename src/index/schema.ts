/**
 * The index schema. Bump SCHEMA_VERSION on any change; an index with another version is refused
 * with a message to rebuild rather than read wrongly.
 */
export const SCHEMA_VERSION = 3;

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
  -- digest of the metadata and of every file's content hash: equal digest, nothing to re-index;
  -- '' while the source's fingerprints are not yet merged (an interrupted build re-indexes it)
  digest      TEXT NOT NULL,
  indexed_at  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS files (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  path          TEXT NOT NULL,
  language      TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  lines         INTEGER NOT NULL,
  tokens        INTEGER NOT NULL,
  UNIQUE (source_id, path)
);

-- hash → where it occurs. The primary key is the lookup path; WITHOUT ROWID keeps one B-tree.
CREATE TABLE IF NOT EXISTS fingerprints (
  hash       INTEGER NOT NULL,
  file_id    INTEGER NOT NULL,
  token_pos  INTEGER NOT NULL,
  PRIMARY KEY (hash, file_id, token_pos)
) WITHOUT ROWID;

-- Bloom filter of all fingerprint hashes (membership-filter.ts); valid only while its generation
-- equals meta.generation, which every source change increments.
CREATE TABLE IF NOT EXISTS membership_filter (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  generation  INTEGER NOT NULL,
  log2_bits   INTEGER NOT NULL,
  bits        BLOB NOT NULL
);

-- Fingerprints found in more than COMMON_FLOOR files, with that number: sorted int32 hashes and
-- uint32 counts. Loaded at open, so boilerplate fingerprints are recognised without a lookup.
-- Current while its generation equals meta.generation, like the filter.
CREATE TABLE IF NOT EXISTS common_fingerprints (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  generation  INTEGER NOT NULL,
  floor       INTEGER NOT NULL,
  hashes      BLOB NOT NULL,
  counts      BLOB NOT NULL
);

-- id = file_id * 65536 + chunk index; see token-chunks.ts
CREATE TABLE IF NOT EXISTS token_chunks (
  id           INTEGER PRIMARY KEY,
  first_line   INTEGER NOT NULL,
  signatures   BLOB NOT NULL,
  line_counts  BLOB NOT NULL,
  multiline    BLOB
);
`;
