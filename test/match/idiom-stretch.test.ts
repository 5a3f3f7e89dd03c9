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

  it("is not reported even as the whole suggestion when it is nothing but the idiom: only the protocol's names are left to compare", () => {
    // `__init__`, `property` and the attribute rows are every such class's; the share rule's other
    // side (a renamed copy that is most of the query) is pinned in rules.test.ts.
    expect(tracker.match(INVOICE_CLASS, { language: "python" }).references).toEqual([]);
  });

  it("is reported inside a longer file when its names are the indexed file's: the same text, not the same shape", () => {
    const copied = ORIGINAL_MODULE.replace(INVOICE_CLASS, INDEXED);
    const [reference] = tracker.match(copied, { language: "python" }).references;
    expect(reference?.path).toBe("net/channel.py");
    expect(reference!.sourceLines).toEqual([1, 14]);
  });
});

describe("a protocol's names", () => {
  // Written for this test: an adapter whose properties delegate to the object it wraps.
  const ADAPTER = `class SessionAdapter:
    """Adapts a session to the client's interface."""

    @property
    def timeout(self):
        return self.session.timeout

    @timeout.setter
    def timeout(self, value):
        self.session.timeout = value

    @property
    def retries(self):
        return self.session.retries
`;
  // Original code of the same kind: a sheet's header and footer, delegated the same way, among its own code.
  const SHEET = `"""A worksheet's page setup."""


class PageSetup:
    def __init__(self, sheet):
        self.sheet = sheet
        self.layout = sheet.layout

    @property
    def header(self):
        return self.layout.header

    @header.setter
    def header(self, value):
        self.layout.header = value

    @property
    def footer(self):
        return self.layout.footer

    def scale_to_fit(self, width, height):
        columns = sum(self.sheet.column_width(c) for c in range(self.sheet.max_column))
        rows = sum(self.sheet.row_height(r) for r in range(self.sheet.max_row))
        factor = min(width / max(columns, 1), height / max(rows, 1))
        self.layout.scale = round(100 * min(factor, 4.0))
        return self.layout.scale

    def margins(self, top=0.75, bottom=0.75, left=0.7, right=0.7):
        if min(top, bottom, left, right) < 0:
            raise ValueError("margins cannot be negative")
        self.layout.margins = {"top": top, "bottom": bottom, "left": left, "right": right}
`;
  let adapterTracker: ReferenceTracker;
  beforeAll(async () => {
    adapterTracker = await memoryTrackerForFiles({ "client/adapter.py": ADAPTER });
  });
  afterAll(() => adapterTracker.close());

  it("are no evidence of a copy: a setter's `value`, `property` and `setter` are every property's", () => {
    expect(adapterTracker.match(SHEET, { language: "python" }).references).toEqual([]);
  });
});
