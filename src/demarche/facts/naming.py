"""Names of agreements and formats: nominative Russian and a generated English gloss."""

from __future__ import annotations

import re

from demarche.facts.context import FactContext, SentenceView
from demarche.language.morphology import fold
from demarche.language.normalize import nominative_phrase, transliterate
from demarche.model import Token

_NAME_PREPOSITIONS = {"о", "об", "на", "между", "по", "в", "до"}
_YEARS = re.compile(r"\b(\d{4})(?:\s*[-–—]\s*(\d{4}))?")
_STOP_LEMMAS = {"сегодня", "который", "этот", "только", "что"}
_MONTHS = {
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
}
_YEAR_RANGE = re.compile(r"^\d{4}(?:\s*[-–—]\s*\d{4})?$")
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
_QUOTES = {"«", "»", '"', "„", "“"}
_SMALL = {
    "of",
    "on",
    "for",
    "in",
    "and",
    "between",
    "the",
    "with",
    "against",
    "at",
    "to",
    "under",
    "until",
    "over",
    "from",
    "without",
    "or",
    "by",
    "within",
}
# A mention of these forms is glossed by its actor's English name («России» -> Russia); an
# adjective («российского») stays a word for the glossary (Russian).
_NAMED_FORMS = {"name"}


def name_span(
    view: SentenceView, first: int, last: int, words: dict | None = None
) -> tuple[int, int]:
    """Extend the kind noun over its complement: «План межмидовских обменов на 2026-2027 годы»,
    «Договор … между Россией и КНДР»; a person named after it is no part of the name
    («Совместное заявление министров … Российской Федерации С.В.Лаврова и …»). ``words``:
    a language's own name prepositions and stop words (en_facts.json ``agreement_names``:
    «the Treaty on Comprehensive Strategic Partnership», «a plan of consultations for
    2025-2026»), else the Russian ones."""
    words = words or {}
    tokens = view.tokens
    end = last
    index = last + 1
    between = False
    prepositions = set(words.get("prepositions", ())) or _NAME_PREPOSITIONS
    stops = set(words.get("stops", ()))
    articles = set(words.get("articles", ()))
    conjunctions = {",", "и", *words.get("conjunctions", ())}
    if index < len(tokens) and tokens[index].text in '»"' and tokens[first].text in '«"':
        end, index = index, index + 1  # «дорожная карта» по развитию …
    while index < len(tokens):
        token = tokens[index]
        lemma = fold(token.lemma or token.text)
        stop = lemma in _STOP_LEMMAS or lemma in _MONTHS or lemma in stops
        if stop or _names_person(view, index):
            break  # «вышли из Черноморской инициативы в июле»
        if lemma in articles and index + 1 < len(tokens):
            index += 1  # «between the Russian Federation and the DPRK»
            continue
        if token.pos == "ADP" and lemma in prepositions:
            between = lemma in ("между", "between")
            index += 1
            continue
        listed = token.text in conjunctions and index + 1 < len(tokens)
        following = index + 1
        if listed and fold(tokens[following].text) in articles and following + 1 < len(tokens):
            if not between:
                break  # «… on energy cooperation and an agreement on …»: a new item
            following += 1
        if listed and _joins(view, following, between):
            index = following  # «о добрососедстве, дружбе и сотрудничестве»
            continue
        joined = token.text in ("-", "–") and end == index - 1 and index + 1 < len(tokens)
        if joined and tokens[index + 1].start == token.end and index - 1 > last:
            # «2025-2026», «visa-free»: a word the tokenizer cut at its hyphen
            end, index = index + 1, index + 2
            continue
        named = view.mentions[index] is not None and view.mentions[index].form == "name"
        if between and named:  # «КНДР» does not decline: its case says nothing here
            end = index
            index += 1
            continue
        if token.pos in ("ADJ", "NOUN", "PROPN", "NUM") or _YEARS.fullmatch(token.text):
            if token.pos in ("NOUN", "PROPN") and token.feats.get("Case") == "Nom":
                break
            end = index
            index += 1
            continue
        break
    return first, end


def _joins(view: SentenceView, index: int, between: bool) -> bool:
    """A list continues the name over common words; over named actors only after «между» or
    another state («между Россией и КНДР», «министров … России и Ирана»; not «Договора о
    коллективной безопасности, Содружестве …»)."""
    token, mention = view.tokens[index], view.mentions[index]
    if mention is not None and mention.form == "name":
        before = view.mentions[index - 2] if index >= 2 else None
        listed = before is not None and (before.entity_id or "").startswith("state:")
        return between or listed
    return token.pos in ("NOUN", "ADJ") and token.feats.get("Case") != "Nom"


