/**
 * A whole Python module whose docstring quotes one file's code and whose code copies another's:
 * read from its start, the copy is code and the quotation prose; read as a fragment, its quotes
 * alone cannot say which, and the longer quotation read as code wins. Written for the tests.
 */
// A scheduler's code, which the module below quotes in its docstring.
export const SCHEDULER = `import heapq


class Scheduler:
    def __init__(self, clock):
        self.clock = clock
        self.queue = []
        self.sequence = 0

    def call_later(self, delay, callback, *args):
        self.sequence += 1
        entry = (self.clock() + delay, self.sequence, callback, args)
        heapq.heappush(self.queue, entry)
        return entry

    def cancel(self, entry):
        self.queue.remove(entry)
        heapq.heapify(self.queue)

    def run_due(self):
        now = self.clock()
        while self.queue and self.queue[0][0] <= now:
            when, sequence, callback, args = heapq.heappop(self.queue)
            callback(*args)
        return len(self.queue)
`;

// A retry helper, which the module below copies as its code.
export const RETRY = `import time


def retry(operation, attempts=3, delay=0.5, backoff=2.0, errors=(OSError,)):
    wait = delay
    for attempt in range(1, attempts + 1):
        try:
            return operation()
        except errors as error:
            if attempt == attempts:
                raise
            time.sleep(wait)
            wait = min(wait * backoff, 30.0)
            last = error
    raise RuntimeError("unreachable") from last
`;

// A whole module: its docstring (opening on the first line) shows the scheduler's code as an
// example; its code is the retry helper. Its delimiters alone cannot tell a whole file from a
// fragment cut inside a docstring, whose second quotes would open the string the code is in.
export const MODULE = `"""Timers for the worker.

The worker schedules its timers as the scheduler does:

${SCHEDULER.slice(SCHEDULER.indexOf("class Scheduler"))
  .trimEnd()
  .split("\n")
  .map((line) => (line === "" ? "" : `    ${line}`))
  .join("\n")}
"""
${RETRY}`;
