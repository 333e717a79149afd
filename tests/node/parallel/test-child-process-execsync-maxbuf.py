"""Port of test/parallel/test-child-process-execsync-maxbuf.js (``node -e`` children are
``python -c`` programs writing the same bytes, one write per line as console.log)."""

import math
import sys

import pytest

from nodenet_uv import errors
from nodenet_uv.child_process import execSync

msgOut = "this is stdout"
msgOutBuf = f"{msgOut}\n".encode()
cmd = f'"{sys.executable}" -c "import sys; sys.stdout.write(\'{msgOut}\\n\')"'


def test_exec_sync_max_buffer() -> None:
    with pytest.raises(Exception) as info:
        execSync(cmd, {"maxBuffer": 1})
    e = info.value
    assert e, "maxBuffer should error"
    assert e.code == "ENOBUFS"  # type: ignore[attr-defined]
    assert errors.getSystemErrorName(e.errno) == "ENOBUFS"
    assert e.stdout == msgOutBuf  # type: ignore[attr-defined]

    ret = execSync(cmd, {"maxBuffer": math.inf})
    assert ret == msgOutBuf

    with pytest.raises(Exception) as info:
        execSync(f'"{sys.executable}" -c "print(\'a\' * (1024 * 1024))"')
    assert info.value.code == "ENOBUFS"  # type: ignore[attr-defined]
    assert errors.getSystemErrorName(info.value.errno) == "ENOBUFS"

    ret = execSync(f'"{sys.executable}" -c "print(\'a\' * (1024 * 1024 - 1))"')
    assert ret.decode().strip() == "a" * (1024 * 1024 - 1)