def _names_person(view: SentenceView, index: int) -> bool:
    mention = view.mentions[index]
    return mention is not None and (mention.entity_id or "").startswith("person:")


def nominative_name(context: FactContext, tokens: list[Token]) -> str:
    if context.doc.language != "ru":
        # an English name is written in its only form; no Russian morphology is needed
        return context.doc.text[tokens[0].start : tokens[-1].end]
    from demarche.language.models import load_models

    morphology = load_models().morphology
    return nominative_phrase(context.doc.text, tokens, "ORG", morphology)


def english_name(context: FactContext, view: SentenceView, span: tuple[int, int], kind: int) -> str:
    """Word-by-word gloss from lemmas around the kind noun: «План межмидовских обменов на
    2026-2027 годы» -> "Plan of Inter-ministry Exchanges for 2026-2027"; «Договор … между
    Россией и КНДР» -> "… between Russia and North Korea". Generated, not translated."""
    first, last = span
    if context.doc.language == "en":
        return context.doc.text[view.tokens[first].start : view.tokens[last].end]
    before = _gloss_run(context, view, first, kind - 1)  # «Казанская декларация»
    rest = _gloss_run(context, view, kind, last)
    return _title_case(_joined([*before, *rest]))


def _gloss_run(context: FactContext, view: SentenceView, first: int, last: int) -> list[str]:
    words: list[str] = []
    pending_of = False  # a genitive after a noun is its "of" complement
    run_start = view.tokens[first].start if first <= last else 0
    index = first
    while index <= last:
        token = view.tokens[index]
        lemma = fold(token.lemma or token.text)
        mention = view.mentions[index]
        if token.text in _QUOTES:
            index += 1
            continue
        phrase = _phrase_at(context, view, index, last)
        if phrase is not None:  # «меморандум о взаимопонимании», «в рамках»
            word, after = phrase
            words.append(word)
            # «изменения климата» takes an "of" complement; «в рамках» does not
            pending_of = token.pos != "ADP" and view.tokens[after - 1].pos == "NOUN"
            index = after
            continue
        if _YEAR_RANGE.match(token.text):
            words.append(token.text)
        elif lemma == "год" and words and _YEAR_RANGE.match(words[-1]):
            pass
        elif mention is not None and mention.form in _NAMED_FORMS and mention.start >= run_start:
            if pending_of and _case(view, index) == "Gen":
                words.append("of")
            words.append(context.entity(mention).name_en)
            while index < last and view.mentions[index + 1] is mention:
                index += 1
            pending_of = True
        elif token.pos in ("ADP", "CCONJ", "PUNCT"):
            words.append(context.lexicon.glossary.get(lemma, token.text))
            pending_of = False
        else:
            if pending_of and _case(view, index) == "Gen":
                words.append("of")
            pending_of = token.pos in ("NOUN", "PROPN")
            words.append(_glossed(context, token))
        index += 1
    return words


def _phrase_at(
    context: FactContext, view: SentenceView, index: int, last: int
) -> tuple[str, int] | None:
    """The glossary's phrase starting here, longest first, and the index after it."""
    phrases = context.lexicon.glossary_phrases
    lemmas = [fold(t.lemma or t.text) for t in view.tokens[index : last + 1]]
    for size in range(min(4, len(lemmas)), 1, -1):
        word = phrases.get(tuple(lemmas[:size]))
        if word is not None:
            return word, index + size
    return None


def _case(view: SentenceView, index: int) -> str | None:
    """The token's case; an adjective the tagger left without one takes its noun's."""
    token = view.tokens[index]
    case = token.feats.get("Case")
    if case is None and token.pos == "ADJ":
        for following in view.tokens[index + 1 : index + 4]:
            if following.pos == "NOUN":
                return following.feats.get("Case")
    return case


def _glossed(context: FactContext, token: Token) -> str:
    """The glossary's word, in the plural where the Russian noun is plural; else the lemma
    romanised."""
    if not _CYRILLIC.search(token.text):
        return token.text  # «XXI», «G20»
    lemma = fold(token.lemma or token.text)
    word = context.lexicon.glossary.get(lemma)
    if word is None:
        return transliterate(token.lemma or token.text, context.lexicon.translit)
    plural = token.pos == "NOUN" and token.feats.get("Number") == "Plur"
    return _plural(word) if plural else word


def _plural(word: str) -> str:
    if not word.isalpha() or not word.islower() or word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _joined(words: list[str]) -> str:
    return re.sub(r"\s+([,.;:)])", r"\1", " ".join(w for w in words if w))


def _title_case(name: str) -> str:
    return " ".join(
        w if w in _SMALL or w[:1].isdigit() else w[:1].upper() + w[1:] for w in name.split()
    )
