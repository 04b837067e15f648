"""Content-Security-Policy (django-csp 4) for portal.settings.base.

Public and citizen pages: nothing by default, scripts
and styles only from our own files or with this response's nonce, never inline; images may be
data: URLs (the QR code for an authenticator app). The login form may post on to the MitID
broker, and MEDIA_ORIGIN (S3) may serve images.
"""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE


def content_security_policies(*, oidc_server_url: str, media_origin: str) -> tuple[dict, dict]:
    """(the policy for every page, the policy under the Wagtail admin)."""
    oidc_origin = (
        "{0.scheme}://{0.netloc}".format(urlsplit(oidc_server_url)) if oidc_server_url else ""
    )
    strict = {
        "DIRECTIVES": {
            "default-src": [NONE],
            "script-src": [SELF, NONCE],
            "style-src": [SELF],
            "img-src": [SELF, "data:", *filter(None, [media_origin])],
            "font-src": [SELF],
            "connect-src": [SELF],
            "manifest-src": [SELF],
            "form-action": [SELF, *filter(None, [oidc_origin])],
            "frame-ancestors": [NONE],
            "base-uri": [NONE],
            "object-src": [NONE],
        }
    }
    # The Wagtail admin still needs inline script and style.
    admin = {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, UNSAFE_INLINE],
            "style-src": [SELF, UNSAFE_INLINE],
            "img-src": [SELF, "data:", "blob:", *filter(None, [media_origin])],
            "font-src": [SELF, "data:"],
            "connect-src": [SELF],
            "frame-src": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [SELF],
            "base-uri": [NONE],
            "object-src": [NONE],
        }
    }
    return strict, admin
