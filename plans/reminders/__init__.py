"""Reminders before what matters: a meeting tomorrow, a complaint deadline in a week."""
