"""Validate configuration, rule files and tracking models against the JSON Schemas in
``lint/schemas/`` (draft 2020-12; each property has a ``description``, so they double as reference
docs and editors can use them for completion).

``jsonschema`` is imported on first use, never at ``import lint`` time. Errors are one line that
names the file and the key path: ``newslint.yaml: rules.readability.severity: 'critical' is not
one of ['error', 'warning', 'info']``.
"""

from __future__ import annotations

import json
import math
import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.errors import ConfigError, RuleError

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

CONFIG = "newslint.schema.json"
RULE = "rule.schema.json"
MODEL = "tracking-model.schema.json"


class ModelSchemaError(ConfigError):
    """A tracking model file that does not match tracking-model.schema.json."""


def schema(name: str) -> dict[str, Any]:
    """The schema shipped as ``lint/schemas/NAME``."""
    # the package folder, as importlib.resources finds it for a package on disk (importing
    # importlib.resources loads tempfile, shutil, zipfile... ~5 ms of a one-file run)
    path = Path(__file__).parent.parent / "schemas" / name
    if path.is_file():
        text = path.read_text(encoding="utf-8")
    else:  # a package inside a zip
        from importlib import resources

        text = resources.files("lint").joinpath("schemas", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _validator(name: str) -> Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(name))


def _key(parts: Any) -> str:
    key = ""
    for part in parts:
        key += f"[{part}]" if isinstance(part, int) else (f".{part}" if key else str(part))
    return key


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def describe(error: ValidationError) -> str:
    """``key.path: problem`` for the most relevant error."""
    key = _key(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        unknown = sorted(str(k) for k in error.instance if k not in known)
        if unknown:
            hint = f" (known: {', '.join(sorted(known))})" if known else ""
            return f"{_join(key, unknown[0])}: unknown key{hint}"
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = sorted(str(k) for k in error.validator_value if k not in error.instance)
        if missing:
            return f"{_join(key, missing[0])}: missing"
    if error.validator in ("anyOf", "oneOf") and error.context:
        options = "; ".join(sorted({e.message for e in error.context if not e.path}))
        value = error.message.split(" is not valid")[0]
        return f"{key or '(root)'}: {value} is not valid ({options})"
    return f"{key or '(root)'}: {error.message}"


#: keywords that never make an instance invalid
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"}
)

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


@cache
def _parsed(name: str) -> dict[str, Any]:
    return schema(name)


def _type_ok(value: Any, wanted: Any) -> bool:
    names = [wanted] if isinstance(wanted, str) else wanted
    for name in names:
        types = _TYPES.get(name) if isinstance(name, str) else None
        if types is None:
            return False  # an unknown type name: leave it to jsonschema
        if isinstance(value, bool) and name != "boolean":
            continue
        if isinstance(value, types):
            return True
    return False


def _surely_valid(node: Any, value: Any, root: dict[str, Any]) -> bool:
    """True only when ``value`` is valid against the schema ``node``: the few keywords newslint's
    schemas use, checked strictly (an unknown keyword, a float for ``integer``, a non-string key
    make it False). False means "ask jsonschema", which is only imported then: a valid
    configuration, the common case, is checked without importing it (about 50 ms of start-up)."""
    if node is True:
        return True
    if not isinstance(node, dict):
        return False
    if isinstance(value, dict) and not all(isinstance(k, str) for k in value):
        return False
    for keyword, expected in node.items():
        if keyword in _ANNOTATIONS:
            continue
        if not _keyword_ok(keyword, expected, node, value, root):
            return False
    return True


def _keyword_ok(keyword: str, expected: Any, node: dict[str, Any], value: Any, root: Any) -> bool:
    if keyword == "$ref":
        if not (isinstance(expected, str) and expected.startswith("#/$defs/")):
            return False
        target = root.get("$defs", {}).get(expected[len("#/$defs/") :])
        return target is not None and _surely_valid(target, value, root)
    if keyword == "type":
        return _type_ok(value, expected)
    if keyword == "enum":
        scalars = [e for e in expected if not isinstance(e, list | dict)]
        return any(type(value) is type(e) and value == e for e in scalars)
    if keyword == "anyOf":
        return any(_surely_valid(sub, value, root) for sub in expected)
    if keyword in ("minLength", "pattern"):
        if not isinstance(value, str):
            return True
        if keyword == "minLength":
            return bool(len(value) >= expected)
        return re.search(expected, value) is not None
    if keyword in ("items", "minItems"):
        if not isinstance(value, list):
            return True
        if keyword == "minItems":
            return bool(len(value) >= expected)
        return all(_surely_valid(expected, item, root) for item in value)
    if keyword in ("properties", "additionalProperties", "required"):
        return not isinstance(value, dict) or _object_ok(keyword, expected, node, value, root)
    return False  # a keyword not handled here


