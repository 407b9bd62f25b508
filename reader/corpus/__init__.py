"""Newspaper page files read into Pages and Articles, and a library folder's catalog of
them (its issues by date); no Qt here."""

from .model import Article, GuideEntry, Page, Paragraph
from .parser import parse_page

__all__ = ["Article", "GuideEntry", "Page", "Paragraph", "parse_page"]
