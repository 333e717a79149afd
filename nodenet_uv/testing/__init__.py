"""Testing tools: Node's test/common helpers for Python, and a pytest plugin.

``from nodenet_uv.testing import common`` gives ``common.mustCall``,
``common.mustNotCall``, ``common.mustSucceed``, ``common.expectsError``, ``common.PIPE``,
... as in Node's ``test/common``. The pytest plugin (``nodenet_uv.testing.plugin``, entry
point ``nodenet_uv``) gives the fixtures ``node_common`` (must-call counts and a leak check
at the end of a test), ``pipe_path`` and ``node`` (a real node peer:
:class:`nodenet_uv.testing.node_peer.NodePeer`).
"""

from nodenet_uv.testing import common

__all__ = ["common"]
