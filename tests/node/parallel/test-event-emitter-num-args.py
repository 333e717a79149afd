"""Port of test/parallel/test-event-emitter-num-args.js.

``function() { arguments.length }`` is a ``*args`` listener (the arity rule, docs/python-rules.md: it
gets every argument); the process 'exit' check runs after the emits.
"""

from nodenet_uv import events


def test_num_args() -> None:
    e = events.EventEmitter()
    num_args_emitted = []

    e.on("numArgs", lambda *args: num_args_emitted.append(len(args)))
    e.on("foo", lambda *args: num_args_emitted.append(len(args)))
    e.on("foo", lambda *args: num_args_emitted.append(len(args)))

    e.emit("numArgs")
    e.emit("numArgs", None)
    e.emit("numArgs", None, None)
    e.emit("numArgs", None, None, None)
    e.emit("numArgs", None, None, None, None)
    e.emit("numArgs", None, None, None, None, None)

    e.emit("foo", None, None, None, None)

    # process.on('exit')
    assert num_args_emitted == [0, 1, 2, 3, 4, 5, 4, 4]
