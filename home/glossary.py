"""The Fagland→Borgerland glossary at work: a Danish word-form matcher, compiled once per glossary
version and shared through the cache, and the citizen-facing explanation of words that remain."""

import re
import threading
import uuid
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.apps import apps
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils.translation import gettext as _

VERSION_KEY = "home:glossary:version"
ENTRIES_KEY = "home:glossary:entries:{version}"

# Endings Danish nouns, adjectives and verbs take after the stem: afgørelse → afgørelsen,
# afgørelser, afgørelserne, afgørelsens; bevilling → bevillingen, bevillinger; oplyse → oplyser,
# oplyste. Irregular forms (påbud → påbuddet) go in a term's "other forms".
SUFFIXES_AFTER_E = ("e", "en", "ens", "er", "erne", "ernes", "ers", "es", "et", "ets", "t", "te")
SUFFIXES = ("", "e", "en", "ens", "er", "erne", "ernes", "ers", "es", "et", "ets", "s", "ene", "t")
DOUBLED_SUFFIXES = ("e", "en", "ens", "er", "erne", "et", "ets", "ene")
VOWELS = frozenset("aeiouyæøå")
# Short words ("i", "om", "til" in "i henhold til") are matched only as written.
SHORTEST_INFLECTED = 4


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    plain: str
    explanation: str
    other_forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class JargonHit:
    word: str  # as it stands in the text, e.g. "Afgørelsen"
    entry: GlossaryEntry
    start: int
    end: int


def _word_pattern(word: str) -> str:
    word = word.lower()
    if len(word) < SHORTEST_INFLECTED or not word.isalpha():
        return re.escape(word)
    if word.endswith("e"):
        stem, suffixes = word[:-1], SUFFIXES_AFTER_E
    else:
        stem, suffixes = word, SUFFIXES
    alternatives = [re.escape(s) for s in sorted(suffixes, key=len, reverse=True)]
    if stem[-1] not in VOWELS and stem[-2] in VOWELS:
        # A short final syllable doubles its consonant: påbud → påbuddet, bus → bussen.
        doubled = "|".join(sorted(DOUBLED_SUFFIXES, key=len, reverse=True))
        alternatives.append(f"{re.escape(stem[-1])}(?:{doubled})")
    return f"{re.escape(stem)}(?:{'|'.join(alternatives)})"


def _phrase_pattern(phrase: str) -> str:
    return r"\s+".join(_word_pattern(word) for word in phrase.split())


def entry_pattern(entry: GlossaryEntry) -> str:
    phrases = [entry.term, *entry.other_forms]
    return "|".join(_phrase_pattern(p) for p in phrases if p.strip())


class Glossary:
    """All entries in one compiled, case-insensitive regex: one pass over a text, no queries."""

    def __init__(self, entries):
        # Longer terms first, so "koordinerende sagsbehandler" wins over a shorter overlap.
        self.entries = tuple(sorted(entries, key=lambda e: len(e.term), reverse=True))
        groups = [f"(?P<t{i}>{entry_pattern(e)})" for i, e in enumerate(self.entries)]
        self.regex = (
            re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.IGNORECASE)
            if groups
            else None
        )

    def find(self, text: str) -> list[JargonHit]:
        if self.regex is None or not text:
            return []
        return [
            JargonHit(
                word=m.group(0),
                entry=self.entries[int(m.lastgroup[1:])],
                start=m.start(),
                end=m.end(),
            )
            for m in self.regex.finditer(text)
        ]


# The compiled glossary of the newest version this process has seen, and, within one request,
# the version read from the shared cache (one cache read per request, not one per text).
_compiled: dict[str, Glossary] = {}
_request = threading.local()


def _request_started(**kwargs):
    _request.version = None
    _request.active = True


def _request_finished(**kwargs):
    _request.__dict__.clear()


request_started.connect(_request_started, dispatch_uid="home.glossary.request_started")
request_finished.connect(_request_finished, dispatch_uid="home.glossary.request_finished")


