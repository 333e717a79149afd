"""Port of test/parallel/test-child-process-spawnsync-timeout.js (the child is this file
run by Python: it sleeps, then exits 1)."""

import sys
import time

from nodenet_uv import errors
from nodenet_uv.child_process import spawnSync
from nodenet_uv.testing import common

TIMER = 200
SLEEP = common.platformTimeout(5000)


def test_spawn_sync_timeout() -> None:
    start = time.monotonic()
    ret = spawnSync(sys.executable, [__file__, "child"], {"timeout": TIMER})
    assert ret["error"].code == "ETIMEDOUT"
    assert errors.getSystemErrorName(ret["error"].errno) == "ETIMEDOUT"
    end = (time.monotonic() - start) * 1000
    assert end < SLEEP
    assert (ret["status"] or 0) > 128 or ret["signal"]


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    time.sleep(SLEEP / 1000)
    sys.exit(1)
