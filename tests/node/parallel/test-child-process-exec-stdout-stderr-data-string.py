"""Port of test/parallel/test-child-process-exec-stdout-stderr-data-string.js."""

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_exec_data_is_string() -> None:
    # Test that `stdout` and `stderr` data events get strings (encoding 'utf8' by default).
    child_process.exec("ls").stdout.on("data", common.mustCallAtLeast())

    def on_err(data: object) -> None:
        assert isinstance(data, str)

    child_process.exec("fhqwhgads").stderr.on("data", common.mustCallAtLeast(on_err))
    run()
