"""Memory habits of a short-lived process that builds many long-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived objects.

    A check creates hundreds of thousands of objects that all live to the end; the
    collector would traverse them again and again (measured: 3 of 7 s on 100,000 items).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
