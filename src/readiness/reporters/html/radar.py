"""Inline SVG radar chart of section shares, with gate lines and a band level ring.

Pure and deterministic: the same input gives the same string, byte for byte (coordinates are
written with a fixed two decimals and "-0.00" is normalised to "0.00"). No dependency beyond the
standard library, so it can move into ``readiness.report`` as it is.

Geometry: axis ``i`` of ``n`` points at angle ``-90° + 360° * i / n`` (the first axis straight
up, then clockwise on screen, since SVG's y grows downwards). A share ``v`` in ``0..1`` sits at
``centre + radius * v * (cos θ, sin θ)``.

With fewer than three axes a polygon is degenerate (a point or a line), so the chart falls back to
horizontal bars drawn in the same SVG frame. Either way each axis gets exactly one
``<circle class="vertex" data-axis="i">`` so that a DOM test can count one vertex per section.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

Point = tuple[float, float]

__all__ = ["Point", "RadarChart", "axis_angle", "fmt", "radar_svg"]


def fmt(x: float) -> str:
    """Fixed two-decimal formatting with no negative zero."""
    s = f"{x:.2f}"
    return "0.00" if s == "-0.00" else s


def _pts(points: Sequence[Point]) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points)


def _check_share(name: str, v: float) -> float:
    if not isinstance(v, (int, float)) or isinstance(v, bool) or math.isnan(v):
        raise ValueError(f"{name} must be a number in 0..1, got {v!r}")
    return min(1.0, max(0.0, float(v)))


def axis_angle(i: int, n: int) -> float:
    """Angle in radians of axis ``i`` of ``n``: the first axis points up, then clockwise."""
    return -math.pi / 2 + 2 * math.pi * i / n


@dataclass(frozen=True)
class RadarChart:
    """The SVG and the coordinates that it draws, for tests of its geometry."""

    svg: str
    kind: Literal["radar", "bars"]
    center: Point
    radius: float
    axis_ends: tuple[Point, ...]
    """End of each axis (share 1.0); for bars, the right end of each bar's track."""
    value_points: tuple[Point, ...]
    """One point per axis: polygon vertices for a radar, bar ends for bars."""
    gate_points: tuple[Point | None, ...]
    """Per axis, where the gate is drawn, or None where the axis has no gate."""
    band_ring: tuple[Point, ...]
    """The top band's level: a regular polygon for a radar, the x of a vertical line for bars."""


def radar_svg(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    gates: Sequence[float | None] | None = None,
    band_level: float | None = None,
    band_label: str = "",
    size: int = 360,
    grid: Sequence[float] = (0.25, 0.5, 0.75, 1.0),
    title: str = "",
    value_labels: Sequence[str] | None = None,
) -> RadarChart:
    """Draw ``values`` (shares in 0..1, clamped) on one axis per label.

    ``gates``: per axis the minimum share (None: no gate on that axis). When every axis has a
    gate, they are joined into a dashed polygon; otherwise each gate is a short tick across its
    axis. ``band_level``: a share drawn as a ring (for example the top band's threshold).
    ``value_labels``: text for each vertex's tooltip (defaults to the percentage).
    All text is escaped here; the returned SVG is safe to insert with Jinja's ``|safe``.
    """
    n = len(labels)
    if n == 0:
        raise ValueError("a radar chart needs at least one axis")
    if len(values) != n:
        raise ValueError(f"{n} labels but {len(values)} values")
    vals = [_check_share(f"values[{i}]", v) for i, v in enumerate(values)]
    gate_list: list[float | None] = [None] * n if gates is None else list(gates)
    if len(gate_list) != n:
        raise ValueError(f"{n} labels but {len(gate_list)} gates")
    gts = [None if g is None else _check_share(f"gates[{i}]", g) for i, g in enumerate(gate_list)]
    band = None if band_level is None else _check_share("band_level", band_level)
    tips = [f"{round(v * 100)}%" for v in vals] if value_labels is None else list(value_labels)
    if len(tips) != n:
        raise ValueError(f"{n} labels but {len(tips)} value labels")
    if n < 3:
        return _bars(
            labels,
            vals,
            gts,
            band=band,
            band_label=band_label,
            size=size,
            grid=grid,
            title=title,
            tips=tips,
        )
    return _radar(
        labels,
        vals,
        gts,
        band=band,
        band_label=band_label,
        size=size,
        grid=grid,
        title=title,
        tips=tips,
    )


