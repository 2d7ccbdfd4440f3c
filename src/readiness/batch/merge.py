"""One batch result from the JSON reports of its shards (``batch --shard K/N -o json=FILE``).

A shard's JSON report is the ordinary one (``readiness.batch`` version 1) with two additions:
``"shard": {"index": K, "count": N}``, and beside each town and each bad file a ``"merge"``
value that holds its result exactly (every number as computed, each gap's line and column,
the Japanese messages), so that the merged reports are byte for byte those of one run over all
the files.  The ``merge`` values are for this command only: their shape may change with any
release, so merge with the version of readiness that wrote the shards.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from readiness.batch.pool import Packed, Unpacker, pack
from readiness.batch.run import BatchResult, Failed, Gate, Shard, collect
from readiness.batch.summary import EVERYTHING, Scored
from readiness.criteria.model import Criteria
from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.profile.bilingual import Text

SHARD_KEY = "shard"
MERGE_KEY = "merge"


def encode(value: Any) -> Any:
    """Plain JSON for a packed result; tuples and fractions are tagged so they come back."""
    if isinstance(value, tuple):
        return {"t": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, Fraction):
        return {"q": f"{value.numerator}/{value.denominator}"}
    if isinstance(value, dict):
        return {"d": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, Text):
        return {"b": [value.ja, value.en]}
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise TypeError(f"cannot keep a {type(value).__name__} in a shard's merge data")


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if "t" in value:
            return tuple(decode(v) for v in value["t"])
        if "q" in value:
            return Fraction(value["q"])
        if "b" in value:
            ja, en = value["b"]
            return Text(ja=ja, en=en)
        return {decode(k): decode(v) for k, v in value["d"]}
    return value


def town_data(entry: Scored) -> Any:
    return encode((entry.path, pack(entry)))


def error_data(failed: Failed) -> Any:
    return encode(
        tuple(
            (d.file, d.line, d.column, d.code, d.message, d.message_ja) for d in failed.diagnostics
        )
    )


def _bad(path: str, message: str, ja: str) -> ReadinessError:
    return ReadinessError.single(path, "bad-shard-report", message, ja=ja)


def _read(path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except FileNotFoundError:
        raise ReadinessError.single(
            path, "file-not-found", "no such file", ja="ファイルがありません"
        ) from None
    except OSError as e:
        reason = (e.strerror or str(e)).lower()
        raise ReadinessError.single(
            path, "file-unreadable", reason, ja=f"読み込めません（{reason}）"
        ) from None
    except UnicodeDecodeError:
        raise _bad(
            path,
            "is not UTF-8 text: expected the JSON report of a shard",
            "UTF-8 のテキストではありません。分割実行（シャード）の JSON 報告が必要です",
        ) from None
    except json.JSONDecodeError as e:
        raise ReadinessError.single(
            path, "bad-shard-report", f"is not JSON: {e.msg}", e.lineno, e.colno,
            ja=f"JSON ではありません（{e.msg}）",
        ) from None  # fmt: skip
    if not isinstance(report, dict) or report.get("format") != "readiness.batch":
        raise _bad(
            path,
            "is not the JSON report of readiness batch",
            "readiness batch の JSON 報告ではありません",
        )
    if report.get("version") != 1:
        raise _bad(
            path,
            f"is version {report.get('version')!r} of the report; expected 1",
            f"報告の版が {report.get('version')!r} です。1 が必要です",
        )
    if not isinstance(report.get(SHARD_KEY), dict):
        raise _bad(
            path,
            "is not a shard's report: write it with batch --shard K/N -o json=FILE",
            "分割実行の報告ではありません。batch --shard K/N -o json=FILE で書いてください",
        )
    return report


def merge_reports(paths: Sequence[str], fixed: Criteria | None = None) -> BatchResult:
    """The batch result of the shards whose JSON reports are at ``paths``, or every problem.

    Every shard of the same count must be given once; the criteria sets are the bundled ones
    named in the reports, or ``fixed`` (``--criteria FILE``, as given to the shards).
    """
    reports = {path: _read(path) for path in paths}
    shards: dict[int, str] = {}
    count = gate = None
    for path, report in reports.items():
        try:
            shard = Shard(int(report[SHARD_KEY]["index"]), int(report[SHARD_KEY]["count"]))
            this_gate = Gate(report["gate"]["fail_under"], report["gate"]["require_band"])
        except (KeyError, TypeError, ValueError):
            raise _bad(
                path,
                "has no valid shard index and count, or no gate",
                "分割の番号と数、または基準（gate）がありません",
            ) from None
        if count is None:
            count, gate = shard.count, this_gate
        elif shard.count != count:
            raise _bad(
                path,
                f"is shard {shard.index} of {shard.count}, the others of {count}",
                f"{shard.count}分割の{shard.index}番目です。ほかは{count}分割です",
            )
        elif this_gate != gate:
            raise _bad(
                path,
                "was run with another --fail-under or --require-band",
                "ほかと異なる --fail-under または --require-band で実行されています",
            )
        if shard.index in shards:
            raise _bad(
                path,
                f"is shard {shard.index} of {count} again ({shards[shard.index]})",
                f"{count}分割の{shard.index}番目が重複しています（{shards[shard.index]}）",
            )
        shards[shard.index] = path
    missing = [str(i) for i in range(1, (count or 0) + 1) if i not in shards]
    if missing:
        raise ReadinessError.single(
            ", ".join(paths),
            "missing-shard",
            f"shard {', '.join(missing)} of {count} is missing: give every shard's report",
            ja=f"{count}分割のうち {'、'.join(missing)} 番目がありません。"
            "すべての報告を渡してください",
        )
    assert gate is not None
    unpack = Unpacker(fixed, EVERYTHING)
    results: list[Scored | Failed] = []
    for path in paths:
        try:
            for town in reports[path]["towns"]:
                town_path, packed = _packed(decode(town[MERGE_KEY]))
                results.append(unpack(town_path, _packed(packed)))
            for error in reports[path]["errors"]:
                results.append(
                    Failed(
                        error["profile"],
                        tuple(Diagnostic(*d) for d in decode(error[MERGE_KEY])),
                    )
                )
        except (KeyError, TypeError, ValueError):
            raise _bad(
                path,
                "a town or an error lacks its merge data",
                "自治体またはエラーに統合用のデータがありません",
            ) from None
    return collect(results, gate)


def _packed(value: Any) -> Packed:
    if not isinstance(value, tuple):
        raise TypeError("not a packed result")
    return value
