"""Corpus commands: ingest, reanalyze, search, query, export and overview, over one store."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from demarche.cli.common import (
    LANGUAGE_HELP,
    app,
    check_language,
    err,
    fail,
    note,
    out,
    progress_bar,
    skipped,
)
from demarche.reading import DEFAULT_MAX_BYTES, read_sources
from demarche.reading.sources import count_items

query_app = typer.Typer(help="Query a corpus store.", no_args_is_help=True)
app.add_typer(query_app, name="query")
codes_app = typer.Typer(
    help="List the actor codes and event types filters accept.", no_args_is_help=True
)
app.add_typer(codes_app, name="codes")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file or postgresql:// URL (default: demarche.db in the user data dir).",
    ),
]
ActorOption = Annotated[str | None, typer.Option(help="Only documents mentioning this actor.")]
FromOption = Annotated[str | None, typer.Option("--from", help="From date, YYYY-MM-DD.")]
ToOption = Annotated[str | None, typer.Option("--to", help="To date, YYYY-MM-DD.")]
GenreOption = Annotated[str | None, typer.Option(help="Genre, e.g. remarks, interview.")]
SpeakerOption = Annotated[str | None, typer.Option(help="Speaker entity id or name part.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def examples_dir() -> Path:
    return Path(str(files("demarche").joinpath("examples")))


def _open(db: str | None):
    from demarche.store import Store

    return Store.open(db)


def _filters(actor, date_from, date_to, genre, speaker):
    from demarche.store import Filters

    return Filters(
        actor=actor,
        date_from=_date(date_from),
        date_to=_date(date_to),
        genre=genre,
        speaker=speaker,
    )


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{value!r} is not a date (YYYY-MM-DD)", 2) from None


def _actor(connection, value: str | None) -> str | None:
    """The stored code ``value`` names; an unknown one stops the command with suggestions."""
    if value is None:
        return None
    from demarche.store import queries

    code, closest = queries.resolve_actor(connection, value)
    if code is None:
        hint = ", ".join(f"{c['code']} ({c['name']})" for c in closest)
        raise fail(
            f"unknown actor {value!r}"
            + (f"; closest: {hint}" if hint else "")
            + " (`demarche codes actors` lists them)",
            2,
        )
    return code


def _event_type(value: str | None) -> str | None:
    if value is None:
        return None
    from demarche.store import queries

    name, closest = queries.resolve_event_type(value)
    if name is None:
        hint = ", ".join(c["type"] for c in closest)
        raise fail(
            f"unknown event type {value!r}"
            + (f"; closest: {hint}" if hint else "")
            + " (`demarche codes types` lists them)",
            2,
        )
    return name


def _checked(connection, filters):
    """The filters with their actor checked and written as its code."""
    if filters.actor is not None:
        filters.actor = _actor(connection, filters.actor)
    return filters


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, JSON-lines dumps, or a .txt list of URLs."),
    ] = None,
    db: DbOption = None,
    examples: Annotated[bool, typer.Option(help="Ingest the bundled examples.")] = False,
    fetch: Annotated[
        bool, typer.Option(help="Allow downloading the URLs of a URL list (off by default).")
    ] = False,
    max_bytes: Annotated[int, typer.Option(help="Skip inputs over this size.")] = DEFAULT_MAX_BYTES,
    timeout: Annotated[float, typer.Option(help="Seconds per URL request.")] = 15.0,
    delay: Annotated[float, typer.Option(help="Seconds between requests to one host.")] = 1.0,
    workers: Annotated[
        int, typer.Option(min=0, help="Analyse on a local Dask cluster of N processes (0: here).")
    ] = 0,
    scheduler: Annotated[
        str | None, typer.Option(help="Address of a Dask scheduler to analyse on.")
    ] = None,
    language: Annotated[str | None, typer.Option(help=LANGUAGE_HELP)] = None,
) -> None:
    """Analyse statements into the store: idempotent, one transaction per document."""
    language = check_language(language)
    from demarche.reading.web import Fetcher, url_list
    from demarche.store.ingest import ingest as run_ingest

    sources = list(paths or [])
    if examples:
        sources.append(str(examples_dir()))
    if not sources:
        raise fail("give a PATH, a URL list, or --examples", 2)
    local, urls = [], []
    for source in sources:
        listed = url_list(Path(source))
        if listed is None:
            local.append(source)
        else:
            urls.extend(listed)
    if urls and not fetch:
        raise fail(f"{len(urls)} URL(s) given; pass --fetch to download them", 2)

    def items():
        yield from read_sources(local, max_bytes=max_bytes)
        if urls:
            yield from Fetcher(timeout=timeout, max_bytes=max_bytes, delay=delay).fetch_all(urls)

    store = _open(db)
    total = count_items(local)
    with progress_bar(None if total is None else total + len(urls), "ingesting") as progress:
        task = progress.add_task("ingest", total=None if total is None else total + len(urls))
        advance = lambda _outcome: progress.advance(task)  # noqa: E731
        if workers or scheduler:
            from demarche.store.distributed import ingest_distributed

            report = ingest_distributed(
                store, items(), workers or 2, scheduler, advance, language=language
            )
        else:
            from demarche.pipeline import Analyzer

            report = run_ingest(store, items(), Analyzer(language), progress=advance)
    _print_report("stored", report)
    if report.stored == 0 and report.unchanged == 0 and report.failed:
        raise fail("nothing could be ingested")


@app.command()
def reanalyze(db: DbOption = None) -> None:
    """Re-analyse documents stored by an older analyser version."""
    from demarche.store.ingest import reanalyze as run_reanalyze
    from demarche.version import analyzer_version

    store = _open(db)
    stale = len(store.stale(analyzer_version()))
    with progress_bar(stale, "re-analysing") as progress:
        task = progress.add_task("reanalyze", total=stale)
        report = run_reanalyze(store, progress=lambda _outcome: progress.advance(task))
    _print_report("re-analysed", report)


def _print_report(verb: str, report) -> None:
    for failure in report.failed:
        skipped(failure)
    note(
        f"demarche: {verb} {report.stored}, unchanged {report.unchanged}, "
        f"skipped {len(report.failed)} in {report.seconds:.1f}s "
        f"({report.docs_per_second:.1f} docs/s)"
    )


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words; every case form matches.")],
    db: DbOption = None,
    actor: ActorOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    genre: GenreOption = None,
    speaker: SpeakerOption = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over lemmas, with highlighted snippets."""
    from demarche.language.morphology import Morphology
    from demarche.store.search import search as run_search

    store = _open(db)
    filters = _filters(actor, date_from, date_to, genre, speaker)
    with store.engine.connect() as connection:
        filters = _checked(connection, filters)
        hits = run_search(connection, query, Morphology(), filters, limit=limit)
    if as_json:
        sys.stdout.write(json.dumps([h.as_dict() for h in hits], ensure_ascii=False) + "\n")
        return
    if not hits:
        out.print("no matches")
    for hit in hits:
        day = hit.date.isoformat() if hit.date else "----------"
        out.print(f"[bold]#{hit.id}[/bold] {day} {escape(hit.title or hit.source)}")
        out.print(Text("   ") + _highlighted(hit.snippet))