def _open_svg(width: float, height: float, kind: str, n: int, title: str) -> list[str]:
    t = escape(title or "chart")
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="radar radar-{kind}" role="img" '
        f'viewBox="0 0 {fmt(width)} {fmt(height)}" width="{fmt(width)}" height="{fmt(height)}" '
        f'data-axes="{n}" aria-label="{t}">',
        f"<title>{t}</title>",
    ]


def _radar(
    labels: Sequence[str],
    vals: list[float],
    gts: list[float | None],
    *,
    band: float | None,
    band_label: str,
    size: int,
    grid: Sequence[float],
    title: str,
    tips: list[str],
) -> RadarChart:
    n = len(labels)
    # Room for the labels: one line above and below, and wide margins left and right, where
    # labels run sideways (Japanese section names are long: the SVG is wider than it is tall).
    radius = size * 0.38
    side = size * 0.45
    width, height = size + 2 * side, float(size)
    cx, cy = width / 2, height / 2

    def at(i: int, share: float) -> Point:
        a = axis_angle(i, n)
        return (cx + radius * share * math.cos(a), cy + radius * share * math.sin(a))

    ends = tuple(at(i, 1.0) for i in range(n))
    vpts = tuple(at(i, v) for i, v in enumerate(vals))
    gpts = tuple(None if g is None else at(i, g) for i, g in enumerate(gts))
    ring = tuple(at(i, band) for i in range(n)) if band is not None else ()

    out = _open_svg(width, height, "radar", n, title)
    out.append('<g class="grid">')
    for level in grid:
        lv = _check_share("grid level", level)
        out.append(f'<polygon class="ring" points="{_pts([at(i, lv) for i in range(n)])}"/>')
    for i, (x, y) in enumerate(ends):
        out.append(
            f'<line class="axis" data-axis="{i}" x1="{fmt(cx)}" y1="{fmt(cy)}" '
            f'x2="{fmt(x)}" y2="{fmt(y)}"/>'
        )
    out.append("</g>")
    if ring:
        lab = f"<title>{escape(band_label)}</title>" if band_label else ""
        out.append(f'<polygon class="band-ring" points="{_pts(ring)}">{lab}</polygon>')
    if all(g is not None for g in gpts):
        out.append(f'<polygon class="gates" points="{_pts([g for g in gpts if g])}"/>')
    else:
        # Ticks across the axis, 4% of the radius each side.
        for i, g in enumerate(gpts):
            if g is None:
                continue
            a = axis_angle(i, n)
            dx, dy = -math.sin(a) * radius * 0.04, math.cos(a) * radius * 0.04
            out.append(
                f'<line class="gate" data-axis="{i}" x1="{fmt(g[0] - dx)}" y1="{fmt(g[1] - dy)}" '
                f'x2="{fmt(g[0] + dx)}" y2="{fmt(g[1] + dy)}"/>'
            )
    out.append(f'<polygon class="values" points="{_pts(vpts)}"/>')
    for i, (x, y) in enumerate(vpts):
        below = gts[i] is not None and vals[i] < (gts[i] or 0.0)
        cls = "vertex below-gate" if below else "vertex"
        out.append(
            f'<circle class="{cls}" data-axis="{i}" data-value="{vals[i]:.4f}" '
            f'cx="{fmt(x)}" cy="{fmt(y)}" r="3.50"><title>{escape(labels[i])}: '
            f"{escape(tips[i])}</title></circle>"
        )
    for i, label in enumerate(labels):
        a = axis_angle(i, n)
        c = math.cos(a)
        anchor = "middle" if abs(c) < 0.2 else ("start" if c > 0 else "end")
        lx, ly = at(i, 1.0)
        lx += c * 8
        ly += math.sin(a) * 8 + (4 if math.sin(a) >= -0.2 else 0)
        out.append(
            f'<text class="label" data-axis="{i}" x="{fmt(lx)}" y="{fmt(ly)}" '
            f'text-anchor="{anchor}">{escape(label)}</text>'
        )
    out.append("</svg>")
    return RadarChart("\n".join(out), "radar", (cx, cy), radius, ends, vpts, gpts, ring)


