"""Port of test/parallel/test-net-blocklist.js.

``check`` records each error and the codes are asserted once the loop has run (the same
assertions, one per socket), so a failing one does not stop the loop with sockets of this
test still connecting.
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_connect_blocklist() -> None:
    errors: list[Any] = []

    def check(err: Any) -> None:
        errors.append(err)

    block_list = net.BlockList()
    block_list.addAddress("127.0.0.1")
    block_list.addAddress("127.0.0.2")

    socket = net.connect({"port": 9999, "host": "127.0.0.1", "blockList": block_list})
    socket.on("error", common.mustCall(check))

    def lookup_one(_: Any, __: Any, cb: Any) -> None:
        cb(None, "127.0.0.1", 4)

    socket = net.connect(
        {
            "port": 9999,
            "host": "localhost",
            "blockList": block_list,
            "lookup": lookup_one,
            "autoSelectFamily": False,
        }
    )
    socket.on("error", common.mustCall(check))

    def lookup_all_one(_: Any, __: Any, cb: Any) -> None:
        cb(None, [{"address": "127.0.0.1", "family": 4}])

    socket = net.connect(
        {
            "port": 9999,
            "host": "localhost",
            "blockList": block_list,
            "lookup": lookup_all_one,
            "autoSelectFamily": True,
        }
    )
    socket.on("error", common.mustCall(check))

    def lookup_all_two(_: Any, __: Any, cb: Any) -> None:
        cb(None, [{"address": "127.0.0.1", "family": 4}, {"address": "127.0.0.2", "family": 4}])

    socket = net.connect(
        {
            "port": 9999,
            "host": "localhost",
            "blockList": block_list,
            "lookup": lookup_all_two,
            "autoSelectFamily": True,
        }
    )
    socket.on("error", common.mustCall(check))
    run()
    for err in errors:
        assert err.code == "ERR_IP_BLOCKED", err
