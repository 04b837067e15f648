"""Min plan: the citizen's own pages. Thin views: selectors decide what the person may see,
services do the writes. Every page is personal; portal.security keeps them out of caches."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import page_parts, selectors, services, threads
from .errors import PlanRuleError
from .forms import CommentForm, FeedbackForm, GoalForm
from .http import citizen_page, older_than, submitted_once, writes_to_plan
from .models import AuthorRole
from .network import selectors as network_selectors

PLAN_QUESTION = gettext_lazy("Hvor meningsfuld er planen for dig?")


@login_required
def min_plan(request):
    plan = selectors.plan_for_min_plan(user=request.user)
    if plan is None:
        # The header asks afresh here: she may only help others (then it links to that).
        network_selectors.header_roles(user=request.user)
        return render(request, "plans/no_plan.html")
    # The plan itself and her news since her last visit come rendered from plans.fragments
    # while nothing changed; the forms are made now.
    parts, kept_news = page_parts.min_plan_parts(plan=plan, user=request.user)
    visit = services.plan_visit_record(plan=plan, user=request.user, visit=plan.visit)
    last = parts.feedback
    context = {
        "plan": plan,
        "parts": parts,
        "news": page_parts.min_plan_news(
            plan=plan, user=request.user, parts=parts, visit=visit, kept=kept_news
        ),
        "comment_form": CommentForm(),
        "feedback_form": FeedbackForm(
            initial={"score": last.score, "words": last.words} if last else None,
            question=PLAN_QUESTION,
        ),
    }
    if plan.is_archived:
        # A finished plan is read-only: no forms (the services refuse the writes too).
        context.update(comment_form=None, feedback_form=None)
    return render(request, "plans/min_plan.html", context)


def _feedback_form(*, plan, activity, user, data=None):
    current = None if data else selectors.feedback_for(plan=plan, citizen=user, activity=activity)
    initial = {"score": current.score, "words": current.words} if current else None
    question = _("Giver denne hjælp mening for dig?") if activity is not None else PLAN_QUESTION
    return FeedbackForm(data, initial=initial, question=question)


@citizen_page
@writes_to_plan("plans:min_plan")
@require_http_methods(["GET", "POST"])
@submitted_once
def goal_add(request, plan):
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_add_by_citizen(
                plan=plan, citizen=request.user, text=form.cleaned_data["text"]
            )
        except PlanRuleError as error:
            form.add_error("text", error)
        else:
            messages.success(request, _("Dit mål er gemt."))
            return redirect(reverse("plans:min_plan") + "#maal")
    return render(request, "plans/goal_form.html", {"form": form, "plan": plan})


@citizen_page
@writes_to_plan("plans:min_plan")
@require_http_methods(["GET", "POST"])
@submitted_once
def goal_edit(request, plan, pk):
    goal = selectors.goal_for_citizen(plan=plan, pk=pk)
    if goal.written_by != goal.WrittenBy.CITIZEN:
        raise Http404
    form = GoalForm(request.POST or None, initial={"text": goal.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_edit_by_citizen(
                goal=goal, citizen=request.user, text=form.cleaned_data["text"]
            )
        except PlanRuleError as error:
            form.add_error("text", error)
        else:
            messages.success(request, _("Dit mål er rettet."))
            return redirect("plans:goal", pk=goal.pk)
    return render(request, "plans/goal_form.html", {"form": form, "plan": plan, "goal": goal})


@citizen_page
def goal_detail(request, plan, pk):
    goal = selectors.goal_for_citizen(plan=plan, pk=pk)
    context = {
        "plan": plan,
        "goal": goal,
        "activities": goal.activities.select_related("department", "responsible__department"),
        "thread": threads.comment_thread(plan=plan, goal=goal, before=older_than(request)),
        "comment_form": CommentForm(initial={"goal": goal.pk}),
    }
    return render(request, "plans/goal.html", context)


@citizen_page
@require_http_methods(["GET", "POST"])
@submitted_once
def activity_detail(request, plan, pk):
    activity = selectors.activity_for_citizen(plan=plan, pk=pk)
    form = _feedback_form(
        plan=plan, activity=activity, user=request.user, data=request.POST or None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(
                plan=plan, citizen=request.user, activity=activity, **form.cleaned_data
            )
        except PlanRuleError as error:
            if plan.is_archived:  # nothing to try again: back to the page, with the reason
                messages.error(request, " ".join(error.messages))
                return redirect("plans:activity", pk=activity.pk)
            form.add_error(None, error)  # a limit: her words stay in the form
        else:
            messages.success(request, _("Tak for dit svar."))
            return redirect("plans:activity", pk=activity.pk)
    context = {
        "plan": plan,
        "activity": activity,
        "feedback_form": form,
        "thread": threads.comment_thread(plan=plan, activity=activity, before=older_than(request)),
        "comment_form": CommentForm(initial={"activity": activity.pk}),
    }
    return render(request, "plans/activity.html", context)


@citizen_page
@writes_to_plan("plans:min_plan")
@require_http_methods(["GET", "POST"])
@submitted_once
def plan_feedback(request, plan):
    form = _feedback_form(plan=plan, activity=None, user=request.user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(plan=plan, citizen=request.user, **form.cleaned_data)
        except PlanRuleError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Tak for dit svar."))
            return redirect(reverse("plans:min_plan") + "#meningsfuld")
    return render(request, "plans/feedback_form.html", {"form": form, "plan": plan})


@citizen_page
@writes_to_plan("plans:min_plan")
@require_http_methods(["GET", "POST"])
@submitted_once
def comment_add(request, plan):
    """GET shows the form on its own page; a POST with a problem comes back here with the text."""
    target = _comment_target(
        plan=plan, data=request.POST if request.method == "POST" else request.GET
    )
    form = CommentForm(request.POST or None, initial={key: obj.pk for key, obj in target.items()})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_add(
                plan=plan,
                author=request.user,
                author_role=AuthorRole.CITIZEN,
                body=form.cleaned_data["body"],
                **target,
            )
        except PlanRuleError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Din kommentar er sendt."))
            return redirect(_comment_return_url(**target))
    return render(request, "plans/comment_form.html", {"form": form, "plan": plan, **target})


def _comment_target(*, plan, data) -> dict:
    """The goal or activity a comment is about, looked up within the person's own plan."""
    if data.get("goal"):
        return {"goal": selectors.goal_for_citizen(plan=plan, pk=data["goal"])}
    if data.get("activity"):
        return {"activity": selectors.activity_for_citizen(plan=plan, pk=data["activity"])}
    return {}