def _highlighted(snippet: str) -> Text:
    text = Text()
    for index, piece in enumerate(re.split(r"\[([^\[\]]+)\]", snippet)):
        text.append(piece, style="bold yellow" if index % 2 else "")
    return text


@query_app.command("events")
def query_events(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Source actor code.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    actor: ActorOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    genre: GenreOption = None,
    speaker: SpeakerOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    as_json: JsonOption = False,
) -> None:
    """Events by source, target, type and date range."""
    from demarche.store import queries

    filters = _filters(actor, date_from, date_to, genre, speaker)
    with _open(db).engine.connect() as connection:
        filters = _checked(connection, filters)
        source, target = _actor(connection, source), _actor(connection, target)
        event_type = _event_type(event_type)
        rows = queries.events(connection, filters, source, target, event_type, limit=limit)
    if as_json:
        _json(rows)
        return
    if not rows:
        err.print("demarche: no events match", highlight=False)
        return
    table = Table("doc", "date", "type", "source", "target", "summary")
    for row in rows:
        table.add_row(
            str(row["document_id"]),
            row["date"] or "",
            row["type"] + (f":{row['mode']}" if row["mode"] else ""),
            row["source"],
            row["target"],
            escape(row["summary"]),
        )
    out.print(table)


@query_app.command("actor")
def query_actor(
    code: Annotated[str, typer.Argument(help="Actor code, e.g. RUS, NATO.")],
    db: DbOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    as_json: JsonOption = False,
) -> None:
    """An actor's profile: whom it meets, supports and accuses, by month."""
    from demarche.store import queries

    filters = _filters(None, date_from, date_to, None, None)
    with _open(db).engine.connect() as connection:
        profile = queries.actor_profile(connection, _actor(connection, code), filters)
    if as_json:
        _json(profile)
        return
    out.print(f"[bold]{profile['actor']}[/bold] {profile['name']}: {profile['documents']} docs")
    for side, kinds in profile["counterparts"].items():
        for kind, counts in kinds.items():
            listed = ", ".join(f"{actor} {n}" for actor, n in counts.items())
            out.print(f"  {side:<10} {kind:<10} {listed}", highlight=False)
    for month, counts in profile["by_month"].items():
        listed = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
        out.print(f"  {month}  {listed}", highlight=False)


