"""Newspaper page files read into Pages and Articles, and a library folder's catalog of
them (its issues by date); no Qt here.

The names below are loaded when first used: a command that only opens the catalog does not
load the parser."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Article, GuideEntry, Page, Paragraph
    from .parser import parse_page

_WHERE = {"Article": "model", "GuideEntry": "model", "Page": "model", "Paragraph": "model",
          "parse_page": "parser"}

__all__ = ["Article", "GuideEntry", "Page", "Paragraph", "parse_page"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
