"""Port of test/parallel/test-child-process-destroy.js (``cat[Symbol.dispose]()`` is the
context manager exit, ``__exit__``)."""

from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_dispose_kills() -> None:
    cat = child_process.spawn("cat")
    cat.stdout.on("end", common.mustCall())
    cat.stderr.on("data", common.mustNotCall())
    cat.stderr.on("end", common.mustCall())

    def on_exit(code: Any, signal: Any) -> None:
        assert code is None
        assert signal == "SIGTERM"
        assert cat.signalCode == "SIGTERM"

    cat.on("exit", common.mustCall(on_exit))
    cat.on("exit", common.mustCall(on_exit))
    assert cat.signalCode is None
    assert cat.killed is False
    cat.__exit__(None, None, None)
    assert cat.killed is True
    run()
