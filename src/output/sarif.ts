import { createHash } from "node:crypto";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { encodePath } from "./links.js";
import type { Reference } from "./reference.js";
import type { ReportInput } from "./report.js";
import type { ScannedFile } from "./json.js";

const REFERENCE_RULE: ReportingDescriptor = {
  id: "reftrack/reference",
  name: "CodeReference",
  shortDescription: { text: "Code matches indexed open-source code" },
  fullDescription: {
    text: "These lines closely match a file in reftrack's index: shown with the origin's repository, license and link so its license terms can be honoured.",
  },
  helpUri: "https://github.com/reftrack/reftrack#what-the-figures-mean",
  defaultConfiguration: { level: "note" },
};

const POLICY_RULE: ReportingDescriptor = {
  id: "reftrack/policy",
  name: "ReferencePolicyViolation",
  shortDescription: { text: "A code reference the policy blocks" },
  fullDescription: { text: "These lines match indexed code that the configured policy does not allow: a denied license, or references blocked." },
  helpUri: "https://github.com/reftrack/reftrack#in-a-suggestion-pipeline-check-stream-log",
  defaultConfiguration: { level: "error" },
};

/**
 * The scan as SARIF 2.1.0: one result per reference, at the scanned file's lines, under the
 * reference rule, or the policy rule when a given policy blocks it. partialFingerprints name the
 * origin and the scanned file, not line numbers, so a finding keeps its identity when the code moves.
 */
export function formatSarif(input: ReportInput): string {
  const results: Result[] = [];
  for (const file of input.scan.results) {
    for (const [index, reference] of file.references.entries()) results.push(resultFor(file, index, reference, input));
  }
  const { scan, provenance } = input;
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "reftrack",
            version: provenance.tool.version,
            semanticVersion: provenance.tool.version,
            informationUri: "https://github.com/reftrack/reftrack",
            rules: input.policyGiven ? [REFERENCE_RULE, POLICY_RULE] : [REFERENCE_RULE],
          },
        },
        invocations: [
          {
            executionSuccessful: scan.errors.length === 0,
            endTimeUtc: provenance.scannedAt,
            toolExecutionNotifications: [
              ...scan.errors.map((message) => ({ level: "error" as const, message: { text: message } })),
              ...scan.skipped.map((skip) => ({
                level: "note" as const,
                message: { text: `skipped ${skip.path}: ${skip.detail}` },
                locations: [{ physicalLocation: { artifactLocation: artifact(skip.path, input.root) } }],
              })),
            ],
          },
        ],
        results,
        properties: { reftrack: provenance },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function resultFor(file: ScannedFile, index: number, reference: Reference, input: ReportInput): Result {
  const reason = file.decision.reasons.find((r) => r.reference === index);
  const blocked = input.policyGiven && reason?.action === "block";
  const origin = `${[reference.source, reference.revision].filter(Boolean).join(" ")} ${reference.path}:${reference.sourceLines[0]}-${reference.sourceLines[1]}`;
  const text =
    `Lines ${reference.queryLines[0]}-${reference.queryLines[1]}${reference.queryColumns ? ` (columns ${reference.queryColumns[0]}-${reference.queryColumns[1]})` : ""} match ${origin} (${reference.license})` +
    `${reference.url ? `: ${reference.url}` : reference.repository ? `: ${reference.repository}` : ""}` +
    `${blocked ? `. Blocked by the policy: ${reason!.message}` : ""}`;
  return {
    ruleId: blocked ? POLICY_RULE.id : REFERENCE_RULE.id,
    ruleIndex: blocked ? 1 : 0,
    level: blocked ? "error" : "note",
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(file.path, input.root),
          region: {
            startLine: reference.queryLines[0],
            endLine: reference.queryLines[1],
            // SARIF's end column is the one after the region's last character.
            ...(reference.queryColumns ? { startColumn: reference.queryColumns[0], endColumn: reference.queryColumns[1] + 1 } : {}),
          },
        },
      },
    ],
    ...(reference.url
      ? {
          relatedLocations: [
            {
              id: 1,
              message: { text: `origin: ${origin}` },
              physicalLocation: { artifactLocation: { uri: reference.url }, region: { startLine: reference.sourceLines[0], endLine: reference.sourceLines[1] } },
            },
          ],
        }
      : {}),
    partialFingerprints: { "reftrackReference/v1": fingerprint(file.path, reference) },
    properties: {
      license: reference.license,
      licenseProvenance: reference.licenseProvenance,
      licenseConflict: reference.licenseConflict,
      source: reference.source,
      repository: reference.repository,
      revision: reference.revision,
      path: reference.path,
      sourceLines: reference.sourceLines,
      url: reference.url,
      similarity: reference.similarity,
      matchedTokens: reference.matchedTokens,
      group: reference.group,
      basis: reference.explanation.basis,
      origins: reference.origins.map((o) => ({ source: o.source, path: o.path, license: o.license, url: o.url })),
      ...(reason ? { decision: { action: reason.action, rule: reason.rule, message: reason.message } } : {}),
    },
  };
}

/** A scanned path as a URI relative to the source root (SARIF's %SRCROOT%), forward slashes. */
function artifact(path: string, root: string): { uri: string; uriBaseId?: string } {
  if (path === "-") return { uri: "stdin" };
  // Paths are the working directory's (the root); one outside it (`../lib/x.py` too) is an absolute file URI.
  const absolute = resolve(root, path);
  const inside = relative(root, absolute);
  if (inside.startsWith("..") || isAbsolute(inside)) return { uri: `file://${encodePath(absolute.split(sep).join("/"))}` };
  return { uri: encodePath(inside.split(sep).join("/")), uriBaseId: "%SRCROOT%" };
}

function fingerprint(path: string, reference: Reference): string {
  return createHash("sha256").update(JSON.stringify([path, reference.source, reference.path, reference.sourceLines])).digest("hex").slice(0, 32);
}
