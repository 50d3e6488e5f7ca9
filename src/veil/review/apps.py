"""The Django application of the review stage (tables, templates and static files live in this package)."""

from __future__ import annotations

from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "veil.review"
    label = "review"
    verbose_name = "Veil review"
    default_auto_field = "django.db.models.BigAutoField"
