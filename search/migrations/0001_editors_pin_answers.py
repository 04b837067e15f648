"""Editors ("Redaktører") pin answers to common queries: promoted search results, nothing more."""

from django.db import migrations

GROUP_NAME = "Redaktører"
CODENAMES = ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("wagtailsearchpromotions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.get(name=GROUP_NAME)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP_NAME):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_editor_group"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
