"""One town's full assessment again, for reports that show every town in detail.

A batch keeps only a summary per town (:class:`readiness.batch.run.Scored`), so that memory
grows with the towns, not with what each assessment holds. A report with a page per town (the
HTML site) scores each listed file once more, under the same criteria.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from readiness.criteria.model import Criteria
from readiness.scoring.assessment import Assessment


def assess_file(
    path: str, choose: Callable[[str, dt.date, str], Criteria], *, encoding: str | None = None
) -> tuple[Assessment, Criteria]:
    """The assessment of the profile at ``path`` and the criteria it was scored under."""
    from readiness.profile.loading import load_profile
    from readiness.scoring.scorer import assess

    profile = load_profile(path, encoding=encoding)
    criteria = choose(profile.municipality.served_by, profile.as_of, path)
    return assess(criteria, profile, profile_file=path), criteria
