"""The core's problems are data: a kind with its parameters, an English text for the command
line, and JSON that reads back (what cannot be read back shows as the sentence it is)."""

from __future__ import annotations

import pytest

from reader.problems import ENGLISH, Problem, ProblemKind
from reader.search.query import QueryError, parse_query


def test_every_kind_has_english_and_its_text_names_its_particulars() -> None:
    assert set(ENGLISH) == set(ProblemKind)
    problem = Problem.of(ProblemKind.TOO_LARGE, "dump.txt", size_mb=12, limit_mb=8)
    assert problem.text == ("it is 12 MB, too large to be one page (the limit is 8 MB); "
                            "split it into page files")
    assert str(problem) == "dump.txt: " + problem.text
    assert Problem.of(ProblemKind.NOT_TEXT, format="pdf").text == \
        "it is a PDF document, not page text"


def test_json_reads_back_and_anything_else_is_kept_as_its_sentence() -> None:
    problem = Problem.of(ProblemKind.SAME_PAGE, "b.txt", other="a.txt", paper="上城报",
                         date="2020-04-21", page=1)
    assert Problem.from_json(problem.to_json()) == problem
    assert hash(Problem.from_json(problem.to_json())) == hash(problem)
    for stored in ("cannot read it: Permission denied", {"kind": "from-the-future",
                                                         "params": {}, "message": "later"}):
        back = Problem.from_json(stored, "x.txt")
        assert back.kind is ProblemKind.OTHER and back.path == "x.txt"
        assert back.text in ("cannot read it: Permission denied", "later")
    assert Problem.from_json(42).text == "42"


def test_a_parameter_is_put_in_as_it_is() -> None:
    problem = Problem.of(ProblemKind.UNREADABLE, reason="{reason} {0} {}")
    assert problem.text == "cannot read it: {reason} {0} {}"


@pytest.mark.parametrize(("query", "kind", "params"), [
    ("金承涛 date:2022-13", ProblemKind.QUERY_NO_MONTH, {"text": "2022-13", "month": 13}),
    ("金承涛 date:2022-02-30", ProblemKind.QUERY_NO_DAY,
     {"text": "2022-02-30", "month": "2022-02", "day": 30}),
    ('"金承涛', ProblemKind.QUERY_UNCLOSED_QUOTE, {"text": '"金承涛'}),
    ("-金承涛", ProblemKind.QUERY_ONLY_EXCLUDES, {}),
])
def test_a_query_error_carries_its_kind_and_parameters(query, kind, params) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(query)
    assert err.value.problem.kind is kind
    assert dict(err.value.problem.params) == params
    assert str(err.value) == err.value.problem.text


def test_a_query_error_given_a_sentence_is_of_kind_other() -> None:
    err = QueryError("person: needs a name")
    assert err.problem.kind is ProblemKind.OTHER and str(err) == "person: needs a name"