def glossary_version() -> str:
    version = getattr(_request, "version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, None)
            version = cache.get(VERSION_KEY)
        if getattr(_request, "active", False):
            _request.version = version
    return version


def _load_entries() -> list[GlossaryEntry]:
    # The model through the app registry, at call time: home.models → panels → readability →
    # glossary, so the glossary must not import home.models.
    GlossaryTerm = apps.get_model("home", "GlossaryTerm")
    return [
        GlossaryEntry(
            term=term,
            plain=plain,
            explanation=explanation,
            other_forms=tuple(f.strip() for f in other_forms.split(",") if f.strip()),
        )
        for term, plain, explanation, other_forms in GlossaryTerm.objects.values_list(
            "term", "plain", "explanation", "other_forms"
        )
    ]


def current_glossary() -> Glossary:
    version = glossary_version()
    glossary = _compiled.get(version)
    if glossary is None:
        key = ENTRIES_KEY.format(version=version)
        entries = cache.get(key)
        if entries is None:
            entries = _load_entries()
            cache.set(key, entries, None)
        glossary = Glossary(entries)
        _compiled.clear()
        _compiled[version] = glossary
    return glossary


def glossary_changed() -> None:
    """A term was added, changed or removed: every process compiles the new list on its next
    request. (Cached public pages, which carry explanations, are purged by portal.pagecache,
    which listens to the same saves.)"""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    _request.__dict__.pop("version", None)


# Explanations for citizens ------------------------------------------------------------------

# Text inside these keeps its words as they are: a link's text is its name, a heading is a
# landmark, and a summary or dfn is already an explanation.
SKIP_INSIDE = frozenset(
    {
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "summary",
        "dfn",
        "details",
        "button",
        "label",
        "script",
        "style",
        "code",
        "pre",
        "abbr",
        "title",
        "textarea",
        "select",
        "option",
    }
)
# An explanation is a <details> block; it goes right after the paragraph holding the word, or
# at the end of the list item / container the word stands in directly.
PARAGRAPHS = frozenset({"p"})
CONTAINERS = frozenset(
    {"li", "dd", "td", "th", "div", "blockquote", "section", "article", "aside"}
)
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col"})


def explanation_html(entry: GlossaryEntry, word: str) -> str:
    question = _("Hvad betyder “%(word)s”?") % {"word": word}
    meaning = _("%(term)s betyder: %(plain)s.") % {
        "term": entry.term[:1].upper() + entry.term[1:],
        "plain": entry.plain,
    }
    return (
        '<details class="term">'
        f'<summary class="term__question">{escape(question)}</summary>'
        f'<div class="term__answer"><p>{escape(meaning)}</p>'
        + (f"<p>{escape(entry.explanation)}</p>" if entry.explanation else "")
        + "</div></details>"
    )


class _Explainer(HTMLParser):
    def __init__(self, glossary: Glossary, seen: set[str]):
        super().__init__(convert_charrefs=True)
        self.glossary, self.seen = glossary, seen
        self.out: list[str] = []
        self.stack: list[str] = []
        self.pending: list[str] = []

    def _flush(self):
        self.out.extend(self.pending)
        self.pending = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in CONTAINERS and self.pending:
            self._flush()
        self.out.append(f"</{tag}>")
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if tag in PARAGRAPHS and self.pending:
            self._flush()

    def handle_data(self, data):
        if any(tag in SKIP_INSIDE for tag in self.stack):
            self.out.append(escape(data, quote=False))
            return
        position = 0
        for hit in self.glossary.find(data):
            if hit.entry.term in self.seen:
                continue
            self.seen.add(hit.entry.term)
            self.out.append(escape(data[position : hit.start], quote=False))
            self.out.append(f'<dfn class="term__word">{escape(hit.word, quote=False)}</dfn>')
            self.pending.append(explanation_html(hit.entry, hit.word))
            position = hit.end
        self.out.append(escape(data[position:], quote=False))

    def handle_comment(self, data):
        pass  # comments carry nothing for a reader

    def close(self):
        super().close()
        self._flush()
        return "".join(self.out)


def explain_html(html: str, *, glossary: Glossary | None = None, seen: set[str] | None = None):
    """Mark the first use of each glossary word in sanitised HTML with <dfn> and follow its
    paragraph with a <details> explanation. Only text nodes change; tags and attributes pass
    through as written, and every piece of text is escaped again."""
    glossary = glossary or current_glossary()
    if glossary.regex is None or not html:
        return html
    explainer = _Explainer(glossary, set() if seen is None else seen)
    explainer.feed(html)
    return explainer.close()


def on_glossary_term_changed(sender, **kwargs):
    glossary_changed()
