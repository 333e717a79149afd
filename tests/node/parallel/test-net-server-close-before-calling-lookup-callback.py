"""Port of test/parallel/test-net-server-close-before-calling-lookup-callback.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_close_before_lookup_callback() -> None:
    # Process should exit because it does not create a real TCP server.
    # Pass localhost to ensure create TCP handle asynchronously because it causes DNS resolution.
    net.createServer().listen(0, "localhost", common.mustNotCall()).close()
    run()
