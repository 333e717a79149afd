"""The project's own suite: the oracle is node v24.22.3, never the ``node`` on PATH.

``tools/install.sh`` unpacks it into ``.cache/node-v24.22.3``; ``NODENET_UV_NODE`` (read by
``nodenet_uv.testing.node_peer.find_node``) points at it unless the environment already
names another binary, and that binary's directory goes first on ``PATH``, so every
``node`` a test starts (``subprocess.run(["node", ...])``, a ported Node test's child) is
the oracle.
"""

import os
from pathlib import Path

import pytest

NODE_VERSION = "24.22.3"
_PINNED_NODE = (
    Path(__file__).resolve().parents[1] / ".cache" / f"node-v{NODE_VERSION}" / "bin" / "node"
)

if "NODENET_UV_NODE" not in os.environ:
    if not _PINNED_NODE.exists():
        raise pytest.UsageError(
            f"node v{NODE_VERSION} (the oracle) is not installed in {_PINNED_NODE.parent}: "
            "run `make install`, or set NODENET_UV_NODE to a node v24 binary"
        )
    os.environ["NODENET_UV_NODE"] = str(_PINNED_NODE)
_node_dir = os.path.dirname(os.path.abspath(os.environ["NODENET_UV_NODE"]))
if os.path.isabs(os.environ["NODENET_UV_NODE"]):
    os.environ["PATH"] = _node_dir + os.pathsep + os.environ.get("PATH", "")


@pytest.fixture(autouse=True)
def _node_runtime(node_common: None) -> None:
    """Every test: must-call counts checked, no leaks, a clean runtime after."""
