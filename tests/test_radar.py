from __future__ import annotations

import math
import re

import pytest

from readiness.reporters.html.radar import axis_angle, fmt, radar_svg


def _points(svg: str, cls: str) -> list[tuple[float, float]]:
    m = re.search(rf'<polygon class="{cls}" points="([^"]*)"', svg)
    assert m, cls
    return [tuple(map(float, p.split(","))) for p in m.group(1).split()]  # type: ignore[misc]


@pytest.mark.parametrize("n", [3, 4, 5, 6, 8])
def test_one_vertex_per_axis_at_the_right_place(n: int) -> None:
    values = [(i + 1) / (n + 1) for i in range(n)]
    c = radar_svg([f"s{i}" for i in range(n)], values, gates=[0.5] * n, band_level=0.7)
    assert c.kind == "radar"
    assert len(c.value_points) == n
    assert c.svg.count('class="vertex') == n
    assert len(_points(c.svg, "values")) == n
    cx, cy = c.center
    for i, ((x, y), v) in enumerate(zip(c.value_points, values, strict=False)):
        # distance from the centre is share × radius, direction is the axis angle
        assert math.hypot(x - cx, y - cy) == pytest.approx(v * c.radius)
        if v:
            assert math.atan2(y - cy, x - cx) == pytest.approx(
                math.atan2(math.sin(axis_angle(i, n)), math.cos(axis_angle(i, n)))
            )
    # the first axis points straight up
    assert c.axis_ends[0][0] == pytest.approx(cx)
    assert c.axis_ends[0][1] == pytest.approx(cy - c.radius)
    # the drawn polygon is the exposed coordinates, rounded to 2 decimals
    assert _points(c.svg, "values") == [(round(x, 2), round(y, 2)) for x, y in c.value_points]
    # gates all present: a polygon; band ring: a regular polygon at 0.7
    assert len(_points(c.svg, "gates")) == n
    for x, y in c.band_ring:
        assert math.hypot(x - cx, y - cy) == pytest.approx(0.7 * c.radius)


def test_missing_gates_are_ticks_not_a_polygon() -> None:
    c = radar_svg(list("abcde"), [0.5, 1, 0.6, 0.8, 1], gates=[0.5, 0.5, 0.5, None, None])
    assert 'class="gates"' not in c.svg
    assert c.svg.count('class="gate"') == 3
    assert c.gate_points[3] is None


def test_below_gate_is_marked() -> None:
    c = radar_svg(list("abc"), [0.2, 0.9, 0.9], gates=[0.5, 0.5, None])
    assert c.svg.count("below-gate") == 1


@pytest.mark.parametrize("n", [1, 2])
def test_one_or_two_axes_fall_back_to_bars(n: int) -> None:
    c = radar_svg(["a", "b"][:n], [0.25, 1.0][:n], gates=[0.5, 0.5][:n], band_level=0.7)
    assert c.kind == "bars"
    assert c.svg.count('class="vertex') == n
    assert c.svg.count('class="bar"') == n
    left = c.center[0]
    assert c.value_points[0][0] == pytest.approx(left + 0.25 * c.radius)


def test_deterministic_and_escaped() -> None:
    args = (["<script>&", "②課題", "c"], [0.1, 0.2, 0.3])
    a, b = radar_svg(*args, title='"x"'), radar_svg(*args, title='"x"')
    assert a.svg == b.svg
    assert "<script>" not in a.svg
    assert "&lt;script&gt;&amp;" in a.svg
    assert 'aria-label="&quot;x&quot;"' in a.svg
    assert "-0.00" not in a.svg
    assert fmt(-0.001) == "0.00"


def test_values_are_clamped_and_nan_refused() -> None:
    c = radar_svg(list("abc"), [-1, 2, 0.5])
    cx, cy = c.center
    assert c.value_points[0] == pytest.approx((cx, cy))
    assert c.value_points[1] == pytest.approx(c.axis_ends[1])
    with pytest.raises(ValueError, match="values"):
        radar_svg(list("abc"), [float("nan"), 0, 0])
    with pytest.raises(ValueError, match="at least one axis"):
        radar_svg([], [])
    with pytest.raises(ValueError, match="3 labels but 2 values"):
        radar_svg(list("abc"), [0.1, 0.2])
