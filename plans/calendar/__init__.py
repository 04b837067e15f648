"""Meetings as calendar files (.ics): who may fetch them, how they are written, the views."""