def _bars(
    labels: Sequence[str],
    vals: list[float],
    gts: list[float | None],
    *,
    band: float | None,
    band_label: str,
    size: int,
    grid: Sequence[float],
    title: str,
    tips: list[str],
) -> RadarChart:
    n = len(labels)
    row = 36.0
    left, right, top = size * 0.35, size * 0.06, 14.0
    width = float(size)
    height = top * 2 + row * n
    track = width - left - right

    def x_of(share: float) -> float:
        return left + track * share

    def y_mid(i: int) -> float:
        return top + row * i + row / 2

    ends = tuple((x_of(1.0), y_mid(i)) for i in range(n))
    vpts = tuple((x_of(v), y_mid(i)) for i, v in enumerate(vals))
    gpts = tuple(None if g is None else (x_of(g), y_mid(i)) for i, g in enumerate(gts))
    ring = ((x_of(band), top), (x_of(band), height - top)) if band is not None else ()

    out = _open_svg(width, height, "bars", n, title)
    out.append('<g class="grid">')
    for level in grid:
        x = x_of(_check_share("grid level", level))
        out.append(
            f'<line class="ring" x1="{fmt(x)}" y1="{fmt(top)}" x2="{fmt(x)}" '
            f'y2="{fmt(height - top)}"/>'
        )
    out.append("</g>")
    for i, label in enumerate(labels):
        y = y_mid(i)
        out.append(
            f'<text class="label" data-axis="{i}" x="{fmt(left - 6)}" y="{fmt(y + 4)}" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        out.append(
            f'<rect class="bar" data-axis="{i}" x="{fmt(left)}" y="{fmt(y - row * 0.3)}" '
            f'width="{fmt(vpts[i][0] - left)}" height="{fmt(row * 0.6)}"/>'
        )
        g = gpts[i]
        if g is not None:
            out.append(
                f'<line class="gate" data-axis="{i}" x1="{fmt(g[0])}" y1="{fmt(y - row * 0.4)}" '
                f'x2="{fmt(g[0])}" y2="{fmt(y + row * 0.4)}"/>'
            )
    if ring:
        lab = f"<title>{escape(band_label)}</title>" if band_label else ""
        (x0, y0), (x1, y1) = ring
        out.append(
            f'<line class="band-ring" x1="{fmt(x0)}" y1="{fmt(y0)}" x2="{fmt(x1)}" '
            f'y2="{fmt(y1)}">{lab}</line>'
        )
    for i, (x, y) in enumerate(vpts):
        below = gts[i] is not None and vals[i] < (gts[i] or 0.0)
        cls = "vertex below-gate" if below else "vertex"
        out.append(
            f'<circle class="{cls}" data-axis="{i}" data-value="{vals[i]:.4f}" '
            f'cx="{fmt(x)}" cy="{fmt(y)}" r="3.50"><title>{escape(labels[i])}: '
            f"{escape(tips[i])}</title></circle>"
        )
    out.append("</svg>")
    return RadarChart("\n".join(out), "bars", (left, height / 2), track, ends, vpts, gpts, ring)
