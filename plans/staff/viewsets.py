"""The Plans section of the Wagtail admin: plans edited with their goals, activities, meetings
and decisions; organisation kept; the access log read-only. plans.wagtail_hooks registers them."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from home.panels import TextReadabilityPanel

from .. import limits
from ..models import AccessLogEntry, Department, Plan, StaffLookup, StaffProfile, Team
from . import views
from .forms import ActivityAdminForm, PlanAdminForm
from .panels import CappedInlinePanel, NetworkHelpPanel
from .value_panel import ValuePanel


class ActivityInlinePanel(CappedInlinePanel):
    """Activities use a form that only offers the goals of the same plan."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = ActivityAdminForm
        return options


DECISION_PANELS = [
    FieldPanel("title"),
    FieldPanel("decided_on"),
    FieldPanel(
        "explanation",
        help_text=_("Hvorfor? Skriv, som du ville sige det til borgeren. Ingen paragraffer her."),
    ),
    TextReadabilityPanel("explanation"),
    FieldPanel(
        "meaning", help_text=_("Hvad ændrer sig for borgeren i hverdagen, og fra hvornår?")
    ),
    FieldPanel(
        "how_to_complain",
        help_text=_("Hvem klager man til, og hvordan? Fx: Ring eller skriv til mig."),
    ),
    FieldPanel("complaint_deadline", help_text=_("Sidste dag, borgeren kan klage.")),
    FieldPanel("contact"),
]


class PlanViewSet(ModelViewSet):
    model = Plan
    name = "planer"
    icon = "clipboard-list"
    menu_label = _("Planer")
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = views.PlanIndexView
    add_view_class = views.PlanCreateView
    edit_view_class = views.PlanEditView
    delete_view_class = views.PlanDeleteView
    history_view_class = views.PlanHistoryView
    usage_view_class = views.PlanUsageView
    list_display = ["__str__", "coordinator", "team", "status", "updated_at"]
    list_filter = ["status"]
    # Searched with the database (icontains), never a search index: plans hold personal data.
    search_fields = ["citizen__first_name", "citizen__last_name", "citizen__email"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("citizen"),
                    FieldRowPanel([FieldPanel("team"), FieldPanel("status")]),
                    FieldPanel("coordinator"),
                    FieldPanel("what_matters"),
                ],
                heading=_("Borger og koordinator"),
            ),
            CappedInlinePanel(
                "goals",
                heading=_("Mål"),
                label=_("Mål"),
                max_num=limits.GOALS_PER_PLAN,
                too_many=_(
                    "En plan kan have højst %(num)d mål. Slet et mål, før du tilføjer et nyt."
                ),
                panels=[FieldPanel("text"), FieldPanel("written_by"), FieldPanel("status")],
            ),
            NetworkHelpPanel(),
            ValuePanel(),
            ActivityInlinePanel(
                "activities",
                heading=_("Indsatser"),
                label=_("Indsats"),
                max_num=limits.ACTIVITIES_PER_PLAN,
                too_many=_(
                    "En plan kan have højst %(num)d indsatser. "
                    "Slet en indsats, før du tilføjer en ny."
                ),
                panels=[
                    FieldPanel("title"),
                    FieldPanel("department"),
                    FieldPanel("goal"),
                    FieldPanel("description"),
                    TextReadabilityPanel("description"),
                    FieldPanel("responsible"),
                    FieldPanel("status"),
                    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                    FieldRowPanel([FieldPanel("next_step"), FieldPanel("next_step_on")]),
                ],
            ),
            InlinePanel(
                "meetings",
                heading=_("Møder"),
                label=_("Møde"),
                panels=[
                    FieldPanel("starts_at"),
                    FieldPanel("place"),
                    FieldPanel("online_url"),
                    FieldPanel("participants"),
                    FieldPanel("bring"),
                ],
            ),
            InlinePanel(
                "decisions", heading=_("Afgørelser"), label=_("Afgørelse"), panels=DECISION_PANELS
            ),
        ],
        base_form_class=PlanAdminForm,
    )


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The access log is evidence: nobody adds, changes or deletes entries in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


class AccessLogViewSet(ModelViewSet):
    model = AccessLogEntry
    name = "adgangslog"
    icon = "view"
    menu_label = _("Adgangslog")
    copy_view_enabled = False
    list_display = ["at", "actor_name", "actor_role", "actor_department", "action", "what", "plan"]
    list_filter = ["action", "actor_kind"]
    search_fields = ["actor_name", "what"]
    search_backend_name = None
    form_fields = []

    index_view_class = views.AccessLogIndexView


class SuperusersReadOnlyPolicy(ModelPermissionPolicy):
    """The staff audit log: read by superusers only, changed by nobody in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if "view" in actions else users.none()


class StaffLookupViewSet(ModelViewSet):
    model = StaffLookup
    name = "opslag-uden-plan"
    icon = "search"
    menu_label = _("Opslag uden plan")
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["at", "actor_name", "kind", "found", "outcome"]
    list_filter = ["kind", "found"]
    search_fields = ["actor_name"]
    search_backend_name = None
    form_fields = []


class OrganisationGroup(ViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "group"
    menu_order = 160
    items = [
        ModelViewSet(model=Department, name="afdelinger", icon="home", form_fields=["name"]),
        ModelViewSet(model=Team, name="teams", icon="group", form_fields=["name", "members"]),
        ModelViewSet(
            model=StaffProfile,
            name="medarbejdere",
            icon="user",
            form_fields=["user", "name", "role", "department", "phone", "email", "about"],
            search_fields=["name", "role"],
            search_backend_name=None,
        ),
        AccessLogViewSet(),
        StaffLookupViewSet(),
    ]
