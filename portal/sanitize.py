"""The one place that turns what a person typed into HTML that is safe to show (bleach today;
nh3 could replace it here without touching any caller)."""

import re
from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "a"})
ALLOWED_ATTRIBUTES = {"a": ["href", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
BLOCK_TAG = re.compile(r"<(p|ul|ol|li)[\s>]")


def _safe_rel(attrs, new=False):
    # Links written by one person are read by another: no SEO credit, no window.opener.
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_safe_rel], parse_email=True)],
)


def sanitize_html(text: str) -> str:
    """Keep p, br, strong, em, lists and http/https/mailto links; make bare addresses clickable.
    Plain text (what most people type) keeps its paragraphs and line breaks."""
    cleaned = _cleaner.clean(text.strip())
    if BLOCK_TAG.search(cleaned):
        return cleaned
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", cleaned.replace("\r\n", "\n"))]
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs if p)
