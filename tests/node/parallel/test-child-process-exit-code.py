"""Port of test/parallel/test-child-process-exit-code.js (the fixtures exit.js and
child_process_should_emit_error.js become the same programs in Python)."""

import sys
from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common

EXIT = "import sys; sys.exit(int(sys.argv[1]))"
SHOULD_EMIT_ERROR = "raise Exception('This error should be emitted')"


def test_exit_codes() -> None:
    exitChild = child_process.spawn(sys.executable, ["-c", EXIT, "23"])

    def on_exit(code: Any, signal: Any) -> None:
        assert code == 23
        assert signal is None

    exitChild.on("exit", common.mustCall(on_exit))
    errorChild = child_process.spawn(sys.executable, ["-c", SHOULD_EMIT_ERROR])

    def on_error_exit(code: Any, signal: Any) -> None:
        assert code != 0
        assert signal is None

    errorChild.on("exit", common.mustCall(on_error_exit))
    run()
