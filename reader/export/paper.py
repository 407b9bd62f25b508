"""The paper size an export follows: the user's locale (A4 for zh and most of the world).

US Letter is the norm only in a few countries (the United States, Canada, Mexico, the
Philippines and some of Central and South America); everywhere else, China included, it is
A4. The locale is read from ``LC_PAPER``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` as the C
library does; none (or ``C``/``POSIX``) means A4, the paper of the reader's Chinese users.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

A4_MM = (210.0, 297.0)
LETTER_MM = (215.9, 279.4)
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "PA",
                            "DO", "NI", "PR", "BZ"})


def locale_name(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_PAPER", "LC_MESSAGES", "LANG"):
        if env.get(key):
            return env[key]
    return ""


def paper_mm(locale: str | None = None) -> tuple[float, float]:
    """Width and height in millimetres of the paper ``locale`` (e.g. ``zh_CN.UTF-8``) uses."""
    name = locale_name() if locale is None else locale
    region = name.split(".")[0].split("@")[0].replace("-", "_").partition("_")[2].upper()
    return LETTER_MM if region in LETTER_REGIONS else A4_MM
