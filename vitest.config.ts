import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Native addons (tree-sitter, better-sqlite3) are safest in separate processes.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
