"""Port of test/parallel/test-net-server-listen-options-signal.js."""

import pytest

from nodenet_uv import net, run
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.testing import common


def test_bad_signal() -> None:
    server = net.createServer()
    with pytest.raises(TypeError) as info:
        server.listen({"port": 0, "signal": "INVALID_SIGNAL"})
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})


def test_abort_closes_server() -> None:
    server = net.createServer()
    controller = AbortController()
    server.on("close", common.mustCall())
    server.listen({"port": 0, "signal": controller.signal})
    controller.abort()
    run()


def test_pre_aborted_signal_closes_server() -> None:
    server = net.createServer()
    signal = AbortSignal.abort()
    server.on("close", common.mustCall())
    server.listen({"port": 0, "signal": signal})
    run()
