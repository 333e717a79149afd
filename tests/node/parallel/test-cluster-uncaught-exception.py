"""Port of test/parallel/test-cluster-uncaught-exception.js (the test runner, the cluster primary and its worker are this file run by Python)."""

# Installing a custom uncaughtException handler should override the default
# one that the cluster module installs.
# https://github.com/joyent/node/issues/2556

import sys
from typing import Any

from nodenet_uv import child_process, cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process
MAGIC_EXIT_CODE = 42


def test_uncaught_exception() -> None:
    # The test runner (node's process with no argument) is `python this-file primary`.
    common.run_as_primary(__file__)


def _test_runner() -> None:
    primary = child_process.fork(__file__, ["child"])

    def on_exit(code: Any, *a: Any) -> None:
        assert code == MAGIC_EXIT_CODE

    primary.on("exit", common.mustCall(on_exit))
    run()


def _main_of_primary() -> None:
    PROC.on(
        "uncaughtException",
        common.mustCall(lambda *a: PROC.nextTick(lambda: PROC.exit(MAGIC_EXIT_CODE))),
    )
    cluster.fork()
    raise Exception("kill primary")


def _primary() -> None:
    # The main script's exception is uncaught as node's is: run(main) runs it in a
    # callback scope, so it goes to process.on('uncaughtException').
    try:
        run(_main_of_primary)
    except SystemExit as e:
        # process.exit(): node runs the mustCall checks at exit too.
        if e.code == MAGIC_EXIT_CODE:
            common.check_must_call()
        raise


if __name__ == "__main__":
    if sys.argv[1:2] == ["primary"]:
        _test_runner()
        common.check_must_call()
    elif cluster.isPrimary:
        _primary()
    else:  # worker
        PROC.exit()
