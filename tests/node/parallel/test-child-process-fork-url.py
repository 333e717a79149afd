"""Port of test/parallel/test-child-process-fork-url.mjs (``new URL(import.meta.url)`` is
``urllib.parse.urlsplit`` of this file's ``file:`` URL, Python's stand-in for a URL object;
the child is this file run by Python)."""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_fork_a_file_url() -> None:
    child = child_process.fork(urlsplit(Path(__file__).as_uri()), ["child"], {"env": ENV})
    child.on("disconnect", common.mustCall())
    child.once("exit", common.mustCall())
    run()


def test_fork_a_non_file_url_throws() -> None:
    # Not in the Node file: what fileURLToPath refuses.
    with pytest.raises(TypeError) as info:
        child_process.fork(urlsplit("https://example.com/x.js"))
    common.check_error(
        info.value,
        {
            "code": "ERR_INVALID_URL_SCHEME",
            "name": "TypeError",
            "message": "The URL must be of scheme file",
        },
    )


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    from nodenet_uv import process

    process.disconnect()
