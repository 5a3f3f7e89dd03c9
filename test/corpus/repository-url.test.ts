import { describe, expect, it } from "vitest";
import { normalizeRepositoryUrl, repositoryFolderUrl, repositoryFromPackageField } from "../../src/corpus/repository-url.js";

describe("repository URLs", () => {
  it("reduces every spelling npm and git accept to one https URL", () => {
    const expected = "https://github.com/owner/repo";
    for (const form of [
      "git+https://github.com/owner/repo.git",
      "https://github.com/owner/repo",
      "https://github.com/owner/repo/",
      "git://github.com/owner/repo.git",
      "git+ssh://git@github.com/owner/repo.git",
      "ssh://git@github.com/owner/repo.git",
      "git@github.com:owner/repo.git",
      "github:owner/repo",
      "owner/repo",
      "https://user:secret-token@github.com/owner/repo.git",
      "https://github.com/owner/repo.git#v1.2.3",
    ]) {
      expect(normalizeRepositoryUrl(form), form).toBe(expected);
    }
    expect(normalizeRepositoryUrl("gitlab:group/project")).toBe("https://gitlab.com/group/project");
    expect(normalizeRepositoryUrl("bitbucket:team/repo")).toBe("https://bitbucket.org/team/repo");
    expect(normalizeRepositoryUrl("gist:11081aaa281")).toBe("https://gist.github.com/11081aaa281");
    expect(normalizeRepositoryUrl("git@gitlab.example.org:team/sub/repo.git")).toBe("https://gitlab.example.org/team/sub/repo");
  });

  it("never keeps credentials, and refuses what names no repository", () => {
    expect(normalizeRepositoryUrl("https://me:hunter2@git.example.com/x/y.git")).toBe("https://git.example.com/x/y");
    for (const bad of ["", "   ", "not a url", "file:///home/me/repo", "https://github.com", "localhost:repo"]) {
      expect(normalizeRepositoryUrl(bad), bad).toBeNull();
    }
  });

  it("reads package.json's repository as a string or an object with a monorepo directory", () => {
    expect(repositoryFromPackageField("github:o/r")).toEqual({ url: "https://github.com/o/r", directory: "" });
    expect(repositoryFromPackageField({ type: "git", url: "git+https://github.com/babel/babel.git", directory: "packages/babel-core/" })).toEqual({
      url: "https://github.com/babel/babel",
      directory: "packages/babel-core",
    });
    expect(repositoryFromPackageField({ type: "git", url: "https://github.com/o/r", directory: "../../etc" })).toEqual({
      url: "https://github.com/o/r",
      directory: "",
    });
    expect(repositoryFromPackageField({ type: "git" })).toBeNull();
    expect(repositoryFromPackageField(42)).toBeNull();
  });

  it("links into the package's folder on known hosts", () => {
    expect(repositoryFolderUrl({ url: "https://github.com/babel/babel", directory: "packages/babel-core" })).toBe(
      "https://github.com/babel/babel/tree/HEAD/packages/babel-core",
    );
    expect(repositoryFolderUrl({ url: "https://gitlab.com/g/p", directory: "pkg" }, "v2.0.0")).toBe("https://gitlab.com/g/p/-/tree/v2.0.0/pkg");
    expect(repositoryFolderUrl({ url: "https://github.com/o/r", directory: "" })).toBe("https://github.com/o/r");
  });
});
