from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data of DESIGN.md in one place: the `seed_demo` command and the builders it runs
    (pages, plans, network, accounts). No models; the other apps never import it."""

    name = "portal.demo"
    label = "portal_demo"
    verbose_name = "Demodata"
