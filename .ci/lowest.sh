#!/usr/bin/env bash
# CI, second job: the lowest versions of every dependency that pyproject.toml allows
# (.ci/lowest.txt), on the lowest Python it allows (3.10, when pyenv or PATH has it), in a venv
# of their own; then a smoke subset: the project's own files, help and docs/cli.md, assess,
# batch, stdin and safe output.  About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

python=python3
if command -v python3.10 >/dev/null 2>&1 && python3.10 -V >/dev/null 2>&1; then
  python=python3.10
elif command -v pyenv >/dev/null 2>&1; then
  version="$(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.|$)' | tail -1 || true)"
  if [ -n "$version" ]; then python="$(pyenv root)/versions/$version/bin/python3.10"; fi
fi
echo "lowest versions on $("$python" -V)"

"$python" -m venv .venv-lowest
# One install command, so that nothing resolved later upgrades a pinned version.  The smoke
# extra is what the tests below need (pytest and their imports), not the linters and the
# browser driver of the whole `test` extra: 10 s of pip instead of 19.
.venv-lowest/bin/pip install -q -c .ci/lowest.txt -e '.[smoke]'
# What pip installed is what .ci/lowest.txt asks for.
.venv-lowest/bin/python - <<'PY'
import re
from importlib.metadata import version
for line in open(".ci/lowest.txt", encoding="utf-8"):
    line = line.split("#")[0].strip()
    if line:
        name, want = re.split(r"==", line)
        got = version(name)
        assert got == want, f"{name}: {got} installed, {want} wanted"
PY

.venv-lowest/bin/readiness --version
.venv-lowest/bin/readiness validate examples/*.yaml criteria/*.yaml
.venv-lowest/bin/readiness verify
.venv-lowest/bin/python -m pytest -q -p no:cacheprovider \
  tests/test_cli_conventions.py tests/test_cli_assess.py tests/test_batch_cli.py \
  tests/test_stdin.py tests/test_safe_output.py tests/test_dependencies.py
