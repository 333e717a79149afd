"""Port of test/sequential/test-net-connect-econnrefused.js.

Verify that connect reqs are properly cleaned up. ``process.getActiveResourcesInfo()``'s
``'TCPWRAP'`` entries are the loop's live, ref'ed TCP handles; the ``process.on('exit')``
checks run after ``run()`` returns.
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import _runtime, common
from nodenet_uv.timers import setTimeout

ROUNDS = 5
ATTEMPTS_PER_ROUND = 50


def active_tcp_wraps() -> int:
    return sum(1 for h in _runtime.live_handles() if type(h).__name__ == "TCP" and h.ref)


def test_connect_econnrefused_cleanup() -> None:
    rounds = 1
    reqs = 0
    port = 0

    def check() -> None:
        def after() -> None:
            assert active_tcp_wraps() == 0

        setTimeout(common.mustCall(after), 0)

    def pummel() -> None:
        nonlocal reqs
        pending = 0

        def on_error(error: Any) -> None:
            nonlocal pending, rounds
            # Family autoselection might be skipped if only a single address is returned by DNS.
            actual_error = (
                error.errors[0] if isinstance(getattr(error, "errors", None), list) else error
            )
            print("pending", pending, "rounds", rounds)
            assert actual_error.code == "ECONNREFUSED"
            pending -= 1
            if pending > 0:
                return
            if rounds == ROUNDS:
                check()
                return
            rounds += 1
            pummel()

        while pending < ATTEMPTS_PER_ROUND:
            net.createConnection({"port": port, "autoSelectFamily": False}).on(
                "error", common.mustCallAtLeast(on_error, 0)
            )
            reqs += 1
            pending += 1

    def on_listening() -> None:
        nonlocal port
        port = server.address()["port"]
        server.close(common.mustCall(pummel))

    server = net.createServer().listen(0, common.mustCall(on_listening))
    run()

    # process.on('exit')
    assert rounds == ROUNDS
    assert reqs == ROUNDS * ATTEMPTS_PER_ROUND
