"""``veil eval``: Veil measured on a public benchmark with TAB's measures, as a table or as JSON.

The gold is a TAB JSON file, a SPIA JSON-lines file, a factRuEval-2016 folder or a folder of BRAT
standoff (NEREL); the format is guessed unless ``--format`` names it. The missed entities are shown with
their context: benchmark text is public, so quoting it is fine here (and only here).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress
from rich.table import Table

from veil.cli.app import app, err_console, out_console
from veil.cli.options import Config, settings_from
from veil.evaluation import GOLD_FORMATS, evaluate, summary
from veil.writing.atomic import write_text_atomically

HEADLINE = (
    ("ER_di", "entity recall, direct identifiers", "direct_entities"),
    ("ER_qi", "entity recall, quasi-identifiers", "quasi_entities"),
    ("token_recall", "token recall", "tokens"),
    ("token_precision", "token precision", "masked_tokens"),
    ("mention_recall", "mention recall", "mentions"),
    ("mention_precision", "mention precision", None),
)


def _check_format(name: str | None) -> str | None:
    if name is not None and name not in GOLD_FORMATS:
        raise typer.BadParameter(f"unknown gold format {name!r}; use one of {', '.join(GOLD_FORMATS.names())}")
    return name


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _headline(result: dict[str, Any]) -> Table:
    table = Table(title=f"{result['gold']} ({result['format']})", title_justify="left", show_edge=False)
    for column in ("measure", "value", "out of"):
        table.add_column(column)
    for key, name, count in HEADLINE:
        table.add_row(f"{name} ({key})", _cell(result[key]), str(result["counts"][count]) if count else "")
    return table


def _breakdown(title: str, groups: dict[str, dict[str, Any]]) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False)
    for column in ("", "entities", "entity recall", "mentions", "mention recall", "tokens", "token recall"):
        table.add_column(column)
    for name, g in groups.items():
        table.add_row(name, str(g["entities"]), _cell(g["entity_recall"]), str(g["mentions"]),
                      _cell(g["mention_recall"]), str(g["tokens"]), _cell(g["token_recall"]))  # fmt: skip
    return table


def _missed(result: dict[str, Any]) -> Table:
    shown, total = len(result["missed"]), result["counts"]["missed_entities"]
    table = Table(title=f"Missed entities ({shown} of {total})", title_justify="left", show_edge=False)
    for column in ("document", "entity", "mention", "context (* = masked)"):
        table.add_column(column)
    for entry in result["missed"]:
        for mention in entry["mentions"]:
            entity = f"{entry['entity']} {entry['label']}/{entry['kind']}"
            table.add_row(entry["document"], entity, mention["text"], mention["context"])
    return table


def _print_tables(result: dict[str, Any]) -> None:
    out_console.print(_headline(result))
    out_console.print(_breakdown("Per label", result["per_label"]))
    if set(result["per_type"]) != set(result["per_label"]):
        out_console.print(_breakdown("Per type", result["per_type"]))
    run = result["run"]
    out_console.print(
        f"keep public: {result['keep_public']}; {run['characters']} characters in {run['seconds']} s "
        f"({run['chars_per_second']} chars/s) after {run['load_seconds']} s loading",
        highlight=False,
    )
    if result["missed"]:
        out_console.print(_missed(result))


@app.command("eval")
def evaluate_command(
    gold: Annotated[
        Path, typer.Argument(metavar="GOLD", help="A gold file or folder (TAB .json, SPIA .jsonl, factRuEval, BRAT).")
    ],
    format_name: Annotated[
        str | None,
        typer.Option(
            "--format", help="Gold format: tab, spia, factrueval or brat (default: guessed).", callback=_check_format
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
    config: Config = None,
    keep_public: Annotated[
        bool | None,
        typer.Option(
            "--keep-public/--no-keep-public",
            help="Keep public figures and places (default: yes for TAB and SPIA, no for the news corpora).",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N documents.")] = None,
    show_missed: Annotated[int, typer.Option("--missed", min=0, help="How many missed entities to list.")] = 20,
    masks: Annotated[
        Path | None,
        typer.Option(
            "--masks-out",
            dir_okay=False,
            help="Also write Veil's masks as TAB's evaluation.py reads them ({doc_id: [[start, end]]}).",
        ),
    ] = None,
) -> None:
    """Measure Veil on a benchmark's gold annotations with TAB's measures."""
    settings = settings_from(config)
    with Progress(console=err_console, transient=True, disable=as_json or not err_console.is_terminal) as progress:
        task = progress.add_task("evaluating", total=None)
        result = evaluate(gold, format_name, settings, keep_public, limit, lambda _: progress.advance(task))
    if masks is not None:
        write_text_atomically(masks, json.dumps(result.masks()) + "\n")
    report = summary(result, show_missed)
    if as_json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        _print_tables(report)
