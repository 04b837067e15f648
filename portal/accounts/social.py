"""allauth's social-account adapter: the MitID broker is configured in the environment only
(OIDC_* variables, README "Production configuration"), so no page reads allauth's SocialApp table.

allauth blends apps kept in the database with the ones in settings.SOCIALACCOUNT_PROVIDERS, and
read that table on every view of the login page: one query for a table the portal never fills
(issue 18). One way to switch the broker on: a row added to the table is not offered."""

from allauth.socialaccount.adapter import DefaultSocialAccountAdapter, _build_apps_from_settings


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None):
        # allauth's own reading of the settings (no database), as its list_apps does after the
        # rows; tests/accounts/test_social_apps.py holds it to that.
        by_provider = _build_apps_from_settings(provider=provider, client_id=client_id)
        return [app for apps in by_provider.values() for app in apps]
