"""Role × URL matrix for the pages this issue adds (sessions, second factor, code login,
password check, security.txt) and for the admin door they guard."""

import pytest
from allauth.mfa.models import Authenticator

from portal.demo.accounts import ensure_demo_user

pytestmark = pytest.mark.django_db


def _citizen():
    return ensure_demo_user(email="borger@example.dk", first_name="Mette")


def _staff():
    return ensure_demo_user(
        email="sagsbehandler@example.dk", first_name="Sofie", groups=["Sagsbehandlere"]
    )


def _staff_without_second_factor():
    user = _staff()
    Authenticator.objects.filter(user=user).delete()
    return user


def _editor():
    return ensure_demo_user(email="redaktoer@example.dk", first_name="R", groups=["Redaktører"])


ROLES = {
    "anonymous": None,
    "citizen": _citizen,
    "staff": _staff,
    "staff_no_mfa": _staff_without_second_factor,
    "editor": _editor,
}
LOGIN = "/konto/login/?next="
REAUTH = "/konto/reauthenticate/?next="
# path -> expected answer per role: a status code, or the start of a redirect target.
MATRIX = {
    "/konto/sessions/": {"anonymous": LOGIN, "*": 200},
    "/konto/2fa/": {"anonymous": LOGIN, "*": 200},
    "/konto/2fa/webauthn/": {"anonymous": LOGIN, "*": 200},
    "/konto/2fa/totp/activate/": {"anonymous": LOGIN, "*": REAUTH},
    "/konto/2fa/webauthn/add/": {"anonymous": LOGIN, "*": REAUTH},
    "/konto/reauthenticate/": {"anonymous": LOGIN, "*": 200},
    "/konto/login/code/": {"anonymous": 200, "*": "/"},
    "/.well-known/security.txt": {"*": 200},
    # Wagtail's own password reset: shut for everyone (one account system, allauth's).
    # (Staff without a second factor are sent to set one up first, as on every admin page.)
    "/admin/password_reset/": {"staff_no_mfa": "/konto/2fa/", "*": 404},
    "/admin/password_reset/done/": {"staff_no_mfa": "/konto/2fa/", "*": 404},
    "/admin/": {
        "anonymous": LOGIN,
        "citizen": LOGIN,  # Wagtail: no admin access
        "staff_no_mfa": "/konto/2fa/",
        "*": 200,
    },
}
CASES = [(path, role) for path in MATRIX for role in ROLES]


@pytest.mark.parametrize(("path", "role"), CASES, ids=[f"{r}:{p}" for p, r in CASES])
def test_role_url_matrix(client, demo_site, path, role):
    if ROLES[role]:
        client.force_login(ROLES[role]())
    expected = MATRIX[path].get(role, MATRIX[path].get("*"))

    response = client.get(path)

    if isinstance(expected, int):
        assert response.status_code == expected
    else:
        assert response.status_code == 302
        location = response["Location"]
        assert location == "/" if expected == "/" else location.startswith(expected)