def _comment_return_url(*, goal=None, activity=None):
    if goal is not None:
        return reverse("plans:goal", args=[goal.pk]) + "#kommentarer"
    if activity is not None:
        return reverse("plans:activity", args=[activity.pk]) + "#kommentarer"
    return reverse("plans:min_plan") + "#kommentarer"


@citizen_page
@writes_to_plan("plans:min_plan")
@require_http_methods(["GET", "POST"])
@submitted_once
def comment_edit(request, plan, pk):
    comment = selectors.comment_for_author(plan=plan, user=request.user, pk=pk)
    if not services.comment_can_edit(comment=comment, user=request.user):
        messages.error(request, services.comment_edit_too_late_message())
        return redirect(_comment_return_url(goal=comment.goal, activity=comment.activity))
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(
                comment=comment, user=request.user, body=form.cleaned_data["body"]
            )
        except PlanRuleError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Din kommentar er rettet."))
            return redirect(_comment_return_url(goal=comment.goal, activity=comment.activity))
    return render(
        request, "plans/comment_form.html", {"form": form, "plan": plan, "comment": comment}
    )


@citizen_page
@writes_to_plan("plans:min_plan")
@require_http_methods(["GET", "POST"])
def comment_delete(request, plan, pk):
    comment = selectors.comment_for_author(plan=plan, user=request.user, pk=pk)
    if request.method == "POST":
        services.comment_delete(comment=comment, user=request.user)
        messages.success(request, _("Din kommentar er slettet."))
        return redirect(_comment_return_url(goal=comment.goal, activity=comment.activity))
    return render(request, "plans/comment_delete.html", {"comment": comment, "plan": plan})


@citizen_page
def comments_older(request, plan):
    thread = threads.comment_thread(plan=plan, before=older_than(request))
    return render(request, "plans/comments_older.html", {"plan": plan, "thread": thread})


@citizen_page
def access_log(request, plan):
    page = Paginator(selectors.access_log_for_citizen(plan=plan), 50).get_page(
        request.GET.get("side")
    )
    return render(request, "plans/access_log.html", {"plan": plan, "page_obj": page})
