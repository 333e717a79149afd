"""Port of Node.js lib/internal/streams/passthrough.js: a Transform that passes chunks on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet_uv._internal.naming import alias_module
from nodenet_uv.stream.transform import Transform

__all__ = ["PassThrough"]


class PassThrough(Transform):
    """Node's stream.PassThrough."""

    def _transform(self, chunk: Any, encoding: Any, cb: Callable[..., Any]) -> None:
        cb(None, chunk)


__all__ += alias_module(globals(), __all__)
