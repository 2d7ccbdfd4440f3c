"""How often the cyclic garbage collector runs while readiness works."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often.

    Start-up makes tens of thousands of objects that live as long as the process (pydantic's
    schemas and validators, typer's commands), and each file of a batch thousands of
    short-lived containers (YAML nodes, dicts) that reference counting frees: collecting the
    young generation every 700 allocations cost about a tenth of `readiness assess` and of a
    batch (benchmarks/README.md).  Cycles are still collected, every 100,000 allocations.
    """
    old = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*old)
