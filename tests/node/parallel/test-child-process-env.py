"""Port of test/parallel/test-child-process-env.js.

Partial: Python has one ``None`` for JS ``null`` and ``undefined`` (``'NULL': null``
becomes ``NULL=null`` in Node; here None is undefined and the variable is left out, as
``'UNDEFINED'`` is), and a dict has no prototype (``FOO=BAR`` inherited from it).
"""

import os
from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_env() -> None:
    env = {
        **os.environ,
        "HELLO": "WORLD",
        "UNDEFINED": None,
        "EMPTY": "",
        "duplicate": "lowercase",
        "DUPLICATE": "uppercase",
    }
    child = child_process.spawn("/usr/bin/env", [], {"env": env})
    response: list[str] = []
    child.stdout.setEncoding("utf8")
    child.stdout.on("data", common.mustCallAtLeast(response.append))

    def on_end(*args: Any) -> None:
        text = "".join(response)
        assert "HELLO=WORLD" in text
        assert "UNDEFINED=undefined" not in text
        assert "UNDEFINED=" not in text
        assert f"EMPTY={os.linesep}" in text
        assert "DUPLICATE=uppercase" in text
        assert "duplicate=lowercase" in text

    child.stdout.on("end", common.mustCall(on_end))
    run()
