import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a class whose attributes are read through properties, the idiom of any
// Python class that keeps its state private.
const INDEXED = `class Channel:
    """A connection to one endpoint, retried on failure."""

    def __init__(self, endpoint, retries):
        self._endpoint = endpoint
        self._retries = retries

    @property
    def endpoint(self):
        return self._endpoint

    @property
    def retries(self):
        return self._retries
`;

// The same idiom with other names, as one class of an original module among its own code.
const INVOICE_CLASS = `class Invoice:
    """An amount owed, in one currency."""

    def __init__(self, number, total):
        self._number = number
        self._total = total

    @property
    def number(self):
        return self._number

    @property
    def total(self):
        return self._total
`;

const ORIGINAL_MODULE = `"""Invoices and the ledger that settles them."""

import decimal
from collections import defaultdict


${INVOICE_CLASS}

def settle(ledger, invoices, rate_table):
    balances = defaultdict(decimal.Decimal)
    for invoice in sorted(invoices, key=lambda item: (item.currency, item.number)):
        rate = rate_table.get(invoice.currency)
        if rate is None:
            raise LookupError(f"no exchange rate for {invoice.currency}")
        amount = (invoice.total * rate).quantize(decimal.Decimal("0.01"))
        balances[invoice.currency] += amount
        ledger.append((invoice.number, invoice.currency, str(amount)))
    return {currency: str(total) for currency, total in balances.items()}


def overdue(invoices, today, grace_days=30):
    late = []
    for invoice in invoices:
        due = getattr(invoice, "due", None)
        if due is not None and (today - due).days > grace_days:
            late.append(invoice.number)
    return late
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "net/channel.py": INDEXED });
});
afterAll(() => tracker.close());

describe("an idiom's shape", () => {
  it("is not reported as a short stretch of a longer original file (a third of its tokens or less)", () => {
    expect(tracker.match(ORIGINAL_MODULE, { language: "python" }).references).toEqual([]);
  });

  it("is still reported when it is most of the suggestion: a renamed copy of the indexed class", () => {
    const [reference] = tracker.match(INVOICE_CLASS, { language: "python" }).references;
    expect(reference?.path).toBe("net/channel.py");
  });

  it("is reported inside a longer file when its names are the indexed file's: the same text, not the same shape", () => {
    const copied = ORIGINAL_MODULE.replace(INVOICE_CLASS, INDEXED);
    const [reference] = tracker.match(copied, { language: "python" }).references;
    expect(reference?.path).toBe("net/channel.py");
    expect(reference!.sourceLines).toEqual([1, 14]);
  });
});
