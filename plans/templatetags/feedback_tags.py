"""The citizen's own last answer beside a feedback form: {% latest_answer plan activity as last %}
(plans/includes/feedback_form.html uses it on an activity page)."""

from django import template

from plans.selectors import feedback_for

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_answer(context, plan, activity=None):
    return feedback_for(plan=plan, citizen=context["user"], activity=activity)
