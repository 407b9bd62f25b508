"""What the window hears of an archive's connection (``Archive.watch``/``probe``): lost once
when the server goes away, however many calls fail meanwhile, and reached again by a probe
once it is back."""

from __future__ import annotations

import pytest

from reader.server.connection import Archive, ConnectionLost

from .cluster import Cluster


def test_lost_once_then_reached_again(cluster: Cluster, database: str) -> None:
    archive = Archive.open(database)
    heard: list[str | None] = []
    archive.watch(heard.append)
    assert archive.run(lambda conn: conn.execute("SELECT 1").fetchone()) == (1,)
    cluster.stop()
    try:
        for _ in range(3):
            with pytest.raises(ConnectionLost):
                archive.run(lambda conn: conn.execute("SELECT 1").fetchone())
        assert archive.probe() is False
        assert archive.lost is not None and len(heard) == 1 and heard[0] == archive.lost
        assert "archive_" in heard[0]  # names the archive
    finally:
        cluster.start()
    assert archive.probe() is True
    assert heard[1:] == [None] and archive.lost is None
    archive.close()
