"""The ranking rule: competition ranks (1, 2, 2, 4), checked against its definition."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.scoring.ranking import competition_ranks, standing


@pytest.mark.parametrize(
    ("standings", "ranks"),
    [
        ([], []),
        ([(0, -80.0)], [1]),
        ([(0, -80.0), (0, -90.0), (0, -80.0), (1, -99.0)], [2, 1, 2, 4]),
        # The band comes before the score: a ready town outranks a higher score in a lower band.
        ([(1, -99.0), (0, -50.0)], [2, 1]),
        ([(0, -70.0)] * 3, [1, 1, 1]),
    ],
)
def test_competition_ranks_table(standings: list[tuple[int, float]], ranks: list[int]) -> None:
    assert competition_ranks(standings) == ranks


@settings(max_examples=300)
@given(
    st.lists(
        st.builds(
            standing,
            st.integers(min_value=0, max_value=3),
            st.floats(min_value=0, max_value=100, allow_nan=False),
        ),
        max_size=40,
    )
)
def test_a_place_is_one_more_than_the_towns_strictly_better(
    standings: list[tuple[int, float]],
) -> None:
    expected = [1 + sum(other < mine for other in standings) for mine in standings]
    assert competition_ranks(standings) == expected
