"""Port of test/parallel/test-net-binary.js.

The ``process.on('exit')`` checks run after ``run()`` returns.
"""

from typing import Any

from nodenet_uv import net, run


def test_binary() -> None:
    binary_string = ""
    for i in range(255, -1, -1):
        s = chr(i)  # JS: eval(`'\\${i.toString(8)}'`), an octal escape
        assert ord(s[0]) == i
        assert s == chr(i)
        binary_string += s

    def on_connection(connection: net.Socket) -> None:
        connection.setEncoding("latin1")
        connection.on("data", lambda chunk: connection.write(chunk, "latin1"))
        connection.on("end", lambda: connection.end())

    echo_server = net.Server(on_connection)
    echo_server.listen(0)

    recv = [""]

    def on_listening() -> None:
        j = [0]
        c = net.createConnection({"port": echo_server.address()["port"]})

        c.setEncoding("latin1")

        def on_data(chunk: Any) -> None:
            n = j[0] + len(chunk)
            while j[0] < n and j[0] < 256:
                c.write(chr(j[0]), "latin1")
                j[0] += 1
            if j[0] == 256:
                c.end()
            recv[0] += chunk

        c.on("data", on_data)
        c.on("connect", lambda: c.write(binary_string, "binary"))
        c.on("close", lambda: echo_server.close())

    echo_server.on("listening", on_listening)
    run()

    # process.on('exit')
    assert len(recv[0]) == 2 * 256
    a = list(recv[0])
    first = "".join(reversed(a[0:256]))
    second = "".join(a[256 : 2 * 256])
    assert first == second
