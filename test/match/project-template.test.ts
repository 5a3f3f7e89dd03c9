import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hitsInSourceOrder } from "../../src/match/align.js";
import { occurrence } from "../../src/match/match-index.js";
import { type TemplateIndex, templateOnly } from "../../src/match/project-template.js";
import type { Candidate, FileHits } from "../../src/match/types.js";
import { COMMON_FLOOR, DEFAULT_MATCH_OPTIONS, PROJECT_IDIOM_FILES, TEMPLATE_STRETCH_QUERY_SHARE } from "../../src/options.js";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a kit of components, each written from the kit's template. Every component
// declares its render props and context and reads its props the same way, then takes two of four
// stock parts (focus, hover, press, field state), each with its render props' fields, so each part
// is in half of the kit's files and each pair of parts, in its order, in a few of them. Each line
// names the component, as the kit's files do, so no run of identical text is a reference's length.
// The slider also has code of its own.
const PARTS: readonly ((own: string) => string)[] = [
  (own) => `  let {isFocused, isFocusVisible, focusProps: ${own}FocusProps} = useFocusRing({within: true, autoFocus: props.autoFocus});
  let ${own}Focus = {isFocused, isFocusVisible, tabIndex: props.isDisabled ? undefined : 0};`,
  (own) => `  let {hoverProps: ${own}HoverProps, isHovered} = useHover({isDisabled: props.isDisabled, onHoverStart: props.onHoverStart});
  let ${own}Hover = {isHovered, onHoverEnd: props.onHoverEnd, delay: props.hoverDelay ?? 300};`,
  (own) => `  let {pressProps: ${own}PressProps, isPressed} = usePress({isDisabled: props.isDisabled, preventFocusOnPress: true, ref});
  let ${own}Press = {isPressed, shouldCancelOnPointerExit: props.shouldCancelOnPointerExit};`,
  (own) => `  let ${own}State = useFieldState({value: props.value, defaultValue: props.defaultValue, onChange: props.onChange});
  let ${own}Validation = useValidation({...props, value: ${own}State.value, validationBehavior: 'native'});`,
];

const FIELDS: readonly string[] = [
  `  /** Whether the element is focused, either via a mouse or keyboard. */
  isFocused: boolean,
  /** Whether the element is keyboard focused. */
  isFocusVisible: boolean,`,
  `  /** Whether the element is currently hovered with a mouse. */
  isHovered: boolean,`,
  `  /** Whether the element is currently in a pressed state. */
  isPressed: boolean,`,
  `  /** Whether the value is invalid. */
  isInvalid: boolean,
  /** The current value, as the field state holds it. */
  value: string,`,
];

const PAIRS: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, 2],
  [0, 3],
  [1, 2],
  [1, 3],
  [2, 3],
];

const SLIDER_OWN = `  let clamped = Math.min(Math.max(props.value ?? props.defaultValue ?? 0, props.minValue ?? 0), props.maxValue ?? 100);
  let percent = (clamped - (props.minValue ?? 0)) / ((props.maxValue ?? 100) - (props.minValue ?? 0));
  let thumbStyle = {left: \`\${percent * 100}%\`, transform: 'translateX(-50%)', transition: props.isDragging ? 'none' : 'left 120ms'};
  let stepLabel = props.formatOptions ? new Intl.NumberFormat(props.locale, props.formatOptions).format(clamped) : String(clamped);
`;

const component = (name: string, parts: readonly number[], own = ""): string => `import {createContext, ForwardedRef, forwardRef} from 'react';
import {ContextValue, RenderProps, SlotProps, useContextProps, useRenderProps} from './utils';
import {useFieldState, useFocusRing, useHover, usePress, useValidation} from 'kit-hooks';

export interface ${name}RenderProps {
${parts.map((p) => FIELDS[p]).join("\n")}
  /** Whether the ${name.toLowerCase()} is disabled. */
  isDisabled: boolean
}

export interface ${name}Props extends RenderProps<${name}RenderProps>, SlotProps {}

export const ${name}Context = createContext<ContextValue<${name}Props, HTMLDivElement>>(null);

function ${name}(props: ${name}Props, ref: ForwardedRef<HTMLDivElement>) {
  [props, ref] = useContextProps(props, ref, ${name}Context);
${parts.map((p) => PARTS[p]!(name.toLowerCase())).join("\n")}
${own}  let ${name.toLowerCase()}Render = useRenderProps({
    ...props,
    values: {isDisabled: props.isDisabled || false},
    defaultClassName: 'kit-${name}'
  });

  return <div {...${name.toLowerCase()}Render} ref={ref} slot={props.slot || undefined} data-disabled={props.isDisabled || undefined} />;
}

const _${name} = forwardRef(${name});
export {_${name} as ${name}};
`;

