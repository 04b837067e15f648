"""Readability of Danish text: LIX = words/sentences + 100 × long words/words."""

import re

from django.utils.html import strip_tags

# Letters include the Danish æ, ø and å; numbers are not words for LIX.
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
# A sentence ends at . ! ? or : followed by a space or the end, or at a paragraph break.
SENTENCE_END_RE = re.compile(r"[.!?:]+(?=\s|$)|\n\s*\n")
LONG_WORD_LENGTH = 6


def text_from_html(html: str) -> str:
    """Plain text with block elements turned into paragraph breaks, so headings count as
    sentences of their own."""
    html = re.sub(r"</(p|h[1-6]|li|summary|dt|dd|div)>", "\n\n", html, flags=re.I)
    return strip_tags(html)


def lix(text: str) -> float:
    words = WORD_RE.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len([s for s in SENTENCE_END_RE.split(text) if WORD_RE.search(s)]))
    long_words = sum(1 for word in words if len(word) > LONG_WORD_LENGTH)
    return round(len(words) / sentences + 100 * long_words / len(words), 1)
