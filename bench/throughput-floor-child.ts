/**
 * The throughput floor in a process of its own: parsing 24 MB through tree-sitter's binding leaves
 * the process holding what that parsing made, and the scavenges of latency passes timed after it
 * in the same process were longer: match()'s tail measured the floor's leftovers (bench/DECISIONS.md).
 */
import { baseSources } from "./corpus.js";
import { measureThroughputFloor } from "./throughput-floor.js";

const [projectRoot, cacheDir] = process.argv.slice(2);
if (!projectRoot || !cacheDir) throw new Error("usage: throughput-floor-child <project root> <cache dir>");
process.stdout.write(JSON.stringify(await measureThroughputFloor(baseSources(projectRoot, cacheDir))));
