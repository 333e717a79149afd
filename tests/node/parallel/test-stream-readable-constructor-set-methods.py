"""Port of test/parallel/test-stream-readable-constructor-set-methods.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_read_option_becomes_read_method() -> None:
    r = None

    def _read(n):
        r.push(None)

    _read = common.mustCall(_read)
    r = Readable({"read": _read})
    r.resume()
    run()
