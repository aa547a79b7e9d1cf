"""YAML loading with libyaml's C loader when PyYAML was built with it (several times faster)."""

from __future__ import annotations

from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """``yaml.safe_load`` semantics; raises ``yaml.YAMLError`` on bad input."""
    return yaml.load(text, Loader=_Loader)
