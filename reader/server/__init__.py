"""A shared archive on PostgreSQL: the library, its search and its readers' bookmarks in one
database that many readers use at once (no Qt here).

Public API::

    from reader.server import is_server_url                  # no driver loaded
    from reader.server.connection import Archive, ServerError

    archive = Archive.open("postgresql://alice@host/news")   # libpq finds the password
    schema.init(archive) / schema.migrate(archive)           # the administrator
    importer.import_library(archive, root, progress=cb)      # -> ImportStats
    ServerCatalog(archive)      # the catalog: stamps()/page() (PageStore), issues(), article()
    ServerSearch(archive)       # search()/matching_ids(): the same Results/Hit as SearchIndex
    ServerBookmarks(archive)    # the current role's bookmarks; collections shared with a group

The faces do not use these directly: ``reader.backend.open_library(url)`` gives the archive
as a ``LibraryBackend`` (``reader.backend.server``), as it gives a folder.

Modules: ``url`` (telling an archive's URL from a folder, its name, the URL to remember
without a password), ``connection`` (connecting, reconnecting, errors worded for the
reader, who hears that the archive was lost and found again), ``schema``
(versioned migrations, roles, row-level security), ``tokens`` (what the search index of an
article holds), ``importer`` (a library folder into the archive, one transaction a page),
``catalog``, ``search`` (the query language as SQL), ``bookmarks``.
"""

from __future__ import annotations

from .url import is_server_url, safe_url

__all__ = ["is_server_url", "safe_url"]
