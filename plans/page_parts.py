"""The rendered parts of Min plan, read from plans.fragments when nothing changed since they
were made, rendered and kept otherwise (the member's page: plans.network.page_parts). What the
view adds around them (news since her last visit, the forms with their CSRF tokens) is made
every time."""

import datetime
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from home.glossary import glossary_version

from . import fragments, selectors
from .models import Comment, Plan
from .news import News, NewsItem, news_since_last_visit, offer_news


@dataclass
class LastAnswer:
    """Her latest answer to "Hvor meningsfuld er planen for dig?", as the forms show it."""

    score: int
    words: str
    answered_at: datetime.datetime


@dataclass
class MinPlanParts:
    top: SafeString  # from the plan's notice down to the decisions
    thread: SafeString  # the newest comments, without the form
    offer_items: list[NewsItem]  # the offers waiting for her answer, for "Nyt siden sidst"
    feedback: LastAnswer | None


def min_plan_parts(*, plan: Plan, user) -> tuple[MinPlanParts, object]:
    """The parts, and her news as kept with them (for min_plan_news), read in one go."""
    viewer = fragments.citizen_viewer(plan)
    kept = fragments.read_many(plan=plan, viewer=viewer, parts=(fragments.PAGE, fragments.NEWS))
    parts = kept[fragments.PAGE]
    if parts is None:
        page_data = selectors.min_plan(plan=plan)
        context = {"page_data": page_data, "plan": plan, "user": user}
        answer = page_data.plan_feedback
        parts = MinPlanParts(
            top=render_to_string("plans/includes/min_plan_top.html", context),
            thread=render_to_string("plans/includes/min_plan_thread.html", context),
            offer_items=offer_news(page_data.waiting_offers),
            feedback=LastAnswer(answer.score, answer.words, answer.answered_at)
            if answer
            else None,
        )
        fragments.keep(
            plan=plan,
            viewer=viewer,
            parts=parts,
            seconds=_min_plan_fresh(page_data),
            # The decisions explain words from the editors' glossary.
            glossary=glossary_version() if page_data.decisions else None,
        )
    return parts, kept[fragments.NEWS]


def min_plan_news(*, plan: Plan, user, parts: MinPlanParts, visit, kept) -> News | None:
    """Her news since her previous visit (plans.news), kept like the plan itself and made
    again when the plan changed or a new visit began (the entry names the visit it is for).
    `kept` is the news entry min_plan_parts read with the parts."""
    if visit is None or visit.previous_at is None:
        return None  # nothing is "new" on her first visit
    viewer = fragments.citizen_viewer(plan)
    if kept is not None and kept[0] == visit.previous_at:
        return kept[1]
    news = news_since_last_visit(plan=plan, user=user, offer_items=parts.offer_items, visit=visit)
    fragments.keep(plan=plan, viewer=viewer, parts=(visit.previous_at, news), part=fragments.NEWS)
    return news


def _min_plan_fresh(page_data, now=None) -> float:
    """Seconds until the clock alone changes the page: a meeting leaves "Næste skridt" two hours
    after it began, a next step on its day's end, and her own comment's "Ret" link after
    Comment.EDIT_WINDOW_MINUTES."""
    now = now or timezone.now()
    moments = [
        timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        + datetime.timedelta(days=1)
    ]
    moments += [m.starts_at + selectors.MEETING_SHOWN_AFTER for m in page_data.meetings]
    window = datetime.timedelta(minutes=Comment.EDIT_WINDOW_MINUTES)
    moments += [
        c.created_at + window
        for c in page_data.thread.comments
        if c.author_id == page_data.plan.citizen_id
    ]
    return min((m - now).total_seconds() for m in moments if m > now)
