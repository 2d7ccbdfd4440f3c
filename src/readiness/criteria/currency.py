"""Which criteria set is current on a date: decided by the sets' periods, not by a flag.

- A set is *current* on a date when its period contains it (an open start or end contains
  every date before or after), *expired* when its period ended before, *future* when it starts
  after.
- For a bureau and a date, the set used is the current one; when several are current (an
  open-ended standard and a dated set inside it), the one that started last.
- When none is current, the newest set is used: the one that ended last (a staleness caution
  in the report names its end date); only when every set starts after the date, the one that
  starts first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from readiness.criteria.model import Criteria, Period
from readiness.messages import Lang, t

Status = Literal["current", "expired", "future"]


def status(period: Period, on: dt.date) -> Status:
    if period.end is not None and period.end < on:
        return "expired"
    if period.start is not None and on < period.start:
        return "future"
    return "current"


def set_for_date(sets: Iterable[Criteria], on: dt.date) -> Criteria | None:
    """The set to use on ``on`` among one bureau's ``sets`` (None when there are none)."""
    candidates = list(sets)
    current = [c for c in candidates if status(c.period, on) == "current"]
    if current:
        return max(current, key=lambda c: (c.period.start or dt.date.min, c.version, c.id))
    expired = [c for c in candidates if status(c.period, on) == "expired"]
    if expired:
        return max(expired, key=lambda c: (c.period.end or dt.date.max, c.version, c.id))
    future = sorted(candidates, key=lambda c: (c.period.start or dt.date.min, c.version, c.id))
    return future[0] if future else None


def period_text(period: Period, lang: Lang) -> str:
    """``2022-04-01 – 2025-03-31``; an open end is left open (``2016-09-07 –``)."""
    if period.start is None and period.end is None:
        return t("period_open", lang)
    start = f"{period.start} " if period.start else ""
    end = f" {period.end}" if period.end else ""
    return f"{start}–{end}"
