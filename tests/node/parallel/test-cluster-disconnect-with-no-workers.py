"""Port of test/parallel/test-cluster-disconnect-with-no-workers.js ('exit' is the end
of run())."""

from nodenet_uv import cluster, run


def test_disconnect_with_no_workers() -> None:
    disconnected = []
    cluster.disconnect(lambda: disconnected.append(True))
    assert not disconnected
    run()
    assert disconnected
