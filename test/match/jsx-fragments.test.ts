import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fingerprinter } from "../../src/fingerprint/fingerprint.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { MissScreen } from "../../src/match/screen.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { DEFAULT_MATCH_OPTIONS } from "../../src/options.js";
import { IndexReader } from "../../src/store/reader.js";
import { temporaryDirectory, trackerForFiles } from "../helpers.js";

// Written for this test: a date field's render, its segments and its clear button, in TSX.
const DATE_FIELD = `export function DateField(props: DateFieldProps) {
  const {fieldProps, labelProps, segments, clear, state} = useDateField(props);
  return (
    <div className={classNames(props.className, 'date-field')} data-invalid={state.isInvalid || undefined}>
      <span {...labelProps} className="date-field-label">{props.label}</span>
      <div
        {...fieldProps}
        ref={fieldRef}
        role="group"
        aria-describedby={props.description ? descriptionId : undefined}
        data-disabled={props.isDisabled || undefined}
        data-focus-visible={isFocusVisible || undefined}
        className="date-field-segments">
        {segments.map((segment, index) => (
          <DateSegment
            key={index}
            segment={segment}
            state={state}
            isPlaceholder={segment.isPlaceholder}
            onFocusSegment={() => focusSegment(index)} />
        ))}
        Choose a day, a month and a year
      </div>
      <ClearButton
        aria-label="Clear the date"
        isDisabled={state.value == null}
        onPress={() => clear(state.value)} />
    </div>
  );
}
`;

const workspace = temporaryDirectory();
let reader: IndexReader;
let screen: MissScreen;
let normalizer: Normalizer;
beforeAll(async () => {
  (await trackerForFiles(workspace.path, { "src/DateField.tsx": DATE_FIELD })).close();
  reader = IndexReader.open(join(workspace.path, "source.db"));
  normalizer = new Normalizer(await loadTokenHasher());
  screen = new MissScreen(reader, normalizer, new Fingerprinter(reader.parameters));
});
afterAll(() => {
  reader.close();
  workspace.cleanup();
});

/** The file's tokens on lines `from`–`to`: what a fragment of those lines should read as. */
function fileHashes(from: number, to: number): number[] {
  const whole = normalizer.normalize(DATE_FIELD, languageByName("tsx"));
  const hashes: number[] = [];
  for (let i = 0; i < whole.count; i++) if (whole.startLines[i]! >= from && whole.endLines[i]! <= to) hashes.push(whole.hashes[i]!);
  return hashes;
}

describe("a TSX fragment cut among a tag's attributes", () => {
  it("is read from inside the tag when that reading holds more seeds: attributes, text and closing tags as in the file", () => {
    // Lines 7–33: the segments' group from its attributes on, then the rest of the render.
    const fragment = DATE_FIELD.split("\n").slice(6, 33).join("\n");
    const query = screen.lexedQuery(fragment, languageByName("tsx"), DEFAULT_MATCH_OPTIONS);
    expect(query.readings).toHaveLength(2);
    expect(Array.from(query.tokens.hashes)).toEqual(fileHashes(7, 33));
    // The plain reading, the first, takes `aria-describedby={…}` for a subtraction and an assignment.
    expect(Array.from(query.readings[0]!.hashes)).not.toEqual(fileHashes(7, 33));
  });

  it("is read from its start only when its first line is no tag's", () => {
    const fragment = DATE_FIELD.split("\n").slice(1, 20).join("\n");
    expect(screen.lexedQuery(fragment, languageByName("tsx"), DEFAULT_MATCH_OPTIONS).readings).toHaveLength(1);
  });
});
