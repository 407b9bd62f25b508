"""JSON read from disk has its nesting bounded (``reader.jsondepth``): the depth is measured
exactly, whatever the strings hold, and a document too deep is a ValueError, never a
RecursionError (issue 12, items 2 and 10)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import jsondepth

TRICKY = st.text(alphabet='[]{}"\\ab中\n', max_size=12)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TRICKY,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TRICKY, inner, max_size=4),
    max_leaves=40,
)


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


@settings(max_examples=300, deadline=None)
@given(VALUES, st.integers(min_value=0, max_value=6))
def test_the_depth_is_measured_outside_strings(value: Any, limit: int) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert jsondepth.deeper_than(text, limit) == (_depth(value) > limit)


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, "[" * 3_000,
                                  '{"a": ' * 5_000 + "1" + "}" * 5_000])
def test_a_document_too_deep_is_a_value_error_saying_so(text: str) -> None:
    with pytest.raises(ValueError, match="nested more than 64 levels deep"):
        jsondepth.loads(text)


def test_brackets_in_strings_do_not_count() -> None:
    text = json.dumps({"note": "[" * 10_000 + '\\"{' * 100})
    assert jsondepth.loads(text) == json.loads(text)
