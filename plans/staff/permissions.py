"""Wagtail's permission policy for plans: every check Wagtail makes on one plan (editing
sessions, history, usage, admin links, bulk actions, the viewset's own views) asks the team rule
of plans.selectors, so a plan of another team is as closed there as in our own views.

Model-wide questions ("may this person add plans at all?", the menu) stay Django's group
permissions; any question about a particular plan also needs the plan to be one of the asker's
teams. Superusers, editors and leaders belong to no team and so reach no plan."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

from .. import selectors


class TeamPlanPermissionPolicy(ModelPermissionPolicy):
    def _in_team(self, user, instance) -> bool:
        return (
            instance is not None
            and instance.pk is not None
            and selectors.plans_visible_to(user=user).filter(pk=instance.pk).exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._in_team(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._in_team(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return selectors.plans_visible_to(user=user)

    def users_with_any_permission_for_instance(self, actions, instance):
        if instance.team_id is None:
            return get_user_model().objects.none()
        return self.users_with_any_permission(actions).filter(plan_teams=instance.team_id)
