"""The command line as a user meets it: exit codes, one-line errors, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from demarche.cli import example_path
from demarche.output.json_output import document_to_json
from tests.conftest import SEED


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "demarche", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
    )


def schema() -> dict:
    from importlib.resources import files

    return json.loads(files("demarche").joinpath("schema/analysis.schema.json").read_text())


def test_json_output_validates_against_schema(seed_doc):
    payload = document_to_json(seed_doc)
    jsonschema.validate(payload, schema())
    assert payload["schema_version"] == "1.1"
    assert payload["metadata"]["speaker"]["name_en"] == "Sergey Lavrov"


def test_schema_rejects_a_broken_payload(seed_doc):
    payload = document_to_json(seed_doc)
    payload["mentions"][0]["start"] = "twelve"
    try:
        jsonschema.validate(payload, schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("schema accepted a string offset")


def test_analyze_seed_as_json_and_batch_with_bad_items(tmp_path):
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "cp1251.txt").write_bytes(
        "Лавров провёл переговоры с Ван И в Пекине.".encode("cp1251")
    )
    result = run("analyze", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    docs = [json.loads(line) for line in lines]
    assert sorted(d["document"]["id"] for d in docs) == ["cp1251", "good"]
    for doc in docs:
        jsonschema.validate(doc, schema())
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    assert "empty.txt: empty input" in stderr
    assert "binary.txt: binary data" in stderr


def test_bad_single_inputs_exit_nonzero_with_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    cases = [
        [str(empty)],
        [str(tmp_path / "missing.txt")],
        ["--max-bytes", "10", str(SEED)],
    ]
    for args in cases:
        result = run("analyze", *args)
        stderr = result.stderr.decode()
        assert result.returncode == 1, (args, stderr)
        assert "Traceback" not in stderr
        skipped = [line for line in stderr.splitlines() if "skipped" in line]
        assert len(skipped) == 1 and "error" in stderr.splitlines()[-1]


def test_stdin_and_text_summary():
    result = run("analyze", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    for expected in ("Sergey Lavrov", "Wonsan", "Kim Jong Un", "2025-07-12", "#РоссияКНДР"):
        assert expected in out


def test_bundled_example_is_shipped_and_analysed():
    assert example_path().read_text(encoding="utf-8").strip()
    result = run("analyze", "--example")
    assert result.returncode == 0, result.stderr.decode()
    assert "Entities by actor" in result.stdout.decode()


def test_no_arguments_is_a_usage_error():
    result = run("analyze")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()


def test_eval_commands_refuse_missing_folders_in_one_line(tmp_path):
    for command in (["eval", "meetings"], ["eval", "ner"]):
        result = run(*command, "--factrueval", str(tmp_path / "missing"))
        assert result.returncode == 1
        stderr = result.stderr.decode()
        assert "not a directory" in stderr and "Traceback" not in stderr
