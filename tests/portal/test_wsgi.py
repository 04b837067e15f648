"""The WSGI entry point gunicorn loads: the URLconf is loaded before the first request, and what
was loaded at start is out of the garbage collector's sight (portal/wsgi.py)."""

import os
import subprocess
import sys
import textwrap


def test_a_worker_starts_with_its_urls_loaded_and_its_start_frozen():
    code = textwrap.dedent(
        """
        import gc, sys
        import portal.wsgi
        print("plans.views" in sys.modules, gc.get_freeze_count(), len(gc.get_objects()))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=os.environ, capture_output=True, text=True, check=True
    )
    views_loaded, frozen, tracked = out.stdout.split()
    assert views_loaded == "True"
    assert int(frozen) > 100_000  # Django, Wagtail and the portal's own modules
    assert int(tracked) < 1_000  # the collector sees only what was made after
