// The HTML report's browser test drives Debian's chromium (never a browser download). Installs it
// with apt when it is missing and this user may; otherwise says what to do and leaves the test to fail.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.REFTRACK_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.error("[setup] installing Debian's chromium for the HTML report's browser test…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } else {
    console.error(`[setup] ${CHROMIUM} is missing: install Debian's chromium (sudo apt-get install -y chromium) for the HTML report's browser test`);
  }
}
