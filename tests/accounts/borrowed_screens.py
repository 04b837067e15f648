"""The borrowed screens a citizen meets (allauth's pages, flash messages and emails), reached
through the real flows with the Django test client, as (name, visible text) pairs. Used by
tests/accounts/test_borrowed_words.py and by `python -m tests.accounts.borrowed_screens`-style
measuring of LIX before and after."""

import re
from html.parser import HTMLParser

from django.core import mail

NEW_PASSWORD = "en-lang-god-adgangskode-42"


class _VisibleText(HTMLParser):
    """Text inside <title> and <main> as a person sees it: text nodes, placeholders and button
    values; never script, style or hidden fields. Block ends become paragraph breaks, so
    headings and labels count as sentences of their own (as home.readability does)."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "label", "button", "div", "dt", "dd", "td", "th"}

    def __init__(self):
        super().__init__()
        self.parts, self.depth_main, self.skip, self.in_title = [], 0, 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.depth_main += 1
        if tag in {"script", "style", "template"}:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if self.depth_main and not self.skip:
            if attrs.get("placeholder"):
                self.parts.append(f"\n\n{attrs['placeholder']}\n\n")
            if tag == "input" and attrs.get("type") == "submit" and attrs.get("value"):
                self.parts.append(f"\n\n{attrs['value']}\n\n")

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth_main -= 1
        if tag in {"script", "style", "template"}:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
            self.parts.append("\n\n")
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if (self.depth_main or self.in_title) and not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    text = re.sub(r"[ \t]+", " ", "".join(parser.parts))
    return re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip()


def email_text(message) -> str:
    """Subject and body without links and codes: what a person reads, not what they click."""
    body = re.sub(r"https?://\S+", "", message.body)
    return f"{message.subject}\n\n{body}"


class Walk:
    """Collects what one flow shows: each page once (by name) and each email sent."""

    def __init__(self, client):
        self.client, self.screens, self._seen_mail = client, [], 0

    def page(self, name, response):
        assert response.status_code == 200, (name, response.status_code)
        self.screens.append((name, visible_text(response.content.decode())))
        return response

    def get(self, name, url, **kwargs):
        return self.page(name, self.client.get(url, follow=True, **kwargs))

    def post(self, name, url, data):
        return self.page(name, self.client.post(url, data, follow=True))

    def new_mail(self):
        """Every email sent since the last call, each as a screen named by its subject."""
        fresh = mail.outbox[self._seen_mail :]
        self._seen_mail = len(mail.outbox)
        for message in fresh:
            self.screens.append((f"e-mail: {message.subject}", email_text(message)))
        return fresh


def code_from(message) -> str:
    return re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", message.body, re.MULTILINE).group(1)


def link_from(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def flow_login(client, citizen, password):
    walk = Walk(client)
    walk.get("log ind", "/konto/login/")
    walk.post(
        "log ind, forkert adgangskode", "/konto/login/", {"login": citizen.email, "password": "x"}
    )
    walk.post(
        "logget ind (besked)", "/konto/login/", {"login": citizen.email, "password": password}
    )
    walk.get("log ud", "/konto/logout/")
    walk.post("logget ud (besked)", "/konto/logout/", {})
    return walk.screens


def flow_login_by_code(client, citizen, password):
    walk = Walk(client)
    walk.get("log ind med kode", "/konto/login/code/")
    walk.post("indtast koden", "/konto/login/code/", {"email": citizen.email})
    (message,) = walk.new_mail()
    walk.post("indtast koden, forkert kode", "/konto/login/code/confirm/", {"code": "XXXX-XXXX"})
    walk.post("logget ind med kode", "/konto/login/code/confirm/", {"code": code_from(message)})
    return walk.screens


def flow_signup(client, citizen, password):
    walk = Walk(client)
    walk.get("opret konto", "/konto/signup/")
    walk.post(
        "opret konto, fejl",
        "/konto/signup/",
        {"email": "ny@example.dk", "password1": NEW_PASSWORD, "password2": "noget-andet-42"},
    )
    walk.post(
        "bekræft din e-mail (sendt)",
        "/konto/signup/",
        {"email": "ny@example.dk", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    (message,) = walk.new_mail()
    link = link_from(message)
    walk.get("bekræft e-mail", link)
    walk.post("e-mail bekræftet (besked)", link, {})
    client.logout()
    walk.get("bekræft e-mail, brugt link", "/konto/confirm-email/ugyldig-nøgle/")
    client.post(
        "/konto/signup/",
        {"email": citizen.email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    walk.new_mail()  # the owner of a taken address is told by email
    return walk.screens


def flow_password_reset(client, citizen, password):
    walk = Walk(client)
    walk.get("glemt adgangskode", "/konto/password/reset/")
    walk.post("glemt adgangskode, sendt", "/konto/password/reset/", {"email": citizen.email})
    (message,) = walk.new_mail()
    page = walk.get("ny adgangskode", link_from(message))
    url = page.redirect_chain[-1][0] if page.redirect_chain else link_from(message)
    walk.post(
        "ny adgangskode, fejl", url, {"password1": NEW_PASSWORD, "password2": "noget-andet-42"}
    )
    walk.post("ny adgangskode, gemt", url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    walk.new_mail()
    client.post("/konto/password/reset/", {"email": "findes-ikke@example.dk"})
    walk.new_mail()
    walk.get("glemt adgangskode, brugt link", link_from(message))
    return walk.screens


def flow_account_pages(client, citizen, password):
    walk = Walk(client)
    client.post("/konto/login/", {"login": citizen.email, "password": password})
    client.post("/konto/reauthenticate/", {"password": password})
    walk.get("e-mail", "/konto/email/")
    walk.post("e-mail, tilføjet", "/konto/email/", {"email": "ny@example.dk", "action_add": ""})
    walk.new_mail()
    walk.get("adgangskode", "/konto/password/change/")
    walk.post(
        "adgangskode, fejl",
        "/konto/password/change/",
        {"oldpassword": "forkert", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    walk.post(
        "adgangskode, skiftet",
        "/konto/password/change/",
        {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    walk.new_mail()
    walk.get("hvor du er logget ind", "/konto/sessions/")
    walk.post("hvor du er logget ind, logget ud andre steder", "/konto/sessions/", {})
    return walk.screens


def _totp_code(secret: str) -> str:
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def flow_two_factor(client, citizen, password):
    walk = Walk(client)
    client.post("/konto/login/", {"login": citizen.email, "password": password})
    # allauth asks again before these changes even right after login; answer it once.
    client.post("/konto/reauthenticate/", {"password": password})
    walk.get("totrinsbekræftelse", "/konto/2fa/")
    walk.get("totrinsbekræftelse, slå til", "/konto/2fa/totp/activate/")
    walk.post("totrinsbekræftelse, forkert kode", "/konto/2fa/totp/activate/", {"code": "123"})
    secret = client.session["mfa.totp.secret"]
    walk.post(
        "totrinsbekræftelse, slået til", "/konto/2fa/totp/activate/", {"code": _totp_code(secret)}
    )
    walk.new_mail()
    walk.get("reservekoder", "/konto/2fa/recovery-codes/")
    walk.get("reservekoder, lav nye", "/konto/2fa/recovery-codes/generate/")
    walk.post("reservekoder, nye", "/konto/2fa/recovery-codes/generate/", {})
    walk.new_mail()
    client.post("/konto/logout/")
    client.post("/konto/login/", {"login": citizen.email, "password": password})
    walk.get("log ind, totrinsbekræftelse", "/konto/2fa/authenticate/")
    walk.post(
        "log ind, totrinsbekræftelse, forkert kode", "/konto/2fa/authenticate/", {"code": "000000"}
    )
    walk.post(
        "log ind, totrinsbekræftelse, logget ind",
        "/konto/2fa/authenticate/",
        {"code": _totp_code(secret)},
    )
    client.post("/konto/reauthenticate/", {"code": _totp_code(secret)})
    walk.get("slå app fra", "/konto/2fa/totp/deactivate/")
    walk.post("slå app fra, slået fra", "/konto/2fa/totp/deactivate/", {})
    walk.new_mail()
    return walk.screens


def flow_reauthenticate(client, citizen, password):
    walk = Walk(client)
    client.force_login(citizen)  # no recent login: a sensitive change asks again
    walk.post(
        "bekræft at det er dig", "/konto/email/", {"email": "ny@example.dk", "action_add": ""}
    )
    walk.post("bekræft at det er dig, fejl", "/konto/reauthenticate/", {"password": "forkert"})
    walk.get("bekræft med kode", "/konto/reauthenticate/code/")
    walk.post(
        "bekræft med kode, skriv koden",
        "/konto/reauthenticate/code/",
        {"recipient": citizen.email},
    )
    walk.new_mail()
    return walk.screens


FLOWS = {
    "login": flow_login,
    "login_by_code": flow_login_by_code,
    "signup": flow_signup,
    "password_reset": flow_password_reset,
    "account_pages": flow_account_pages,
    "reauthenticate": flow_reauthenticate,
    "two_factor": flow_two_factor,
}