const NAMES = ["Button", "Checkbox", "Switch", "Link", "Tab", "Radio", "Slider", "Meter", "Tag", "Row", "Cell", "Menu", "Option", "Dialog", "Popover", "Tooltip", "Toolbar", "Group", "Input", "Label", "Form", "Header", "Heading", "Text"];

const FILES: Record<string, string> = Object.fromEntries(
  NAMES.map((name, i) => [`kit/src/${name}.tsx`, component(name, PAIRS[i % PAIRS.length]!, name === "Slider" ? SLIDER_OWN : "")]),
);

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles(FILES);
});
afterAll(() => tracker.close());

const references = (code: string) => tracker.match(code, { language: "tsx", whole: true }).references;

describe("a component of a kit written from one template, copied", () => {
  it("is reported renamed: it keeps that component's own code", () => {
    const renamed = FILES["kit/src/Slider.tsx"]!.replaceAll("Slider", "RangeInput").replaceAll("clamped", "bounded").replaceAll("percent", "ratio").replaceAll("thumbStyle", "knob");
    expect(references(renamed).map((r) => r.path)).toContain("kit/src/Slider.tsx");
  });

  it("is reported as written", () => {
    expect(references(FILES["kit/src/Switch.tsx"]!).map((r) => r.path)).toContain("kit/src/Switch.tsx");
  });
});

// A fake index for the rule itself: fingerprints by the contents holding them, all of one project
// unless said otherwise. Content 1 is the candidate's, where fingerprint h is at token 10·h (as
// candidateOf places them); other contents hold them there too unless `place` says otherwise.
function fakeIndex(
  holders: Record<number, readonly number[]>,
  sources: Record<number, number> = {},
  place: (hash: number, content: number) => number = (hash) => 10 * hash,
): TemplateIndex {
  return {
    commonContentCount: (hash) => (holders[hash]!.length > COMMON_FLOOR ? holders[hash]!.length : undefined),
    commonSourceCount: (hash) => (holders[hash]!.length > COMMON_FLOOR ? (sources[hash] ?? 1) : undefined),
    occurrences: (hash) => holders[hash]!.map((content) => occurrence(content, content === 1 ? 10 * hash : place(hash, content))),
  };
}

