"""``veil detect``: what Veil would mask, as JSON lines (one object per input file) or a table.

Each object is ``{"path", "spans": [{"start", "end", "label", "kind", "entity", "type", "action",
"why", "text"?}]}`` with offsets in Unicode code points into the file's text (UTF-8, no newline
translation). All mentions of one entity share ``entity``. Public facts that would be kept are left out.
The real text of each span is included only with ``--text``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from veil.cli.app import app, err_console, out_console
from veil.cli.options import Config, FormatName, Inputs, Lang, ProjectDir, settings_from
from veil.cli.project import optional_project
from veil.errors import VeilError
from veil.pipeline import Analysis, Pipeline


def spans_of(analysis: Analysis, with_text: bool) -> list[dict[str, Any]]:
    spans = []
    for entity, decision in analysis.masked():
        for mention in entity.mentions:
            span: dict[str, Any] = {
                "start": mention.start,
                "end": mention.end,
                "label": entity.label.value,
                "kind": entity.kind.value,
                "entity": entity.id,
                "type": entity.type,
                "action": decision.action.value,
                "why": [w.as_dict() for w in mention.why],
            }
            if with_text:
                span["text"] = mention.text
            spans.append(span)
    return sorted(spans, key=lambda s: (s["start"], s["end"]))


@app.command()
def detect(
    inputs: Inputs,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per input on standard output.")] = False,
    lang: Lang = "auto",
    config: Config = None,
    format_name: FormatName = None,
    text: Annotated[bool, typer.Option("--text", help="Include each span's real text (sensitive).")] = False,
    project_dir: ProjectDir = None,
) -> None:
    """List the identifiers Veil finds, without writing anything (a project's vault is only read)."""
    project = optional_project(project_dir)
    if project is None:
        _detect_all(Pipeline(settings_from(config)), inputs, jsonl, lang, format_name, text)
        return
    with project:
        pipeline = project.pipeline(settings_from(config) if config else None, writable=False)
        _detect_all(pipeline, inputs, jsonl, lang, format_name, text)


def _detect_all(
    pipeline: Pipeline, inputs: list[Path], jsonl: bool, lang: str, format_name: str | None, text: bool
) -> None:
    failures = 0
    for path in inputs:
        try:
            analysis = pipeline.analyze(pipeline.read(path, format_name), lang)
        except VeilError as error:
            if len(inputs) == 1:
                raise
            failures += 1
            err_console.print(f"veil: error[{error.code.value}]: {error.message}", markup=False, highlight=False)
            continue
        spans = spans_of(analysis, text)
        if jsonl:
            print(json.dumps({"path": str(path), "spans": spans}, ensure_ascii=False), flush=True)
        else:
            out_console.print(_table(str(path), spans, text))
    if failures:
        raise typer.Exit(1)


def _table(path: str, spans: list[dict[str, Any]], with_text: bool) -> Table:
    table = Table(title=path, title_justify="left", show_edge=False)
    for column in ("entity", "start", "end", "kind", "label", "type", "action", *(("text",) if with_text else ())):
        table.add_column(column)
    for span in spans:
        row = [
            span["entity"],
            str(span["start"]),
            str(span["end"]),
            span["kind"],
            span["label"],
            span["type"],
            span["action"],
        ]
        table.add_row(*row, *((span["text"],) if with_text else ()))
    return table
