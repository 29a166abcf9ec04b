"""Shared pieces of the command line: the app, consoles, errors and progress bars."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

app = typer.Typer(
    help="Demarche: official diplomatic statements into verifiable facts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
eval_app = typer.Typer(help="Score Demarche against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console(soft_wrap=False)
err = Console(stderr=True)


def example_path() -> Path:
    return Path(str(files("demarche").joinpath("examples/statement_ru.txt")))


def check_language(language: str | None) -> str | None:
    """``--language``: a language pack's code, or a usage error (exit 2)."""
    from demarche.language.identify import PACKS

    if language is not None and language not in PACKS:
        raise fail(f"--language {language}: no language pack (choose {', '.join(PACKS)})", 2)
    return language


LANGUAGE_HELP = (
    "Analyse every input as this language (ru, en) instead of identifying each one's "
    "language; inputs in a language without a pack are otherwise skipped."
)


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]demarche: error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def skipped(message: str) -> None:
    """One line per skipped item, never wrapped, so logs stay one line per item."""
    err.print(f"[red]demarche: skipped[/red] {escape(message)}", highlight=False, soft_wrap=True)


def note(message: str) -> None:
    err.print(escape(message), highlight=False, soft_wrap=True)


class DocsPerSecond(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "… docs/s", style="progress.data.speed")


def progress_bar(total: int | None, description: str = "analysing") -> Progress:
    """Count, total, rate, elapsed and remaining time on stderr, when it is a terminal."""
    return Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn() if total is not None else TextColumn("{task.completed} done"),
        DocsPerSecond(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=(total is not None and total < 2) or not err.is_terminal,
        transient=True,
    )
