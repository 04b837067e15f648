"""Caseworkers ("Sagsbehandlere") reach the admin and keep plans; which plans is decided by team."""

from django.db import migrations

GROUP_NAME = "Sagsbehandlere"
PERMISSIONS = [
    ("plans", "view_plan"),
    ("plans", "add_plan"),
    ("plans", "change_plan"),
    ("plans", "view_comment"),
    ("plans", "add_comment"),
    ("wagtailadmin", "access_admin"),
]


def create_caseworker_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def remove_caseworker_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_plans"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_caseworker_group, remove_caseworker_group)]
