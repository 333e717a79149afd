"""Port of test/parallel/test-child-process-spawnsync-kill-signal.js (the child is this file
run by Python).

Partial: the checks on the options internal/child_process's spawnSync receives (a
monkey-patch of Node's internal binding call) are left out; the results are checked.
"""

import signal
import sys
import time
from typing import Any

import pytest

from nodenet_uv import child_process as cp
from nodenet_uv.testing import common

SIGKILL = int(signal.SIGKILL)


def spawn(killSignal: Any) -> Any:
    child = cp.spawnSync(
        sys.executable, [__file__, "child"], {"killSignal": killSignal, "timeout": 100}
    )
    assert child["status"] is None
    assert child["error"].code == "ETIMEDOUT"
    return child


def test_spawn_sync_kill_signal() -> None:
    with pytest.raises(TypeError) as info:
        spawn("SIG_NOT_A_REAL_SIGNAL")
    common.check_error(info.value, {"code": "ERR_UNKNOWN_SIGNAL", "name": "TypeError"})
    assert spawn(None)["signal"] == "SIGTERM"
    assert spawn("SIGKILL")["signal"] == "SIGKILL"
    assert isinstance(SIGKILL, int)
    assert spawn(SIGKILL)["signal"] == "SIGKILL"


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    while True:
        time.sleep(1)
