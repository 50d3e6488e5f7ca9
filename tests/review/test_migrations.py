"""Migrations go down and up again with data in place, and the full-text index comes back whole."""

from __future__ import annotations


def test_fulltext_migration_down_and_up_keeps_data_and_search(review_app) -> None:  # type: ignore[no-untyped-def]
    from django.core.management import call_command
    from django.db import connection

    from veil.review.models import Testimony
    from veil.review.search import FTS_TABLE, search

    testimony = Testimony.objects.create(title="m", format="txt", status="review", protected_text="zyxwvut marker",
                                         vault_document=987654)  # fmt: skip
    try:
        call_command("migrate", "review", "0001", verbosity=0)
        tables = connection.introspection.table_names()
        assert FTS_TABLE not in tables
        assert Testimony.objects.filter(pk=testimony.pk).exists()
        call_command("migrate", "review", verbosity=0)
        assert list(testimony.versions.values_list("document", flat=True)) == [987654]  # the data migration
        assert list(search(Testimony.objects.all(), "zyxwvut")) == [testimony]
        Testimony.objects.filter(pk=testimony.pk).update(protected_text="something else")
        assert list(search(Testimony.objects.all(), "zyxwvut")) == []
    finally:
        testimony.delete()


def test_no_model_change_is_missing_a_migration(review_app) -> None:  # type: ignore[no-untyped-def]
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("makemigrations", "review", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
