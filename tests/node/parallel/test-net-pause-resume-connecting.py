"""Port of test/parallel/test-net-pause-resume-connecting.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_pause_resume_while_connecting() -> None:
    counts = {"connections": 0, "data_events": 0}

    def on_connection(conn: net.Socket) -> None:
        counts["connections"] += 1
        conn.end("This was the year he fell to pieces.")
        if counts["connections"] == 5:
            server.close()

    server = net.createServer(on_connection)

    def on_data_ok(*_: object) -> None:
        counts["data_events"] += 1

    def schedule_tear_down(conn: net.Socket) -> None:
        def tear_down() -> None:
            conn.removeAllListeners("data")
            conn.resume()

        setTimeout(tear_down, 100)

    def on_listening() -> None:
        port = server.address()["port"]
        # Client 1
        conn = net.createConnection(port, "localhost")
        conn.resume()
        conn.on("data", on_data_ok)

        # Client 2
        conn = net.createConnection(port, "localhost")
        conn.pause()
        conn.resume()
        conn.on("data", on_data_ok)

        # Client 3
        conn = net.createConnection(port, "localhost")
        conn.pause()
        conn.on("data", common.mustNotCall())
        schedule_tear_down(conn)

        # Client 4
        conn = net.createConnection(port, "localhost")
        conn.resume()
        conn.pause()
        conn.resume()
        conn.on("data", on_data_ok)

        # Client 5
        conn = net.createConnection(port, "localhost")
        conn.resume()
        conn.resume()
        conn.pause()
        conn.on("data", common.mustNotCall())
        schedule_tear_down(conn)

    server.listen(0, on_listening)
    run()
    # process.on('exit')
    assert counts["connections"] == 5
    assert counts["data_events"] == 3
