"""Strict construction of a kind's frozen options dataclass from YAML data."""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


class OptionError(ValueError):
    """An option is unknown, missing or of the wrong type; the message names the key."""


def _matches(value: Any, annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if annotation is Any:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, arg) for arg in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if annotation is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is tuple:
        args = typing.get_args(annotation)
        item = args[0] if args else Any
        return isinstance(value, tuple) and all(_matches(v, item) for v in value)
    if origin in (dict, Mapping, typing.Mapping):
        return isinstance(value, Mapping)
    if isinstance(annotation, type):
        return isinstance(value, annotation)
    return True


def _finite(value: Any) -> bool:
    """Whether every float in ``value`` (a number, or a tuple or mapping of them) is finite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, tuple):
        return all(_finite(v) for v in value)
    if isinstance(value, Mapping):
        return all(_finite(v) for v in value.values())
    return True


def _freeze(value: Any) -> Any:
    """YAML lists become tuples so options stay immutable and hashable."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def build_options(cls: type[T], raw: Mapping[str, Any] | None) -> T:
    """Build ``cls`` from ``raw``; unknown keys, missing required keys and bad types fail."""
    raw = dict(raw or {})
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        name = str(key).replace("-", "_")
        if name not in fields or not fields[name].init:
            known = ", ".join(sorted(f for f, v in fields.items() if v.init))
            raise OptionError(f"unknown option {key!r} (known: {known})")
        value = _freeze(value)
        if not _matches(value, hints[name]):
            raise OptionError(f"option {key!r} has the wrong type: {value!r}")
        if not _finite(value):  # YAML's .nan and .inf: every comparison with them is false
            raise OptionError(f"option {key!r} must be a finite number, not {value!r}")
        values[name] = value
    try:
        return cls(**values)
    except TypeError as err:
        raise OptionError(str(err)) from None
    except ValueError as err:
        raise OptionError(str(err)) from None
