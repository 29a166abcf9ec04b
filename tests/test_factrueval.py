"""The FactRuEval scorer: gold loading, scoring arithmetic, and the CLI's JSON shape."""

from __future__ import annotations

import json
import subprocess
import sys

from demarche.evaluation.factrueval import load_gold, score
from tests.conftest import FACTRUEVAL


def test_gold_mentions_run_from_first_to_last_span():
    (doc,) = load_gold(FACTRUEVAL, limit=1)
    assert doc.name == "book_100"
    # Org "мэрии Москвы" = spans "мэрии" (31) + "Москвы" (37..43); LocOrg "Москвы" alone.
    assert (31, 43, "ORG") in doc.mentions and (37, 43, "LOC") in doc.mentions
    assert doc.text[31:43] == "мэрии Москвы"


def test_scoring_strict_and_overlap():
    gold = [[(0, 10, "ORG"), (20, 25, "PER")]]
    predicted = [[(0, 10, "ORG"), (21, 25, "PER"), (30, 35, "LOC")]]
    result = score(gold, predicted)
    assert result["ORG"]["strict"] == {"P": 1.0, "R": 1.0, "F1": 1.0}
    assert result["PER"]["strict"]["R"] == 0.0
    assert result["PER"]["overlap"]["F1"] == 1.0
    assert result["ALL"]["strict"] == {"P": 0.3333, "R": 0.5, "F1": 0.4}


def test_eval_cli_json_shape():
    result = subprocess.run(
        [sys.executable, "-m", "demarche", "eval", "ner", "--factrueval", str(FACTRUEVAL),
         "--json", "--limit", "8"],
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    scores = json.loads(result.stdout)
    for system in ("demarche", "natasha"):
        for label in ("PER", "LOC", "ORG", "ALL"):
            for mode in ("strict", "overlap"):
                assert set(scores[system][label][mode]) == {"P", "R", "F1"}
    assert scores["demarche"]["ALL"]["overlap"]["F1"] > 0.5
