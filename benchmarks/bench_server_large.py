"""The shared archive at 100,000 articles: the measurements of ``bench_server`` (import,
search against the desktop index, the load of 20 clients during an import) at that size.
Kept apart because the import alone takes a quarter of an hour on a 2-core machine."""

from __future__ import annotations

import argparse

from benchmarks import bench_server


def run(options: argparse.Namespace) -> str:
    return bench_server.run(options, size=1000 if options.quick else 100_000,
                            title="## The shared archive (PostgreSQL) at 100,000 articles")
