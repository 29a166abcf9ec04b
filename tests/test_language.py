"""Russian analysis: real offline models, glued-word repair, dates, nominative forms."""

from __future__ import annotations

from datetime import date

import pytest

from demarche.language.models import load_models
from demarche.language.repair import find_split
from demarche.structure.dates import find_full_dates


def test_models_ship_in_packages_and_load_once(analyzer):
    models = load_models()
    assert models is analyzer.models
    markup = models.ner_tagger("Сергей Лавров прилетел в Пекин.")
    assert [(s.type, s.start, s.stop) for s in markup.spans] == [("PER", 0, 13), ("LOC", 25, 30)]
    tagged = next(models.morph_tagger.map([["Министр", "прилетел"]]))
    assert [t.pos for t in tagged.tokens] == ["NOUN", "VERB"]


def test_syntax_parser_loads_lazily_and_parses():
    parser = load_models().syntax_parser
    assert parser is load_models().syntax_parser
    markup = next(parser.map([["Россия", "поддерживает", "КНДР"]]))
    heads = {t.text: (t.rel, t.head_id) for t in markup.tokens}
    assert heads["поддерживает"][0] == "root"
    assert heads["Россия"][0] == "nsubj"


def test_analysis_does_not_reload_models(analyzer, monkeypatch):
    import natasha

    def forbidden(*args, **kwargs):
        raise AssertionError("model loaded during analysis")

    monkeypatch.setattr(natasha, "NewsEmbedding", forbidden)
    monkeypatch.setattr(natasha, "NewsNERTagger", forbidden)
    doc = analyzer.analyze_text("КНДР и Россия подписали план обменов.")
    assert doc.mentions


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("партнёрствесегодня", ("партнёрстве", "сегодня")),
        ("соглашениязавтра", ("соглашения", "завтра")),
        ("экономикиРоссии", ("экономики", "России")),
    ],
)
def test_glued_words_split(word, split):
    cut = find_split(word, load_models().morphology)
    assert cut is not None and (word[:cut], word[cut:]) == split


@pytest.mark.parametrize(
    "word",
    [
        "внерегиональных",  # known prefix + dictionary word: a compound, not a typo
        "узкоформатных",
        "общеконтинентальной",
        "контрпродуктивность",
        "межмидовских",
        "неурегулированность",
        "Вонсане",  # a proper name the dictionary does not know
        "сотрудничество",
    ],
)
def test_compounds_and_names_not_split(word):
    assert find_split(word, load_models().morphology) is None


def test_repairs_rare_on_clean_news(analyzer):
    from tests.conftest import FACTRUEVAL

    texts = [p.read_text(encoding="utf-8") for p in sorted(FACTRUEVAL.glob("*.txt"))[:40]]
    words = sum(len(t.split()) for t in texts)
    repairs = sum(len(analyzer.analyze_text(t).repairs) for t in texts)
    assert repairs <= words / 2000, f"{repairs} repairs in {words} words of edited news"


def test_full_dates():
    text = "(Москва, 1 мая 2024 года) и 31 декабря 2023 г., но не 31 февраля 2024 года"
    found = [value for _, _, value in find_full_dates(text)]
    assert found == [date(2024, 5, 1), date(2023, 12, 31)]


def test_unknown_people_are_put_in_the_nominative_singular(analyzer):
    doc = analyzer.analyze_text(
        "Заявление\n\nМы встретились с Александром Налбандовым. Рафаэль Гросси посетил Курск. "
        "Обсудили это с Рафаэлем Гросси и с Ольгой Смирновой.\n"
    )
    normals = {m.text: m.normal for m in doc.mentions if m.label == "PER"}
    assert normals == {
        "Александром Налбандовым": "Александр Налбандов",
        "Рафаэль Гросси": "Рафаэль Гросси",
        "Рафаэлем Гросси": "Рафаэль Гросси",
        "Ольгой Смирновой": "Ольга Смирнова",
    }


def test_slovnet_taggers_share_one_word_vocabulary():
    """The three slovnet packs and navec each load the same 250k-word vocabulary; the
    Russian pack keeps one copy (peak RSS), and the taggers still tag as before."""
    models = load_models()
    words = models.morph_tagger.infer.encoder.words_vocab
    assert models.ner_tagger.infer.encoder.words_vocab is words
    assert models.syntax_parser.infer.encoder.words_vocab is words
    assert models.embedding.vocab.word_ids is words.item_ids
    assert models.embedding.vocab["москва"] == words.item_ids["москва"]
