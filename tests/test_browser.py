"""The HTML reports in a real headless Chromium: DOM, console, screenshot, PDF page count.

Needs Debian's chromium and chromium-driver (.ci/install-browser.sh); skips without them on
a laptop, fails without them in CI (tests/conftest.py, ``browser``).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser import pdf_page_count, png_colours, render
from tests.conftest import EXAMPLES, RunCli

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("profile", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_town_report_in_chromium(
    browser: Any, run_cli: RunCli, tmp_path: Path, profile: Path
) -> None:
    page = tmp_path / "town.html"
    r = run_cli("assess", str(profile), "--format", "html", "-o", str(page), "--lang", "ja")
    assert r.exit_code == 0, r.stderr
    data = json.loads(run_cli("assess", str(profile), "--format", "json").stdout)
    shown = render(browser, page)
    assert shown.vertices == len(data["sections"])  # one radar vertex per section
    assert shown.vertex_values == pytest.approx([s["share"] for s in data["sections"]], abs=0.00005)
    assert float(shown.score_text) == pytest.approx(data["score"], abs=0.05)
    assert shown.severe == []  # no console error
    assert shown.requested_urls == [page.resolve().as_uri()]  # nothing fetched but itself
    assert shown.colours > 50, "the screenshot looks blank"
    assert 1 <= shown.pages <= 2  # A4, the chart on page 1


# Negative controls: the checks above can fail.


def test_a_blank_page_has_one_colour(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    browser.get(page.as_uri())
    assert png_colours(browser.get_screenshot_as_png()) == 1


def test_a_console_error_is_seen(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "error.html"
    page.write_text("<!DOCTYPE html><script>console.error('boom')</script>", encoding="utf-8")
    browser.get_log("browser")  # drain what earlier pages left
    browser.get(page.as_uri())
    logs = browser.get_log("browser")
    assert any(e["level"] == "SEVERE" and "boom" in e["message"] for e in logs)


def test_a_long_page_prints_on_more_pages(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "long.html"
    rows = "".join(f"<p>{i}</p>" for i in range(400))
    page.write_text(f"<!DOCTYPE html><style>@page{{size:A4}}</style>{rows}", encoding="utf-8")
    browser.get(page.as_uri())
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"]
    assert pdf_page_count(base64.b64decode(pdf)) > 3


def test_batch_site_sorts_offline_and_links_each_town(
    browser: Any, run_cli: RunCli, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    r = run_cli("batch", str(EXAMPLES), "-o", f"html={site}/", "--lang", "ja")
    assert r.exit_code == 0, r.stderr
    browser.get_log("browser")  # drain
    browser.get((site / "index.html").as_uri())

    def column(n: int) -> list[str]:
        cells = browser.find_elements("css selector", f"#ranking tbody td:nth-child({n})")
        return [c.text for c in cells]

    ranks = column(1)
    assert ranks == sorted(ranks, key=int)
    score = browser.find_element("css selector", "#ranking thead th:nth-child(6)")
    score.click()
    scores = [float(s) for s in column(6)]
    assert scores == sorted(scores)
    assert score.get_attribute("aria-sort") == "ascending"
    score.click()
    assert [float(s) for s in column(6)] == sorted(scores, reverse=True)
    assert browser.find_elements("css selector", "#band-counts svg rect.bar")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    # every town's link opens its page, which links back
    links = [a.get_attribute("href") for a in browser.find_elements("css selector", "#ranking a")]
    assert len(links) == len(EXAMPLE_FILES)
    browser.get(links[0])
    assert browser.find_elements("css selector", "svg.radar circle.vertex")
    browser.find_element("css selector", "nav.back a").click()
    assert browser.current_url == (site / "index.html").as_uri()


def test_progress_page_in_chromium(browser: Any, run_cli: RunCli, tmp_path: Path) -> None:
    from tests.test_progress import NEW, older

    page = tmp_path / "progress.html"
    old = older(tmp_path / "old.yaml")
    r = run_cli("progress", str(old), str(NEW), "-f", "html", "-o", str(page), "--lang", "ja")
    assert r.exit_code == 0, r.stderr
    browser.get_log("browser")  # drain
    shown = render(browser, page)
    assert shown.score_text == "80.0"
    assert len(browser.find_elements("css selector", "#closed li[data-gap]")) == 3
    assert shown.severe == []
    assert shown.requested_urls == [page.resolve().as_uri()]
    assert shown.colours > 50
    assert shown.pages == 1


def _png(rows: list[bytes], width: int, bpp: int) -> bytes:
    """An 8-bit RGB (bpp 3) or RGBA (bpp 4) PNG whose row y uses filter type y % 5."""
    import struct
    import zlib

    def predict(ftype: int, a: int, b: int, c: int) -> int:
        p = a + b - c
        paeth = min((abs(p - a), 0, a), (abs(p - b), 1, b), (abs(p - c), 2, c))[2]
        return (0, a, b, (a + b) >> 1, paeth)[ftype]

    data, prev = bytearray(), bytes(width * bpp)
    for y, row in enumerate(rows):
        data.append(y % 5)
        for i, x in enumerate(row):
            a, c = (row[i - bpp], prev[i - bpp]) if i >= bpp else (0, 0)
            data.append((x - predict(y % 5, a, prev[i], c)) & 0xFF)
        prev = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2 if bpp == 3 else 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        [chunk(b"IHDR", header), chunk(b"IDAT", zlib.compress(bytes(data))), chunk(b"IEND", b"")]
    )


@pytest.mark.parametrize("bpp", [3, 4])
def test_png_colours_undoes_every_filter(bpp: int) -> None:
    """The decoder behind the screenshot checks, without a browser: rows under each of the five
    filters, with colours that differ pixel to pixel and row to row."""
    import random

    rng = random.Random(bpp)
    width = 23
    rows = [bytes(rng.choice([0, 1, 127, 128, 200, 255, rng.randrange(256)])
                  for _ in range(width * bpp)) for _ in range(41)]  # fmt: skip
    sampled = {row[x * bpp : x * bpp + 3] for row in rows[::4] for x in range(0, width, 4)}
    assert png_colours(_png(rows, width, bpp)) == len(sampled) > 50
    assert png_colours(_png([bytes(width * bpp)] * 9, width, bpp)) == 1
