"""Full-text search over the protected text: FTS5 on SQLite, a GIN index on PostgreSQL (see ``search``)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

from veil.review.search import POSTGRES_DOWN, POSTGRES_UP, SQLITE_DOWN, SQLITE_UP


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("review", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
