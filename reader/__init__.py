"""报刊阅读器 — a desktop reader for Chinese local newspaper archives."""

__version__ = "0.1.0"
