"""The review app's own tables: testimonies in the archive, reviewers' decisions, and the audit trail.

None of these tables holds a real identifier. A :class:`Testimony` row keeps what may be published (the
protected text, searched in full text), the editor's catalogue fields and the review status; the
original stays in the project's vault, recorded there as one :class:`Version` or more. A
:class:`Change` records one reviewer decision about one entity, found again by the offsets of one of
its mentions (offsets, never text); an :class:`AddedSpan` is a span a reviewer marked as missed, by
offsets and kind. :class:`AuditEvent` is the app's own hash-chained trail of every action (who did what
to which id); the sensitive ones (views of originals, decisions, approvals, exports, deletions) also go
to the vault's audit log.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.db import models, transaction


class Status(models.TextChoices):
    PROCESSING = "processing", "Processing"
    REVIEW = "review", "In review"
    APPROVED = "approved", "Approved"
    FAILED = "failed", "Failed"


class Testimony(models.Model):
    """One uploaded document: catalogue fields, status and the protected text (never the original)."""

    title = models.CharField(max_length=200)
    format = models.CharField(max_length=16)
    language = models.CharField(max_length=8, blank=True)
    place = models.CharField(max_length=200, blank=True)
    theme = models.CharField(max_length=200, blank=True)
    date = models.DateField(null=True, blank=True)
    tags = models.CharField(max_length=500, blank=True, help_text="comma-separated")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PROCESSING)
    error = models.CharField(max_length=300, blank=True)
    protected_text = models.TextField(blank=True)
    # The same document's id in the project vault (None until recorded, or without a vault).
    vault_document = models.PositiveIntegerField(null=True, blank=True, unique=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["language"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"testimony {self.pk}"

    @property
    def tag_list(self) -> list[str]:
        return [t for t in (part.strip() for part in self.tags.split(",")) if t]


class Version(models.Model):
    """A version of a testimony sealed in the project vault (uploaded, then each approval); none is deleted
    but with the testimony, so ``veil reveal`` works on every file ever exported."""

    testimony = models.ForeignKey(Testimony, on_delete=models.CASCADE, related_name="versions")
    document = models.PositiveIntegerField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]


class Change(models.Model):
    """A reviewer's decision on the entity that has a mention at ``[anchor_start, anchor_end)``."""

    class Verdict(models.TextChoices):
        ACCEPT = "accept", "Accept"
        KEEP = "keep", "Reject (keep the original)"
        PSEUDONYM = "pseudonym", "Pseudonym"
        GENERALIZE = "generalize", "Generalize"
        REDACT = "redact", "Redact"

    testimony = models.ForeignKey(Testimony, on_delete=models.CASCADE, related_name="changes")
    anchor_start = models.PositiveIntegerField()
    anchor_end = models.PositiveIntegerField()
    verdict = models.CharField(max_length=16, choices=Verdict.choices)
    replacement = models.CharField(max_length=200, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]


class AddedSpan(models.Model):
    """A span a reviewer marked as missed; linking then finds all its other mentions."""

    testimony = models.ForeignKey(Testimony, on_delete=models.CASCADE, related_name="added_spans")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=32)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]


class AuditEvent(models.Model):
    """One audited action: who, what, on which ids; each row hashes the previous one (a broken chain shows)."""

    at = models.DateTimeField(auto_now_add=True)
    user = models.CharField(max_length=150)
    action = models.CharField(max_length=32)
    target = models.CharField(max_length=200, blank=True)
    previous = models.CharField(max_length=64)
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["id"]

    def payload(self) -> str:
        return json.dumps([self.user, self.action, self.target, self.previous], ensure_ascii=True)


def append_audit(user: str, action: str, target: str) -> AuditEvent:
    """Add an event at the end of the chain (one writer at a time: the row lock serialises appends)."""
    with transaction.atomic():
        last = AuditEvent.objects.select_for_update().order_by("-id").first()
        event = AuditEvent(user=user, action=action, target=target, previous=last.digest if last else "0" * 64)
        event.digest = hashlib.sha256(event.payload().encode("ascii")).hexdigest()
        event.save()
    return event


def verify_audit() -> int | None:
    """The id of the first event whose chain is broken, or None when the whole trail is intact."""
    previous = "0" * 64
    for event in AuditEvent.objects.order_by("id").iterator():
        if event.previous != previous or hashlib.sha256(event.payload().encode("ascii")).hexdigest() != event.digest:
            return int(event.pk)
        previous = event.digest
    return None
