/**
 * The quality benchmark's TSX: components as React and Solid code is written, which the first
 * three languages' corpora hardly hold (one `.tsx` file among them). Four packages that publish
 * their TSX source are indexed; eight others are held out, for region negatives and whole files.
 */
import { filesOf } from "./packages.js";

/** Indexed with the benchmark's corpus, their TSX the positives' regions are drawn from. */
export const TSX_INDEXED = ["react-aria-components@1.4.1", "react-day-picker@9.1.3", "@radix-ui/themes@3.1.4", "@tanstack/react-router@1.70.0"];

/**
 * Not indexed: other component libraries (React, and Solid's JSX), their TSX the negatives. Adobe's
 * react-spectrum and TanStack's Query share authors with indexed packages; what they share is
 * judged as any held-out copy is, by its identical text.
 */
export const TSX_HELD_OUT = [
  "@tanstack/react-query@5.59.0",
  "@kobalte/core@0.13.7",
  "react-resizable-panels@2.1.4",
  "@tiptap/react@2.8.0",
  "@react-spectrum/table@3.15.0",
  "@react-spectrum/button@3.16.8",
  "@tamagui/core@1.115.0",
  "@tanstack/solid-query@5.59.0",
];

/**
 * TSX was added after the other languages' queries were drawn: its regions, forms and negatives
 * draw from this seed's sequence, so every earlier query stays as it was drawn.
 */
export const TSX_SEED = 20261206;

/** The `.tsx` files of a package's folder, outside its `dist/` (a build, not its source). */
export function tsxFilesOf(root: string): string[] {
  return filesOf({ root, exclude: ["dist/**"] }, "typescript").filter((file) => file.endsWith(".tsx"));
}
