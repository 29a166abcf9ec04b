"""``demarche analyze``: one or more statements, printed as text, JSON, PLOVER or GDELT."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from demarche.cli.common import (
    LANGUAGE_HELP,
    app,
    check_language,
    example_path,
    fail,
    note,
    out,
    progress_bar,
    skipped,
)
from demarche.errors import UnsupportedLanguage
from demarche.reading import DEFAULT_MAX_BYTES, RawDocument, ReadFailure, read_sources


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    plover = "plover"
    gdelt = "gdelt"


@app.command()
def analyze(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, JSON-lines dumps, or - for stdin."),
    ] = None,
    example: Annotated[bool, typer.Option(help="Analyse the bundled example statement.")] = False,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="text summary, JSON (schema 1.1), PLOVER JSONL or GDELT TSV"
        ),
    ] = OutputFormat.text,
    max_bytes: Annotated[
        int, typer.Option(help="Skip inputs larger than this many bytes.")
    ] = DEFAULT_MAX_BYTES,
    language: Annotated[str | None, typer.Option(help=LANGUAGE_HELP)] = None,
) -> None:
    """Analyse statements: structure, speakers, and every actor with its offsets."""
    language = check_language(language)
    sources = list(paths or [])
    if example:
        sources.append(str(example_path()))
    if not sources:
        raise fail("give a PATH, '-' for stdin, or --example", 2)

    from demarche.output.gdelt import COLUMNS, gdelt_rows
    from demarche.output.json_output import document_to_json
    from demarche.output.plover import plover_records
    from demarche.output.summary import print_summary
    from demarche.pipeline import Analyzer

    analyzer = Analyzer(language)
    items = list(read_sources(sources, max_bytes=max_bytes))
    documents = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, ReadFailure)]
    analysed = 0
    as_lines = output_format is OutputFormat.json and len(documents) > 1
    if output_format is OutputFormat.gdelt:
        sys.stdout.write("\t".join(COLUMNS) + "\n")
    with progress_bar(len(documents)) as progress:
        task = progress.add_task("analysing", total=len(documents))
        for raw in documents:
            try:
                doc = analyzer.analyze(raw)
            except UnsupportedLanguage as error:
                failures.append(ReadFailure(raw.source, error.reason))
                continue
            except Exception as error:  # one bad document must not stop the batch
                failures.append(ReadFailure(raw.source, f"analysis failed: {error!r}"))
                continue
            finally:
                progress.advance(task)
            analysed += 1
            if output_format is OutputFormat.json:
                payload = document_to_json(doc)
                text = json.dumps(payload, ensure_ascii=False, indent=None if as_lines else 1)
                sys.stdout.write(text + "\n")
            elif output_format is OutputFormat.plover:
                for record in plover_records(doc):
                    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif output_format is OutputFormat.gdelt:
                for row in gdelt_rows(doc):
                    sys.stdout.write("\t".join(c.replace("\t", " ") for c in row) + "\n")
            else:
                print_summary(doc, out)
    for failure in failures:
        skipped(str(failure))
    if failures and analysed:
        note(f"demarche: analysed {analysed}, skipped {len(failures)}")
    if not analysed:
        raise fail(f"nothing could be analysed ({len(failures)} input(s) failed)")
