"""``demarche eval``: scores against FactRuEval-2016 and analysts' gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from demarche.cli.common import eval_app, fail, out
from demarche.reading import RawDocument, read_sources


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
            help="Gold file (docs/gold.md), or a folder of NAME.txt + NAME.expected.json."
        ),
    ],
    document: Annotated[
        Path | None, typer.Argument(help="The statement the gold file describes.")
    ] = None,
    overlay: Annotated[
        Path | None,
        typer.Option(help="Fields added to a gold file that may not be edited (JSON)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    relaxed: Annotated[
        bool,
        typer.Option(
            "--relaxed",
            help="Events match on type, participants and words only (no direction or "
            "modality): for comparison with coarser evaluations, never as the headline.",
        ),
    ] = False,
) -> None:
    """Strict scores of extracted facts against an analyst's gold file, or a folder of them."""
    from demarche.evaluation.facts import score_corpus, score_facts
    from demarche.evaluation.gold import GoldError, GoldPair, gold_pairs, load_gold
    from demarche.pipeline import Analyzer

    if document is not None:
        pairs = [GoldPair(gold, document)]
    elif gold.is_dir():
        pairs = gold_pairs(gold)
        if not pairs:
            raise fail(f"{gold}: no NAME.expected.json with a NAME.txt beside it")
    else:
        raise fail(f"{gold}: give a statement to score, or a folder of gold files")
    extra = _read_json(overlay) if overlay else None
    analyzer = Analyzer()
    reports = {}
    for pair in pairs:
        items = list(read_sources([str(pair.statement)]))
        raw = next((i for i in items if isinstance(i, RawDocument)), None)
        if raw is None:
            raise fail(str(items[0]) if items else f"{pair.statement}: nothing to read")
        try:
            expected = load_gold(pair.gold, raw.text, extra)
        except GoldError as error:
            raise fail(str(error)) from None
        reports[pair.statement.stem] = score_facts(analyzer.analyze(raw), expected, relaxed)
    report = reports[pairs[0].statement.stem] if document else score_corpus(reports)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        return
    _print_facts_report(report, reports if not document else {})


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise fail(f"{path}: cannot read ({error})") from None


def _print_facts_report(report: dict, reports: dict) -> None:
    for name, single in reports.items():
        out.print(
            f"{name:<48} events R {single['events']['recall']:.3f} P "
            f"{single['events']['precision']:.3f}   facts R {single['recall']:.3f} P "
            f"{single['precision']:.3f}",
            highlight=False,
        )
    events = report["events"]
    out.print(
        f"events: recall {events['recall']:.3f}, precision {events['precision']:.3f}, "
        f"F1 {events['f1']:.3f}\nall facts: recall {report['recall']:.3f}, precision "
        f"{report['precision']:.3f}, false positives {report['false_positives']}",
        highlight=False,
    )
    for kind, values in report["kinds"].items():
        out.print(
            f"  {kind:<17} found {values['found']}/{values['required']}  correct "
            f"{values['correct']}/{values['predicted']}",
            highlight=False,
        )
        for missed in values["missed"]:
            out.print(f"      missed: {missed}", highlight=False)
        for line in values["false_positives"]:
            out.print(f"      false positive: {line}", highlight=False)
    summaries, meta = report["summaries"], report["metadata"]
    out.print(
        f"  summaries         right {summaries['right']}/{summaries['checked']}", highlight=False
    )
    for line in summaries["wrong"]:
        out.print(f"      wrong: {line}", highlight=False)
    out.print(
        f"metadata (apart): {meta['found']}/{meta['required']}"
        + (f", missed {', '.join(meta['missed'])}" if meta["missed"] else ""),
        highlight=False,
    )


@eval_app.command("meetings")
def eval_meetings(
    factrueval: Annotated[Path, typer.Option(help="FactRuEval-2016 directory (e.g. .../devset).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Do extracted CONSULT events recover FactRuEval's Meeting participant pairs?"""
    from demarche.evaluation.meetings import evaluate_meetings

    if not factrueval.is_dir():
        raise fail(f"{factrueval}: not a directory")
    report = evaluate_meetings(factrueval)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        return
    out.print(
        f"FactRuEval Meeting pairs: precision {report['precision']:.3f}, recall "
        f"{report['recall']:.3f} ({report['matched_gold_pairs']}/{report['gold_pairs']} gold, "
        f"{report['correct_predicted_pairs']}/{report['predicted_pairs']} predicted); "
        f"meetings with a recovered pair {report['matched_meetings']}/{report['gold_meetings']}",
        highlight=False,
    )


@eval_app.command("robustness")
def eval_robustness(
    folders: Annotated[
        list[Path],
        typer.Argument(help="Folders of NAME.txt + NAME.expected.json (e.g. tests/corpus)."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    kind: Annotated[
        list[str] | None,
        typer.Option(help="Only these variant kinds: synonym, voice, order, actor, naming."),
    ] = None,
    cap: Annotated[
        int | None, typer.Option(help="Variants per event per kind, at most [default: 3].")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the variant choices.")] = 0,
    log: Annotated[
        Path | None, typer.Option(help="Write every variant as a JSON line to this file.")
    ] = None,
    breaks: Annotated[int, typer.Option(help="Breaks to print (text output).")] = 50,
) -> None:
    """Is each found gold event still found when its sentence is reworded?"""
    from demarche.evaluation.robustness import DEFAULT_CAP, format_report, run_robustness
    from demarche.evaluation.variants import KINDS

    unknown = sorted(set(kind or ()) - set(KINDS))
    if unknown:
        raise fail(f"unknown variant kind: {', '.join(unknown)} (known: {', '.join(KINDS)})", 2)
    missing = [str(folder) for folder in folders if not folder.is_dir()]
    if missing:
        raise fail(f"{', '.join(missing)}: not a directory")
    from demarche.evaluation.gold import gold_pairs

    pairs = [(p.gold, p.statement) for folder in folders for p in gold_pairs(folder)]
    log_file = log.open("w", encoding="utf-8") if log else None
    try:
        report = run_robustness(
            pairs, kinds=kind or KINDS, cap=cap or DEFAULT_CAP, seed=seed, log=log_file
        )
    finally:
        if log_file:
            log_file.close()
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        return
    for line in format_report(report, breaks):
        out.print(line, highlight=False, soft_wrap=True)


@eval_app.command("parallel")
def eval_parallel(
    folder: Annotated[
        Path,
        typer.Argument(help="Folder of NAME.ru.txt + NAME.en.txt pairs (e.g. tests/parallel)."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Do a Russian statement and its English version give the same events?"""
    from demarche.errors import DemarcheError
    from demarche.evaluation.parallel import evaluate_parallel, format_report, parallel_pairs

    if not folder.is_dir():
        raise fail(f"{folder}: not a directory")
    if not parallel_pairs(folder):
        raise fail(f"{folder}: no NAME.ru.txt with a NAME.en.txt beside it")
    try:
        report = evaluate_parallel(folder)
    except (ValueError, DemarcheError) as error:
        raise fail(str(error)) from None
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        return
    for line in format_report(report):
        out.print(line, highlight=False, soft_wrap=True, markup=False)
