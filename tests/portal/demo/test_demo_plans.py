"""seed_demo gives Mette, Ali and their coordinator the plans DESIGN.md promises, and again."""

from plans.models import AccessLogEntry, Activity, Comment, Plan


def test_demo_plans_follow_the_contract_and_are_idempotent(seed_demo, settings):
    from django.core.management import call_command

    mette = Plan.objects.get(citizen__email="borger@example.dk", status="active")
    assert mette.goals.filter(written_by="citizen").count() >= 3
    activities = Activity.objects.filter(plan=mette)
    assert activities.count() >= 5
    assert activities.values("department").distinct().count() >= 3
    assert mette.coordinator.user.email == "sagsbehandler@example.dk"
    assert mette.decisions.exclude(explanation="").exists()
    assert mette.meetings.exists()
    assert Comment.objects.filter(plan=mette).count() >= 3
    ali = Plan.objects.get(citizen__email="borger2@example.dk")
    assert ali.goals.exists() and ali.goals.first().text != mette.goals.first().text
    assert mette.coordinator.user.groups.filter(name="Sagsbehandlere").exists()
    assert mette.team.members.filter(email="sagsbehandler@example.dk").exists()

    counts = (Plan.objects.count(), Comment.objects.count(), Activity.objects.count())
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Plan.objects.count(), Comment.objects.count(), Activity.objects.count()) == counts
    assert AccessLogEntry.objects.filter(plan=mette).count() == 1
