"""Title-line metadata, turns, markers and repairs match the analyst's reading of the seed."""

from __future__ import annotations


def test_genre_date_and_place(seed_doc, expected):
    meta, want = seed_doc.metadata, expected["metadata"]
    assert meta.genre == want["genre"]
    assert meta.title_genre_word == want["title_genre_word"]
    assert meta.date.isoformat() == want["date"]
    place = seed_doc.entities[meta.place_entity_id]
    written = seed_doc.text[meta.place_span[0] : meta.place_span[1]]
    assert (written, place.name_en, place.country) == (
        want["place"]["name_ru"],
        want["place"]["name_en"],
        want["place"]["country"],
    )


def test_speaker_and_office(seed_doc, expected):
    speaker, want = seed_doc.metadata.speaker, expected["metadata"]["speaker"]
    assert speaker.name_ru == want["name_ru"]
    assert speaker.name_en == want["name_en"]
    assert speaker.actor == want["actor"]
    assert speaker.sector == want["sector"]
    assert speaker.office == want["office"]
    assert seed_doc.text[speaker.start : speaker.end] == "С.В.Лаврова"


def test_occasion_is_the_rest_of_the_title(seed_doc):
    occasion = seed_doc.metadata.occasion
    assert occasion.startswith("по итогам второго раунда")
    assert occasion.endswith("на уровне министров иностранных дел")
    start, end = seed_doc.metadata.occasion_span
    assert seed_doc.text[start:end] == occasion


def test_hashtags_and_elisions(seed_doc, expected):
    want = expected["metadata"]
    hashtags = [m.text for m in seed_doc.markers if m.kind == "hashtag"]
    elisions = [m for m in seed_doc.markers if m.kind == "elision"]
    assert hashtags == want["hashtags"]
    assert len(elisions) == want["elisions"]
    assert all(seed_doc.text[m.start : m.end] == "<...>" for m in elisions)


def test_quotations_found(seed_doc):
    quotes = [m.text for m in seed_doc.markers if m.kind == "quotation"]
    assert "«сколотить»" in quotes and "«сеть»" in quotes


def test_speaker_turns(seed_doc, expected):
    turns = [{"label": t.label, "actor": t.actor} for t in seed_doc.turns]
    assert turns == expected["metadata"]["speaker_turns"]
    assert seed_doc.turns[0].role == "speaker"


def test_text_repair_keeps_offsets(seed_doc, expected):
    repairs = [{"found": r.found, "repaired": r.repaired} for r in seed_doc.repairs]
    assert repairs == expected["metadata"]["text_repairs"]
    repair = seed_doc.repairs[0]
    assert seed_doc.text[repair.start : repair.end] == repair.found
    halves = [t for t in seed_doc.tokens if repair.start <= t.start and t.end <= repair.end]
    assert [t.text for t in halves] == repair.repaired.split()
    assert [seed_doc.text[t.start : t.end] for t in halves] == ["партнёрстве", "сегодня"]


def test_counterpart_is_the_dprk(seed_doc):
    assert seed_doc.metadata.counterparts == ["PRK"]
