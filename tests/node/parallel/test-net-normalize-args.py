"""Port of test/parallel/test-net-normalize-args.js (``--expose-internals``).

``net._normalizeArgs`` is public in both. Node marks its result with
``internal/net``'s ``normalizedArgsSymbol``; ours is an instance of ``net._NormalizedArgs``
(a list subclass), so ``args[normalizedArgsSymbol] === true`` is an isinstance check and a
plain list is "a standard array".
"""

from typing import Any, NoReturn

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def assert_fail(*args: Any) -> NoReturn:  # assert.fail
    raise AssertionError("Failed")


def validate_normalized_args(input: list[Any], output: list[Any]) -> None:
    args = net._normalizeArgs(input)

    assert args == output
    assert isinstance(args, net._NormalizedArgs)


def test_creation_of_normalized_arguments() -> None:
    res: list[Any] = [{}, None]
    validate_normalized_args([], res)
    res[0]["port"] = 1234
    validate_normalized_args([{"port": 1234}], res)
    res[1] = assert_fail
    validate_normalized_args([{"port": 1234}, assert_fail], res)


def test_connect_fails_with_a_standard_array() -> None:
    # Connecting to the server should fail with a standard array.
    server = net.createServer(common.mustNotCall("should not connect"))

    def on_listening() -> None:
        port = server.address()["port"]
        socket = net.Socket()

        with pytest.raises(Exception) as info:
            socket.connect([{"port": port}, assert_fail])
        common.check_error(info.value, {"code": "ERR_MISSING_ARGS"})
        server.close()

    server.listen(common.mustCall(on_listening))
    run()


def test_connect_succeeds_with_a_normalized_array() -> None:
    # Connecting to the server should succeed with a normalized array.
    def on_connection(connection: net.Socket) -> None:
        connection.end()
        server.close()

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        port = server.address()["port"]
        socket = net.Socket()
        args = net._normalizeArgs([{"port": port}, common.mustCall()])

        socket.connect(args)

    server.listen(common.mustCall(on_listening))
    run()
