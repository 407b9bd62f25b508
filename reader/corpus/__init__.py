"""Parsing newspaper page text into Papers, Issues, Pages and Articles (no Qt here)."""

from .model import Article, GuideEntry, Issue, Page, Paragraph
from .parser import parse_page

__all__ = ["Article", "GuideEntry", "Issue", "Page", "Paragraph", "parse_page"]
