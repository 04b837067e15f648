"""Routes of the citizen's network (namespace "network"); portal.urls includes them at the root."""

from django.urls import path

from . import network_views as views

app_name = "network"

urlpatterns = [
    path("min-plan/netvaerk/", views.network, name="index"),
    path("min-plan/netvaerk/inviter/", views.invitation_new, name="invitation_new"),
    path(
        "min-plan/netvaerk/invitationer/<int:invitation_id>/send-igen/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "min-plan/netvaerk/invitationer/<int:invitation_id>/traek-tilbage/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path(
        "min-plan/netvaerk/medlemmer/<int:membership_id>/fjern/",
        views.member_remove,
        name="member_remove",
    ),
    path("min-plan/netvaerk/tilbud/<int:offer_id>/svar/", views.offer_answer, name="offer_answer"),
    path("invitation/<str:token>/", views.invitation_answer, name="invitation_answer"),
    path("jeg-hjaelper/", views.member_plans, name="member_plans"),
    path("jeg-hjaelper/<int:plan_id>/", views.member_plan, name="member_plan"),
    path(
        "jeg-hjaelper/<int:plan_id>/maal/<int:goal_id>/kommentar/",
        views.member_comment,
        name="member_comment",
    ),
    path("jeg-hjaelper/<int:plan_id>/tilbyd-hjaelp/", views.offer_new, name="offer_new"),
    path("jeg-hjaelper/<int:plan_id>/forlad/", views.member_leave, name="member_leave"),
]