/** As fakeIndex, each content holding a fingerprint at the places `places` gives, in increasing order. */
function fakeIndexOfPlaces(holders: Record<number, readonly number[]>, places: (hash: number, content: number) => readonly number[]): TemplateIndex {
  return {
    ...fakeIndex(holders),
    occurrences: (hash) => holders[hash]!.flatMap((content) => places(hash, content).map((at) => occurrence(content, at))),
  };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** A candidate over query and source tokens 0–100 of content 1, hit once by each of `hashes` (1, 2, …) at 10·h. */
function candidateOf(hashes: readonly number[], holders: Record<number, readonly number[]>, borrowedSeeds = 0) {
  const positions = Int32Array.from(hashes, (h) => 10 * h);
  const hits: FileHits = { queryPositions: positions, sourcePositions: positions, hashes: Int32Array.from(hashes), frequencies: Int32Array.from(hashes, (h) => holders[h]!.length) };
  const segment = { queryStart: 0, queryEnd: 100, sourceStart: 0, sourceEnd: 100 };
  const frequencies = hashes.map((h) => holders[h]!.length);
  const candidate: Candidate = {
    contentId: 1,
    segments: [segment],
    matchedTokens: 100,
    matchedChars: 400,
    sourceMatchedChars: null,
    literalTokens: 0,
    seeds: hashes.length,
    edgeSeeds: 0,
    borrowedSeeds,
    frequencySum: frequencies.reduce((a, b) => a + b, 0),
    rarestSeedFrequency: Math.min(...frequencies),
    complete: true,
    endsToCheck: false,
  };
  return { candidate, context: { hits, hitsBySource: hitsInSourceOrder(hits), edgeOnly: undefined } };
}

describe("a region resting on its project's template", () => {
  // As react-aria's new ToggleButtonGroup against ColorWheel: one fingerprint two siblings share,
  // the context line 31 of its files write and a render-props line 16 of them do, those 16 not all among the 31.
  const TEMPLATE = { 1: [1, 2], 2: range(1, 32), 3: [...range(1, 6), ...range(40, 51)] };

  it("is the template: its idioms are each shared with other siblings, and too few fingerprints are its own", () => {
    const { candidate, context } = candidateOf([1, 2, 3], TEMPLATE);
    expect(templateOnly(candidate, context, fakeIndex(TEMPLATE), DEFAULT_MATCH_OPTIONS, 100)).toBe(true);
  });

  it("is not, with as many fingerprints of its own as a region needs", () => {
    const holders = { ...TEMPLATE, 4: [1, 5] };
    const { candidate, context } = candidateOf([1, 2, 3, 4], holders);
    expect(templateOnly(candidate, context, fakeIndex(holders), DEFAULT_MATCH_OPTIONS, 100)).toBe(false);
  });

  it("is not, when the other channel's seeds in the same file make up the number", () => {
    const { candidate, context } = candidateOf([1, 2, 3], TEMPLATE, 1);
    expect(templateOnly(candidate, context, fakeIndex(TEMPLATE), DEFAULT_MATCH_OPTIONS, 100)).toBe(false);
  });

  it("is not, when the project repeats the whole stretch: the files holding one idiom hold them all (a helper in every module)", () => {
    const holders = { 1: range(1, 13), 2: range(1, 13), 3: range(1, 13) };
    const { candidate, context } = candidateOf([1, 2, 3], holders);
    expect(templateOnly(candidate, context, fakeIndex(holders), DEFAULT_MATCH_OPTIONS, 100)).toBe(false);
  });

  it("is, when the files holding all its idioms write other code between them: a template's lines, not a stretch repeated", () => {
    const holders = { 1: range(1, 13), 2: range(1, 13), 3: range(1, 13) };
    const { candidate, context } = candidateOf([1, 2, 3], holders);
    const apart = (hash: number, content: number): number => 10 * hash + 40 * content * (hash - 1);
    expect(templateOnly(candidate, context, fakeIndex(holders, {}, apart), DEFAULT_MATCH_OPTIONS, 100)).toBe(true);
  });

  it("is, made of the project's idioms alone, when it is little of its query, however many files repeat it", () => {
    const holders = { 1: range(1, 13), 2: range(1, 13), 3: range(1, 13) };
    const { candidate, context } = candidateOf([1, 2, 3], holders);
    expect(templateOnly(candidate, context, fakeIndex(holders), DEFAULT_MATCH_OPTIONS, candidate.matchedTokens / TEMPLATE_STRETCH_QUERY_SHARE + 1)).toBe(true);
    expect(templateOnly(candidate, context, fakeIndex(holders), DEFAULT_MATCH_OPTIONS, candidate.matchedTokens / TEMPLATE_STRETCH_QUERY_SHARE)).toBe(false);
  });

  it("is not, when its other seed is in as many files, of several projects, and the two are one stretch those files repeat", () => {
    // As an mdBook search script in every edition of a book of one toolchain, and in another project.
    const holders = { 1: range(1, 36), 2: range(1, 35) };
    const { candidate, context } = candidateOf([1, 2], holders);
    expect(templateOnly(candidate, context, fakeIndex(holders, { 1: 2 }), DEFAULT_MATCH_OPTIONS, 100)).toBe(false);
    const apart = (hash: number, content: number): number => 10 * hash + 40 * content * (hash - 1);
    expect(templateOnly(candidate, context, fakeIndex(holders, { 1: 2 }, apart), DEFAULT_MATCH_OPTIONS, 100)).toBe(true);
  });

  it("is not, when the idioms span projects: that is boilerplate, which the file-frequency cut-off weighs", () => {
    const { candidate, context } = candidateOf([1, 2, 3], TEMPLATE);
    expect(templateOnly(candidate, context, fakeIndex(TEMPLATE, { 2: 5, 3: 4 }), DEFAULT_MATCH_OPTIONS, 100)).toBe(false);
  });

  it("is not, when each file holds the stretch once among rows repeating its idioms elsewhere (a list of names)", () => {
    // Every file holds each idiom at five places; only the last of them, in each file, keeps the
    // candidate's spacing (10 tokens apart), the others 60 to 210 apart.
    const holders = { 1: range(1, 13), 2: range(1, 13), 3: range(1, 13) };
    const { candidate, context } = candidateOf([1, 2, 3], holders);
    const rows = (aligned: boolean) => (hash: number, content: number): readonly number[] =>
      content === 1 ? [10 * hash] : range(0, 5).filter((k) => aligned || k < 4).map((k) => 10 * hash + 1000 * k + 50 * (4 - k) * hash);
    expect(templateOnly(candidate, context, fakeIndexOfPlaces(holders, rows(true)), DEFAULT_MATCH_OPTIONS, 100)).toBe(false);
    expect(templateOnly(candidate, context, fakeIndexOfPlaces(holders, rows(false)), DEFAULT_MATCH_OPTIONS, 100)).toBe(true);
  });

  it("is not, when its fingerprints are in fewer files than a template's", () => {
    const holders = { 1: [1, 2], 2: range(1, PROJECT_IDIOM_FILES), 3: range(1, PROJECT_IDIOM_FILES) };
    const { candidate, context } = candidateOf([1, 2, 3], holders);
    expect(templateOnly(candidate, context, fakeIndex(holders), DEFAULT_MATCH_OPTIONS, 100)).toBe(false);
  });
});
