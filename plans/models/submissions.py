"""One-time keys of submitted forms, so a double click or a retry writes once (plans.http)."""

import hashlib
import secrets

from django.conf import settings
from django.db import models


class SubmissionKey(models.Model):
    """A form that was submitted and saved, by whom, and where its answer sent the person.

    Every rendered form carries a fresh random key (the `submission_key` template tag); the
    stored `key` is a digest of that key, the address and the data sent, so a retry of the same
    submission finds its row and a form re-used with other words (a page brought back from the
    browser's history) does not. No text of the submission is kept. The row is written in the
    transaction of the write it guards, so a write that is rolled back leaves the key free.
    Rows are pruned after KEEP_FOR_HOURS (`manage.py prune_submission_keys`, daily)."""

    FIELD_NAME = "submission_key"
    KEEP_FOR_HOURS = 24

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Where the first answer sent the person; a repeat is sent to the same place.
    result_url = models.CharField(max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="plans_submission_key_once")
        ]

    def __str__(self):
        return f"{self.user_id}:{self.key[:8]}"

    @classmethod
    def new_form_key(cls) -> str:
        return secrets.token_urlsafe(16)

    @classmethod
    def digest(cls, *, form_key: str, path: str, data: list[tuple[str, list[str]]]) -> str:
        """The stored key of one submission: the form's key, where it was sent, and what."""
        hashed = hashlib.sha256()
        # Line breaks as the browser sent them the first time (CRLF) or from the 503 page's
        # copy (which an HTML parser may have turned into LF) are the same submission.
        data = [(name, [value.replace("\r\n", "\n") for value in values]) for name, values in data]
        for part in (form_key, path, *(f"{name}={values!r}" for name, values in sorted(data))):
            hashed.update(part.encode("utf-8", "surrogatepass") + b"\x00")
        return hashed.hexdigest()
