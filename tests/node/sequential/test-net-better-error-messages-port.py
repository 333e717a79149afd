"""Port of test/sequential/test-net-better-error-messages-port.js.

``common.PORT`` is Node's fixed test port, 12346 (nothing listens there).
"""

import re
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

PORT = 12346


def test_econnrefused_error_has_port_and_address() -> None:
    c = net.createConnection(PORT)

    c.on("connect", common.mustNotCall())

    def on_error(error: Any) -> None:
        # Family autoselection might be skipped if only a single address is returned by DNS.
        failed_attempt = (
            error.errors[0] if isinstance(getattr(error, "errors", None), list) else error
        )

        assert failed_attempt.code == "ECONNREFUSED"
        assert failed_attempt.port == PORT
        assert re.match(r"^(127\.0\.0\.1|::1)$", failed_attempt.address)

    c.on("error", common.mustCall(on_error))
    run()
