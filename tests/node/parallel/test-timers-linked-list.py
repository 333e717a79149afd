"""Port of test/parallel/test-timers-linked-list.js (Flags: --expose-internals).

``internal/linkedlist`` is ported inside ``nodenet_uv._internal.timers`` (``_l_init``,
``_l_peek``, ``_l_remove``, ``_l_append``, ``_l_is_empty``).
"""

from types import SimpleNamespace

from nodenet_uv._internal import timers


class L:
    init = staticmethod(timers._l_init)
    peek = staticmethod(timers._l_peek)
    remove = staticmethod(timers._l_remove)
    append = staticmethod(timers._l_append)
    isEmpty = staticmethod(timers._l_is_empty)


def test_linked_list() -> None:
    list_ = SimpleNamespace(name="list")
    A = SimpleNamespace(name="A")
    B = SimpleNamespace(name="B")
    C = SimpleNamespace(name="C")
    D = SimpleNamespace(name="D")

    L.init(list_)
    L.init(A)
    L.init(B)
    L.init(C)
    L.init(D)

    assert L.isEmpty(list_)
    assert L.peek(list_) is None

    L.append(list_, A)
    # list -> A
    assert L.peek(list_) is A

    L.append(list_, B)
    # list -> A -> B
    assert L.peek(list_) is A

    L.append(list_, C)
    # list -> A -> B -> C
    assert L.peek(list_) is A

    L.append(list_, D)
    # list -> A -> B -> C -> D
    assert L.peek(list_) is A

    L.remove(A)
    L.remove(B)
    # B is already removed, so removing it again shouldn't hurt.
    L.remove(B)
    # list -> C -> D
    assert L.peek(list_) is C

    # Put B back on the list
    L.append(list_, B)
    # list -> C -> D -> B
    assert L.peek(list_) is C

    L.remove(C)
    # list -> D -> B
    assert L.peek(list_) is D

    L.remove(B)
    # list -> D
    assert L.peek(list_) is D

    L.remove(D)
    # list
    assert L.peek(list_) is None

    assert L.isEmpty(list_)

    L.append(list_, D)
    # list -> D
    assert L.peek(list_) is D

    L.append(list_, C)
    L.append(list_, B)
    L.append(list_, A)
    # list -> D -> C -> B -> A

    # Append should REMOVE C from the list and append it to the end.
    L.append(list_, C)
    # list -> D -> B -> A -> C

    assert L.peek(list_) is D
    assert L.peek(D) is B
    assert L.peek(B) is A
    assert L.peek(A) is C
    assert L.peek(C) is list_
