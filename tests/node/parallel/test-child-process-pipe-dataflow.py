"""Port of test/parallel/test-child-process-pipe-dataflow.js."""

import sys
from pathlib import Path
from typing import Any

from nodenet_uv import run
from nodenet_uv.child_process import spawn
from nodenet_uv.testing import common

KB = 1024
MB = KB * KB


def test_pipe_chain_loses_no_data(tmp_path: Path) -> None:
    # Make sure process chaining allows desired data flow:
    # check cat <file> | grep 'x' | wc -c === 1MB
    # This helps to make sure no data is lost between pipes.
    file = tmp_path / "data.txt"
    buf = bytearray(b"x" * MB)
    # Most OS commands that deal with data, attach special meanings to new line - for
    # example, line buffering. So cut the buffer into lines at some points, forcing data
    # flow to be split in the stream.
    for i in range(1, KB):
        buf[i * KB] = ord("\n")
    file.write_bytes(bytes(buf))

    cat = spawn("cat", [str(file)])
    grep = spawn("grep", ["x"], {"stdio": [cat.stdout, "pipe", "pipe"]})
    wc = spawn("wc", ["-c"], {"stdio": [grep.stdout, "pipe", "pipe"]})

    # Extra checks: We never try to start reading data ourselves.
    cat.stdout._handle.readStart = common.mustNotCall()
    grep.stdout._handle.readStart = common.mustNotCall()

    # Keep an array of error codes and assert on them during process exit. This is
    # because stdio can still be open when a child process exits, and we don't want to
    # lose information about what caused the error.
    errors: list[str] = []

    for index, child in enumerate([cat, grep, wc]):

        def errorHandler(thing: Any, type: str, index: int = index) -> None:
            # Don't want to assert here, as we might miss error code info.
            print(f"unexpected {type} from child #{index}:\n{thing}", file=sys.stderr)

        child.stderr.on("data", lambda d, eh=errorHandler: eh(d, "data"))
        child.on("error", lambda err, eh=errorHandler: eh(err, "error"))

        def on_exit(code: Any, *a: Any, index: int = index) -> None:
            if code != 0:
                errors.append(f"child {index} exited with code {code}")

        child.on("exit", common.mustCall(on_exit))

    wcBuf: list[str] = []
    wc.stdout.on("data", common.mustCall(lambda data: wcBuf.append(data.decode())))
    run()
    # Node: process.on('exit')
    assert errors == []
    # Grep always adds one extra byte at the end.
    assert "".join(wcBuf).strip() == str(MB + 1)
