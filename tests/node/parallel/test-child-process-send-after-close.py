"""Port of test/parallel/test-child-process-send-after-close.js (fixtures/empty.js is
an empty Python program, /dev/null)."""

import os
from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_send_after_close() -> None:
    child = child_process.fork(os.devnull)

    def on_close(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None
        testError = common.expectsError(
            {"name": "Error", "message": "Channel closed", "code": "ERR_IPC_CHANNEL_CLOSED"}, 2
        )
        child.on("error", testError)
        result = child.send("ping")
        assert result is False
        result = child.send("pong", testError)
        assert result is False

    child.on("close", common.mustCall(on_close))
    run()