@query_app.command("agreements")
def query_agreements(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The agreements registry, linked across documents."""
    from demarche.store import queries

    with _open(db).engine.connect() as connection:
        registry = queries.agreements(connection)
    if as_json:
        _json(registry)
        return
    table = Table("agreement", "kind", "parties", "signed", "status", "docs")
    for item in registry:
        signed = " ".join(filter(None, [item["signed"], item["signed_at"]]))
        table.add_row(
            escape(item["name_en"]),
            item["kind"],
            ", ".join(item["parties"]),
            signed,
            item["status"],
            str(item["document_count"]),
        )
    out.print(table)


@query_app.command("formats")
def query_formats(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Dialogue formats with their rounds, as a timeline."""
    from demarche.store import queries

    with _open(db).engine.connect() as connection:
        formats = queries.dialogue_formats(connection)
    if as_json:
        _json(formats)
        return
    for item in formats:
        out.print(f"[bold]{escape(item['name_en'])}[/bold] ({', '.join(item['parties'])})")
        for r in item["rounds"]:
            number = f"round {r['number']}" if r["number"] else "meeting"
            where = ", ".join(filter(None, [r["date"], r["place"]]))
            out.print(f"  {number}: {where} [{r['evidence_count']} evidence]", highlight=False)


@query_app.command("network")
def query_network(
    db: DbOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    as_json: JsonOption = False,
) -> None:
    """The actor network: event and relation counts between actors."""
    from demarche.store import queries

    filters = _filters(None, date_from, date_to, None, None)
    with _open(db).engine.connect() as connection:
        graph = queries.network(connection, filters)
    if as_json:
        _json(graph)
        return
    table = Table("source", "target", "events", "types", "relations")
    for edge in sorted(graph["edges"], key=lambda e: -e["events"]):
        types = ", ".join(f"{k} {v}" for k, v in sorted(edge["types"].items()))
        table.add_row(
            edge["source"], edge["target"], str(edge["events"]), types, ", ".join(edge["relations"])
        )
    out.print(table)


@query_app.command("stances")
def query_stances(
    holder: Annotated[str, typer.Argument(help="Holder actor code.")],
    target: Annotated[str, typer.Argument(help="Target actor code.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The stance trend from one actor to another, by month."""
    from demarche.store import queries

    with _open(db).engine.connect() as connection:
        trend = queries.stance_trend(
            connection, _actor(connection, holder), _actor(connection, target)
        )
    if as_json:
        _json(trend)
        return
    if not trend:
        err.print("demarche: no stances recorded for this pair", highlight=False)
        return
    out.print(STANCE_LEGEND, highlight=False)
    for month in trend:
        out.print(
            f"{month['month']}  +{month['positive']} -{month['negative']} ~{month['mixed']}"
            f"  score {month['score']:+.1f}",
            highlight=False,
        )


# What a stance score means (facts/stances.py): per statement, each event counts its PLOVER
# score / 5 (-2 for an assault ... +2 for aid) and each evaluative word +-1.
STANCE_LEGEND = (
    "score: sum over the month's statements; an event counts its PLOVER score / 5 "
    "(-2 hostile ... +2 friendly), an evaluative word +-1; > 0 friendly, < 0 hostile"
)


class ExportFormat(StrEnum):
    plover = "plover"
    gdelt = "gdelt"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"


@app.command()
def export(
    export_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    output: Annotated[
        Path, typer.Option("--out", "-o", help="File (plover, gdelt, graphml) or folder.")
    ],
    db: DbOption = None,
    actor: ActorOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    genre: GenreOption = None,
    speaker: SpeakerOption = None,
    force: Annotated[bool, typer.Option(help="Overwrite existing output files.")] = False,
) -> None:
    """Export the store: PLOVER JSONL, GDELT TSV, CSV or Parquet per table, GraphML network."""
    from demarche.store import export as exports

    folder = export_format in (ExportFormat.csv, ExportFormat.parquet)
    _check_output(output, folder, force, export_format.value)
    filters = _filters(actor, date_from, date_to, genre, speaker)
    try:
        _export(exports, export_format, output, db, filters)
    except OSError as error:
        raise fail(f"cannot write {output}: {error.strerror or error}") from None


def _check_output(output: Path, folder: bool, force: bool, suffix: str) -> None:
    """Refuse to overwrite without --force and to invent folders: a typo in -o should not
    clobber a file or scatter exports into a new directory tree."""
    if not output.parent.is_dir():
        raise fail(f"folder {output.parent} does not exist; create it first", 2)
    if folder:
        if output.exists() and not output.is_dir():
            raise fail(f"{output} is a file; CSV and Parquet exports write a folder", 2)
        if output.is_dir() and not force:
            from demarche.store.export import TABLES

            taken = [n for n in TABLES if (output / f"{n}.{suffix}").exists()]
            if taken:
                raise fail(f"{output} already holds {suffix} tables; pass --force to overwrite", 2)
        return
    if output.is_dir():
        raise fail(f"{output} is a folder; give a file name", 2)
    if output.exists() and not force:
        raise fail(f"{output} exists; pass --force to overwrite it", 2)


def _export(exports, export_format: ExportFormat, output: Path, db, filters) -> None:
    with _open(db).engine.connect() as connection:
        filters = _checked(connection, filters)
        if export_format in (ExportFormat.csv, ExportFormat.parquet):
            writer = (
                exports.write_csv if export_format is ExportFormat.csv else exports.write_parquet
            )
            written = writer(connection, output, filters)
            err.print(f"demarche: wrote {len(written)} tables to {output}", highlight=False)
        elif export_format is ExportFormat.graphml:
            nodes, edges = exports.write_graphml(connection, output, filters)
            err.print(f"demarche: wrote {nodes} nodes, {edges} edges to {output}", highlight=False)
        else:
            writer = (
                exports.write_plover
                if export_format is ExportFormat.plover
                else exports.write_gdelt
            )
            with output.open("w", encoding="utf-8") as handle:
                count = writer(connection, handle, filters)
            err.print(f"demarche: wrote {count} rows to {output}", highlight=False)
            skipped = exports.plover_skipped(connection, filters)
            if skipped:
                # PLOVER requires a date; these events and their statements have none.
                err.print(f"demarche: left out {skipped} undated event(s)", highlight=False)


@app.command()
def overview(db: DbOption = None, as_json: JsonOption = False) -> None:
    """A short overview of the corpus: counts, dates, top actors, event types."""
    from demarche.store import queries

    store = _open(db)
    counts = store.counts()
    with store.engine.connect() as connection:
        summary = queries.overview(connection)
        agreements = queries.agreements(connection)
        formats = queries.dialogue_formats(connection)
    if as_json:
        _json({"counts": counts, **summary})
        return
    out.print(
        f"[bold]Corpus[/bold] ({store.backend}): {counts['documents']} documents, "
        f"{summary['first_date']} … {summary['last_date']}"
    )
    out.print(
        "  "
        + ", ".join(
            f"{n} {name.replace('_', ' ')}" for name, n in counts.items() if name != "documents"
        ),
        highlight=False,
    )
    out.print(
        "  top actors: "
        + ", ".join(f"{a['actor']} ({a['documents']})" for a in summary["top_actors"])
    )
    out.print("  events: " + ", ".join(f"{k} {v}" for k, v in summary["event_types"].items()))
    for item in agreements[:5]:
        out.print(f"  agreement: {escape(item['name_en'])} — {item['document_count']} doc(s)")
    for item in formats[:3]:
        rounds = ", ".join(_round_label(r) for r in item["rounds"]) or "none recorded"
        out.print(f"  format: {escape(item['name_en'])} — rounds: {rounds}", highlight=False)


def _round_label(item: dict) -> str:
    """A round's number, else its date or place; a meeting the text neither numbers nor dates
    is 'undated' rather than None."""
    if item.get("number"):
        return str(item["number"])
    return item.get("date") or item.get("place") or "undated"


@codes_app.command("actors")
def codes_actors(
    db: DbOption = None,
    kind: Annotated[str | None, typer.Option(help="Only 'state' or 'organization'.")] = None,
    stored: Annotated[bool, typer.Option(help="Only codes some stored document mentions.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Actor codes: the gazetteer's states and organisations and any other stored code."""
    from demarche.store import queries

    with _open(db).engine.connect() as connection:
        codes = queries.actor_codes(connection)
    codes = [
        c for c in codes if (kind is None or c["kind"] == kind) and (not stored or c["documents"])
    ]
    if as_json:
        _json(codes)
        return
    table = Table("code", "name", "kind", "docs")
    for item in codes:
        table.add_row(item["code"], escape(item["name"]), item["kind"], str(item["documents"]))
    out.print(table)


@codes_app.command("types")
def codes_types(as_json: JsonOption = False) -> None:
    """PLOVER event types with their modes and definitions."""
    from demarche.store import queries

    types = queries.event_types()
    if as_json:
        _json(types)
        return
    table = Table("type", "quad", "modes", "definition")
    for item in types:
        table.add_row(
            item["type"], str(item["quad_class"]), ", ".join(item["modes"]), item["definition"]
        )
    out.print(table)


def _json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1, default=str) + "\n")
