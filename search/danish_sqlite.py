"""Wagtail's SQLite FTS5 search backend with Danish word forms (search.backend picks it).

PostgreSQL stems Danish itself (SEARCH_CONFIG "danish"). SQLite's FTS5 only splits words, so
"planer" never met "plan". Here both sides go through Snowball's Danish stemmer: what is
indexed (title and body) and what is asked. `update_index` rebuilds through the same index
class, so a rebuilt index is stemmed as well. Autocomplete is left as Wagtail builds it.
"""

import re
from functools import lru_cache

import snowballstemmer
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

# FTS5's unicode61 tokenizer splits on everything but letters and digits; so do we.
WORD = re.compile(r"[^\W_]+")
_stemmer = snowballstemmer.stemmer("danish")


@lru_cache(maxsize=10_000)
def stem_word(word: str) -> str:
    return _stemmer.stemWord(word)


def stem_text(text: str) -> str:
    """'Afgørelserne om planer' → 'afgør om plan'."""
    return " ".join(stem_word(word) for word in WORD.findall(text.lower()))


class DanishSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_id = get_content_type_pk(model)
        for obj in objs:
            indexer = ObjectIndexer(obj, self.backend)
            self.entries.update_or_create(
                content_type_id=content_type_id,
                object_id=indexer.id,
                defaults={
                    "title": stem_text(indexer.title),
                    "body": stem_text(indexer.body),
                    "autocomplete": indexer.autocomplete,
                },
            )
        self._refresh_title_norms()


class DanishSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        stemmed = stem_text(getattr(query, "query_string", ""))
        # Only punctuation: leave it to Wagtail (it answers with no hits, as before).
        if stemmed and isinstance(query, PlainText):
            query = PlainText(stemmed, operator=query.operator, boost=query.boost)
        elif stemmed and isinstance(query, Phrase):
            query = Phrase(stemmed)
        return super().build_search_query_content(query, config=config)


class DanishSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = DanishSQLiteIndex
    query_compiler_class = DanishSQLiteQueryCompiler


__all__ = ["DanishSQLiteSearchBackend", "SQLiteSearchBackend", "stem_text"]
