"""Mozilla's HTTP Observatory scoring, for what our own responses show.

A port of the published rules of mdn/mdn-http-observatory (src/grader/charts.js for the score
table and grades, src/analyzer/tests/*.js for how each header is judged, src/scanner/index.js
for the sum): start at 100, add every test's modifier, and count the bonuses only when the
score without them is at least 90. The parts that need the internet (the HSTS preload list,
certificate checks, crossdomain.xml files) are judged as for a site that is not preloaded,
has a valid certificate and serves no such files (our URLs answer 404 for them).
"""

import importlib
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

SCORE_TABLE = {
    # CSP
    "csp-implemented-with-no-unsafe-default-src-none": 10,
    "csp-implemented-with-no-unsafe": 5,
    "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
    "csp-implemented-with-insecure-scheme-in-passive-content-only": -10,
    "csp-implemented-with-unsafe-eval": -10,
    "csp-implemented-with-unsafe-inline": -20,
    "csp-implemented-with-insecure-scheme": -20,
    "csp-header-invalid": -25,
    "csp-not-implemented": -25,
    # Cookies
    "cookies-secure-with-httponly-sessions-and-samesite": 5,
    "cookies-secure-with-httponly-sessions": 0,
    "cookies-not-found": 0,
    "cookies-without-secure-flag-but-protected-by-hsts": -5,
    "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
    "cookies-without-secure-flag": -20,
    "cookies-samesite-flag-invalid": -20,
    "cookies-anticsrf-without-samesite-flag": -20,
    "cookies-session-without-httponly-flag": -30,
    "cookies-session-without-secure-flag": -40,
    # CORS
    "cross-origin-resource-sharing-not-implemented": 0,
    "cross-origin-resource-sharing-implemented-with-public-access": 0,
    "cross-origin-resource-sharing-implemented-with-restricted-access": 0,
    "cross-origin-resource-sharing-implemented-with-universal-access": -50,
    # Redirection
    "redirection-to-https": 0,
    "redirection-off-host-from-http": -5,
    "redirection-not-to-https-on-initial-redirection": -10,
    "redirection-not-to-https": -20,
    "redirection-missing": -20,
    # Referrer-Policy
    "referrer-policy-private": 5,
    "referrer-policy-not-implemented": 0,
    "referrer-policy-unsafe": -5,
    "referrer-policy-header-invalid": -5,
    # HSTS
    "hsts-preloaded": 5,
    "hsts-implemented-max-age-at-least-six-months": 0,
    "hsts-implemented-max-age-less-than-six-months": -10,
    "hsts-not-implemented": -20,
    "hsts-header-invalid": -20,
    # Subresource integrity
    "sri-implemented-and-all-scripts-loaded-securely": 5,
    "sri-implemented-and-external-scripts-loaded-securely": 5,
    "sri-not-implemented-response-not-html": 0,
    "sri-not-implemented-but-no-scripts-loaded": 0,
    "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": 0,
    "sri-not-implemented-but-external-scripts-loaded-securely": -5,
    "sri-implemented-but-external-scripts-not-loaded-securely": -20,
    "sri-not-implemented-and-external-scripts-not-loaded-securely": -50,
    # X-Content-Type-Options
    "x-content-type-options-nosniff": 0,
    "x-content-type-options-not-implemented": -5,
    "x-content-type-options-header-invalid": -5,
    # X-Frame-Options
    "x-frame-options-implemented-via-csp": 5,
    "x-frame-options-sameorigin-or-deny": 0,
    "x-frame-options-allow-from-origin": 0,
    "x-frame-options-not-implemented": -20,
    "x-frame-options-header-invalid": -20,
    # Cross-Origin-Resource-Policy
    "cross-origin-resource-policy-not-implemented": 0,
    "cross-origin-resource-policy-implemented-with-same-origin": 10,
    "cross-origin-resource-policy-implemented-with-same-site": 10,
    "cross-origin-resource-policy-implemented-with-cross-origin": 0,
    "cross-origin-resource-policy-header-invalid": -5,
}
MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90
GRADES = [
    (100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"),
    (50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F"),
]  # fmt: skip
SIX_MONTHS = 15_552_000
DANGEROUSLY_BROAD = {
    *("ftp:", "http:", "https:", "*"),
    *("http://*", "http://*.*", "https://*", "https://*.*"),
}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCES_HASHES = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
OBSERVATORY_ORIGIN = "https://http-observatory.security.mozilla.org"


@dataclass
class Response:
    """One HTTP response: status, headers as (name, value) pairs in order, body."""

    status: int
    headers: list[tuple[str, str]]
    body: str = ""

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def first(self, name: str) -> str | None:
        values = self.all(name)
        return values[0] if values else None


@dataclass
class Scan:
    """What the Observatory fetches: the page over https (`https`, requested with the Origin
    header the Observatory sends) and the same URL over plain http (`http`)."""

    url: str
    https: Response
    http: Response
    results: dict[str, str] = field(default_factory=dict)

    @property
    def score(self) -> int:
        modifiers = [SCORE_TABLE[r] for r in self.results.values()]
        uncurved = 100 + sum(m for m in modifiers if m < 0)
        if uncurved < MINIMUM_SCORE_FOR_EXTRA_CREDIT:
            return max(uncurved, 0)
        return 100 + sum(modifiers)

    @property
    def grade(self) -> str:
        return next(grade for floor, grade in GRADES if self.score >= floor)


def scan(url: str, *, https: Response, http: Response) -> Scan:
    result = Scan(url=url, https=https, http=http)
    csp_result, csp = _csp(https)
    result.results = {
        "content-security-policy": csp_result,
        "cookies": _cookies([http, https], hsts_passes=_hsts(https).startswith("hsts-impl")),
        "cross-origin-resource-sharing": _cors(https),
        "redirection": _redirection(url, http),
        "referrer-policy": _referrer(https),
        "strict-transport-security": _hsts(https),
        "subresource-integrity": _sri(url, https),
        "x-content-type-options": _nosniff(https),
        "x-frame-options": _xfo(https, csp),
        "cross-origin-resource-policy": _corp(https),
    }
    return result


def parse_csp(values: list[str]) -> dict[str, set[str]]:
    """Directives of every policy in the headers; a directive given twice in one policy makes
    the header invalid, as in the Observatory's parser."""
    directives: dict[str, set[str]] = {}
    for policy in (p.strip() for v in values for p in v.split(",")):
        seen = set()
        for part in filter(None, (d.strip() for d in policy.split(";"))):
            name, *sources = part.split()
            name = name.lower()
            if name in seen:
                raise ValueError(f"duplicate directive {name}")
            seen.add(name)
            normalised = {s if s.lower().startswith(NONCES_HASHES) else s.lower() for s in sources}
            directives[name] = directives.get(name, set()) | normalised
    return directives


def _csp(response: Response) -> tuple[str, dict[str, set[str]]]:
    values = response.all("Content-Security-Policy")
    if not values:
        return "csp-not-implemented", {}
    try:
        csp = parse_csp(values)
    except ValueError:
        return "csp-header-invalid", {}
    if not csp:
        return "csp-not-implemented", {}
    default = csp.get("default-src")
    object_src = set(csp.get("object-src") or default or {"*"})
    script_src = set(csp.get("script-src") or default or {"*"})
    style_src = set(csp.get("style-src") or default or {"*"})
    for sources in (script_src, style_src):
        if any(s.startswith(NONCES_HASHES) for s in sources):
            sources.discard("'unsafe-inline'")
    if "'strict-dynamic'" in script_src:
        if not any(s.startswith(NONCES_HASHES) for s in script_src):
            return "csp-header-invalid", csp
        script_src = {
            s
            for s in script_src
            if not any(s.startswith(b) for b in DANGEROUSLY_BROAD)
            and s not in {"'self'", "'unsafe-inline'"}
        }
    passive = {"img-src", "media-src"}
    active_sources = [s for d, v in csp.items() if d not in passive | {"script-src"} for s in v]
    active_sources += list(script_src)
    passive_sources = [s for d in passive for s in (csp.get(d) or default or set())]

    if script_src & (DANGEROUSLY_BROAD | UNSAFE_INLINE) or object_src & DANGEROUSLY_BROAD:
        return "csp-implemented-with-unsafe-inline", csp
    if any(s.startswith(("http:", "ftp:")) for s in active_sources):
        return "csp-implemented-with-insecure-scheme", csp
    if "'unsafe-eval'" in script_src | style_src:
        return "csp-implemented-with-unsafe-eval", csp
    if any(s.startswith(("http:", "ftp:")) for s in passive_sources):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", csp
    if style_src & (DANGEROUSLY_BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", csp
    if default == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", csp
    return "csp-implemented-with-no-unsafe", csp


# Worst last: a later, worse finding replaces an earlier one.
COOKIE_GOODNESS = [
    "cookies-without-secure-flag-but-protected-by-hsts",
    "cookies-without-secure-flag",
    "cookies-session-without-secure-flag-but-protected-by-hsts",
    "cookies-samesite-flag-invalid",
    "cookies-anticsrf-without-samesite-flag",
    "cookies-session-without-httponly-flag",
    "cookies-session-without-secure-flag",
]


def _worse(new: str, current: str | None) -> str:
    if current is None or COOKIE_GOODNESS.index(new) > COOKIE_GOODNESS.index(current):
        return new
    return current


def _cookies(responses: list[Response], *, hsts_passes: bool) -> str:
    result = None
    cookies = []
    for response in responses:
        for raw in response.all("Set-Cookie"):
            for part in raw.split(";")[1:]:
                key, _, value = part.strip().partition("=")
                if key.strip().lower() == "samesite" and value.strip().lower() not in {
                    "lax",
                    "strict",
                    "none",
                }:
                    result = _worse("cookies-samesite-flag-invalid", result)
            jar = SimpleCookie()
            jar.load(raw)
            cookies.extend(jar.values())
    if not cookies:
        return "cookies-not-found"
    missing_samesite = False
    for cookie in cookies:
        name = cookie.key.lower()
        session = "login" in name or "sess" in name
        secure, httponly = bool(cookie["secure"]), bool(cookie["httponly"])
        samesite = cookie["samesite"]
        if not secure and samesite.lower() == "none":
            result = _worse("cookies-samesite-flag-invalid", result)
        if not secure:
            result = _worse(
                "cookies-without-secure-flag-but-protected-by-hsts"
                if hsts_passes
                else "cookies-without-secure-flag",
                result,
            )
        if "csrf" in name and not samesite:
            result = _worse("cookies-anticsrf-without-samesite-flag", result)
        if session and not secure:
            result = _worse(
                "cookies-session-without-secure-flag-but-protected-by-hsts"
                if hsts_passes
                else "cookies-session-without-secure-flag",
                result,
            )
        if session and not httponly:
            result = _worse("cookies-session-without-httponly-flag", result)
        missing_samesite = missing_samesite or not samesite
    if result:
        return result
    if missing_samesite:
        return "cookies-secure-with-httponly-sessions"
    return "cookies-secure-with-httponly-sessions-and-samesite"


def _cors(response: Response) -> str:
    allow_origin = (response.first("Access-Control-Allow-Origin") or "").strip()
    if not allow_origin:
        return "cross-origin-resource-sharing-not-implemented"
    if allow_origin == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access"
    credentials = (response.first("Access-Control-Allow-Credentials") or "").lower() == "true"
    if allow_origin == OBSERVATORY_ORIGIN and credentials:
        return "cross-origin-resource-sharing-implemented-with-universal-access"
    return "cross-origin-resource-sharing-implemented-with-restricted-access"


def _redirection(url: str, http: Response) -> str:
    if http.status not in {301, 302, 303, 307, 308}:
        return "redirection-missing"
    target = urlsplit(http.first("Location") or "")
    if target.scheme != "https":
        return "redirection-not-to-https"
    if target.hostname != urlsplit(url).hostname:
        return "redirection-off-host-from-http"
    return "redirection-to-https"


def _referrer(response: Response) -> str:
    good = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    bad = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
    values = response.all("Referrer-Policy")
    if not values:
        return "referrer-policy-not-implemented"
    policies = [p.strip().lower() for p in ",".join(values).split(",")]
    known = [p for p in policies if p in good | bad]
    if known and known[-1] in good:
        return "referrer-policy-private"
    if known:
        return "referrer-policy-unsafe"
    return "referrer-policy-header-invalid"


def _hsts(response: Response) -> str:
    values = response.all("Strict-Transport-Security")
    if not values:
        return "hsts-not-implemented"
    header = values[0]
    if "," in header:
        return "hsts-header-invalid"
    max_age = None
    for parameter in (p.strip().lower() for p in header.split(";")):
        if parameter.startswith("max-age="):
            try:
                max_age = int(parameter[8:128])
            except ValueError:
                return "hsts-header-invalid"
    if max_age is None:
        return "hsts-header-invalid"
    if max_age < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months"
    return "hsts-implemented-max-age-at-least-six-months"


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def _registrable(host: str | None) -> str:
    # Enough for our hosts (example.dk, localhost); the Observatory uses the public suffix list.
    return ".".join((host or "").split(".")[-2:])


def _sri(url: str, response: Response) -> str:
    content_type = (response.first("Content-Type") or "").split(";")[0].strip()
    if content_type and content_type not in {"text/html", "application/xhtml+xml"}:
        return "sri-not-implemented-response-not-html"
    parser = _Scripts()
    parser.feed(response.body)
    if not parser.scripts:
        return "sri-not-implemented-but-no-scripts-loaded"
    goodness = [
        "sri-implemented-and-all-scripts-loaded-securely",
        "sri-implemented-and-external-scripts-loaded-securely",
        "sri-implemented-but-external-scripts-not-loaded-securely",
        "sri-not-implemented-but-external-scripts-loaded-securely",
        "sri-not-implemented-and-external-scripts-not-loaded-securely",
        "sri-not-implemented-response-not-html",
    ]
    result = None

    def worse(new):
        nonlocal result
        if result is None or goodness.index(new) > goodness.index(result):
            result = new

    foreign = False
    page_is_https = urlsplit(url).scheme == "https"
    for script in parser.scripts:
        src = script.get("src")
        if not src:
            continue
        integrity = script.get("integrity")
        relative_protocol = src.startswith("//") and not src.startswith("///")
        full_url = src.startswith(("http://", "https://"))
        relative_origin = not relative_protocol and not full_url
        same_domain = (
            relative_protocol
            or relative_origin
            or (_registrable(urlsplit(src).hostname) == _registrable(urlsplit(url).hostname))
        )
        secure_origin = relative_origin or (same_domain and not relative_protocol)
        scheme = urlsplit(src).scheme + ":" if full_url else None
        secure_scheme = scheme == "https:" or (relative_origin and page_is_https)
        if not secure_origin:
            foreign = True
            if integrity and not secure_scheme:
                worse("sri-implemented-but-external-scripts-not-loaded-securely")
            elif not integrity and secure_scheme:
                worse("sri-not-implemented-but-external-scripts-loaded-securely")
            elif not integrity:
                worse("sri-not-implemented-and-external-scripts-not-loaded-securely")
        elif integrity and secure_scheme and result is None:
            result = "sri-implemented-and-all-scripts-loaded-securely"
    if result:
        return result
    if foreign:
        return "sri-implemented-and-external-scripts-loaded-securely"
    return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"


def _nosniff(response: Response) -> str:
    value = response.first("X-Content-Type-Options")
    if value is None:
        return "x-content-type-options-not-implemented"
    if value.strip().lower() == "nosniff":
        return "x-content-type-options-nosniff"
    return "x-content-type-options-header-invalid"


def _xfo(response: Response, csp: dict[str, set[str]]) -> str:
    if "frame-ancestors" in csp:
        return "x-frame-options-implemented-via-csp"
    value = (response.first("X-Frame-Options") or "").strip().lower()
    if not value:
        return "x-frame-options-not-implemented"
    if value in {"deny", "sameorigin"}:
        return "x-frame-options-sameorigin-or-deny"
    if value.startswith("allow-from"):
        return "x-frame-options-allow-from-origin"
    return "x-frame-options-header-invalid"


def _corp(response: Response) -> str:
    value = (response.first("Cross-Origin-Resource-Policy") or "").strip().lower()
    return {
        "": "cross-origin-resource-policy-not-implemented",
        "same-origin": "cross-origin-resource-policy-implemented-with-same-origin",
        "same-site": "cross-origin-resource-policy-implemented-with-same-site",
        "cross-origin": "cross-origin-resource-policy-implemented-with-cross-origin",
    }.get(value, "cross-origin-resource-policy-header-invalid")


# The transport settings production.py sets (HTTPS, HSTS, secure cookies), read from a fresh
# import of it; test_observatory_score.py serves them, test_headers.py checks their values.
TRANSPORT_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
    "ALLAUTH_TRUSTED_PROXY_COUNT",
]


def production_transport_settings(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "observatory-test")
    monkeypatch.setenv("ACCESS_LOG_KEY", "observatory-test-access-log-key-32-chars")
    monkeypatch.setenv("ALLOWED_HOSTS", "plan.example.dk")
    monkeypatch.setenv("SITE_URL", "https://plan.example.dk")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/unused.sqlite3")
    monkeypatch.delenv("SECURE_SSL_REDIRECT", raising=False)
    # production.py changes base's lists and dicts in place (INSTALLED_APPS +=, STORAGES[...]),
    # and those same objects are the running test settings: import a fresh copy of base for it
    # and put the original modules back afterwards.
    names = ("portal.settings.base", "portal.settings.production")
    saved = {name: sys.modules.pop(name) for name in names if name in sys.modules}
    try:
        production = importlib.import_module("portal.settings.production")
        return {key: getattr(production, key) for key in TRANSPORT_SETTINGS}
    finally:
        for name in names:
            sys.modules.pop(name, None)
        sys.modules.update(saved)
