"""The ``demarche`` command line."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from demarche.errors import DemarcheError
from demarche.reading import DEFAULT_MAX_BYTES, RawDocument, ReadFailure, read_sources

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


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    plover = "plover"
    gdelt = "gdelt"


def example_path() -> Path:
    return Path(str(files("demarche").joinpath("examples/statement_ru.txt")))


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]demarche: error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


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
) -> None:
    """Analyse statements: structure, speakers, and every actor with its offsets."""
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

    analyzer = Analyzer()
    items = list(read_sources(sources, max_bytes=max_bytes))
    documents = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, ReadFailure)]
    analysed = 0
    as_lines = output_format is OutputFormat.json and len(documents) > 1
    if output_format is OutputFormat.gdelt:
        sys.stdout.write("\t".join(COLUMNS) + "\n")
    with _progress(len(documents)) as progress:
        task = progress.add_task("analysing", total=len(documents))
        for raw in documents:
            try:
                doc = analyzer.analyze(raw)
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
        err.print(f"[red]demarche: skipped[/red] {failure}", highlight=False, soft_wrap=True)
    if failures and analysed:
        err.print(f"demarche: analysed {analysed}, skipped {len(failures)}", highlight=False)
    if not analysed:
        raise fail(f"nothing could be analysed ({len(failures)} input(s) failed)")


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=total < 2 or not err.is_terminal,
        transient=True,
    )


@eval_app.command("ner")
def eval_ner(
    factrueval: Annotated[Path, typer.Option(help="FactRuEval-2016 directory (e.g. .../devset).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    limit: Annotated[int, typer.Option(help="Score only the first N documents (0 = all).")] = 0,
) -> None:
    """Score mentions against FactRuEval-2016 gold, next to plain Natasha."""
    from demarche.evaluation.factrueval import evaluate, format_table

    if not factrueval.is_dir():
        raise fail(f"{factrueval}: not a directory")
    scores = evaluate(factrueval, limit=limit or None)
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=1) + "\n")
    else:
        out.print(format_table(scores))


@eval_app.command("facts")
def eval_facts(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold file like expected.json, or a folder of NAME.txt + NAME.expected.json."
        ),
    ],
    document: Annotated[
        Path | None, typer.Argument(help="The statement the gold file describes.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score extracted facts against an analyst's gold file, or a folder of them."""
    from demarche.evaluation.facts import score_corpus, score_facts
    from demarche.pipeline import Analyzer

    pairs = _gold_pairs(gold, document)
    analyzer = Analyzer()
    reports = {}
    for gold_path, doc_path in pairs:
        try:
            expected = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise fail(f"{gold_path}: cannot read gold file ({error})") from None
        items = list(read_sources([str(doc_path)]))
        raw = next((i for i in items if isinstance(i, RawDocument)), None)
        if raw is None:
            raise fail(str(items[0]) if items else f"{doc_path}: nothing to read")
        reports[doc_path.stem] = score_facts(analyzer.analyze(raw), expected)
    report = reports[pairs[0][1].stem] if document else score_corpus(reports)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        return
    if not document:
        for name, single in reports.items():
            out.print(
                f"{name:<45} recall {single['required_recall']:.3f}  precision "
                f"{single['precision']:.3f}",
                highlight=False,
            )
    out.print(
        f"required recall {report['required_recall']:.3f}, event precision "
        f"{report['precision']:.3f}, false-positive events {len(report['false_positives'])}"
    )
    for kind, values in report["kinds"].items():
        out.print(f"  {kind:<17} {values['found']}/{values['required']}", highlight=False)
        for missed in values["missed"]:
            out.print(f"      missed: {missed}", highlight=False)
    for line in report["false_positives"]:
        out.print(f"  false positive: {line}", highlight=False)


def _gold_pairs(gold: Path, document: Path | None) -> list[tuple[Path, Path]]:
    if document is not None:
        return [(gold, document)]
    if not gold.is_dir():
        raise fail(f"{gold}: give a statement to score, or a folder of gold files")
    pairs = [
        (path, path.with_name(path.name.removesuffix(".expected.json") + ".txt"))
        for path in sorted(gold.glob("*.expected.json"))
    ]
    pairs = [(g, d) for g, d in pairs if d.is_file()]
    if not pairs:
        raise fail(f"{gold}: no NAME.expected.json with a NAME.txt beside it")
    return pairs


def main() -> None:
    try:
        app()
    except DemarcheError as error:
        err.print(f"[red]demarche: error:[/red] {error}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("demarche: interrupted")
        sys.exit(130)
    except Exception as error:  # never show a traceback to the user
        err.print(f"[red]demarche: internal error:[/red] {error!r}", highlight=False)
        sys.exit(70)
