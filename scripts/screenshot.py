"""Regenerate the README's picture of the HTML report: ``python scripts/screenshot.py``.

Renders ``readiness assess examples/ishinomaki.yaml --format html --lang ja`` and photographs
its top (header, score, radar chart, section table) in headless Chromium, with the same driver
the browser tests use (tests/browser.py: Debian's chromium and chromium-driver, no network).
Writes docs/images/report-ishinomaki.png.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images" / "report-ishinomaki.png"
PROFILE = ROOT / "examples" / "ishinomaki.yaml"

sys.path.insert(0, str(ROOT))

from tests.browser import browser_available, chromium  # noqa: E402


def main() -> int:
    if not browser_available():
        print("needs Debian's chromium and chromium-driver: bash .ci/install-browser.sh")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "readiness",
                "assess",
                str(PROFILE),
                "--format",
                "html",
                "--lang",
                "ja",
                "-o",
                str(page),
            ],
            check=True,
        )
        with chromium(width=1000, height=820) as driver:
            driver.get(page.as_uri())
            png = driver.get_screenshot_as_png()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(png)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(png)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
