"""Invitation tokens: random, written only into the email, kept in the database as a hash."""

import hashlib
import secrets

# 32 random bytes is 256 bits, well above the 128 the privacy rules ask for.
TOKEN_BYTES = 32


def new_token() -> tuple[str, str]:
    """Return (token for the link, hash to store). The token itself is never saved."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    # A plain sha256 is enough: the token is random and long, so there is nothing to guess
    # or look up in a table; what matters is that a copy of the database opens no plan.
    return hashlib.sha256(token.encode()).hexdigest()
