"""YAML loading with libyaml's C loader when PyYAML was built with it (several times faster).

Every YAML newslint reads (configuration, rule files, rule options and docs, an article's front
matter) comes through :func:`load_yaml`, which bounds what aliases can expand to: a "billion laughs"
document of 1.5 KB would otherwise build gigabytes of nested lists. Text with an anchor (``&``) is
first walked as parser events, counting the nodes of the document with every alias expanded (in
time linear in the text); more than :data:`MAX_NODES` is a :class:`yaml.YAMLError`.
"""

from __future__ import annotations

from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Nodes a document may hold once its aliases are expanded: far above any real configuration or
#: front matter (the shipped rules have a few hundred), far below what hurts.
MAX_NODES = 1_000_000


class AliasBombError(yaml.YAMLError):
    """YAML whose aliases expand to more than :data:`MAX_NODES` nodes."""

    problem = "aliases expand to too many nodes (a YAML alias bomb?)"

    def __str__(self) -> str:
        return self.problem


def expanded_size(text: str, limit: int = MAX_NODES) -> int:
    """The number of nodes of ``text`` with aliases expanded, counting stops past ``limit``
    (raises :class:`AliasBombError`). Raises ``yaml.YAMLError`` on bad YAML."""
    total = 0
    sizes: dict[str, int] = {}  # anchor -> expanded size of its node
    stack: list[tuple[str | None, int]] = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.ScalarEvent):
            total += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            total += sizes.get(event.anchor or "", 1)
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            stack.append((event.anchor, total))
            total += 1
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            anchor, start = stack.pop()
            if anchor:
                sizes[anchor] = total - start
        if total > limit:
            raise AliasBombError()
    return total


def load_yaml(text: str) -> Any:
    """``yaml.safe_load`` semantics; raises ``yaml.YAMLError`` on bad input or on aliases that
    expand past :data:`MAX_NODES` nodes."""
    if "&" in text and "*" in text:  # no anchor or no alias: nothing can expand
        expanded_size(text)
    return yaml.load(text, Loader=_Loader)
