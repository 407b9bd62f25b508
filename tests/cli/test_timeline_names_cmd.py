"""``reader timeline`` and ``reader names`` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_timeline_json_counts_every_dated_hit(small_library: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "timeline", "金承涛", "疫情", "--by", "month", "--json",
                         "--library", str(small_library))
    assert status == 0
    data = json.loads(out)
    labels = [p["label"] for p in data["periods"]]
    assert labels[0] == "2020-04" and "2022-08" in labels
    for series, query in zip(data["series"], ("金承涛", "疫情"), strict=True):
        _, hits, _ = run(capsys, "search", query, "--json", "--limit", "0",
                         "--library", str(small_library))
        assert sum(series["articles"]) + series["undated"] == json.loads(hits)["total"]
        assert series["total"] == json.loads(hits)["total"]
    month = labels.index("2022-08")
    _, hits, _ = run(capsys, "search", "金承涛 date:2022-08", "--json", "--limit", "0",
                     "--library", str(small_library))
    assert data["series"][0]["articles"][month] == json.loads(hits)["total"] > 0


def test_timeline_csv_svg_and_png(small_library: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    svg, png = tmp_path / "t.svg", tmp_path / "t.png"
    status, out, _ = run(capsys, "timeline", "钱塘", "<b>上城</b>", "--csv", "--svg", str(svg),
                         "--png", str(png), "--library", str(small_library))
    assert status == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:4] == ["period", "start", "end", "all articles"]
    assert [r[0] for r in rows[1:]] == ["2020", "2021", "2022"]
    picture = svg.read_text(encoding="utf-8")
    assert picture.startswith("<svg") and "&lt;b&gt;上城&lt;/b&gt;" in picture
    assert "<b>" not in picture
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_timeline_bad_query(small_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "timeline", "钱塘", '"疫情', "--library", str(small_library))
    assert status == 2 and out == ""
    assert "bad query: unclosed quote" in err


def test_names_of_a_search(small_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "names", "钱塘", "--kind", "person", "--limit", "3", "--json",
                         "--library", str(small_library))
    assert status == 0
    data = json.loads(out)
    assert data["names"][0] == {"kind": "person", "name": "金承涛", "articles": 9}
    assert len(data["names"]) == 3 and {n["kind"] for n in data["names"]} == {"person"}
    status, out, _ = run(capsys, "names", "钱塘", "--library", str(small_library))
    assert "persons: 金承涛 9" in out and "places: " in out and "organisations: " in out
    _, out, _ = run(capsys, "search", "钱塘 person:金承涛", "--json", "--limit", "0",
                    "--library", str(small_library))
    assert json.loads(out)["total"] == 9
