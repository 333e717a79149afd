"""One mechanism for Node's camelCase names and their snake_case twins (docs/python-rules.md).

Classes inherit :class:`NodeNames`: every camelCase attribute a class defines also gets
its snake_case name (``setNoDelay`` → ``set_no_delay``, ``isIPv4`` → ``is_ipv4``), and a
subclass that overrides either spelling has the other follow it. Modules call
:func:`alias_module` once at the bottom. Option dicts and keyword arguments are turned
into Node's keys by :func:`node_options`.
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping
from typing import Any

_ACRONYMS = (("IPv4", "Ipv4"), ("IPv6", "Ipv6"))
_SPLIT_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_SPLIT_2 = re.compile(r"([a-z0-9])([A-Z])")


def snake(name: str) -> str:
    """Node's camelCase name → snake_case (an acronym is one word: isIP → is_ip)."""
    lead = len(name) - len(name.lstrip("_"))
    body = name[lead:]
    for a, b in _ACRONYMS:
        body = body.replace(a, b)
    body = _SPLIT_1.sub(r"\1_\2", body)
    body = _SPLIT_2.sub(r"\1_\2", body)
    return name[:lead] + body.lower()


def camel(name: str) -> str:
    """snake_case → Node's camelCase (allow_half_open → allowHalfOpen)."""
    if "_" not in name.strip("_"):
        return name
    lead = len(name) - len(name.lstrip("_"))
    parts = name[lead:].split("_")
    return name[:lead] + parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def _is_camel(name: str) -> bool:
    if name.startswith("__") or name.isupper():
        return False
    body = name.lstrip("_")
    return bool(body) and body[0].islower() and any(c.isupper() for c in body)


def _is_member(value: Any) -> bool:
    # Methods, properties and __slots__ fields get twins (the same descriptor, so no cost);
    # plain class data would be copied, not shared.
    return callable(value) or isinstance(
        value, (property, classmethod, staticmethod, types.MemberDescriptorType)
    )


class _Alias:
    """The snake_case twin of a plain (data) attribute: reads and writes the Node name.

    A data descriptor on the *snake* name only, so the Node name stays a plain instance
    attribute (the hot paths write ``self.connecting = ...`` at full speed) and
    ``server.max_connections = 1`` sets ``maxConnections``, never a second copy.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return getattr(objtype, self.name)
        return getattr(obj, self.name)

    def __set__(self, obj: Any, value: Any) -> None:
        setattr(obj, self.name, value)

    def __delete__(self, obj: Any) -> None:
        delattr(obj, self.name)


class NodeNames:
    """Mixin: give every camelCase member its snake_case twin, in every subclass.

    Methods and properties share the descriptor; plain attributes (class data such as
    ``maxConnections = None``, and instance attributes declared by an annotation in the
    class body, ``allowHalfOpen: bool``) get an :class:`_Alias`, so both spellings get
    and set the one Node attribute.
    """

    __slots__ = ()
    _snake_to_camel: dict[str, str] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        mapping: dict[str, str] = {}
        for base in reversed(cls.__mro__[1:]):
            mapping.update(base.__dict__.get("_snake_to_camel", {}))
        own = dict(cls.__dict__)
        for name, value in own.items():
            if _is_camel(name) and _is_member(value):
                s = snake(name)
                if s != name:
                    mapping[s] = name
                    if s not in own:
                        setattr(cls, s, value)
        # Plain attributes: class data and annotated instance attributes.
        data = [n for n, v in own.items() if _is_camel(n) and not _is_member(v)]
        data += [n for n in own.get("__annotations__", {}) if _is_camel(n) and n not in own]
        for name in data:
            s = snake(name)
            if s != name and s not in own:
                mapping[s] = name
                setattr(cls, s, _Alias(name))
        for name, value in own.items():
            c = mapping.get(name)
            if c is not None and c not in own:
                # A subclass overrode the snake_case spelling: the camelCase one follows.
                setattr(cls, c, value)
        cls._snake_to_camel = mapping


def alias_module(namespace: dict[str, Any], names: list[str]) -> list[str]:
    """Add snake_case twins of a module's camelCase functions; returns the new names."""
    added = []
    for name in list(names):
        if _is_camel(name):
            s = snake(name)
            # A package's submodule of that name (stream/add_abort_signal.py) yields: the
            # public name is the function, as in Node. The module stays in sys.modules
            # (``from nodenet_uv.stream.add_abort_signal import x`` still works; ``import
            # ... as m`` reads the package attribute, so it gets the function).
            if s not in namespace or isinstance(namespace[s], types.ModuleType):
                namespace[s] = namespace[name]
                added.append(s)
    return added


def check_kwargs(kwargs: Mapping[str, Any], known: frozenset[str], where: str) -> None:
    """Python mistakes are loud (docs/python-rules.md): a keyword argument whose Node name is not
    one of ``known`` raises ``TypeError`` naming it and the function, as Python does for
    an unexpected keyword (an options *dict* keeps Node's rule: unknown keys are ignored).
    """
    for k in kwargs:
        if camel(k) not in known:
            raise TypeError(f"{where}() got an unexpected keyword argument '{k}'")


def node_options(
    options: Any = None,
    kwargs: Mapping[str, Any] | None = None,
    known: frozenset[str] | None = None,
    where: str = "",
) -> Any:
    """Merge an options dict and keyword arguments into one dict with Node's keys.

    A non-dict ``options`` (Node would throw on it) is returned unchanged when there are
    no keyword arguments, so the caller's validation reports it as Node does. With
    ``known`` (the Node option names the function reads), an unknown keyword argument
    raises ``TypeError`` (see :func:`check_kwargs`).
    """
    if kwargs and known is not None:
        check_kwargs(kwargs, known, where)
    if not kwargs:
        if isinstance(options, dict):
            # Is any str key snake_case ("_" inside, not just leading/trailing)? A plain
            # loop with the cheap `"_" in k` test first: every stream constructor passes
            # its options through here, and Node's keys have no "_".
            for k in options:
                if type(k) is str or isinstance(k, str):
                    if "_" in k and "_" in k.strip("_"):
                        return {
                            camel(k) if isinstance(k, str) else k: v for k, v in options.items()
                        }
        return options
    merged: dict[str, Any] = {}
    if isinstance(options, Mapping):
        for k, v in options.items():
            merged[camel(k) if isinstance(k, str) else k] = v
    for k, v in kwargs.items():
        merged[camel(k)] = v
    return merged
