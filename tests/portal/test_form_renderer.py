"""portal.forms.FormRenderer draws our forms with Jinja2 and any widget that brings a template of
Django's engine (Wagtail's admin, allauth) with Django's engine, choices and all."""

from django import forms

from plans.forms import FeedbackForm
from portal.forms import FormRenderer


class Picker(forms.Form):
    # Wagtail's simple_translation draws each choice with a template Jinja2 does not have.
    locales = forms.MultipleChoiceField(
        choices=[("da", "Dansk"), ("en", "English")],
        widget=forms.CheckboxSelectMultiple(
            attrs={"class": "picker"},
        ),
    )


def test_a_choice_template_of_djangos_engine_is_drawn_by_djangos_engine():
    form = Picker()
    form.fields[
        "locales"
    ].widget.option_template_name = "simple_translation/admin/input_option.html"
    html = str(form["locales"])
    assert html.count('type="checkbox"') == 2
    assert 'name="locales"' in html and "English" in html


def test_our_fields_are_drawn_by_jinja2_with_the_one_field_template():
    renderer = FormRenderer()
    form = FeedbackForm(question="Hvor meningsfuld er planen for dig?", renderer=renderer)
    html = str(form["score"].as_field_group())
    assert renderer._in_jinja2("components/field.html")
    assert renderer._in_jinja2("django/forms/widgets/textarea.html")
    assert '<fieldset class="form-field form-field--choices" id="id_score"' in html
    assert "<legend>Hvor meningsfuld er planen for dig?</legend>" in html
    assert html.count('type="radio"') == 5


def test_a_widget_jinja2_lacks_is_found_by_djangos_engine():
    renderer = FormRenderer()
    assert not renderer._in_jinja2("simple_translation/admin/input_option.html")
    template = renderer.get_template("simple_translation/admin/input_option.html")
    assert "input" in template.render({"widget": {"attrs": {}, "name": "x", "type": "checkbox"}})
