"""The one naming mechanism (docs/python-rules.md): snake_case twins of Node's camelCase names,
for classes (NodeNames), modules (alias_module) and option dicts (node_options)."""

from __future__ import annotations

import types
from typing import Any

import pytest

from nodenet_uv import events, process, timers
from nodenet_uv._internal.naming import NodeNames, alias_module, camel, node_options, snake


@pytest.mark.parametrize(
    ("node", "py"),
    [
        ("setNoDelay", "set_no_delay"),
        ("bytesRead", "bytes_read"),
        ("createConnection", "create_connection"),
        ("autoSelectFamilyAttemptedAddresses", "auto_select_family_attempted_addresses"),
        (
            "setDefaultAutoSelectFamilyAttemptTimeout",
            "set_default_auto_select_family_attempt_timeout",
        ),
        # an acronym is one word
        ("isIP", "is_ip"),
        ("isIPv4", "is_ipv4"),
        ("isIPv6", "is_ipv6"),
        ("readyState", "ready_state"),
        ("_unrefActive", "_unref_active"),
        ("on", "on"),
    ],
)
def test_snake(node: str, py: str) -> None:
    assert snake(node) == py


@pytest.mark.parametrize(
    ("py", "node"),
    [
        ("allow_half_open", "allowHalfOpen"),
        ("keep_alive_initial_delay", "keepAliveInitialDelay"),
        ("port", "port"),
        ("_private_thing", "_privateThing"),
    ],
)
def test_camel(py: str, node: str) -> None:
    assert camel(py) == node


class Thing(NodeNames):
    __slots__ = ("_n", "bytesRead")

    def __init__(self) -> None:
        self._n = 0
        self.bytesRead = 0

    def setNoDelay(self, on: bool = True) -> str:
        return f"setNoDelay({on})"

    def isIPv4(self) -> bool:
        return True

    @property
    def readyState(self) -> str:
        return "open"

    @property
    def maxConnections(self) -> int:
        return self._n

    @maxConnections.setter
    def maxConnections(self, n: int) -> None:
        self._n = n

    @staticmethod
    def createServer() -> str:
        return "server"

    @classmethod
    def fromThing(cls) -> str:
        return cls.__name__

    plainData = 5  # class data: an alias twin that reads and writes plainData (issue 14)


def test_class_twins_are_the_same_objects() -> None:
    t: Any = Thing()
    assert Thing.set_no_delay is Thing.setNoDelay  # type: ignore[attr-defined]
    assert Thing.is_ipv4 is Thing.isIPv4  # type: ignore[attr-defined]
    assert t.set_no_delay(False) == "setNoDelay(False)"
    assert t.is_ipv4() is True
    assert t.ready_state == "open"
    assert Thing.create_server() == "server"  # type: ignore[attr-defined]
    assert Thing.from_thing() == "Thing"  # type: ignore[attr-defined]
    assert Thing.plain_data == 5  # type: ignore[attr-defined]

    class Sub(Thing):
        pass

    sub = Sub.__new__(Sub)
    assert sub.plain_data == 5  # type: ignore[attr-defined]


def test_property_and_slot_twins_are_settable() -> None:
    t: Any = Thing()
    t.max_connections = 3
    assert t.maxConnections == 3
    t.maxConnections = 4
    assert t.max_connections == 4
    t.bytes_read = 10  # a __slots__ field
    assert t.bytesRead == 10


def test_subclass_override_of_either_spelling() -> None:
    class CamelOverride(Thing):
        __slots__ = ()

        def setNoDelay(self, on: bool = True) -> str:
            return "camel override"

    class SnakeOverride(Thing):
        __slots__ = ()

        def set_no_delay(self, on: bool = True) -> str:
            return "snake override"

    c: Any = CamelOverride()
    s: Any = SnakeOverride()
    assert c.set_no_delay() == c.setNoDelay() == "camel override"
    assert s.setNoDelay() == s.set_no_delay() == "snake override"

    # and the grandchild of an override still has both
    class Grand(SnakeOverride):
        __slots__ = ()

    g: Any = Grand()
    assert g.setNoDelay() == "snake override"


def test_library_classes_have_twins() -> None:
    ee: Any = events.EventEmitter()
    assert events.EventEmitter.prepend_listener is events.EventEmitter.prependListener  # type: ignore[attr-defined]
    assert events.EventEmitter.raw_listeners is events.EventEmitter.rawListeners  # type: ignore[attr-defined]
    assert events.EventEmitter.listener_count is events.EventEmitter.listenerCount  # type: ignore[attr-defined]
    ee.prepend_once_listener("x", lambda: None)
    assert ee.listener_count("x") == 1
    t = timers.setTimeout(lambda: None, 1000)
    assert t.has_ref() is True
    t.close()


def test_alias_module() -> None:
    ns: dict[str, Any] = {"createServer": lambda: 1, "isIPv6": lambda: 2, "connect": 3}
    ns["is_ipv6"] = "already there"
    added = alias_module(ns, ["createServer", "isIPv6", "connect"])
    assert added == ["create_server"]
    assert ns["create_server"] is ns["createServer"]
    assert ns["is_ipv6"] == "already there"  # an existing name is never overwritten


def test_library_modules_have_twins() -> None:
    assert timers.set_timeout is timers.setTimeout  # type: ignore[attr-defined]
    assert timers.clear_immediate is timers.clearImmediate  # type: ignore[attr-defined]
    assert events.get_event_listeners is events.getEventListeners  # type: ignore[attr-defined]
    assert process.next_tick == process.nextTick
    assert "set_timeout" in timers.__all__


def test_node_options_dict_and_kwargs() -> None:
    assert node_options({"allow_half_open": True, "port": 80}) == {
        "allowHalfOpen": True,
        "port": 80,
    }
    assert node_options({"allowHalfOpen": True}, {"keep_alive": True}) == {
        "allowHalfOpen": True,
        "keepAlive": True,
    }
    assert node_options(None, {"no_delay": True, "port": 1}) == {"noDelay": True, "port": 1}
    # keyword arguments win over the dict
    assert node_options({"port": 1}, {"port": 2}) == {"port": 2}
    # a mapping that is not a dict is read too
    assert node_options(types.MappingProxyType({"a_b": 1}), {"c": 2}) == {"aB": 1, "c": 2}


def test_node_options_leaves_bad_values_for_validation() -> None:
    # Node would throw on these; the caller's validator must see them unchanged.
    for bad in (None, 5, "str", [1]):
        assert node_options(bad) is bad
    d = {"port": 1}
    assert node_options(d) is d  # already Node's keys: no copy
