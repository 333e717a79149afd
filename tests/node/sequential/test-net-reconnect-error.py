"""Port of test/sequential/test-net-reconnect-error.js.

``common.PORT`` is Node's fixed test port, 12346 (nothing listens there).
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

PORT = 12346
N = 20


def test_reconnect_after_error() -> None:
    disconnect_count = 0
    c = net.createConnection(PORT)

    c.on("connect", common.mustNotCall("client should not have connected"))

    def on_error(error: Any) -> None:
        # Family autoselection might be skipped if only a single address is returned by DNS.
        actual_error = (
            error.errors[0] if isinstance(getattr(error, "errors", None), list) else error
        )
        assert actual_error.code == "ECONNREFUSED"

    c.on("error", common.mustCall(on_error, N + 1))

    def on_close() -> None:
        nonlocal disconnect_count
        disconnect_count += 1
        if disconnect_count - 1 < N:
            c.connect(PORT)  # reconnect

    c.on("close", common.mustCall(on_close, N + 1))
    run()
