"""English statements: language identification, the English pack, actors, structure, store.

The statements in tests/english/ are invented for these tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from demarche.errors import UnsupportedLanguage
from demarche.language.identify import identify
from demarche.model import Document
from demarche.pipeline import Analyzer
from tests.conftest import EXAMPLES, copy_store

ENGLISH = Path(__file__).resolve().parent / "english"
REMARKS = ENGLISH / "en_remarks_talks.txt"
STATEMENT = ENGLISH / "en_statement_sanctions.txt"
COMMENT = ENGLISH / "en_comment_zakharova.txt"
FRENCH = ENGLISH / "fr_declaration.txt"
API = "/api/v1"
TOKEN = "s3cret-token"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "demarche", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def remarks(analyzer: Analyzer) -> Document:
    return analyzer.analyze_text(REMARKS.read_text(encoding="utf-8"), "remarks")


def entity_of(doc: Document, text: str) -> str | None:
    found = [m.entity_id for m in doc.mentions if m.text == text]
    assert found, f"no mention {text!r}"
    return found[0]


# -- 1. language identification ------------------------------------------------------------


def test_identifies_english_russian_and_other_languages():
    for path in (REMARKS, STATEMENT, COMMENT):
        assert identify(path.read_text(encoding="utf-8")).language == "en", path.name
    for path in EXAMPLES.glob("*.txt"):
        wanted = "en" if path.name.startswith("statement_en_") else "ru"
        assert identify(path.read_text(encoding="utf-8")).language == wanted, path.name
    assert identify(FRENCH.read_text(encoding="utf-8")).language == "fr"
    assert not identify(FRENCH.read_text(encoding="utf-8")).supported
    assert identify("Лавров и Ван И").language == "ru"  # too short: the script decides


def test_documents_carry_their_language(analyzer, remarks):
    assert remarks.language == "en"
    russian = analyzer.analyze_text((EXAMPLES / "statement_ru.txt").read_text(encoding="utf-8"))
    assert russian.language == "ru"
    with pytest.raises(UnsupportedLanguage, match="language 'fr' has no language pack"):
        analyzer.analyze_text(FRENCH.read_text(encoding="utf-8"))


def test_cli_skips_a_language_without_a_pack_in_one_line():
    result = run("analyze", str(FRENCH))
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert "fr_declaration.txt: language 'fr' has no language pack" in stderr
    assert "Traceback" not in stderr
    assert sum("language 'fr'" in line for line in stderr.splitlines()) == 1


def test_cli_analyses_english_and_skips_french_in_one_batch():
    result = run("analyze", str(COMMENT), str(FRENCH), "-f", "json")
    assert result.returncode == 0, result.stderr.decode()
    payload = json.loads(result.stdout)
    assert payload["document"]["language"] == "en"
    assert "skipped" in result.stderr.decode() and "'fr'" in result.stderr.decode()


def test_cli_language_option_forces_a_pack():
    forced = run("analyze", str(FRENCH), "--language", "en", "-f", "json")
    assert forced.returncode == 0, forced.stderr.decode()
    assert json.loads(forced.stdout)["document"]["language"] == "en"
    bad = run("analyze", str(FRENCH), "--language", "fr")
    assert bad.returncode == 2
    assert "no language pack" in bad.stderr.decode()


def test_cli_ingest_skips_french_and_stores_english_with_its_language(tmp_path):
    import sqlite3

    db = tmp_path / "en.db"
    only_french = run("ingest", str(FRENCH), "--db", str(db))
    assert only_french.returncode == 1
    assert "language 'fr' has no language pack" in only_french.stderr.decode()
    both = run("ingest", str(COMMENT), str(FRENCH), "--db", str(db))
    assert both.returncode == 0, both.stderr.decode()
    with sqlite3.connect(db) as connection:
        rows = connection.execute("select language from documents").fetchall()
    assert rows == [("en",)]


def test_api_refuses_or_forces_a_language(api_store_path, analyzer, tmp_path):
    from demarche.store import Store
    from demarche.web import create_app

    store = Store.open(copy_store(api_store_path, tmp_path / "copy.db"))
    app = create_app(store=store, token=TOKEN)
    app.state.analyzer = analyzer
    client = TestClient(app)
    french = FRENCH.read_text(encoding="utf-8")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    refused = client.post(f"{API}/analyze", json={"text": french}, headers=auth)
    assert refused.status_code == 422
    assert "language 'fr' has no language pack" in refused.text
    forced = client.post(f"{API}/analyze", json={"text": french, "language": "en"}, headers=auth)
    assert forced.status_code == 200
    assert forced.json()["document"]["language"] == "en"
    upload = client.post(f"{API}/documents", json={"text": french}, headers=auth)
    assert upload.status_code == 422 and "'fr'" in upload.text
    english = COMMENT.read_text(encoding="utf-8")
    stored = client.post(f"{API}/documents", json={"text": english}, headers=auth)
    assert stored.status_code == 201, stored.text
    document = client.get(f"{API}/documents/{stored.json()['id']}").json()
    assert document["language"] == "en"
    store.close()


def test_packs_load_lazily():
    """A Russian document never loads spaCy; an English one never loads Natasha (up to the
    facts stage: see the next test)."""
    code = (
        "import sys\n"
        "from demarche.pipeline import Analyzer\n"
        "a = Analyzer(facts=False)\n"
        f"a.analyze_text(open({str(REMARKS)!r}, encoding='utf-8').read())\n"
        "assert 'natasha' not in sys.modules, 'natasha loaded for English'\n"
        "a.analyze_text('Министр иностранных дел России Сергей Лавров провёл переговоры.')\n"
        "assert 'natasha' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    code = (
        "import sys\n"
        "from demarche.pipeline import Analyzer\n"
        "Analyzer().analyze_text('Сергей Лавров провёл переговоры с Ван И в Москве.')\n"
        "assert 'spacy' not in sys.modules, 'spaCy loaded for Russian'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-2000:]


def test_english_facts_do_not_load_natasha():
    code = (
        "import sys\n"
        "from demarche.language.models import load_models\n"
        "from demarche.pipeline import Analyzer\n"
        f"Analyzer().analyze_text(open({str(REMARKS)!r}, encoding='utf-8').read())\n"
        "assert 'natasha' not in sys.modules, 'natasha loaded for English'\n"
        "assert 'navec' not in sys.modules, 'navec loaded for English'\n"
        "assert load_models.cache_info().currsize == 0, 'slovnet models loaded for English'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()[-2000:]


# -- 2. the English pack ---------------------------------------------------------------------


def test_english_model_package_loads_offline_and_is_mit():
    from importlib.metadata import metadata

    from demarche.language.english import MODEL_PACKAGE, load_english

    models = load_english()
    assert models.nlp.meta["name"].startswith("core_web_sm")
    assert models.nlp.meta["version"] == "3.8.0"
    assert models.nlp.meta["license"] == "MIT"
    assert metadata(MODEL_PACKAGE.replace("_", "-"))["License"] == "MIT"


def test_fast_attribute_ruler_matches_spacys_matcher():
    from spacy.pipeline import AttributeRuler

    from demarche.language.english import _RuleMatcher, load_english

    nlp = load_english().nlp
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, _RuleMatcher)  # the fast path is in use
    texts = [p.read_text(encoding="utf-8") for p in sorted(ENGLISH.glob("*.txt"))]
    texts.append("I'd say it wasn't. They can't go, 'cause nothin' y' know. That's  it.")
    for text in texts:
        for line in text.split("\n"):
            doc = nlp(line)
            ours = sorted((a, s, e) for a, _, s, e in ruler.match(doc))
            spacys = sorted({(a, s, e) for a, _, s, e in AttributeRuler.match(ruler, doc)})
            assert sorted(set(ours)) == spacys, line


def test_english_tokens_have_exact_offsets_and_ud_fields(remarks):
    assert remarks.paragraphs[0].kind == "title"
    for sentence in remarks.sentences:
        assert sentence.parsed
        assert remarks.text[sentence.start : sentence.end].strip()
        for index, token in enumerate(sentence.tokens):
            assert remarks.text[token.start : token.end] == token.text
            assert token.pos and token.rel
            assert -1 <= token.head < len(sentence.tokens) and token.head != index
            assert token.lemma == token.lemma.lower()
        assert sum(t.rel == "root" for t in sentence.tokens) == 1
    spacy_labels = {"nsubjpass", "dobj", "pobj", "prep", "agent", "poss", "auxpass", "ROOT"}
    assert not {t.rel for t in remarks.tokens} & spacy_labels


def _relations(analyzer: Analyzer, text: str) -> dict[str, tuple[str, str]]:
    doc = analyzer.analyze_text(text, "s")
    tokens = doc.sentences[0].tokens
    return {t.text: (t.rel, tokens[t.head].text if t.head >= 0 else "") for t in tokens}


def test_spacy_labels_become_ud_relations(analyzer):
    rels = _relations(analyzer, "The treaty was signed in Moscow by the two ministers.")
    assert rels["treaty"] == ("nsubj:pass", "signed")
    assert rels["was"] == ("aux:pass", "signed")
    assert rels["ministers"] == ("obl:agent", "signed")
    assert rels["by"] == ("case", "ministers")
    assert rels["Moscow"][0] == "obl" and rels["in"] == ("case", "Moscow")
    assert rels["signed"] == ("root", "")
    rels = _relations(analyzer, "Russia condemned the sanctions on its companies and banks.")
    assert rels["sanctions"] == ("obj", "condemned")
    assert rels["companies"] == ("nmod", "sanctions")
    assert rels["on"] == ("case", "companies")
    assert rels["its"] == ("nmod:poss", "companies")
    assert rels["banks"] == ("conj", "companies")
    assert rels["and"] == ("cc", "banks")
    rels = _relations(analyzer, "Moscow did not respond by imposing new restrictions.")
    assert rels["not"][0] == "advmod"
    assert rels["imposing"] == ("advcl", "respond") and rels["by"] == ("mark", "imposing")


def test_english_names_resolve_to_the_russian_codes(remarks):
    assert entity_of(remarks, "Sergey Lavrov") == "person:sergey-lavrov"
    assert entity_of(remarks, "Wang Yi") == "person:wang-yi"
    assert entity_of(remarks, "Marco Rubio") == "person:marco-rubio"
    assert entity_of(remarks, "People's Republic of China") == "state:CHN"
    assert entity_of(remarks, "Chinese") == "state:CHN"  # an adjective names the state
    assert entity_of(remarks, "Russia") == "state:RUS"
    assert entity_of(remarks, "U.S.") == "state:USA"
    assert entity_of(remarks, "Washington") == "place:washington-d-c"
    assert entity_of(remarks, "UN Security Council") == "org:UNSC"
    assert entity_of(remarks, "We") == "state:RUS"  # first person plural: the speaker's state
    groups = {m.text: m.entity_id for m in remarks.mentions if m.form == "group"}
    assert groups["Chinese companies"] == "group:CHN:BUS:companies"
    person = remarks.entities["person:marco-rubio"]
    assert person.actor == "USA" and person.office == "Secretary of State"


def test_english_kremlin_demonyms_and_office_context(analyzer):
    doc = analyzer.analyze_text(
        "The Kremlin welcomed the talks. The Americans and the Russians disagree.\n"
        "Deputy Foreign Minister Sergey Ryabkov met with the Iranian Ambassador.",
        "short",
    )
    assert entity_of(doc, "Kremlin") == "body:kremlin"
    assert entity_of(doc, "Americans") == "state:USA"
    assert entity_of(doc, "Russians") == "state:RUS"
    assert entity_of(doc, "Iranian") == "state:IRN"


def test_ner_reads_sentences_with_unknown_names(analyzer):
    doc = analyzer.analyze_text(
        "Deputy Foreign Minister Pyotr Zheleznov met with representatives of the Vostok "
        "Institute in Moscow. Russia and China held talks in Beijing.",
        "unknown",
    )
    found = {m.text: (m.label, m.source, m.entity_id) for m in doc.mentions}
    assert found["Pyotr Zheleznov"][:2] == ("PER", "ner")
    person = doc.entities[found["Pyotr Zheleznov"][2]]
    assert person.office == "Deputy Minister of Foreign Affairs"  # from the office before it
    assert found["Vostok Institute"][:2] == ("ORG", "ner")
    assert found["Beijing"] == ("LOC", "gazetteer", "place:beijing")


def test_the_same_names_get_the_same_codes_in_russian(analyzer):
    russian = analyzer.analyze_text(
        "Министр иностранных дел России Сергей Лавров встретился с Ван И в Вашингтоне."
    )
    english = analyzer.analyze_text(
        "Russian Foreign Minister Sergey Lavrov met with Wang Yi in Washington."
    )

    def ids(doc: Document) -> set[str]:
        return {m.entity_id for m in doc.mentions if m.entity_id}

    assert ids(russian) == ids(english)


# -- 3. English titles and turns -----------------------------------------------------------


def test_english_title_line_remarks(remarks):
    meta = remarks.metadata
    assert meta.genre == "remarks"
    assert meta.speaker is not None and meta.speaker.entity_id == "person:sergey-lavrov"
    assert meta.speaker.office == "Minister of Foreign Affairs"
    assert meta.date.isoformat() == "2025-08-21"
    assert remarks.text[meta.place_span[0] : meta.place_span[1]] == "Moscow"
    assert meta.place_entity_id == "place:moscow"
    assert meta.occasion.endswith("following talks with Minister of Foreign Affairs of the "
                                  "People's Republic of China Wang Yi")  # fmt: skip
    assert meta.counterparts == ["CHN"]


def test_english_turns(remarks):
    turns = [(t.label, t.role, t.actor) for t in remarks.turns]
    assert turns == [("Question", "question", None), ("Sergey Lavrov", "speaker", "RUS")]


def test_english_statement_by_the_foreign_ministry(analyzer):
    doc = analyzer.analyze_text(STATEMENT.read_text(encoding="utf-8"))
    meta = doc.metadata
    assert meta.genre == "statement"
    assert meta.speaker.entity_id == "body:russian-ministry-of-foreign-affairs"
    assert meta.date.isoformat() == "2025-06-03"
    assert meta.occasion == "regarding new European Union sanctions"
    assert entity_of(doc, "We") == "state:RUS"


def test_english_comment_by_the_spokeswoman(analyzer):
    doc = analyzer.analyze_text(COMMENT.read_text(encoding="utf-8"))
    meta = doc.metadata
    assert meta.genre == "comment"
    assert meta.speaker.entity_id == "person:maria-zakharova"
    assert meta.speaker.office == "Foreign Ministry Spokesperson"
    assert meta.occasion.startswith("on the meeting of the Russian and Indian")
    assert [t.role for t in doc.turns] == ["question", "speaker"]
    assert doc.turns[1].actor == "RUS"


def test_english_dates():
    from demarche.structure.dates import find_dates, find_full_dates

    text = "on August 21, 2025 and 3 June 2024; talks in March 2023 and since 2019"
    assert [d.isoformat() for _, _, d in find_full_dates(text, "en")] == [
        "2025-08-21",
        "2024-06-03",
    ]
    assert [v for _, _, v in find_dates(text, "en")] == [
        "2025-08-21",
        "2024-06-03",
        "2023-03",
        "2019",
    ]


def test_english_json_output_validates(remarks):
    from importlib.resources import files

    from demarche.output.json_output import document_to_json

    schema = json.loads(files("demarche").joinpath("schema/analysis.schema.json").read_text())
    payload = document_to_json(remarks)
    jsonschema.validate(payload, schema)
    assert payload["document"]["language"] == "en"


# -- 4. the facts stage on English (data files only: en_predicates.json and friends) --------


def _events(doc: Document) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {
        (e.type, tuple(sorted(s.code for s in e.source)), tuple(sorted(t.code for t in e.target)))
        for e in doc.facts.events
    }


def test_english_basic_events():
    analyzer = Analyzer(language="en")
    comment = _events(analyzer.analyze_text(COMMENT.read_text(encoding="utf-8")))
    assert ("CONSULT", ("RUS",), ("IND",)) in comment  # met with
    assert ("SUPPORT", ("IND", "RUS"), ("IND", "RUS")) in comment  # signed an agreement
    assert ("SUPPORT", ("IND",), ("RUS",)) in comment  # welcomed
    remarks = analyzer.analyze_text(REMARKS.read_text(encoding="utf-8"))
    events = _events(remarks)
    assert ("SUPPORT", ("RUS",), ("CHN",)) in events  # supported
    assert any(t == "ACCUSE" and set(target) == {"USA", "EU"} for t, _, target in events)
    assert any(t == "CONSULT" and {*s, *t2} == {"RUS", "CHN"} for t, s, t2 in events)
    assert [(a.kind, a.status, sorted(a.parties)) for a in remarks.facts.agreements] == [
        ("plan", "signed", ["CHN", "RUS"])
    ]
    statement = _events(analyzer.analyze_text(STATEMENT.read_text(encoding="utf-8")))
    assert ("SANCTION", ("EU",), ("RUS",)) in statement  # imposed sanctions
    assert ("ACCUSE", ("RUS",), ("EU",)) in statement  # condemns


def test_english_event_evidence_points_into_the_text(remarks):
    assert remarks.facts.events
    for event in remarks.facts.events:
        start, end = event.evidence.trigger
        assert remarks.text[start:end].strip()
        assert event.evidence.start <= start < end <= event.evidence.end
