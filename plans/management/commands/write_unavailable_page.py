"""Write the service's 503 page as a plain HTML file, for the proxy to answer with when no app
server answers at all (a server killed mid-request, every server down): nginx's
`error_page 502 504 =503 /unavailable.html` then shows the same Danish page the app shows
during a database outage, instead of nginx's own "502 Bad Gateway". Run at deploy, after
collectstatic (the page links the hashed stylesheet)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import translation


class Command(BaseCommand):
    help = "Write the 503 page the proxy shows when no app server answers (run at deploy)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file to write, e.g. /srv/unavailable.html")

    def handle(self, *args, path, **options):
        with translation.override("da"):
            page = render_to_string("503.html", {"proxy": True, "action": "/"})
        Path(path).write_text(page, encoding="utf-8")
        self.stdout.write(f"Skrev {path}")
