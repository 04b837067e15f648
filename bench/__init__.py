"""`make bench`: load tests against the floor (not part of the test suite)."""
