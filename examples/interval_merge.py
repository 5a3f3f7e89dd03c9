"""Merging of overlapping intervals, written for reftrack's examples."""

from typing import Iterable


def merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the union of closed intervals as a sorted list of disjoint intervals."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(intervals):
        if high < low:
            raise ValueError(f"interval ({low}, {high}) ends before it starts")
        if merged and low <= merged[-1][1] + 1:
            previous_low, previous_high = merged[-1]
            merged[-1] = (previous_low, max(previous_high, high))
        else:
            merged.append((low, high))
    return merged


def total_covered(intervals: Iterable[tuple[int, int]]) -> int:
    """Count the integers covered by at least one interval."""
    return sum(high - low + 1 for low, high in merge_intervals(intervals))


if __name__ == "__main__":
    print(merge_intervals([(5, 8), (1, 3), (2, 4), (10, 10)]))
    print(total_covered([(5, 8), (1, 3), (2, 4), (10, 10)]))
