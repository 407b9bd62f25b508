"""Telling a shared archive's address from a library folder, without loading the driver."""

from __future__ import annotations

import re

_URL = re.compile(r"^(postgres|postgresql)://", re.IGNORECASE)


def is_server_url(text: object) -> bool:
    """Whether ``text`` names a shared archive (``postgresql://…`` or a libpq
    ``service=NAME``) rather than a folder."""
    return isinstance(text, str) and (bool(_URL.match(text)) or text.startswith("service="))


def safe_url(url: str) -> str:
    """The URL as shown in messages: a password written into it is replaced by ``***``."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)
