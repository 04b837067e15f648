"""Helpers the browser tests share: what Chromium refuses because of the Content-Security-Policy
on a page."""

from playwright.sync_api import Page

from plans.models import Activity, Goal


def watch_csp(page: Page) -> list[str]:
    """What Chromium refused because of the policy, from the console and from the DOM event,
    which is also fired for violations the console may word differently. Call before the first
    navigation: the listener is installed on every page the tab opens afterwards."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.expose_function("reportCspViolation", lambda text: refused.append(text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', (event) =>"
        " window.reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`));"
    )
    return refused


def plan_with_a_shared_and_a_private_goal(world):
    """Mette's goals for the network journeys: a job (with the Jobcentre's activity), which she
    shares, and drinking less (with the addiction centre's), which she keeps to herself.
    Returns the goal she shares."""
    job, social, _ = world.departments
    shared = Goal.objects.create(
        plan=world.plan, text="Jeg vil have et job", written_by="citizen", sort_order=0
    )
    private = Goal.objects.create(
        plan=world.plan, text="Jeg vil drikke mindre", written_by="citizen", sort_order=1
    )
    Activity.objects.create(
        plan=world.plan,
        goal=shared,
        department=job,
        title="Jobsamtaler hos Jobcentret",
        responsible=world.coordinator_profile,
    )
    Activity.objects.create(
        plan=world.plan,
        goal=private,
        department=social,
        title="Samtaler på Rusmiddelcentret",
        responsible=world.coordinator_profile,
    )
    return shared
