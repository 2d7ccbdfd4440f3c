"""The config file: defaults for the commands, from ``.readiness.yaml`` or ``[tool.readiness]``
in ``pyproject.toml``, the first found from the current directory upward.

Flags on the command line override it: its values become click's ``default_map`` (see
``cli/app.py``).  An unknown key or a value of the wrong type is a located error, exit 2.
``readiness config`` shows which file was found and what it sets.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness.diagnostics import ReadinessError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from readiness.input.yamlload import YamlDocument

YAML_NAME = ".readiness.yaml"
PYPROJECT = "pyproject.toml"
TABLE = "tool.readiness"


@dataclass(frozen=True)
class Config:
    """What a config file sets (keys as in the file), and where it was found."""

    path: Path
    values: dict[str, Any]

    def default_map(self) -> dict[str, dict[str, Any]]:
        """Per-command defaults for click, each under the option's parameter name."""
        v = self.values
        common: dict[str, Any] = {k: v[k] for k in ("criteria", "lang", "encoding") if k in v}
        gates: dict[str, Any] = {
            k: v[k] for k in ("fail_under", "require_band", "min_evidence") if k in v
        }
        batch: dict[str, Any] = {**common, **gates}
        if "paths" in v:
            batch["paths"] = [self.relative(p) for p in v["paths"]]
        if "outputs" in v:
            batch["output"] = [self._output(o) for o in v["outputs"]]
        if "sarif_level" in v:
            batch["sarif_level"] = v["sarif_level"]
        assess: dict[str, Any] = {**common, **gates}
        return {
            "assess": assess,
            "batch": batch,
            "validate": {k: v[k] for k in ("encoding", "lang") if k in v},
            "explain": {k: v[k] for k in ("criteria", "lang") if k in v},
            "diff": {k: v[k] for k in ("lang", "encoding") if k in v},
            "progress": {k: v[k] for k in ("criteria", "lang") if k in v},
        }

    def relative(self, path: str) -> str:
        """A path from the file, relative to the file's folder, as a path from here."""
        if path == "-" or os.path.isabs(path):
            return path
        return os.path.relpath(self.path.parent / path)

    def _output(self, spec: str) -> str:
        name, _, path = spec.partition("=")
        return f"{name}={self.relative(path)}"


def find_config(start: Path | None = None) -> Path | None:
    """The first ``.readiness.yaml``, or ``pyproject.toml`` with a ``[tool.readiness]`` table,
    from ``start`` (the current directory) up to the root."""
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        candidate = here / YAML_NAME
        if candidate.is_file():
            return candidate
        pyproject = here / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


_TABLE_LINE = re.compile(r"^\s*\[\s*tool\s*\.\s*readiness\s*\]\s*(#.*)?$", re.MULTILINE)


def _has_table(path: Path) -> bool:
    try:
        return bool(_TABLE_LINE.search(path.read_text("utf-8")))
    except (OSError, UnicodeDecodeError):
        return False


def load_config(start: Path | None = None) -> Config | None:
    """The config in force here, validated, or None when there is no config file."""
    path = find_config(start)
    if path is None:
        return None
    if path.name == YAML_NAME:
        return Config(path, _load_yaml(path))
    return Config(path, _load_toml(path))


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def _load_yaml(path: Path) -> dict[str, Any]:
    from readiness.cli.config_model import ConfigFile
    from readiness.input.validation import validate_document
    from readiness.input.yamlload import parse, read_text

    name = _shown(path)
    doc = parse(read_text(path), name, defer=True)
    return _values(validate_document(doc, ConfigFile))


def _load_toml(path: Path) -> dict[str, Any]:
    from readiness.cli.config_model import ConfigFile
    from readiness.input.validation import validate_document

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

    name = _shown(path)
    text = path.read_text("utf-8")
    try:
        table = tomllib.loads(text).get("tool", {}).get("readiness", {})
    except tomllib.TOMLDecodeError as e:
        raise ReadinessError.single(
            name, "toml-syntax", f"invalid TOML: {e}", ja=f"TOMLとして読めません：{e}"
        ) from None
    return _values(validate_document(toml_table(name, table, text), ConfigFile))


def _values(model: BaseModel) -> dict[str, Any]:
    return {k: v for k, v in model.model_dump(mode="json").items() if v is not None}


def toml_table(source: str, data: dict[str, Any], text: str) -> YamlDocument:
    """The ``[tool.readiness]`` table as a document whose positions are its keys' lines."""
    from readiness.input.yamlload import YamlDocument

    class TomlTable(YamlDocument):
        """Located like a YAML file (``pyproject.toml:42:1``): each key at its line."""

        def __init__(self) -> None:
            super().__init__(source, data, None)
            self._lines, self._table_line = _key_lines(text)

        def position(self, loc: Sequence[str | int]) -> tuple[int, int] | None:
            if loc and str(loc[0]) in self._lines:
                return self._lines[str(loc[0])], 1
            return (self._table_line, 1) if self._table_line else None

        def key_position(self, loc: Sequence[str | int]) -> tuple[int, int] | None:
            return self.position(loc)

        def scalar_text(self, loc: Sequence[str | int]) -> str | None:
            return None

    return TomlTable()


def _key_lines(text: str) -> tuple[dict[str, int], int | None]:
    """The line of each key of ``[tool.readiness]``, and of the table's heading."""
    lines: dict[str, int] = {}
    table_line: int | None = None
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("["):
            inside = bool(_TABLE_LINE.match(line))
            if inside:
                table_line = number
            continue
        key = re.match(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=", line)
        if inside and key:
            lines.setdefault(key.group(1).strip('"'), number)
    return lines, table_line


def show(config: Config | None, lang: str = "en") -> str:
    """What ``readiness config`` prints: the file found and the settings it gives."""
    if config is None:
        if lang == "ja":
            return (
                f"設定ファイルなし：{Path.cwd()} とその上のフォルダに {YAML_NAME} も"
                f"[{TABLE}] のある {PYPROJECT} もありません\n"
            )
        return (
            f"no config file: none of {YAML_NAME}, or {PYPROJECT} with [{TABLE}], in "
            f"{Path.cwd()} or a folder above it\n"
        )
    lines = [f"# {_shown(config.path)}"]
    for key, value in config.values.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"  - {item!r}" for item in value]
        else:
            lines.append(f"{key}: {value!r}")
    return "\n".join(lines) + "\n"
