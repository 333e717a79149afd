"""Port of test/parallel/test-net-socket-timeout.js.

JS ``undefined`` and ``null`` are both ``None`` here, so the ``null`` entry of
invalidCallbacks has no Python twin (``None`` is "no callback", as ``undefined`` is in
Node); ``Symbol('test')`` is a plain ``object()``.
"""

from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_set_timeout_validation_and_firing() -> None:
    # Verify that invalid delays throw
    s = net.Socket()
    non_numeric_delays: list[Any] = ["100", True, False, None, None, "", {}, lambda: None, []]
    bad_range_delays = [-0.001, -1, -float("inf"), float("inf"), float("nan")]
    valid_delays = [0, 0.001, 1, 1e6]
    invalid_callbacks: list[Any] = [1, "100", True, False, {}, [], object()]

    for delay in non_numeric_delays:
        with pytest.raises(TypeError) as info:
            s.setTimeout(delay, lambda: None)
        common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})

    for delay in bad_range_delays:
        with pytest.raises(ValueError) as info:
            s.setTimeout(delay, lambda: None)
        common.check_error(info.value, {"code": "ERR_OUT_OF_RANGE"})

    for delay in valid_delays:
        s.setTimeout(delay, lambda: None)

    for callback in invalid_callbacks:
        for msec in (0, 1):
            with pytest.raises(TypeError) as info:
                s.setTimeout(msec, callback)
            common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})

    server = net.Server()

    def on_listening() -> None:
        socket = net.createConnection(server.address()["port"])

        def on_timeout() -> None:
            socket.destroy()
            assert socket.setTimeout(1, common.mustNotCall()) is socket
            server.close()

        assert socket.setTimeout(1, common.mustCall(on_timeout)) is socket

    server.listen(0, common.mustCall(on_listening))
    run()
