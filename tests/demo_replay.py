"""The demo site for tests: built by `seed_pages()` once per test process, then written back.

Building it takes about 3 s on CI (26 publishes, 11 translations, the reference and search
indexes), and some 250 tests ask for it. The first of them in each process builds it for real
and records, table by table, the rows it inserted, changed and deleted. Later tests get the
same rows back with plain SQL in a few milliseconds: the same ids, revisions, translations,
search entries and references, so a test cannot tell the copy from the real build
(tests/portal/test_demo_replay.py compares them). When the database does not start out as the
recording did (a test made its own pages first), the site is built for real."""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from wagtail.models import Site

from home.models import HomePage
from portal.demo.pages import seed_pages
from portal.pagecache.cache import purge_page_cache


class _Mismatch(Exception):
    """The database does not hold what the recording started from."""


@dataclass(frozen=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    pk: str
    model: type

    def select(self, where: str = "") -> str:
        quote = connection.ops.quote_name
        return f"SELECT {', '.join(map(quote, self.columns))} FROM {quote(self.name)} {where}"

    def rows(self, cursor) -> dict:
        cursor.execute(self.select())
        at = self.columns.index(self.pk)
        return {row[at]: row for row in cursor.fetchall()}


@dataclass
class _Change:
    table: _Table
    inserted: list[tuple] = field(default_factory=list)
    updated: dict = field(default_factory=dict)  # pk -> (row before, row after)
    deleted: dict = field(default_factory=dict)  # pk -> row before


# On SQLite, triggers on Wagtail's search index write its full-text table.
WRITTEN_BY_TRIGGERS = {"wagtailsearch_indexentry_fts"}


def _tables() -> list[_Table]:
    existing = set(connection.introspection.table_names()) - WRITTEN_BY_TRIGGERS
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or meta.db_table not in existing or meta.db_table in tables:
            continue
        columns = tuple(f.column for f in meta.local_concrete_fields)
        tables[meta.db_table] = _Table(meta.db_table, columns, meta.pk.column, model)
    return list(tables.values())


def _snapshot(tables: list[_Table]) -> dict[str, dict]:
    with connection.cursor() as cursor:
        return {table.name: table.rows(cursor) for table in tables}


def _diff(tables: list[_Table], before: dict, after: dict) -> list[_Change]:
    changes = []
    for table in tables:
        old, new = before[table.name], after[table.name]
        change = _Change(
            table,
            inserted=[row for pk, row in new.items() if pk not in old],
            updated={
                pk: (old[pk], row) for pk, row in new.items() if pk in old and old[pk] != row
            },
            deleted={pk: row for pk, row in old.items() if pk not in new},
        )
        if change.inserted or change.updated or change.deleted:
            changes.append(change)
    return changes


@dataclass(frozen=True)
class _Recording:
    home_pk: int
    changes: list[_Change]

    def replay(self) -> None:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for change in self.changes:
                self._check_unchanged(cursor, change)
            for change in self.changes:
                table, pk = change.table, quote(change.table.pk)
                for key in change.deleted:
                    cursor.execute(f"DELETE FROM {quote(table.name)} WHERE {pk} = %s", [key])
                assignments = ", ".join(f"{quote(c)} = %s" for c in table.columns)
                for key, (_, row) in change.updated.items():
                    cursor.execute(
                        f"UPDATE {quote(table.name)} SET {assignments} WHERE {pk} = %s",
                        [*row, key],
                    )
            for change in self.changes:
                table = change.table
                if change.inserted:
                    columns = ", ".join(map(quote, table.columns))
                    marks = ", ".join(["%s"] * len(table.columns))
                    cursor.executemany(
                        f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})",
                        change.inserted,
                    )
            # PostgreSQL's sequences do not see ids written by hand; SQLite's AUTOINCREMENT does.
            models = [change.table.model for change in self.changes if change.inserted]
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)

    @staticmethod
    def _check_unchanged(cursor, change: _Change) -> None:
        table = change.table
        expected = {**change.deleted, **{pk: rows[0] for pk, rows in change.updated.items()}}
        inserted = [row[table.columns.index(table.pk)] for row in change.inserted]
        keys = [*expected, *inserted]
        if not keys:
            return
        marks = ", ".join(["%s"] * len(keys))
        where = f"WHERE {connection.ops.quote_name(table.pk)} IN ({marks})"
        cursor.execute(table.select(where), keys)
        at = table.columns.index(table.pk)
        if {row[at]: row for row in cursor.fetchall()} != expected:
            raise _Mismatch(table.name)


_recording: _Recording | None = None


def demo_site() -> HomePage:
    """The demo site, as `seed_pages()` builds it on a database that has no pages of ours."""
    global _recording
    if HomePage.objects.exists():
        return seed_pages()
    if _recording is None:
        tables = _tables()
        before = _snapshot(tables)
        home = seed_pages()
        _recording = _Recording(home.pk, _diff(tables, before, _snapshot(tables)))
        return home
    try:
        with transaction.atomic():
            _recording.replay()
    except (_Mismatch, DatabaseError):
        return seed_pages()
    # What the signals of a real build do to the caches.
    Site.clear_site_root_paths_cache()
    purge_page_cache()
    return HomePage.objects.get(pk=_recording.home_pk)
