"""Port of test/parallel/test-net-autoselectfamily-attempt-timeout-default-value.js.

test/common/index.js (Node 24) multiplies net's default attempt timeout by 10 on import;
the Node-test conftest does the same around every port, so the default seen here is
Node 24's default (250 ms) times 10.
"""

from nodenet_uv import net
from nodenet_uv.testing import common


def test_default_attempt_timeout() -> None:
    assert net.getDefaultAutoSelectFamilyAttemptTimeout() == common.platformTimeout(2500)
