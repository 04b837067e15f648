"""A small browser for `make cluster` and `make faultload`: cookies kept by hand (the portal's
cookies are Secure, and these checks speak plain HTTP on loopback), no redirects followed, a
timeout on every request, and the hidden inputs of a form read back from the page, so whatever
a form carries (the CSRF token, a one-time key) goes back with the POST."""

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie

TIMEOUT = 10.0


@dataclass
class Answer:
    status: int  # 0 when no answer came: a timeout or a refused connection
    body: str = ""
    headers: dict = field(default_factory=dict)
    seconds: float = 0.0
    error: str = ""  # "timeout", "refused", ... when status is 0

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class Browser:
    def __init__(self, base: str, *, cookies: dict | None = None, timeout: float = TIMEOUT):
        self.base, self.timeout = base, timeout
        self.cookies: dict[str, str] = dict(cookies or {})
        self.headers: dict[str, str] = {}

    def request(self, path: str, data: dict | None = None, *, base: str = "") -> Answer:
        url = (base or self.base) + path
        headers = {"Accept-Language": "da", **self.headers}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers)
        started = time.monotonic()
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                answer = Answer(response.status, response.read().decode(errors="replace"))
                raw_headers = response.headers
        except urllib.error.HTTPError as error:
            answer = Answer(error.code, error.read().decode(errors="replace"))
            raw_headers = error.headers
        except TimeoutError:
            return Answer(0, seconds=time.monotonic() - started, error="timeout")
        except (urllib.error.URLError, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            kind = "timeout" if isinstance(reason, TimeoutError) else "refused"
            return Answer(0, seconds=time.monotonic() - started, error=kind)
        except http.client.HTTPException:
            # The server died while answering (IncompleteRead, RemoteDisconnected).
            return Answer(0, seconds=time.monotonic() - started, error="cut off")
        answer.seconds = time.monotonic() - started
        answer.headers = {k.lower(): v for k, v in raw_headers.items()}
        for value in raw_headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return answer

    def get(self, path: str, **kwargs) -> Answer:
        return self.request(path, **kwargs)

    def post(self, path: str, data: dict, **kwargs) -> Answer:
        return self.request(path, data, **kwargs)


class _HiddenInputs(HTMLParser):
    """The hidden inputs of the first POST form that has a field named `field`."""

    def __init__(self, field: str):
        super().__init__()
        self.field, self.forms, self.current = field, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.current = {"hidden": {}, "names": set()}
            self.forms.append(self.current)
        elif self.current is not None and tag in ("input", "textarea", "select"):
            name = attrs.get("name")
            if name:
                self.current["names"].add(name)
                if tag == "input" and (attrs.get("type") or "").lower() == "hidden":
                    self.current["hidden"][name] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def hidden_inputs(html: str, *, field: str) -> dict | None:
    parser = _HiddenInputs(field)
    parser.feed(html)
    for form in parser.forms:
        if field in form["names"]:
            return form["hidden"]
    return None


COMMENT_FORM = "/min-plan/kommentar/"
PLAN_PAGE = "/min-plan/"


@dataclass
class Attempt:
    """One citizen's go at posting a comment: the form fetched, then the POST."""

    text: str
    started: float
    ended: float = 0.0
    form_status: int = 0
    status: int = 0  # the POST's answer; 0 when none came or it was never sent
    error: str = ""
    seconds: float = 0.0  # the slower of the two requests
    retry_after: bool = False
    sent: bool = False

    @property
    def outcome(self) -> str:
        """ok: redirected to the plan page (a redirect elsewhere is a failure); refused:
        the form came back (a rule said no); no_form: the form did not load, so nothing was
        sent; failed: anything else."""
        if not self.sent:
            return "no_form"
        if self.status in (302, 303) and not self.error:
            return "ok"
        return "refused" if self.status == 200 else "failed"


def post_comment(browser: Browser, text: str) -> Attempt:
    attempt = Attempt(text=text, started=time.monotonic())
    form = browser.get(COMMENT_FORM)
    attempt.form_status, attempt.seconds = form.status, form.seconds
    hidden = hidden_inputs(form.body, field="body") if form.status == 200 else None
    if hidden is None:
        attempt.error = form.error or f"form {form.status}"
        attempt.retry_after = "retry-after" in form.headers
        attempt.ended = time.monotonic()
        return attempt
    attempt.sent = True
    answer = browser.post(COMMENT_FORM, {**hidden, "body": text})
    attempt.ended = time.monotonic()
    attempt.status, attempt.error = answer.status, answer.error
    attempt.seconds = max(attempt.seconds, answer.seconds)
    attempt.retry_after = "retry-after" in answer.headers
    if attempt.status in (302, 303) and not answer.location.startswith(PLAN_PAGE):
        attempt.error = f"redirect to {answer.location}"  # the login page, say: failed
    return attempt
