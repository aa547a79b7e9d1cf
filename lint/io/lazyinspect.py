"""``dataclasses`` without ``inspect`` at start-up.

``dataclasses`` imports ``inspect`` (which imports ``ast``, ``dis``, ``tokenize``, ``linecache``:
about 10 ms, a twentieth of a one-file run) for one call: ``inspect.signature(cls)``, to write
the docstring of a dataclass that has none (``Options(metric: 'str' = ...)``). No other module a
run imports needs ``inspect``. :func:`import_dataclasses` imports ``dataclasses`` with a
placeholder in ``sys.modules["inspect"]`` (removed right after, so any other ``import inspect``
gets the real module), and that placeholder is what ``dataclasses`` keeps as ``inspect``:

- ``signature(cls)`` writes the same text ``inspect`` writes when the class is the common case
  it can tell without ``inspect`` (a plain class whose ``__init__`` is a Python function with
  string annotations, as ``from __future__ import annotations`` leaves them, no ``*args``, no
  positional-only parameters, no ``__signature__``); anything else is handed to the real
  ``inspect.signature`` (a test compares the two on every dataclass of the package);
- any other attribute is the real module's, imported on first use.
"""

from __future__ import annotations

import importlib
import keyword
import sys
from types import FunctionType, ModuleType
from typing import Any

_VARARGS, _VARKEYWORDS = 0x04, 0x08  # inspect.CO_VARARGS, inspect.CO_VARKEYWORDS


def _real() -> ModuleType:
    return importlib.import_module("inspect")


def _parameter(name: str, annotations: dict[str, Any], default: Any, has_default: bool) -> str:
    """``str(inspect.Parameter(...))`` for a string or missing annotation."""
    text = name
    annotated = name in annotations
    if annotated:
        text += ": " + repr(annotations[name])  # inspect.formatannotation of a str
    if has_default:
        text += (" = " if annotated else "=") + repr(default)
    return text


def signature_text(cls: Any) -> str | None:
    """``str(inspect.signature(cls))`` for a class :mod:`inspect` would read from its own
    Python ``__init__`` with string annotations; None for any other case (then ask inspect),
    and on a Python whose ``inspect`` this was not checked against (3.14 reworks annotations)."""
    if sys.version_info >= (3, 14):
        return None
    if not isinstance(cls, type) or type(cls).__call__ is not type.__call__:
        return None
    new: object = cls.__new__
    if new is not object.__new__ or "__init__" not in cls.__dict__:
        return None  # inspect would read __new__, or an inherited __init__: not this case
    init = cls.__dict__["__init__"]
    if type(init) is not FunctionType or getattr(init, "__text_signature__", None):
        return None
    for owner in (cls, init):
        if any(hasattr(owner, n) for n in ("__wrapped__", "__signature__", "_partialmethod")):
            return None
    code = init.__code__
    if code.co_flags & (_VARARGS | _VARKEYWORDS) or code.co_posonlyargcount or not code.co_argcount:
        return None
    annotations = dict(init.__annotations__ or {})
    returns = annotations.pop("return", None)
    if returns is not None and not isinstance(returns, str):
        return None
    if not all(isinstance(a, str) for a in annotations.values()):
        return None
    count, kwonly = code.co_argcount, code.co_kwonlyargcount
    names = code.co_varnames[: count + kwonly]
    if not all(n.isidentifier() and not keyword.iskeyword(n) for n in names):
        return None
    defaults = init.__defaults__ or ()
    kwdefaults = init.__kwdefaults__ or {}
    first_default = count - len(defaults)
    parts = []
    for index in range(1, count):  # the first (self) is bound
        has = index >= first_default
        default = defaults[index - first_default] if has else None
        parts.append(_parameter(names[index], annotations, default, has))
    if kwonly:
        parts.append("*")
    for name in names[count:]:
        parts.append(_parameter(name, annotations, kwdefaults.get(name), name in kwdefaults))
    text = "(" + ", ".join(parts) + ")"
    if "return" in init.__annotations__:
        text += " -> " + (repr(returns) if returns is not None else "None")
    return text


class _Placeholder(ModuleType):
    """What ``dataclasses`` holds as ``inspect`` (see the module's docstring)."""

    def signature(self, obj: Any) -> Any:
        text = signature_text(obj)
        return _real().signature(obj) if text is None else text  # dataclasses takes str() of it

    def __getattr__(self, name: str) -> Any:
        return getattr(_real(), name)


def import_dataclasses() -> ModuleType:
    """``dataclasses``, imported without importing ``inspect`` when neither is imported yet."""
    if "dataclasses" in sys.modules or "inspect" in sys.modules:
        return importlib.import_module("dataclasses")
    placeholder = _Placeholder("inspect")
    sys.modules["inspect"] = placeholder
    try:
        return importlib.import_module("dataclasses")
    finally:
        if sys.modules.get("inspect") is placeholder:
            del sys.modules["inspect"]
