"""Readability of Danish text: LIX = words/sentences + 100 × long words/words, and the glossary
words ("Fagland") a text still uses, for pages and for what staff write in plans."""

import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText

from .glossary import current_glossary

# Letters include the Danish æ, ø and å; numbers are not words for LIX.
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
# A sentence ends at . ! ? or : followed by a space or the end, or at a paragraph break.
SENTENCE_END_RE = re.compile(r"[.!?:]+(?=\s|$)|\n\s*\n")
LONG_WORD_LENGTH = 6
# Above this, a text is hard for many readers; the report and the editor's panel flag it.
LIX_LIMIT = 45
# LIX and the glossary are Danish measures: an English page gets neither (issue 16).
MEASURED_LANGUAGE = "da"


def text_from_html(html: str) -> str:
    """Plain text with block elements turned into paragraph breaks, so headings count as
    sentences of their own."""
    html = re.sub(r"</(p|h[1-6]|li|summary|dt|dd|div)>", "\n\n", html, flags=re.I)
    return strip_tags(html)


def _counts(text: str) -> tuple[int, int, int]:
    words = WORD_RE.findall(text)
    if not words:
        return 0, 0, 0
    sentences = max(1, len([s for s in SENTENCE_END_RE.split(text) if WORD_RE.search(s)]))
    long_words = sum(1 for word in words if len(word) > LONG_WORD_LENGTH)
    return len(words), sentences, long_words


def _lix(words: int, sentences: int, long_words: int) -> float:
    if not words:
        return 0.0
    return round(words / sentences + 100 * long_words / words, 1)


def lix(text: str) -> float:
    return _lix(*_counts(text))


@dataclass(frozen=True)
class Readability:
    lix: float
    words: int
    sentences: int
    long_words: int
    jargon: tuple  # of home.glossary.JargonHit, in text order

    @property
    def is_hard(self) -> bool:
        return self.lix > LIX_LIMIT

    @property
    def jargon_entries(self) -> list:
        """Each glossary entry once, in the order the text first uses it, with the word as
        it stood the first time: [(word, entry), ...]."""
        found = {}
        for hit in self.jargon:
            found.setdefault(hit.entry.term, (hit.word, hit.entry))
        return list(found.values())


def analyse(text: str, *, glossary=None) -> Readability:
    """LIX, counts and glossary words of plain text (use text_from_html on HTML first)."""
    glossary = glossary or current_glossary()
    words, sentences, long_words = _counts(text)
    return Readability(
        lix=_lix(words, sentences, long_words),
        words=words,
        sentences=sentences,
        long_words=long_words,
        jargon=tuple(glossary.find(text)),
    )


def analyse_html(html: str, *, glossary=None) -> Readability:
    """For what staff write in plans (sanitised HTML or plain text) and any other HTML."""
    return analyse(text_from_html(str(html or "")), glossary=glossary)


def _block_text(block, value) -> list[str]:
    # Only what a person reads as prose: not addresses, links' targets or chosen pages.
    if value is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        return [t for child in value for t in _block_text(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [t for item in value for t in _block_text(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [
            t
            for name, child in block.child_blocks.items()
            for t in _block_text(child, value.get(name))
        ]
    if isinstance(block, blocks.RichTextBlock):
        return [text_from_html(value.source if isinstance(value, RichText) else str(value))]
    if isinstance(block, (blocks.EmailBlock, blocks.URLBlock)):
        return []
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return [str(value)]
    return []


def page_text(page) -> str:
    """The words a citizen reads on a page: title, the page type's own text fields and its
    StreamFields, each as a paragraph of its own (a heading is a sentence)."""
    parts = [page.title]
    for field in page._meta.concrete_fields:
        if field.model._meta.label == "wagtailcore.Page" or field.primary_key:
            continue
        value = getattr(page, field.attname, None)
        if isinstance(field, StreamField):
            parts += _block_text(field.stream_block, value)
        elif isinstance(field, RichTextField):
            parts.append(text_from_html(value or ""))
        elif field.get_internal_type() == "TextField" or (
            field.get_internal_type() == "CharField" and not field.choices
        ):
            parts.append(value or "")
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def is_measured(page) -> bool:
    """Whether LIX and the glossary apply: the page is in Danish."""
    return page.locale.language_code == MEASURED_LANGUAGE


def analyse_page(page, *, glossary=None) -> Readability:
    if type(page) is Page:
        page = page.specific
    return analyse(page_text(page), glossary=glossary)
