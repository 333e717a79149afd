"""Port of test/parallel/test-child-process-spawnsync-env.js (the child is this file run by
Python)."""

import os
import sys

from nodenet_uv import child_process as cp


def test_spawn_sync_env() -> None:
    expected = "bar"
    child = cp.spawnSync(
        sys.executable, [__file__, "child"], {"env": {**os.environ, "foo": expected}}
    )
    assert child["stdout"].decode().strip() == expected


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    print(os.environ.get("foo"))
