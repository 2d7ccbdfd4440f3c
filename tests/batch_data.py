"""A directory of good and bad profiles for batch tests, and a builder of scored entries."""

from __future__ import annotations

import shutil
from pathlib import Path

from readiness.batch.summary import Scored
from readiness.profile.bilingual import Text
from readiness.scoring.assessment import BandRef
from tests.conftest import EXAMPLES

BAD_FILES: dict[str, tuple[str, str]] = {
    # relative path -> (content, the diagnostic line expected on stderr, path left out)
    "sub/typo.yaml": (
        "schema_version: 1\nas_of: 2024-04-01\n"
        'municipality: {name: 石巻市, code: "042021", prefecture: 宮城県}\nparters: []\n',
        "sub/typo.yaml:4:1: unknown-field unknown field 'parters': did you mean 'partners'?",
    ),
    "syntax.yaml": (
        "schema_version: 1\nas_of: [2024\n",
        "syntax.yaml:3:1: yaml-syntax invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence)",
    ),
    "hokkaido.yml": (
        "schema_version: 1\nas_of: 2024-04-01\n"
        'municipality: {name: 札幌市, code: "011002", prefecture: 青森県}\n',
        "hokkaido.yml:3:55: name-mismatch 札幌市 (code 011002) is in 北海道, not 青森県",
    ),
    "deep/er/badcode.yaml": (
        "schema_version: 1\nas_of: 2024-04-01\nmunicipality:\n"
        '  name: 石巻市\n  code: "042022"\n  prefecture: 宮城県\n',
        "deep/er/badcode.yaml:5:9: bad-code code 042022 fails its check digit "
        "(the last digit should be 1)",
    ),
}
GOOD_FILES = {
    "koshi.yaml": "koshi.yaml",
    "sub/ishinomaki.yaml": "ishinomaki.yaml",
    "deep/minato.yml": "fictional-no-partners.yaml",
}


def make_tree(root: Path) -> Path:
    """Good and bad profiles in nested directories, plus files a batch must ignore."""
    for rel, (text, _) in BAD_FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for rel, example in GOOD_FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(EXAMPLES / example, path)
    (root / "notes.txt").write_text("not a profile\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "hidden.yaml").write_text("not: scored\n", encoding="utf-8")
    return root


def entry(
    path: str, score: float, band_rank: int = 0, code: str = "042021", **kw: object
) -> Scored:
    band = BandRef(f"b{band_rank}", Text(ja=f"帯{band_rank}", en=f"band {band_rank}"), 0)
    fields: dict[str, object] = {
        "path": path,
        "municipality": "石巻市",
        "municipality_en": None,
        "code": code,
        "bureau": "tohoku",
        "fictional": False,
        "criteria_id": "tohoku-2022",
        "criteria_version": "2022",
        "score": score,
        "band": band,
        "band_rank": band_rank,
        "gates_passed": True,
        "failed_sections": (),
        "failures": (),
    }
    fields.update(kw)
    return Scored(**fields)  # type: ignore[arg-type]
