"""Griffe extension for the API reference: Node-style signatures in docstrings.

Docstrings start with Node's own signature notation, ``fork(modulePath[, args][, options])``.
In Markdown ``[args][, options]`` is a reference link, which mkdocs-autorefs would try to
resolve; this escapes the bracket (outside code spans) so the text shows as written.
Sphinx cross-reference roles (``:class:`X` ``) become code spans.
"""

from __future__ import annotations

import re
from typing import Any

from griffe import Extension, Object

_ADJACENT = re.compile(r"\]\[")
# Sphinx roles (``:class:`~nodenet_uv.x.Y` ``) read as code in Markdown.
_ROLE = re.compile(r":(?:class|func|meth|mod|attr|data|exc|obj):`~?([^`]+)`")


def _escape(text: str) -> str:
    text = _ROLE.sub(r"`\1`", text)
    parts = text.split("`")
    for i in range(0, len(parts), 2):  # even parts are outside code spans
        parts[i] = _ADJACENT.sub(r"]\\[", parts[i])
    return "`".join(parts)


class NodeSignatures(Extension):
    def on_instance(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _escape(obj.docstring.value)
