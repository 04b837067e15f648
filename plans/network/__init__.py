"""The citizen's network: invitations, members, offers of help (models in plans.models.network)."""
