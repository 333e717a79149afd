"""Port of test/parallel/test-net-server-simultaneous-accepts-produce-warning-once.js.

Node runs each test in a fresh process; DEP0121 is emitted once per process, so the
"already warned" flag is reset first to give the test a fresh process's state.
"""

from collections.abc import Iterator

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


@pytest.fixture(autouse=True)
def _fresh_process() -> Iterator[None]:
    saved = net._warn_simultaneous_accepts[0]
    net._warn_simultaneous_accepts[0] = True
    yield
    net._warn_simultaneous_accepts[0] = saved


def test_dep0121_only_once() -> None:
    # DEP0121 is emitted only once if _setSimultaneousAccepts() is called more than once.
    common.expectWarning(
        "DeprecationWarning",
        "net._setSimultaneousAccepts() is deprecated and will be removed.",
        "DEP0121",
    )
    net._setSimultaneousAccepts()
    net._setSimultaneousAccepts()
    run()
