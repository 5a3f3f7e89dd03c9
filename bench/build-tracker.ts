/**
 * A compiled build of reftrack loaded by path (this one's `dist`, or another commit's compiled
 * elsewhere), for benches that time two builds side by side: only what they call, as every build
 * since the speed bench began has it.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { LanguageName } from "../src/languages/language.js";

export interface BuildTracker {
  match(code: string, target: { language: LanguageName }): { readonly references: readonly unknown[] };
  /** Absent in builds older than the method. */
  dropCaches?(): void;
  statisticsLoaded?(): Promise<void>;
  close(): void;
}

/** The build in `dist`'s tracker on the index `db`. */
export async function openBuild(dist: string, db: string): Promise<BuildTracker> {
  const module = (await import(pathToFileURL(resolve(dist, "src", "tracker.js")).href)) as { ReferenceTracker: { open(db: string): Promise<BuildTracker> } };
  return module.ReferenceTracker.open(db);
}
