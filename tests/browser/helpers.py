"""Helpers the browser tests share: what Chromium refuses because of the Content-Security-Policy
on a page."""

from playwright.sync_api import Page


def watch_csp(page: Page) -> list[str]:
    """What Chromium refused because of the policy, from the console and from the DOM event,
    which is also fired for violations the console may word differently. Call before the first
    navigation: the listener is installed on every page the tab opens afterwards."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.expose_function("reportCspViolation", lambda text: refused.append(text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', (event) =>"
        " window.reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`));"
    )
    return refused