def _object_ok(
    keyword: str, expected: Any, node: dict[str, Any], value: dict[str, Any], root: Any
) -> bool:
    if keyword == "required":
        return all(k in value for k in expected)
    if keyword == "properties":
        return all(_surely_valid(expected[k], v, root) for k, v in value.items() if k in expected)
    if "patternProperties" in node:
        return False
    known = node.get("properties", {})
    return all(_surely_valid(expected, v, root) for k, v in value.items() if k not in known)


def check(name: str, source: str, data: Any) -> str | None:
    """The first problem with ``data`` as ``source: key: problem``, or None when it is valid."""
    root = _parsed(name)
    if _surely_valid(root, data, root):
        return None
    from jsonschema.exceptions import best_match

    error = best_match(_validator(name).iter_errors(data))
    return None if error is None else f"{source}: {describe(error)}"


def validate_config(source: str, data: Any) -> None:
    """Raise ConfigError for a configuration mapping that does not match the schema."""
    problem = check(CONFIG, source, data)
    if problem:
        raise ConfigError(problem)


def validate_rule(path: Path | str, data: Any) -> None:
    """Raise RuleError for rule-file data that does not match ``rule.schema.json``."""
    problem = check(RULE, Path(path).as_posix(), data)
    if problem:
        raise RuleError(problem)


def validate_model(path: Path | str, data: Any) -> None:
    """Raise ModelSchemaError for model JSON that does not match ``tracking-model.schema.json``.

    The message keeps the words "malformed model" that model errors use elsewhere.
    """
    source = Path(path).as_posix()
    if not isinstance(data, dict) or data.get("format") != "newslint-tracking-model":
        raise ModelSchemaError(
            f"{source}: not a newslint tracking model (format must be 'newslint-tracking-model')"
        )
    problem = check(MODEL, f"{source}: malformed model", data)
    if problem:
        raise ModelSchemaError(problem)


MAX_MODEL_BYTES = 16 * 1024 * 1024  # a real model is a few KB


def _numbers(data: dict[str, Any]) -> Any:
    """Every number the model scores with: mean, scale, weights, intercept, split, threshold (a
    number or a list of them) and each row of ``coef`` (format 1)."""
    for key in ("mean", "scale", "weights", "intercept", "split", "threshold"):
        value = data.get(key)
        yield from (
            (key, v) for v in (value if isinstance(value, list) else [value]) if v is not None
        )
    for row in data.get("coef") or ():
        yield from (("coef", v) for v in (row if isinstance(row, list) else [row]))


def check_model_values(source: str, data: dict[str, Any]) -> None:
    """Raise ModelSchemaError for a model that parses but cannot score: no features (every pair
    would get the intercept's score), weights that are not finite numbers (``score nan``), or a
    zero scale (a division by zero)."""
    if not data.get("features"):
        raise ModelSchemaError(f"{source}: not a model: it has no features")
    for key, value in _numbers(data):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ModelSchemaError(f"{source}: not a model: {key} holds {value!r}, not a number")
        if not math.isfinite(value):
            raise ModelSchemaError(f"{source}: not a model: {key} holds {value!r}")
    if any(v == 0 for v in data.get("scale") or ()):
        raise ModelSchemaError(f"{source}: not a model: a scale of 0 (each must be non-zero)")


def validate_model_file(path: Path | str | None) -> None:
    """Validate the model file at ``path`` at configuration load (None: the shipped model, which is
    tested instead): one line naming the file for anything that is not a model (not a regular
    file, too big, not UTF-8, not JSON, nested too deeply, the wrong shape or weights that cannot
    score). A missing file is left to ``Model.load``, whose message says so."""
    if path is None:
        return
    from lint.io.files import NotRegularFile, read_regular

    source = Path(path).as_posix()
    try:
        if os.path.getsize(path) > MAX_MODEL_BYTES:
            raise ModelSchemaError(f"{source}: not a model: over {MAX_MODEL_BYTES:,} bytes")
        text = read_regular(path).decode("utf-8")
        data = json.loads(text)
    except FileNotFoundError:
        return
    except NotRegularFile as err:
        raise ModelSchemaError(f"{source}: not a model: {err}") from None
    except OSError as err:
        raise ModelSchemaError(f"{source}: cannot read model ({err.strerror or err})") from None
    except UnicodeDecodeError:
        raise ModelSchemaError(f"{source}: not a model: not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise ModelSchemaError(f"{source}: model is not valid JSON ({err.msg})") from None
    except RecursionError:
        raise ModelSchemaError(f"{source}: not a model: JSON nested too deeply") from None
    validate_model(path, data)
    check_model_values(source, data)
