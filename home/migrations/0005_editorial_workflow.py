"""Two kinds of communication staff: "Redaktører" write and submit, "Kommunikationsansvarlige"
approve and publish, through one Wagtail workflow on the whole tree. Both keep the glossary."""

from django.db import migrations

EDITORS = "Redaktører"
APPROVERS = "Kommunikationsansvarlige"
WORKFLOW = "Borgerland-gennemsyn"
TASK = "Godkendes af Kommunikationsansvarlige"
GLOSSARY_PERMISSIONS = ["add_glossaryterm", "change_glossaryterm", "delete_glossaryterm"]
APPROVER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def _ensure_permissions(apps):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_workflow(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    approvers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for group in (editors, approvers):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="home", codename__in=GLOSSARY_PERMISSIONS
            )
        )

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    page_permission = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=APPROVER_PAGE_PERMISSIONS
        )
    }
    for codename in APPROVER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=approvers, page=root, permission=page_permission[codename]
        )
    # Editors submit; only an approver's "Godkend" publishes (otherwise the review is optional).
    GroupPagePermission.objects.filter(
        group=editors, page=root, permission=page_permission["publish_page"]
    ).delete()

    task_type = ContentType.objects.get_for_model(GroupApprovalTask)
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set([approvers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # One workflow per page: ours replaces Wagtail's default "Moderators approval" on the root.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name=APPROVERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_glossary_terms"),
        ("home", "0002_editor_group"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
