import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * tree-sitter's Node binding frees a parse tree's native memory (about 24 bytes per source byte
 * here) only when V8 collects the JS wrapper, and V8 does not know about that memory: with a
 * small JS heap it rarely collects, and an indexing run grew past 1 GB on 30 MB of Python.
 * So every COLLECT_EVERY_BYTES of parsed source we ask for a collection; the finalizers then run
 * on the next turn of the event loop.
 */
const COLLECT_EVERY_BYTES = 32 * 1024 * 1024;

let collect: (() => void) | null | undefined;
let parsedSinceCollect = 0;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

export function noteParsedBytes(bytes: number): void {
  parsedSinceCollect += bytes;
  if (parsedSinceCollect >= COLLECT_EVERY_BYTES) {
    parsedSinceCollect = 0;
    collector()?.();
  }
}
