"""Routes of the citizen's network (namespace "network"), mounted at the root by portal.urls:
the citizen's pages under min-plan/netvaerk/, the member's under jeg-hjaelper/, the trusted
helper's under hjaelper/<plan>/, and the link an invitation email carries. Every one of them is
in the privacy matrix tests."""

from django.urls import include, path

from ..calendar import views as calendar_views
from . import views

app_name = "network"

citizen_urlpatterns = [
    path("", views.network, name="index"),
    path("inviter/", views.invitation_new, name="invitation_new"),
    path(
        "invitationer/<int:invitation_id>/send-igen/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "invitationer/<int:invitation_id>/traek-tilbage/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("medlemmer/<int:membership_id>/fjern/", views.member_remove, name="member_remove"),
    path("tilbud/<int:offer_id>/svar/", views.offer_answer, name="offer_answer"),
    path("medlemmer/<int:membership_id>/hjaelper/", views.helper_ask, name="helper_ask"),
    path("medlemmer/<int:membership_id>/hjaelper/stop/", views.helper_stop, name="helper_stop"),
]

member_urlpatterns = [
    path("", views.member_plans, name="member_plans"),
    path("<int:plan_id>/", views.member_plan, name="member_plan"),
    path("<int:plan_id>/udskriv/", views.member_print, name="member_print"),
    path(
        "<int:plan_id>/maal/<int:goal_id>/kommentar/",
        views.member_comment,
        name="member_comment",
    ),
    path("<int:plan_id>/tilbyd-hjaelp/", views.offer_new, name="offer_new"),
    path("<int:plan_id>/forlad/", views.member_leave, name="member_leave"),
]

# The trusted helper's pages: the whole plan of the citizen they help, and acting for her.
helper_urlpatterns = [
    path("", views.helper_plan, name="helper_plan"),
    path("svar/", views.helper_answer, name="helper_answer"),
    path("kommentar/", views.helper_comment, name="helper_comment"),
    path("tilbud/<int:offer_id>/svar/", views.helper_offer_answer, name="helper_offer_answer"),
    path("hvem-har-set/", views.helper_access_log, name="helper_access_log"),
    path("kalender/", calendar_views.helper_plan_calendar, name="helper_calendar"),
    path(
        "kalender/moede/<int:pk>/",
        calendar_views.helper_meeting_calendar,
        name="helper_meeting_calendar",
    ),
]

urlpatterns = [
    path("min-plan/netvaerk/", include(citizen_urlpatterns)),
    path("jeg-hjaelper/", include(member_urlpatterns)),
    path("hjaelper/<int:plan_id>/", include(helper_urlpatterns)),
    path("invitation/<str:token>/", views.invitation_answer, name="invitation_answer"),
]
