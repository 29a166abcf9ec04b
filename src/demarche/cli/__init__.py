"""The ``demarche`` command line: one module per group of commands."""

from __future__ import annotations

import sys

from rich.markup import escape

from demarche.cli import analyze, corpus, evaluate, serve  # noqa: F401  (registers commands)
from demarche.cli.common import app, err, example_path
from demarche.errors import DemarcheError

__all__ = ["app", "example_path", "main"]


def main() -> None:
    try:
        app()
    except DemarcheError as error:
        err.print(f"[red]demarche: error:[/red] {escape(str(error))}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("demarche: interrupted")
        sys.exit(130)
    except Exception as error:  # never show a traceback to the user
        err.print(f"[red]demarche: internal error:[/red] {escape(repr(error))}", highlight=False)
        sys.exit(70)
