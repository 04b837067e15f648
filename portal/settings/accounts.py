"""Accounts: allauth (email login, verification, codes, rate limits, reauthentication), the
second factor, session limits and the optional MitID broker. Star-imported by base.py."""

from ._env import env

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Accounts: email is the login, and nobody gets in before the address is verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Someone who signs up from an invitation link comes back to it once the address is
# verified (allauth does this only in the browser session that signed up).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Fællesplan: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env.str("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="http")
# A one-time code by email or a password; no page or message tells whether an address has an
# account; allauth's default rate limits count in the shared cache (CACHES below); changing
# the email address (and the plan's invite/remove views, through
# portal.security.reauthentication_required) asks for the password or a code again when the
# last login is more than 5 minutes old; the person is told by email when their password or
# address changes.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {}  # {} keeps allauth's defaults; False would switch them all off
# Failed logins are counted per address, except on a browser that has logged in to the account
# before: it is counted on its own, so an outsider's guesses cannot lock its owner out.
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
# The broker comes from the environment only, never from allauth's SocialApp table.
SOCIALACCOUNT_ADAPTER = "portal.accounts.social.SocialAccountAdapter"
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_NOTIFICATIONS = True

# A second factor is required for everyone who reaches the admin (portal.security).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Fællesplan"
# One time step either side (RFC 6238 5.2): a phone clock a little off or a slow typist.
MFA_TOTP_TOLERANCE = 1
MFA_PASSKEY_LOGIN_ENABLED = False
# Sessions are recorded at login, so a person sees and ends them; updating "last seen" on every
# request would cost a write per request.
USERSESSIONS_TRACK_ACTIVITY = False

# Idle limits per kind of person and one absolute limit for any session (portal.security).
SESSION_IDLE_SECONDS_STAFF = 30 * 60
SESSION_IDLE_SECONDS_CITIZEN = 2 * 60 * 60
SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS

# OpenID Connect (a MitID broker) is on only when its client is configured; always with PKCE.
SOCIALACCOUNT_PROVIDERS = {}
# With a broker on, staff may find the citizen of a new plan by the broker's identifier for her
# or by this claim in what the broker sends (e.g. the CPR claim), besides her email address.
STAFF_LOOKUP_OIDC_CLAIM = env.str("OIDC_LOOKUP_CLAIM", default="")
OIDC_SERVER_URL = env.str("OIDC_SERVER_URL", default="")
if env.str("OIDC_CLIENT_ID", default=""):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": env.str("OIDC_PROVIDER_ID", default="mitid"),
                "name": env.str("OIDC_PROVIDER_NAME", default="MitID"),
                "client_id": env.str("OIDC_CLIENT_ID"),
                "secret": env.str("OIDC_CLIENT_SECRET"),
                "settings": {"server_url": env.str("OIDC_SERVER_URL")},
            }
        ],
    }
