"""plans.fragments.version_raised refuses to run outside a transaction: raised on its own, the
new version would commit before the rows, and a reader could keep the old rows under it. No
database is needed to see it refuse (so none is set up)."""

import pytest

from plans.fragments import version_raised
from plans.models import Plan


def test_the_version_is_raised_only_inside_a_transaction():
    with pytest.raises(RuntimeError), version_raised(plan=Plan(pk=1)):
        pass
