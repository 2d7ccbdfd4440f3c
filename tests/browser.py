"""Headless Debian Chromium through Selenium, with no network and no Selenium Manager.

Used by the ``browser`` fixture (tests/conftest.py) and by scripts/screenshot.py.

* ``Service(CHROMEDRIVER)`` with an explicit path makes Selenium skip Selenium Manager entirely
  (selenium/webdriver/common/driver_finder.py: "Skipping Selenium Manager; path to ... driver
  specified in Service class"), so nothing is downloaded. ``SE_MANAGER_PATH=/bin/false`` in the
  tests proves it: were the manager run, the start would fail.
* The flags keep Chromium from reaching for Google's hosts, which this machine's network refuses.
* Console errors come from the ``goog:loggingPrefs`` browser log; requests from the performance
  log, so a test can assert that the page asked for nothing but itself (offline, self-contained).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import struct
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("READINESS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("READINESS_CHROMEDRIVER", "/usr/bin/chromedriver")

FLAGS = (
    "--headless=new",
    "--no-sandbox",  # CI runs as root; Chromium refuses to start as root with its sandbox
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",  # Debian's wrapper means to add it, but its test of /dev/shm breaks
    "--disable-extensions",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--lang=ja-JP",
)


def browser_available() -> bool:
    return Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()


@contextmanager
def chromium(width: int = 1024, height: int = 1400) -> Iterator[Any]:
    """A headless Chromium WebDriver with a fresh profile, closed and removed on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="readiness-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for f in FLAGS:
        opts.add_argument(f)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.add_argument(f"--window-size={width},{height}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = Service(executable_path=CHROMEDRIVER, log_output=os.path.join(profile, "driver.log"))
    driver = webdriver.Chrome(service=service, options=opts)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


# --- small decoders, standard library only ---------------------------------------------------


def png_colours(png: bytes, limit: int = 4096) -> int:
    """Number of distinct pixel colours in an 8-bit RGB/RGBA non-interlaced PNG (capped at limit).

    Chromium's screenshots are exactly that. Undoes the per-row filters (PNG spec, section 9).
    """
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, bytearray()
    width = height = bpp = 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        ctype = png[pos + 4 : pos + 8]
        data = png[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if ctype == b"IHDR":
            width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", data)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}")
            bpp = 3 if colour == 2 else 4
        elif ctype == b"IDAT":
            idat += data
        elif ctype == b"IEND":
            break
    raw = zlib.decompress(bytes(idat))
    stride = width * bpp
    prev = bytes(stride)
    colours: set[bytes] = set()
    for y in range(height):
        off = y * (stride + 1)
        line = _unfilter(raw[off], raw[off + 1 : off + 1 + stride], prev, bpp)
        # Sample every 4th pixel of every 4th row: plenty to tell blank from drawn, and fast.
        if y % 4 == 0:
            for x in range(0, width, 4):
                colours.add(line[x * bpp : x * bpp + 3])
            if len(colours) >= limit:
                return len(colours)
        prev = line
    return len(colours)


def _add_bytes(x: bytes, y: bytes) -> bytes:
    """Each byte of ``x`` plus the same byte of ``y``, modulo 256, as one big-integer sum: the
    low 7 bits of each byte add without reaching the next byte; the top bit is the XOR of both
    top bits and that carry."""
    n = len(x)
    low7 = int.from_bytes(b"\x7f" * n, "big")
    a, b = int.from_bytes(x, "big"), int.from_bytes(y, "big")
    return (((a & low7) + (b & low7)) ^ ((a ^ b) & ~low7)).to_bytes(n, "big")


def _unfilter(ftype: int, filtered: bytes, prev: bytes, bpp: int) -> bytes:
    """One row of a PNG with its filter undone (PNG spec, section 9), given the row above.

    None and Up (most of Chromium's rows) are whole-row operations, Sub a running sum per
    channel; Average and Paeth depend on the byte just undone, so go byte by byte.
    """
    if ftype == 0:
        return filtered
    if ftype == 2:
        return _add_bytes(filtered, prev)
    line = bytearray(filtered)
    if ftype == 1:
        for channel in range(bpp):
            line[channel::bpp] = bytes(map((0xFF).__and__, accumulate(line[channel::bpp])))
        return bytes(line)
    if ftype == 3:
        for i in range(len(line)):
            line[i] = (line[i] + (((line[i - bpp] if i >= bpp else 0) + prev[i]) >> 1)) & 0xFF
    elif ftype == 4:
        for i in range(min(bpp, len(line))):  # a and c are 0 there: the prediction is b
            line[i] = (line[i] + prev[i]) & 0xFF
        for i in range(bpp, len(line)):
            a, b, c = line[i - bpp], prev[i], prev[i - bpp]
            # p = a + b - c; |p - a|, |p - b|, |p - c|
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - c - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    else:
        raise ValueError(f"unknown PNG filter type {ftype}")
    return bytes(line)


def pdf_page_count(pdf: bytes) -> int:
    """Pages of a Chromium (Skia) PDF: its page objects are uncompressed ``/Type /Page`` dicts.

    Skia writes no object streams, so this count is exact for Chromium's output; a general PDF
    would need pypdf.
    """
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


# --- one render ---------------------------------------------------------------------------------


@dataclass
class Rendered:
    vertices: int
    vertex_values: list[float]
    score_text: str
    severe: list[dict[str, Any]]
    console: list[dict[str, Any]]
    requested_urls: list[str]
    png: bytes
    colours: int
    pdf: bytes
    pages: int
    timings: dict[str, float] = field(default_factory=dict)


def render(driver: Any, html_file: Path) -> Rendered:
    """Open a file, read the chart and the console, take a screenshot and print a PDF."""
    t: dict[str, float] = {}
    uri = html_file.resolve().as_uri()
    t0 = time.perf_counter()
    driver.get(uri)
    t["load"] = time.perf_counter() - t0
    n, values, score = driver.execute_script(
        """
        const poly = document.querySelector('svg.radar polygon.values');
        const vs = [...document.querySelectorAll('svg.radar circle.vertex')];
        return [poly ? poly.points.numberOfItems : vs.length,
                vs.map(c => parseFloat(c.dataset.value)),
                document.getElementById('score')?.dataset.score ?? ''];
        """
    )
    console = driver.get_log("browser")
    perf = driver.get_log("performance")
    urls = []
    for entry in perf:
        msg = json.loads(entry["message"])["message"]
        # Only the requests made for our page: the log also holds the start page's own
        # chrome:// requests (the new-tab page), which have another documentURL.
        if (
            msg.get("method") == "Network.requestWillBeSent"
            and msg["params"].get("documentURL") == uri
        ):
            urls.append(msg["params"]["request"]["url"])
    t1 = time.perf_counter()
    png = driver.get_screenshot_as_png()
    t["screenshot"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    pdf = base64.b64decode(
        driver.execute_cdp_cmd(
            "Page.printToPDF",
            # A4 in inches; CSS @page size wins when preferCSSPageSize is true.
            {
                "printBackground": True,
                "preferCSSPageSize": True,
                "paperWidth": 8.27,
                "paperHeight": 11.69,
            },
        )["data"]
    )
    t["pdf"] = time.perf_counter() - t2
    return Rendered(
        vertices=int(n),
        vertex_values=[float(v) for v in values],
        score_text=str(score),
        severe=[e for e in console if e.get("level") == "SEVERE"],
        console=console,
        requested_urls=urls,
        png=png,
        colours=png_colours(png),
        pdf=pdf,
        pages=pdf_page_count(pdf),
        timings=t,
    )
