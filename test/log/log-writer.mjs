// The crash test's writer (reference-log.test.ts): records numbered entries as fast as it can until
// it is killed. Plain JavaScript over the built module, so it runs in a bare node process.
import { ReferenceLog } from "../../dist/src/log/reference-log.js";

const log = ReferenceLog.open(process.argv[2]);
const reference = {
  source: "lodash",
  repository: "https://github.com/lodash/lodash",
  revision: null,
  path: "debounce.js",
  license: "MIT",
  url: null,
  sourceLines: [1, 10],
};
for (let i = 0; ; i++) log.record({ references: [reference], file: String(i) });
