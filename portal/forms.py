"""The site's form renderer: every form field renders through components/field.html."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders forms with the project's template engine, so components/field.html and the
    widget templates are found like any other template ("django.forms" in INSTALLED_APPS)."""

    field_template_name = "components/field.html"
