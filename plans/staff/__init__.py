"""The staff side of plans in the Wagtail admin: plans of the own team, answers, organisation."""
