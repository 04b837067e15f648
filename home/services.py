"""Writes for the editorial toolkit: keeping the stored readability of live pages current."""

from django.db.models import F, Q
from wagtail.models import Page

from .glossary import current_glossary, glossary_version
from .models import PageReadability
from .readability import MEASURED_LANGUAGE, analyse_page


def page_readability_refresh() -> int:
    """Analyse every live Danish page whose stored figures are missing or older than its live
    revision or the glossary; return how many were analysed. A page costs nothing once it is
    current. LIX and the glossary measure Danish, so English pages are left out."""
    version = glossary_version()
    glossary = current_glossary()
    stale = (
        Page.objects.live()
        .filter(depth__gt=1, locale__language_code=MEASURED_LANGUAGE)
        .filter(
            Q(readability__isnull=True)
            | ~Q(readability__glossary_version=version)
            | ~Q(readability__revision_id=F("live_revision_id"))
        )
        .specific()
    )
    rows = []
    for page in stale:
        result = analyse_page(page, glossary=glossary)
        rows.append(
            PageReadability(
                page_id=page.pk,
                revision_id=page.live_revision_id,
                glossary_version=version,
                lix=result.lix,
                words=result.words,
                jargon_count=len(result.jargon),
                jargon_terms=[entry.term for _word, entry in result.jargon_entries],
            )
        )
    if rows:
        # Two editors may open the report at once: the second write simply wins.
        PageReadability.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=[
                "revision_id",
                "glossary_version",
                "lix",
                "words",
                "jargon_count",
                "jargon_terms",
            ],
        )
    return len(rows)
