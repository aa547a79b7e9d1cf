"""Every registered format loads and renders an empty run."""

from __future__ import annotations

import pytest
from format_helpers import report

from lint.formats import FORMATS, formatter


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_renders_an_empty_run(name, all_rules):
    assert isinstance(formatter(name)([], report(all_rules)), str)


def test_unknown_format():
    with pytest.raises(KeyError):
        formatter("html")
