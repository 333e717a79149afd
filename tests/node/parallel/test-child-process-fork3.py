"""Port of test/parallel/test-child-process-fork3.js (fixtures/empty.js is an empty Python
program, /dev/null)."""

import os

from nodenet_uv import child_process, run


def test_fork_of_an_empty_program_does_not_hang() -> None:
    child_process.fork(os.devnull)  # should not hang
    run()
