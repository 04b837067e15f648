"""The person's own settings: how often Fællesplan emails them (citizens, members and staff)."""
