"""The human-readable summary printed by ``demarche analyze``."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from demarche.model import Document, Entity


def print_summary(doc: Document, console: Console) -> None:
    meta = doc.metadata
    console.rule(f"[bold]{escape(doc.id)}[/bold]  ({escape(doc.source)})")
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan")
    table.add_column()
    speaker = meta.speaker
    place = doc.entities.get(meta.place_entity_id) if meta.place_entity_id else None
    rows = [
        ("Genre", f"{meta.genre or '—'} ({meta.title_genre_word or 'no title line'})"),
        ("Date", meta.date.isoformat() if meta.date else "—"),
        ("Place", _place(doc, place)),
        ("Speaker", _speaker(speaker)),
        ("Occasion", meta.occasion or "—"),
        ("Counterpart", ", ".join(meta.counterparts) or "—"),
        ("Hashtags", " ".join(m.text for m in doc.markers if m.kind == "hashtag") or "—"),
        ("Elisions", str(sum(1 for m in doc.markers if m.kind == "elision"))),
        ("Repairs", "; ".join(f"{r.found} → {r.repaired}" for r in doc.repairs) or "—"),
        ("Turns", ", ".join(f"{t.label} [{t.actor or '?'}]" for t in doc.turns) or "—"),
        ("Size", f"{len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences, "
                 f"{len(doc.tokens)} tokens"),
    ]  # fmt: skip
    for key, value in rows:
        table.add_row(key, escape(value))
    console.print(table)
    console.print(_entities_table(doc))
    print_facts(doc, console)
    unresolved = [m for m in doc.mentions if not m.resolved and m.form != "pronoun"]
    if unresolved:
        console.print(
            "[bold yellow]Unresolved:[/bold yellow] "
            + escape("; ".join(f"{m.text} ({m.label}) @{m.start}" for m in unresolved))
        )
    for warning in doc.warnings:
        console.print(f"[yellow]warning:[/yellow] {escape(warning)}")


def _entities_table(doc: Document) -> Table:
    table = Table(title="Entities by actor", show_lines=False, expand=False)
    for column in ("Actor", "Entity", "Kind", "Sector / office", "Mentions (offsets)"):
        table.add_column(column, overflow="fold")
    groups: dict[str, list[Entity]] = defaultdict(list)
    for entity in doc.entities.values():
        groups[entity.actor or entity.country or "—"].append(entity)
    order = sorted(groups, key=lambda a: -sum(_count(doc, e) for e in groups[a]))
    for actor in order:
        for entity in sorted(groups[actor], key=lambda e: -_count(doc, e)):
            mentions = [m for m in doc.mentions if m.entity_id == entity.id]
            shown = ", ".join(f"{m.text}@{m.start}" for m in mentions[:6])
            more = f" +{len(mentions) - 6}" if len(mentions) > 6 else ""
            office = " / ".join(x for x in (entity.sector, entity.office) if x)
            if entity.former:
                office += " (former)"
            table.add_row(
                *(
                    escape(cell)
                    for cell in (actor, entity.name_en, entity.kind, office, shown + more)
                )
            )
    return table


def _count(doc: Document, entity: Entity) -> int:
    return sum(1 for m in doc.mentions if m.entity_id == entity.id)


def _place(doc: Document, place: Entity | None) -> str:
    span = doc.metadata.place_span
    if span is None:
        return "—"
    written = doc.text[span[0] : span[1]]
    if place is None:
        return f"{written} (unresolved)"
    return f"{written} → {place.name_en}, {place.country or place.kind}"


def _speaker(speaker) -> str:
    if speaker is None:
        return "—"
    who = speaker.name_en or speaker.name_ru
    return f"{who} ({speaker.name_ru}), {speaker.office or '?'}, {speaker.actor or '?'}"


def print_facts(doc: Document, console: Console) -> None:
    facts = doc.facts
    sections = [
        ("Events", [f"{e.summary}  @{(e.evidence.trigger or (e.evidence.start,))[0]}"
                    for e in facts.events]),
        ("Agreements", [a.summary for a in facts.agreements]),
        ("Dialogue formats", [f.summary for f in facts.formats]),
        ("Relations", [r.summary for r in facts.relations]),
        ("Stances", [s.summary for s in facts.stances]),
        ("Rhetoric", [f"{m.kind}: {m.text}" + (f" ({m.gloss})" if m.gloss else "")
                      + f" @{m.start}" for m in facts.rhetoric]),
    ]  # fmt: skip
    for title, lines in sections:
        console.print(f"[bold cyan]{title}[/bold cyan] ({len(lines)})")
        for line in lines:
            console.print(f"  • {escape(line)}", highlight=False)
