"""A network member prints what the citizen shared: the member's own scope and nothing more
(never decisions, meetings, other goals or the coordinator's details), comments only when
asked for, and the read written to the citizen's access log like any other."""

from django.test import Client

from plans.models import AccessLogEntry


def _print(member, network_world, query=""):
    client = Client()
    client.force_login(member.user)
    response = client.get(f"/jeg-hjaelper/{network_world.plan.pk}/udskriv/{query}")
    assert response.status_code == 200
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


def test_the_member_prints_only_their_scope(network_world, member):
    before = AccessLogEntry.objects.filter(plan=network_world.plan).count()
    main = _print(member, network_world)
    assert "Jeg vil have et job" in main
    assert "Jobsamtaler hos Jobcentret" in main
    for hidden in [
        "Jeg vil drikke mindre",  # a goal not shared
        "Samtaler på Rusmiddelcentret",
        "Fortrolig beskrivelse",  # an activity's description is not in scope
        "Afgørelse om ressourceforløb",
        "Om jobbet",  # comments only when asked for
        "<form",
    ]:
        assert hidden not in main, hidden
    assert "Udskrevet den" in main
    entries = AccessLogEntry.objects.filter(plan=network_world.plan)
    assert entries.count() == before + 1
    assert entries.latest("pk").what == "Så de delte mål: Jeg vil have et job"


def test_comments_on_the_shared_goal_when_asked_for(network_world, member):
    main = _print(member, network_world, "?med_kommentarer=1")
    assert "Om jobbet" in main
    assert "Om at drikke mindre" not in main
