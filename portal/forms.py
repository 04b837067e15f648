"""The site's form renderer: every form field renders through components/field.html."""

from pathlib import Path

import django.forms
from django.forms.renderers import BaseRenderer
from django.template import TemplateDoesNotExist
from django.template.backends.jinja2 import Jinja2
from django.template.loader import get_template
from django.utils.functional import cached_property

# Django's own form templates for Jinja2, and ours (components/field.html).
JINJA2_DIRS = [Path(__file__).parent / "jinja2", Path(django.forms.__file__).parent / "jinja2"]


class FormRenderer(BaseRenderer):
    """Draws forms with Jinja2: Django's engine spent about 2 ms of every personal page on them
    (issue 18). A widget that needs a template Jinja2 does not have (Wagtail's admin and
    allauth bring their own, for the widget or for its choices) is drawn by the project's
    engine, all of it."""

    field_template_name = "components/field.html"

    @cached_property
    def engine(self):
        return Jinja2({"APP_DIRS": False, "DIRS": JINJA2_DIRS, "NAME": "forms", "OPTIONS": {}})

    @cached_property
    def _jinja2_has(self) -> dict[str, bool]:
        return {}

    def _in_jinja2(self, name: str) -> bool:
        if name not in self._jinja2_has:
            try:
                self.engine.get_template(name)
            except TemplateDoesNotExist:
                self._jinja2_has[name] = False
            else:
                self._jinja2_has[name] = True
        return self._jinja2_has[name]

    def get_template(self, template_name):
        if self._in_jinja2(template_name):
            return self.engine.get_template(template_name)
        return get_template(template_name)

    def render(self, template_name, context, request=None):
        names = [template_name, *_inner_templates(context.get("widget"))]
        if all(self._in_jinja2(name) for name in names):
            template = self.engine.get_template(template_name)
        else:
            template = get_template(template_name)  # also the widget's own, if Jinja2 has it
        return template.render(context, request=request).strip()


def _inner_templates(widget) -> list[str]:
    """The templates a widget's own template includes: its choices' and its parts'."""
    if not isinstance(widget, dict):
        return []
    names = [
        option["template_name"]
        for _group, options, _index in widget.get("optgroups", ())
        for option in options
    ]
    for part in widget.get("subwidgets", ()):
        names += [part["template_name"], *_inner_templates(part)]
    return names
