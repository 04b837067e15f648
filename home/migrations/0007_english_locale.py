"""English pages (issue 16): the "en" locale beside Wagtail's Danish default, and the right to
start a translation ("Oversæt", wagtail.contrib.simple_translation) for both kinds of
communication staff. The English draft then goes through the same workflow as any page."""

from django.db import migrations

GROUPS = ["Redaktører", "Kommunikationsansvarlige"]


def add_english(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    Locale = apps.get_model("wagtailcore", "Locale")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Locale.objects.get_or_create(language_code="da")
    Locale.objects.get_or_create(language_code="en")
    # Permissions are normally made after all migrations; this one needs them now.
    app_config = apps.get_app_config("simple_translation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    permission = Permission.objects.get(
        content_type__app_label="simple_translation", codename="submit_translation"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def remove_english(apps, schema_editor):
    apps.get_model("wagtailcore", "Locale").objects.filter(language_code="en").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_glossary_terms_citizens_meet"),
        ("simple_translation", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_english, remove_english)]
