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
        f"{report['correct_predicted_pairs']}/{report['predicted_pairs']} predicted)",
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
    pairs = [pair for folder in folders for pair in _gold_pairs(folder, None)]
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
