""" "Udskriv min plan": the plan on paper, for the fridge or the sister who drives. What matters,
the next steps with time, place and what to bring, goals and activities with who to call,
decisions with the complaint deadline, the coordinator and the day it was printed. No forms and
no comments unless asked for (?med_kommentarer=1). A plain page: printing needs no JavaScript."""

from django.shortcuts import render
from django.utils import timezone

from . import selectors
from .http import citizen_page

WITH_COMMENTS = "med_kommentarer"


def with_comments(request) -> bool:
    return request.GET.get(WITH_COMMENTS) == "1"


@citizen_page(coordinator=True)
def plan_print(request, plan):
    page_data = selectors.min_plan(plan=plan)
    return render(
        request,
        "plans/min_plan_print.html",
        {
            "page_data": page_data,
            "plan": plan,
            "with_comments": with_comments(request),
            "printed_on": timezone.localdate(),
        },
    )
