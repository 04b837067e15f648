"""The map of the plans' addresses: every URL name still gives the path it always gave, so links
in sent emails, bookmarks and the privacy matrix keep pointing at the same pages."""

import pytest
from django.urls import resolve, reverse

URL_MAP = [
    ("network:index", {}, "/min-plan/netvaerk/"),
    ("network:invitation_answer", {"token": "abc"}, "/invitation/abc/"),
    ("network:invitation_new", {}, "/min-plan/netvaerk/inviter/"),
    (
        "network:invitation_resend",
        {"invitation_id": 7},
        "/min-plan/netvaerk/invitationer/7/send-igen/",
    ),
    (
        "network:invitation_withdraw",
        {"invitation_id": 7},
        "/min-plan/netvaerk/invitationer/7/traek-tilbage/",
    ),
    ("network:member_comment", {"plan_id": 7, "goal_id": 7}, "/jeg-hjaelper/7/maal/7/kommentar/"),
    ("network:member_leave", {"plan_id": 7}, "/jeg-hjaelper/7/forlad/"),
    ("network:member_plan", {"plan_id": 7}, "/jeg-hjaelper/7/"),
    ("network:member_plans", {}, "/jeg-hjaelper/"),
    ("network:member_remove", {"membership_id": 7}, "/min-plan/netvaerk/medlemmer/7/fjern/"),
    ("network:offer_answer", {"offer_id": 7}, "/min-plan/netvaerk/tilbud/7/svar/"),
    ("network:offer_new", {"plan_id": 7}, "/jeg-hjaelper/7/tilbyd-hjaelp/"),
    ("planer:add", {}, "/admin/planer/new/"),
    ("planer:delete", {"pk": 7}, "/admin/planer/delete/7/"),
    ("planer:edit", {"pk": 7}, "/admin/planer/edit/7/"),
    ("planer:history", {"pk": 7}, "/admin/planer/history/7/"),
    ("planer:history_results", {"pk": 7}, "/admin/planer/history-results/7/"),
    ("planer:index", {}, "/admin/planer/"),
    ("planer:index_results", {}, "/admin/planer/results/"),
    ("planer:usage", {"pk": 7}, "/admin/planer/usage/7/"),
    ("plans:access_log", {}, "/min-plan/hvem-har-set/"),
    ("plans:account_delete", {}, "/min-plan/mine-data/slet-konto/"),
    ("plans:activity", {"pk": 7}, "/min-plan/indsats/7/"),
    ("plans:comment_add", {}, "/min-plan/kommentar/"),
    ("plans:comment_delete", {"pk": 7}, "/min-plan/kommentar/7/slet/"),
    ("plans:comment_edit", {"pk": 7}, "/min-plan/kommentar/7/ret/"),
    ("plans:comments_older", {}, "/min-plan/kommentarer/"),
    ("plans:erasure_request", {}, "/min-plan/mine-data/bed-om-sletning/"),
    ("plans:goal", {"pk": 7}, "/min-plan/maal/7/"),
    ("plans:goal_add", {}, "/min-plan/maal/nyt/"),
    ("plans:goal_edit", {"pk": 7}, "/min-plan/maal/7/ret/"),
    ("plans:min_plan", {}, "/min-plan/"),
    ("plans:my_data", {}, "/min-plan/mine-data/"),
    ("plans:my_data_json", {}, "/min-plan/mine-data.json"),
    ("plans:plan_feedback", {}, "/min-plan/meningsfuld/"),
    ("plans_admin:caseload", {}, "/admin/mine-borgere/"),
    ("plans_admin:comments", {"pk": 7}, "/admin/plan-kommentarer/7/"),
    ("plans_admin:value_report", {}, "/admin/borgeroplevet-vaerdi/"),
    ("plans_admin:value_report_results", {}, "/admin/borgeroplevet-vaerdi/resultater/"),
    ("preferences:notices", {}, "/indstillinger/beskeder/"),
]


@pytest.mark.parametrize(("name", "kwargs", "path"), URL_MAP)
def test_url_name_gives_its_path(name, kwargs, path):
    assert reverse(name, kwargs=kwargs) == path
    assert resolve(path).view_name == name
