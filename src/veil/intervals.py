"""A set of covered text ranges, kept as sorted disjoint intervals for exact overlap questions."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Coverage:
    """Sorted, merged, half-open intervals ``[start, end)``."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, start) - 1
        if index >= 0 and self._ends[index] > start:
            return True
        return index + 1 < len(self._starts) and self._starts[index + 1] < end

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        left = bisect.bisect_left(self._ends, start)
        right = bisect.bisect_right(self._starts, end)
        if left < right:
            start = min(start, self._starts[left])
            end = max(end, self._ends[right - 1])
        self._starts[left:right] = [start]
        self._ends[left:right] = [end]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(zip(self._starts, self._ends, strict=True))

    def __len__(self) -> int:
        return len(self._starts)
