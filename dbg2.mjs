import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { IndexReader, currentIndexParameters } from "/work/main/dist/src/index/store.js";
import { loadTokenHasher } from "/work/main/dist/src/hashing.js";
import { Normalizer } from "/work/main/dist/src/normalize/normalize.js";
import { fingerprint, DEFAULT_FINGERPRINT_PARAMETERS } from "/work/main/dist/src/fingerprint/fingerprint.js";
import { languageForPath } from "/work/main/dist/src/languages/registry.js";
const [dbPath, file, a, b, rel] = process.argv.slice(2);
const code = readFileSync(file, "utf8").split("\n").slice(Number(a) - 1, Number(b)).join("\n");
const db = new Database(dbPath, { readonly: true });
const cid = db.prepare("SELECT content_id FROM files WHERE path = ?").all(rel);
console.log("content", cid);
const reader = IndexReader.open(dbPath, currentIndexParameters(DEFAULT_FINGERPRINT_PARAMETERS));
const n = new Normalizer(await loadTokenHasher());
const tokens = n.normalize(code, languageForPath(file));
const fp = fingerprint(tokens, DEFAULT_FINGERPRINT_PARAMETERS);
for (let i = 0; i < fp.count; i++) {
  const h = fp.hashes[i];
  const rows = reader.lookup(h, -1);
  const files = new Set(rows.map((r) => r[0]));
  console.log(i, fp.positions[i], h, "files", files.size, "common", reader.common?.fileCount(h), reader.common?.sourceCount(h), "self", files.has(cid[0]?.content_id));
}
