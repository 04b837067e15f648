"""The invitation page shows the goals the citizen shares to whoever holds the link: each time,
that read is in her access log under the invited person's name, as any read by someone else."""

from plans.models import AccessLogEntry


def _log(plan):
    return list(
        AccessLogEntry.objects.filter(plan=plan)
        .order_by("pk")
        .values_list("actor_name", "actor_kind", "action", "what")
    )


def test_opening_the_link_is_logged_under_the_invited_name(client, network_world, invite):
    invitation, link = invite()
    before = _log(network_world.plan)
    assert client.get(link).status_code == 200
    assert _log(network_world.plan) == [
        *before,
        ("Lene", "network", "read", "Åbnede invitationen og så de delte mål"),
    ]
    # Mette sees it where she sees who has looked at her plan.
    client.force_login(network_world.citizen)
    assert (
        "Åbnede invitationen og så de delte mål"
        in client.get("/min-plan/hvem-har-set/").content.decode()
    )


def test_the_citizen_opening_her_own_invitation_is_not_logged(client, network_world, invite):
    _invitation, link = invite()
    client.force_login(network_world.citizen)
    before = _log(network_world.plan)
    assert client.get(link).status_code == 200
    assert _log(network_world.plan) == before


def test_a_spent_or_wrong_link_logs_nothing(client, network_world, invite):
    _invitation, link = invite()
    before = _log(network_world.plan)
    assert client.get(link[:-4] + "xyz/").status_code == 404
    assert _log(network_world.plan) == before
