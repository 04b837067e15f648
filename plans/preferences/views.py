"""Indstillinger for beskeder: the person chooses how often they get email. Any logged-in person
(citizen, network member, staff) has this page; it shows nothing of any plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import notices
from ..notices.delivery import frequency_of
from .forms import NoticePreferenceForm


@login_required
@require_http_methods(["GET", "POST"])
def notice_settings(request):
    data = request.POST if request.method == "POST" else None  # an empty POST is still a POST
    form = NoticePreferenceForm(data, initial={"frequency": frequency_of(request.user)})
    if request.method == "POST" and form.is_valid():
        notices.notice_preference_set(user=request.user, frequency=form.cleaned_data["frequency"])
        messages.success(request, _("Dit valg er gemt."))
        return redirect("preferences:notices")
    return render(request, "plans/preferences/notices.html", {"form": form})
