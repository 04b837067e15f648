"""Mine data: a person reads and downloads what the portal holds about them, and asks to be
forgotten."""
