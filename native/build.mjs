// Builds native/syntax-walk.c (with the tree-sitter runtime that the tree-sitter package vendors)
// into build/Release/reftrack_syntax.node. Run by `npm install` and `npm ci`.
//
// node-gyp is npm's own (npm names it in npm_config_node_gyp); headers come from this Node's
// installation when it ships them (Debian's does, in /usr/include/node), because node-gyp would
// otherwise download them and this may run offline.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

function nodeGypScript() {
  const candidates = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), "..", "node_modules", "node-gyp", "bin", "node-gyp.js"),
    join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"),
  ];
  return candidates.find((candidate) => candidate && existsSync(candidate));
}

function nodeHeadersDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = join(dirname(process.execPath), "..");
  return existsSync(join(prefix, "include", "node", "node_api.h")) ? prefix : undefined;
}

const script = nodeGypScript();
if (script === undefined) {
  console.error("reftrack: cannot find node-gyp (it comes with npm) to build native/syntax-walk.c");
  process.exit(1);
}
const nodedir = nodeHeadersDir();
const args = [script, "rebuild", ...(nodedir ? [`--nodedir=${nodedir}`] : [])];
const result = spawnSync(process.execPath, args, { stdio: "inherit" });
if (result.status !== 0) {
  console.error("reftrack: building native/syntax-walk.c failed (it needs a C compiler, make and python3, as better-sqlite3 does)");
  process.exit(result.status ?? 1);
}
