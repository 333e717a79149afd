"""Port of test/parallel/test-child-process-flush-stdio.js."""

from typing import Any

from nodenet_uv import child_process as cp
from nodenet_uv import run
from nodenet_uv.testing import common

opts = {"shell": False}


def test_flush_stdio() -> None:
    def spawnWithReadable() -> None:
        buffer: list[bytes] = []
        p = cp.spawn("echo", ["123"], opts)

        def on_close(code: Any, signal: Any) -> None:
            assert code == 0
            assert signal is None
            assert b"".join(buffer).decode().strip() == "123"

        p.on("close", common.mustCall(on_close))

        def on_readable() -> None:
            while (buf := p.stdout.read()) is not None:
                buffer.append(buf)

        p.stdout.on("readable", on_readable)

    spawnWithReadable_checked = common.mustCall(spawnWithReadable)
    p = cp.spawn("echo", [], opts)

    def on_close(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None
        spawnWithReadable_checked()

    p.on("close", common.mustCall(on_close))
    p.stdout.read()
    run()
