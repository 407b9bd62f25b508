"""Where corrections are kept, and how they are read, saved, undone, exported and imported.

A page's corrections are the ``[[corrections]]`` of its sidecar (``sidecar``), followed by
those of its overlay file when its library cannot be written (``overlay``). ``correct_page``
is the hook ``resolve.load_entry`` calls after parsing: every reader of pages (catalog,
search, bookmarks, citations, exports) sees the corrected articles.

Saving (``save``) happens under a lock held by this user's processes (``DATA/corrections/
.lock``), on the sidecar as it is at that moment: two processes correcting one page both
keep their corrections. Just before the file is replaced its bytes are compared with those
read under the lock; when someone else (another user, another machine on a share) changed it
meanwhile, the correction is refused with ``ConflictError`` and nothing is written.

Every save is journaled (``DATA/corrections/journal.json``: the file's bytes before, the
digest of those after), so ``undo`` puts back the very bytes the file had — and refuses when
the file changed since.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomicfile import atomic_write, write_json_atomic
from ..problems import Problem, ProblemKind
from .corrections import (
    ACROSS,
    PAGE_FIELDS,
    Continuation,
    Correction,
    CorrectionError,
    Outcome,
    apply,
    corrected,
    find_article,
)
from .encoding import name_text
from .library import PageError
from .model import Article, Page
from .overlay import (
    OVERLAY_SUFFIX,
    overlay_file,
    overlay_folder,
    overlay_for,
    overlay_root,
    write_note,
)
from .sidecar import (
    CORRECTIONS,
    SUFFIX,
    SidecarError,
    parse_sidecar_text,
    read_corrections_file,
    read_fields_file,
    sidecar_header,
    sidecar_path,
    sidecar_text,
)
from .walk import source_path

JOURNAL = "journal.json"
JOURNAL_SCHEMA = 1
JOURNAL_KEEP = 1000
"""Saves remembered for undo (the oldest are forgotten)."""
EXPORT_FORMAT = "newspaper-reader-corrections"
EXPORT_SCHEMA = 1
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


class ConflictError(CorrectionError):
    """The sidecar changed under us (another process or user); nothing was saved."""


# -- reading ---------------------------------------------------------------------------------


@dataclass
class Stored:
    """The corrections of one page, where each came from, and what could not be used."""

    items: list[Correction] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    """The file of each item (the sidecar or the overlay file)."""
    problems: list[str] = field(default_factory=list)
    fields: dict[str, object] = field(default_factory=dict)
    """Page fields of the overlay file (the sidecar's own are applied by the library)."""


def stored(page_file: Path) -> Stored:
    """The corrections kept for the page file at ``page_file``, sidecar first."""
    out = Stored()
    places: list[Path] = [sidecar_path(page_file)]
    found = overlay_for(page_file)
    if found is not None:
        places.append(found[1])
    for place in places:
        try:
            tables = read_corrections_file(place)
            if place is not places[0]:
                out.fields.update(read_fields_file(place))
        except SidecarError as err:
            if place is not places[0]:  # the sidecar's own problem is reported by the library
                out.problems.append(f"{name_text(place.as_posix())}: {err}")
            continue
        for n, table in enumerate(tables, start=1):
            try:
                out.items.append(Correction.from_dict(table, f"correction {n}: "))
                out.files.append(place)
            except CorrectionError as err:
                out.problems.append(f"{name_text(place.name)}: {err}; it is kept as it is")
    return out


def correct_page(page: Page, page_file: Path) -> list[Outcome]:
    """Apply the corrections kept for ``page_file`` to its freshly parsed ``page``."""
    kept = stored(page_file)
    for problem in kept.problems:
        page.warnings.append(Problem.of(ProblemKind.CORRECTION_UNUSABLE, reason=problem))
    if kept.fields:
        page.overrides.update(kept.fields)
        for key, value in kept.fields.items():
            setattr(page, key, value)
            if key in ("paper", "date", "page"):
                page.provenance[key] = "sidecar"
    if not kept.items:
        if kept.fields:
            apply(page, [])
        return []
    return apply(page, kept.items, continuation_from(page_file))


def continuation_from(page_file: Path) -> Continuation:
    """Finds, for a ``join`` of the page at ``page_file``, the article of the other page that
    continues it: that page as parsed with its own corrections, joins left out."""

    def find(c: Correction) -> Article | None:
        other = page_file.parent / c.page
        from .resolve import load_entry  # it applies corrections through this module

        try:
            raw = load_entry(other, name_text(other.as_posix()), corrected=False)
        except (OSError, ValueError, PageError):
            return None
        items = [x for x in stored(other).items if x.op not in ACROSS]
        page, _ = corrected(raw, items)
        i = find_article(page, c.other, "")
        return page.articles[i] if i is not None else None

    return find


# -- saving ----------------------------------------------------------------------------------


@contextlib.contextmanager
def _locked() -> Iterator[None]:
    """Hold this user's corrections lock (processes wait for each other)."""
    folder = overlay_root()
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows: the compare before replacing stays
            pass
        yield
    finally:
        os.close(fd)


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _replace(path: Path, data: bytes | None, expected: bytes | None) -> None:
    """Put ``data`` at ``path`` (None removes it) if it still holds ``expected``."""
    if _bytes(path) != expected:
        raise ConflictError(
            f"{name_text(path.as_posix())} was changed by someone else while the correction "
            "was made; nothing was saved. Look at the page again and repeat the correction")
    if data is None:
        path.unlink(missing_ok=True)
        return
    with atomic_write(path) as tmp:
        tmp.write_bytes(data)


@dataclass(frozen=True)
class Saved:
    """Where a save went, and whether that is the user's overlay."""

    file: Path
    overlay: bool
    outcome: Outcome | None = None
    group: str = ""
    """The journal's name for this save and those undone with it (``undo(group=…)``)."""


def _write_into(file: Path, header: str, change: Callable[[dict[str, Any]], None],
                before: bytes | None) -> bytes:
    current: dict[str, Any] = {}
    if before is not None:
        try:
            current = parse_sidecar_text(before)
        except SidecarError as err:
            raise CorrectionError(
                f"{name_text(file.as_posix())} cannot be read ({err}); it is left as it is. "
                "Repair or move it, then correct the page again") from None
    change(current)
    data = sidecar_text(current, header).encode("utf-8")
    _replace(file, data, before)
    return data


def save(root: Path, source: str, page_file: Path, change: Callable[[dict[str, Any]], None],
         what: str, group: str = "") -> Saved:
    """Change the keys of the page's sidecar (or, when the library cannot be written, of its
    overlay file) with ``change``; journal the bytes before and after for ``undo``.

    Call it under ``transaction`` so that what ``change`` adds was checked on the page as
    saved. Raises CorrectionError (ConflictError), or OSError when neither can be written.
    """
    side = sidecar_path(page_file)
    before = _bytes(side)
    try:
        data = _write_into(side, sidecar_header(page_file.name), change, before)
        saved = Saved(side, False)
    except OSError as err:
        if err.errno not in _READ_ONLY:
            raise
        write_note(root)
        side = overlay_file(root, source)
        side.parent.mkdir(parents=True, exist_ok=True)
        before = _bytes(side)
        data = _write_into(side, f"# Corrections of {source} in the read-only library "
                           f"{Path(root).resolve()} (see docs/sidecar.md)", change, before)
        saved = Saved(side, True)
    group = _journal_add(root, source, side, before, data, what, group)
    return Saved(saved.file, saved.overlay, group=group)


@contextlib.contextmanager
def transaction() -> Iterator[None]:
    """Read, check and save corrections of a page as one step among this user's processes."""
    with _locked():
        yield


def append_correction(root: Path, source: str, page_file: Path, raw: Page, correction: Correction,
           fields: dict[str, object] | None = None, group: str = "") -> Saved:
    """Add ``correction`` (and page ``fields``) to the page, after checking that it applies
    on the page as corrected so far. Call under ``transaction``."""
    kept = stored(page_file)
    _, outcomes = corrected(raw, [*kept.items, correction], continuation_from(page_file))
    last = outcomes[-1]
    if last.status != "applied":
        raise CorrectionError(f"{correction.describe()}: {last.reason}")

    def change(keys: dict[str, Any]) -> None:
        if fields:
            keys.update(fields)
        keys.setdefault(CORRECTIONS, [])
        if not isinstance(keys[CORRECTIONS], list):
            raise CorrectionError(f"{CORRECTIONS} in the sidecar is not a list; it is left as "
                                  "it is")
        keys[CORRECTIONS].append(correction.to_dict())

    saved = save(root, source, page_file, change, correction.describe(), group)
    return Saved(saved.file, saved.overlay, last, saved.group)


def join_across(root: Path, first: tuple[str, str], second: tuple[str, str]) -> list[Saved]:
    """The article ``second`` = (source, id), on another page, continues ``first``: it is
    shown as part of the first on the first's page and no longer on its own. Saved as a
    ``join`` in the first page's sidecar and a ``joined`` in the second's, undone together."""
    from .corrections import join

    files = [source_path(root, first[0]), source_path(root, second[0])]
    if files[0] == files[1]:
        raise CorrectionError("the two articles are on one page: merge them with merge-next")
    with transaction():
        raws = [raw_page(root, first[0]), raw_page(root, second[0])]
        found = []
        for (source, article_id), raw, file in zip((first, second), raws, files, strict=True):
            current, _ = corrected(raw, stored(file).items, continuation_from(file))
            article = next((a for a in current.articles if a.id == article_id), None)
            if article is None:
                raise ConflictError(f"article {article_id} is not on {source} (any more); "
                                    "look it up again")
            found.append(article)
        one, two = join(found[0], found[1],
                        Path(os.path.relpath(files[1], files[0].parent)).as_posix(),
                        Path(os.path.relpath(files[0], files[1].parent)).as_posix())
        _, check = corrected(raws[1], [*stored(files[1]).items, two])
        if check[-1].status != "applied":
            raise CorrectionError(f"{two.describe()}: {check[-1].reason}")
        group = f"{one.at}:{first[1]}:{second[1]}"
        return [append_correction(root, first[0], files[0], raws[0], one, group=group),
                append_correction(root, second[0], files[1], raws[1], two, group=group)]


Build = Callable[[Page, int], tuple[Correction, dict[str, object]]]
"""Makes the correction (and the page fields it sets) from the page as corrected so far and
the index of the article it is about."""


def raw_page(root: Path, source: str) -> Page:
    """The page ``source`` of the library at ``root`` as the parser reads it (no corrections)."""
    from .resolve import load_entry  # it applies corrections through this module

    return load_entry(source_path(root, source), source, Path(root), corrected=False)


def correct(root: Path, source: str, article_id: str, build: Build) -> Saved:
    """Correct the article ``article_id`` of page ``source``: read the page and the
    corrections kept for it, make the correction with ``build``, check and save it, all under
    the lock. ConflictError when the article is no longer on the page (corrected meanwhile)."""
    return correct_all(root, source, article_id, [build])[0]


def correct_all(root: Path, source: str, article_id: str, builds: list[Build],
                group: str = "") -> list[Saved]:
    """Several corrections of one article in a row (a headline and its byline, the fields of
    a page), each built on the page as the ones before left it, saved as one ``group`` that
    is undone together. The article keeps its place on the page between them, so the builds
    must not split or merge it."""
    page_file = source_path(root, source)
    out: list[Saved] = []
    with transaction():
        raw = raw_page(root, source)
        index: int | None = None
        for build in builds:
            current, _ = corrected(raw, stored(page_file).items, continuation_from(page_file))
            if index is None:
                index = next((i for i, a in enumerate(current.articles)
                              if a.id == article_id), None)
                if index is None:
                    raise ConflictError(
                        f"article {article_id} is no longer on {source}: the page was "
                        "corrected meanwhile. Look the article up again (reader parse, "
                        "reader search)")
            correction, fields = build(current, index)
            out.append(append_correction(root, source, page_file, raw, correction, fields,
                                         group or (out[0].group if out else "")))
    return out


@dataclass(frozen=True)
class Step:
    """One saved correction, as it can be saved again (a redo after an undo)."""

    source: str
    correction: Correction
    fields: dict[str, object] = field(default_factory=dict)


def save_again(root: Path, steps: list[Step], group: str) -> list[Saved]:
    """Save ``steps`` again, in order, under ``group``: what ``undo`` took back, redone. Each
    is checked on the page as it is now (CorrectionError when it no longer fits); the
    sidecars get the very bytes they had after the first save."""
    out = []
    with transaction():
        for step in steps:
            page_file = source_path(root, step.source)
            out.append(append_correction(root, step.source, page_file,
                                         raw_page(root, step.source), step.correction,
                                         step.fields, group))
    return out


def article_corrections(root: Path, source: str, article_id: str) -> list[Outcome]:
    """The corrections that changed or made the article ``article_id`` of page ``source``
    (as the page is corrected now), with who made them and when: for the article view."""
    return [o for o in page_outcomes(root, source) if article_id in o.articles]


def page_outcomes(root: Path, source: str) -> list[Outcome]:
    """What became of each correction of page ``source``, replayed on the page as parsed
    now; quickly nothing for a page without corrections."""
    page_file = source_path(root, source)
    items = stored(page_file).items
    if not items:
        return []
    return corrected(raw_page(root, source), items, continuation_from(page_file))[1]


# -- the journal and undo --------------------------------------------------------------------


def _journal_path() -> Path:
    return overlay_root() / JOURNAL


def _journal() -> list[dict[str, Any]]:
    path = _journal_path()
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as err:
        raise CorrectionError(f"{path}: the undo journal cannot be read ({err}); it is left as "
                              "it is, and nothing can be undone until it is moved away") from None
    if not isinstance(data, dict) or data.get("schema") != JOURNAL_SCHEMA or not isinstance(
            data.get("entries"), list):
        raise CorrectionError(f"{path}: not an undo journal of this reader (schema "
                              f"{JOURNAL_SCHEMA}); it is left as it is")
    return list(data["entries"])


def _write_journal(entries: list[dict[str, Any]]) -> None:
    write_json_atomic(_journal_path(), {"schema": JOURNAL_SCHEMA,
                                        "entries": entries[-JOURNAL_KEEP:]})


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha1(data).hexdigest()


def _journal_add(root: Path, source: str, file: Path, before: bytes | None, after: bytes,
                 what: str, group: str = "") -> str:
    entries = _journal()
    group = group or f"{len(entries)}:{dt.datetime.now(dt.UTC).timestamp()}"
    entries.append({
        "group": group,
        "library": str(Path(root).resolve()), "source": source, "file": str(file),
        "before": None if before is None else base64.b64encode(before).decode("ascii"),
        "after": _digest(after), "what": what,
        "at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
    })
    _write_journal(entries)
    return group


@dataclass(frozen=True)
class Undone:
    source: str
    what: str
    file: Path


def undo(root: Path, count: int = 1, group: str | None = None) -> list[Undone]:
    """Undo the last ``count`` saves of corrections in the library at ``root``, newest first:
    each file gets back the bytes it had before (or is removed, if it did not exist).
    With ``group``, undo that save (``Saved.group``) instead, wherever it is in the journal.

    Stops with CorrectionError at a file that changed since its save (nothing of that one
    is undone; those undone before it stay undone).
    """
    if count < 1:
        raise CorrectionError("undo needs a number of corrections of 1 or more")
    lib = str(Path(root).resolve())
    done: list[Undone] = []
    with _locked():
        entries = _journal()
        mine = [i for i, e in enumerate(entries) if e.get("library") == lib]
        if not mine:
            raise CorrectionError(f"no correction of {lib} to undo")
        groups = list(dict.fromkeys(str(entries[i].get("group", i)) for i in mine))
        if group is not None and group not in groups:
            raise CorrectionError("that correction is no longer in the undo journal")
        last = {group} if group is not None else set(groups[-count:])
        undone: set[int] = set()
        try:
            for i in [i for i in reversed(mine) if str(entries[i].get("group", i)) in last]:
                entry = entries[i]
                file = Path(entry["file"])
                now = _bytes(file)
                if _digest(now) != entry["after"]:
                    raise CorrectionError(
                        f"{name_text(file.as_posix())} changed after “{entry['what']}” was "
                        f"saved; it is not undone ({len(done)} undone before it)")
                before = entry["before"]
                _replace(file, None if before is None else base64.b64decode(before), now)
                undone.add(i)
                done.append(Undone(entry["source"], entry["what"], file))
        finally:
            if undone:
                _write_journal([e for n, e in enumerate(entries) if n not in undone])
    return done


# -- listing, export and import --------------------------------------------------------------

PageReader = Callable[[Path, str], Page]
"""Reads a page file (path, source) as the parser does, without corrections."""


@dataclass
class PageCorrections:
    """The corrections of one page of a library and what became of them."""

    source: str
    page: Page | None
    outcomes: list[Outcome]
    files: list[Path]
    fields: dict[str, object]
    problems: list[str]


def _page_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(source, page file) of every page of the library with a sidecar or an overlay file."""
    from .library import PAGE_SUFFIXES
    from .walk import walk_pages

    seen: set[str] = set()
    for entry in walk_pages(root, lambda name: name.endswith(SUFFIX)):
        if entry.problem is not None:
            continue
        stem = entry.path.name[: -len(SUFFIX)]
        for suffix in PAGE_SUFFIXES + tuple(s.upper() for s in PAGE_SUFFIXES):
            page_file = entry.path.with_name(stem + suffix)
            if page_file.is_file():
                source = entry.source.rsplit("/", 1)
                src = "/".join([*source[:-1], page_file.name])
                seen.add(src)
                yield src, page_file
                break
    folder = overlay_folder(root)
    if folder.is_dir():
        for path in sorted(folder.rglob("*" + OVERLAY_SUFFIX)):
            src = path.relative_to(folder).as_posix()[: -len(OVERLAY_SUFFIX)]
            if src not in seen:
                yield src, source_path(root, src)


def list_pages(root: Path, read: PageReader) -> list[PageCorrections]:
    """Every page of the library with corrections, each replayed on the page as parsed."""
    out = []
    for source, page_file in _page_files(root):
        kept = stored(page_file)
        fields = dict(kept.fields)
        with contextlib.suppress(SidecarError):
            fields = {**read_fields_file(sidecar_path(page_file)), **fields}
        if not kept.items and not kept.problems:
            continue
        page: Page | None
        try:
            page = read(page_file, source)
        except Exception as err:  # a page that is gone or unreadable: its corrections stay
            page = None
            kept.problems.append(f"{source}: the page cannot be read ({err})")
        outcomes = [] if page is None else corrected(page, kept.items,
                                                     continuation_from(page_file))[1]
        out.append(PageCorrections(source, page, outcomes, kept.files, fields, kept.problems))
    return out


def export_data(root: Path, read: PageReader) -> dict[str, Any]:
    """The corrections of a library as plain data, to be imported on another machine."""
    pages = []
    for item in list_pages(root, read):
        kept = stored(source_path(root, item.source))
        page = item.page
        pages.append({
            "source": item.source,
            "paper": page.paper if page else None,
            "date": page.date.isoformat() if page and page.date else None,
            "page": page.page if page else None,
            "fields": {k: v.isoformat() if isinstance(v, dt.date) else v
                       for k, v in item.fields.items() if k in PAGE_FIELDS},
            "corrections": [c.to_dict() for c in kept.items],
        })
    return {"format": EXPORT_FORMAT, "schema": EXPORT_SCHEMA, "library": str(Path(root)),
            "pages": pages}


@dataclass
class ImportReport:
    added: int = 0
    already: int = 0
    pages: int = 0
    not_found: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def read_export(path: Path) -> list[dict[str, Any]]:
    """The pages of an export file; CorrectionError names the file and the problem."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise CorrectionError(f"{path}: no such file") from None
    except (OSError, ValueError) as err:
        raise CorrectionError(f"{path}: not a corrections file ({err})") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise CorrectionError(f"{path}: not a corrections file (made by `reader corrections "
                              "export`)")
    if not isinstance(data.get("schema"), int) or data["schema"] > EXPORT_SCHEMA:
        raise CorrectionError(f"{path}: made by a newer reader (schema {data.get('schema')!r})")
    pages = data.get("pages")
    if not isinstance(pages, list) or not all(isinstance(p, dict) for p in pages):
        raise CorrectionError(f"{path}: its pages are not a list")
    for n, page in enumerate(pages, start=1):
        for c in page.get("corrections", []):
            if not isinstance(c, dict):
                raise CorrectionError(f"{path}: page {n}: a correction is not a table")
            Correction.from_dict(c, f"{path}: page {n}: ")
    return pages


def import_data(root: Path, pages: list[dict[str, Any]],
                find: Callable[[dict[str, Any]], tuple[str, Path] | None]) -> ImportReport:
    """Add the corrections of an export to the pages of the library at ``root``. A
    correction already there is not added twice; a page field set to another value here is
    left as it is and reported. ``find`` gives (source, page file) of an exported page."""
    report = ImportReport()
    for entry in pages:
        where = find(entry)
        if where is None:
            report.not_found.append(str(entry.get("source")))
            continue
        source, page_file = where
        with _locked():
            kept = stored(page_file)
            have = [c.to_dict() for c in kept.items]
            current_fields = dict(kept.fields)
            with contextlib.suppress(SidecarError):
                current_fields = {**read_fields_file(sidecar_path(page_file)), **current_fields}
            new = [c for c in entry.get("corrections", []) if c not in have]
            report.already += len(entry.get("corrections", [])) - len(new)
            fields: dict[str, object] = {}
            for key, value in (entry.get("fields") or {}).items():
                if key not in PAGE_FIELDS:
                    continue
                if key == "date" and isinstance(value, str):
                    value = dt.date.fromisoformat(value)
                mine = current_fields.get(key)
                if mine is None:
                    fields[key] = value
                elif mine != value:
                    report.conflicts.append(f"{source}: {key} is {mine} here, {value} in the "
                                            "file; left as it is")
            if not new and not fields:
                continue

            def change(keys: dict[str, Any], new: list[Any] = new,
                       fields: dict[str, object] = fields) -> None:
                keys.update(fields)
                keys.setdefault(CORRECTIONS, [])
                keys[CORRECTIONS].extend(new)

            save(root, source, page_file, change, f"{len(new)} corrections imported")
            report.added += len(new)
            report.pages += 1
    return report
