"""The hook through which lower layers call ``process.emitWarning`` (set by process.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


def _default(warning: Any, type: str | None = None, code: str | None = None) -> None:
    sys.stderr.write(f"{type or 'Warning'}: {warning}\n")


emit_warning: Callable[..., None] = _default


def set_emit_warning(fn: Callable[..., None]) -> None:
    global emit_warning
    emit_warning = fn
