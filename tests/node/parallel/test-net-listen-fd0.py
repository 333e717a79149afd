"""Port of test/parallel/test-net-listen-fd0.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_listen_fd0_is_an_async_error() -> None:
    # This should fail with an async EINVAL error, not throw an exception
    def on_error(e: Any) -> None:
        assert isinstance(e, Exception)
        assert e.code in ("EINVAL", "ENOTSOCK")

    net.createServer(common.mustNotCall()).listen({"fd": 0}).on("error", common.mustCall(on_error))
    run()
