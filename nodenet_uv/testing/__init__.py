"""Testing tools: Node's test/common helpers for Python, and a pytest plugin.

``from nodenet_uv.testing import common`` gives ``common.mustCall``,
``common.mustNotCall``, ``common.mustSucceed``, ``common.expectsError``, ``common.PIPE``,
... as in Node's ``test/common``. The pytest plugin (``nodenet_uv.testing.plugin``) checks
the must-call counts when a test ends and cleans the loop up.
"""

from nodenet_uv.testing import common

__all__ = ["common"]
