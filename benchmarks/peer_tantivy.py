"""The search benchmark's peer: the plainest fast design on tantivy, for comparison only.

One field holds every character of an article (headline, byline and body together), one its
pairs of characters with positions; a term of one character is a term query on the first,
a longer one a phrase of the pairs; AND, OR and excluded terms as boolean queries; filters
are not supported (the benchmark's filtered class is left out for it). No field weights, no
whole-word ranking: tantivy's BM25 alone. Hits get snippets from ``make_snippet`` on the
text it stores, as ours do. What it finds is the same as ours except across fields.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import tantivy

from reader.search import parse_query
from reader.search.build import char_texts, pair, pair_texts
from reader.search.fold import fold_codepoints
from reader.search.scan import ScanDoc
from reader.search.snippets import make_snippet


class PlainTantivy:
    """A character field and a pair field in one tantivy folder (both space-separated
    tokens from ``build``, as ours)."""

    def __init__(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        self.folder = folder
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("uni", tokenizer_name="pairs", index_option="freq")
        sb.add_text_field("bi", tokenizer_name="pairs", index_option="position")
        sb.add_bytes_field("data", stored=True)
        sb.add_text_field("id", fast=True, tokenizer_name="raw", index_option="basic")
        self.schema = sb.build()
        self.index = tantivy.Index(self.schema, path=str(folder))
        self.index.register_tokenizer(
            "pairs", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())

    def build(self, docs: list[ScanDoc], batch: int = 10_000) -> None:
        writer = self.index.writer(300_000_000, 2)
        for lo in range(0, len(docs), batch):
            part = docs[lo : lo + batch]
            texts = [f"{d.head}\n{d.byline}\n{d.body}" for d in part]
            cps = fold_codepoints("".join(texts))
            lens = [len(t) for t in texts]
            chars, pairs = char_texts(cps, lens), pair_texts(cps, lens)
            for d, text, bi in zip(part, chars, pairs, strict=True):
                data = json.dumps([d.id, d.head, d.byline, d.body], ensure_ascii=False)
                writer.add_document(tantivy.Document(uni=text, bi=bi, data=data.encode(),
                                                     id=d.id))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def size(self) -> int:
        return sum(f.stat().st_size for f in self.folder.rglob("*") if f.is_file())

    def _term(self, text: str) -> tantivy.Query:
        if len(text) == 1:
            return tantivy.Query.term_query(self.schema, "uni", text)
        if len(text) == 2:
            return tantivy.Query.term_query(self.schema, "bi", pair(text))
        return tantivy.Query.phrase_query(
            self.schema, "bi", [pair(text[i : i + 2]) for i in range(len(text) - 1)])

    def _query(self, text: str) -> tantivy.Query:
        q = parse_query(text)
        clauses = []
        for group in q.groups:
            alts = [self._term(t.text) for t in group]
            clauses.append((tantivy.Occur.Must, alts[0] if len(alts) == 1 else
                            tantivy.Query.boolean_query([(tantivy.Occur.Should, a)
                                                         for a in alts])))
        for t in q.excluded:
            clauses.append((tantivy.Occur.MustNot, self._term(t.text)))
        return tantivy.Query.boolean_query(clauses)

    def search(self, text: str, limit: int = 20) -> list[str]:
        """The ids of the top ``limit`` hits, each given its snippet as ours are."""
        terms = parse_query(text).terms
        searcher = self.index.searcher()
        ids = []
        for _, addr in searcher.search(self._query(text), limit).hits:
            article_id, head, byline, body = json.loads(searcher.doc(addr)["data"][0])
            make_snippet(head, byline, body, terms)
            ids.append(article_id)
        return ids

    def matching(self, text: str) -> set[str]:
        """The ids of every hit (no snippets)."""
        searcher = self.index.searcher()
        query = self._query(text)
        total = searcher.search(query, 1, count=True).count
        if not total:
            return set()
        hits = searcher.search(query, total, count=False, order_by_field="id").hits
        return {key for key, _ in hits}
