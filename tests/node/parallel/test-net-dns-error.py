"""Port of test/parallel/test-net-dns-error.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

HOST = "*" * 64
ERR_CODES = ["ENOTFOUND", "EAI_FAIL"]


def test_dns_error() -> None:
    socket = net.connect(42, HOST, common.mustNotCall())

    def on_error(err: BaseException) -> None:
        assert err.code in ERR_CODES, err  # type: ignore[attr-defined]

    socket.on("error", common.mustCall(on_error))

    def on_lookup(err: Any, ip: Any, type_: Any) -> None:
        assert isinstance(err, Exception)
        assert err.code in ERR_CODES, err
        assert ip is None
        assert type_ is None

    socket.on("lookup", common.mustCall(on_lookup))
    run()
