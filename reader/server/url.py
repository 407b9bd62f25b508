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


def without_password(url: str) -> str:
    """The URL as the reader may remember it (in the recent list): a password written into
    it is left out, for libpq to find again in ``.pgpass``, a service file or ``PGPASSWORD``
    (``password=`` parameters too)."""
    url = re.sub(r"(://[^:/@]*):[^@]*@", r"\1@", url)
    url = re.sub(r"([?&])password=[^&]*(&|$)", r"\1", url).rstrip("&?")
    return re.sub(r"(^|\s)password=\S*", "", url).strip()


def archive_name(url: str) -> str:
    """What an archive is called in titles and menus: its database (or service) name."""
    if url.startswith("service="):
        return url.split()[0].removeprefix("service=")
    tail = url.split("://", 1)[-1].split("?", 1)[0]
    name = tail.rsplit("/", 1)[-1] if "/" in tail else ""
    return name or tail.rsplit("@", 1)[-1] or url
