"""The one error the plans' services raise: a write the rules do not allow.

It is a ValidationError, so a form takes it as it is (`form.add_error(None, error)` puts each
message on its field when it names one) and a view shows `error.messages`. Its messages are
plain Danish, safe to show to the person who tried."""

from django.core.exceptions import ValidationError


class PlanRuleError(ValidationError):
    """A write the rules of the plan or the network do not allow."""
