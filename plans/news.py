"""Nyt siden sidst: what changed on the citizen's plan since her previous visit (a read, like
plans.selectors, for her own plan only; the view passes the plan she may see)."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Comment, Offer, Plan, PlanEvent, PlanVisit

NEWS_LIMIT = 10


@dataclass
class NewsItem:
    text: str
    url: str


@dataclass
class News:
    since: datetime.datetime
    items: list  # offers waiting for her answer first, then the newest changes and comments
    more: bool  # more happened than the page lists


def news_since_last_visit(
    *, plan: Plan, user, offer_items: list, visit: PlanVisit | None = None
) -> News | None:
    """What others did on her plan since her previous visit, each line with a link to the spot:
    changes she can see on her plan, comments to her, and the offers of help waiting for her
    answer (`offer_items`: offer_news(waiting offers as Min plan read them), kept with Min
    plan's rendered parts). None on her first visit (nothing is "new" yet). Two queries,
    whatever happened (pass the `visit` just recorded to save reading it again)."""
    if visit is None:
        visit = PlanVisit.objects.filter(plan=plan, user=user).first()
    if visit is None or visit.previous_at is None:
        return None
    since = visit.previous_at
    plan_url, network_url = reverse("plans:min_plan"), reverse("network:index")
    # Offers have their own line below, with what to do; her own changes are not news to her.
    events = (
        PlanEvent.objects.filter(plan=plan, shown_to_citizen=True, at__gt=since)
        .exclude(actor=user)
        .exclude(kind=PlanEvent.Kind.OFFER)
        .order_by("-at", "-pk")[: NEWS_LIMIT + 1]
    )
    comments = (
        Comment.objects.filter(plan=plan, created_at__gt=since, deleted_at__isnull=True)
        .exclude(author=user)
        .select_related("reply_to")
        .order_by("-created_at", "-pk")[: NEWS_LIMIT + 1]
    )
    changes = [(event.at, _event_news(event, plan_url, network_url)) for event in events]
    changes += [(c.created_at, _comment_news(c, user, plan_url)) for c in comments]
    changes.sort(key=lambda change: change[0], reverse=True)
    items = offer_items[: NEWS_LIMIT + 1] + [item for _at, item in changes]
    return News(since=since, items=items[:NEWS_LIMIT], more=len(items) > NEWS_LIMIT)


def _event_news(event: PlanEvent, plan_url: str, network_url: str) -> NewsItem:
    # Every line starts with what was done ("Flyttede mødet ..."), so it reads on after a name.
    what = event.what
    text = f"{event.actor_name} {what[:1].lower()}{what[1:]}" if event.actor_name else what
    if event.kind == PlanEvent.Kind.NETWORK:
        return NewsItem(text=text, url=network_url)
    return NewsItem(text=text, url=f"{plan_url}#{event.anchor}" if event.anchor else plan_url)


def _comment_news(comment: Comment, user, plan_url: str) -> NewsItem:
    if comment.reply_to is not None and comment.reply_to.author_id == user.pk:
        text = _("%(name)s svarede på din kommentar") % {"name": comment.display_author}
    else:
        text = _("%(name)s skrev en kommentar") % {"name": comment.display_author}
    return NewsItem(text=text, url=f"{plan_url}#kommentar-{comment.pk}")


def offer_news(waiting_offers: list[Offer]) -> list[NewsItem]:
    """The news lines for the offers waiting for her answer (newest last, as Min plan reads
    them), newest first; at most one more than the news shows."""
    network_url = reverse("network:index")
    newest = list(reversed(waiting_offers))[: NEWS_LIMIT + 1]
    return [_offer_news(offer, network_url) for offer in newest]


def _offer_news(offer: Offer, network_url: str) -> NewsItem:
    text = _("%(name)s tilbyder hjælp til målet “%(goal)s”. Tilbuddet venter på dit svar.") % {
        "name": offer.membership.name,
        "goal": offer.goal.text,
    }
    return NewsItem(text=text, url=f"{network_url}#tilbud-titel")
