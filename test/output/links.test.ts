import { describe, expect, it } from "vitest";
import { type LinkSource, sourceLink } from "../../src/output/links.js";

const base: LinkSource = {
  repository: "https://github.com/o/r",
  revision: "v1.2.3",
  repositoryDirectory: "",
  urlTemplate: null,
};

describe("links", () => {
  it("links to exact lines on known hosts", () => {
    expect(sourceLink(base, "src/a b.ts", [3, 9])).toBe("https://github.com/o/r/blob/v1.2.3/src/a%20b.ts#L3-L9");
    expect(sourceLink({ ...base, repositoryDirectory: "Lib" }, "json/decoder.py", [1, 2])).toBe(
      "https://github.com/o/r/blob/v1.2.3/Lib/json/decoder.py#L1-L2",
    );
    expect(sourceLink({ ...base, repository: "https://gitlab.com/g/p" }, "a.py", [1, 2])).toBe("https://gitlab.com/g/p/-/blob/v1.2.3/a.py#L1-2");
    expect(sourceLink({ ...base, repository: "https://bitbucket.org/w/r" }, "a.py", [1, 2])).toBe(
      "https://bitbucket.org/w/r/src/v1.2.3/a.py#lines-1:2",
    );
  });

  it("uses a source's template, and never guesses a link for unknown hosts or revisions", () => {
    expect(sourceLink({ ...base, urlTemplate: "https://unpkg.com/p@1.0.0/{path}" }, "lib/a.js", [1, 2])).toBe("https://unpkg.com/p@1.0.0/lib/a.js");
    expect(sourceLink({ ...base, repository: "https://git.example.org/r" }, "a.py", [1, 2])).toBe("https://git.example.org/r");
    expect(sourceLink({ ...base, revision: null }, "a.py", [1, 2])).toBe("https://github.com/o/r");
    expect(sourceLink({ ...base, repository: null }, "a.py", [1, 2])).toBeNull();
  });
});
