"""Forget every search term stored before only anonymous searches that found a page were
counted: the old rows cannot tell a logged-in citizen's words ("cpr 010190-1234 …") or a search
that matched nothing from a harmless one, so all day counts go, and every query with them but
those an editor made a promotion for (the editor typed those). Editors lose a few weeks of
"popular searches", which the new counts rebuild."""

from django.db import migrations


def forget(apps, schema_editor):
    QueryDailyHits = apps.get_model("wagtailsearchpromotions", "QueryDailyHits")
    Query = apps.get_model("wagtailsearchpromotions", "Query")
    QueryDailyHits.objects.all().delete()
    Query.objects.filter(editors_picks__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_editors_pin_answers"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(forget, migrations.RunPython.noop)]
