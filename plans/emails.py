"""One way to send the plans' emails: plain text and HTML from a pair of templates."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send_text_and_html(*, to: str, subject: str, template: str, context: dict) -> None:
    """Render `<template>.txt` and `<template>.html` with the context and send both to one
    address. Callers choose the language (translation.override) and the subject's wording."""
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string(f"{template}.txt", context), to=[to]
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()
