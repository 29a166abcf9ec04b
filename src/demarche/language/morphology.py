"""pymorphy3 behind a cache: lemmas, dictionary checks and inflection to the nominative."""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3
from pymorphy3.units import DictionaryAnalyzer as _DICTIONARY

# Case endings stripped to find the stem of a proper name the dictionary does not know
# (``Ына`` -> ``Ын``, ``Вонсане`` -> ``Вонсан``). Longest first.
NAME_ENDINGS = (
    "ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ым", "им", "ых", "их",
    "ую", "юю", "ов", "ев", "ам", "ям", "ах", "ях", "а", "я", "у", "ю", "е", "и", "ы",
)  # fmt: skip

WORD_FORMS = 40_000  # cached analyses (see Morphology)

_UD_POS = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "VERB": "VERB", "INFN": "VERB",
    "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NPRO": "PRON", "NUMR": "NUM",
    "ADVB": "ADV", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ",
}  # fmt: skip
_UD_CASE = {"nomn": "Nom", "gent": "Gen", "datv": "Dat", "accs": "Acc", "ablt": "Ins",
            "loct": "Loc", "gen2": "Gen", "loc2": "Loc", "voct": "Nom"}  # fmt: skip


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Case- and ё-insensitive key (cached: actor and fact matching fold the same words)."""
    return text.lower().replace("ё", "е")


class Morphology:
    def __init__(self) -> None:
        self.analyzer = pymorphy3.MorphAnalyzer()
        # Per word form, ~2.3 KB across these caches: 40,000 forms (the frequent ones, which
        # carry nearly all tokens) keep a long ingest near 100 MB here, not 460 MB.
        size = WORD_FORMS
        self.parse = lru_cache(maxsize=size)(self.analyzer.parse)
        self.is_known = lru_cache(maxsize=size)(self.analyzer.word_is_known)
        self.lexical_keys = lru_cache(maxsize=size)(self._lexical_keys)
        self.stems = lru_cache(maxsize=size)(lambda word: frozenset(name_stems(fold(word))))
        self.lemma = lru_cache(maxsize=size)(self._lemma)
        self.nominative = lru_cache(maxsize=size)(self._nominative)
        self.tag = lru_cache(maxsize=size)(self._tag)
        self.finite_tense = lru_cache(maxsize=size)(self._finite_tense)
        self.verb_lemma = lru_cache(maxsize=size)(self._verb_lemma)
        self.short_lemmas = lru_cache(maxsize=1024)(self._short_lemmas)

    def _tag(self, word: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
        """(UD part of speech, UD features, lemma) of the likeliest dictionary parse."""
        if not word[:1].isalnum():
            return "PUNCT", (), word
        parses = self.parse(word)
        parse = parses[0]
        if parse.tag.POS == "ADJS":
            # «выражен протест»: a short participle, not the adjective «выраженный»
            parse = next((p for p in parses if p.tag.POS == "PRTS"), parse)
        pos, feats = _ud_tag(parse.tag)
        return pos, feats, parse.normal_form

    def _verb_lemma(self, word: str) -> str | None:
        """«закроем»: the verb a form can be when the likeliest reading is another word
        («закрой», a noun); None when the likeliest reading is a verb or there is none."""
        parses = self.parse(word)
        if not parses or parses[0].tag.POS in ("VERB", "INFN"):
            return None
        verb = next((p for p in parses if p.tag.POS in ("VERB", "INFN")), None)
        return verb.normal_form if verb is not None else None

    def _short_lemmas(self, word: str) -> frozenset[str]:
        """Other lemmas the dictionary gives the short forms of the full adjective ``word``:
        «намерена», «намерены» are forms of a short-only «намерен» as well as of
        «намеренный», and the contextual tagger may name either."""
        found: set[str] = set()
        for parse in self.parse(word):
            if parse.tag.POS != "ADJF":
                continue
            for grammemes in ({"ADJS", "masc", "sing"}, {"ADJS", "femn", "sing"}, {"ADJS", "plur"}):
                short = parse.inflect(grammemes)
                if short is None:
                    continue
                found.update(p.normal_form for p in self.parse(short.word) if p.tag.POS == "ADJS")
        return frozenset(fold(f) for f in found) - {fold(word)}

    def _finite_tense(self, word: str) -> str | None:
        """The tense every finite verb reading of a non-past form agrees on: «вышлем», «будет»
        only future, «требуем», «ценим» only present; None when the readings differ or there
        is none (an imperative reading does not count)."""
        tenses = {str(p.tag.tense) for p in self.parse(word) if p.tag.POS == "VERB"} - {"None"}
        if tenses == {"futr"}:
            return "Fut"
        if tenses == {"pres"}:
            return "Pres"
        return None

    def _lexical_keys(self, word: str) -> frozenset[str]:
        """The folded surface and the lemmas of the likeliest parses."""
        keys = {fold(word)}
        keys.update(fold(p.normal_form) for p in self.parse(word)[:4])
        return frozenset(keys)

    def _lemma(self, word: str, pos: str = "", case: str = "") -> str:
        parses = self.parse(word)
        for parse in parses:
            parse_pos, parse_case = _ud_pos_case(parse.tag)
            if pos and parse_pos != pos:
                continue
            if case and parse_case != case:
                continue
            return parse.normal_form
        return parses[0].normal_form if parses else fold(word)

    def in_dictionary(self, word: str) -> bool:
        """``word_is_known(word)`` read off the word's cached parses.

        pymorphy's dictionary unit answers from the same DAWG lookup (with the same ё
        substitutes) that ``word_is_known`` makes, and only its parses have a one-step
        method stack that starts with it; so this spares a second walk of the DAWG.
        """
        return any(
            len(parse.methods_stack) == 1 and isinstance(parse.methods_stack[0][0], _DICTIONARY)
            for parse in self.parse(word)
        )

    def dictionary_backed(self, word: str) -> bool:
        """True when some parse comes from the dictionary, possibly through a prefix."""
        return any(
            type(step[0]).__name__ == "DictionaryAnalyzer"
            for parse in self.parse(word)[:3]
            for step in parse.methods_stack
        )

    def _nominative(self, word: str, pos: str = "", case: str = "", singular: bool = False) -> str:
        """The word in the nominative, keeping number; unchanged when it cannot inflect.
        ``singular``: one person's name («Налбандовым» is Налбандов, not the Налбандовы)."""
        if case in ("", "Nom"):
            return word
        parses = [p for p in self.parse(word) if _ud_pos_case(p.tag)[1] == case]
        if singular:
            parses = [p for p in parses if p.tag.number != "plur"] or parses
        same_pos = [p for p in parses if _ud_pos_case(p.tag)[0] == pos]
        for parse in same_pos or parses:
            wanted = {"nomn"}
            if parse.tag.number:
                wanted.add(parse.tag.number)
            inflected = parse.inflect(wanted)
            if inflected is None:
                return word
            return match_case(word, inflected.word)
        return word


@cache
def _ud_pos_case(tag) -> tuple[str | None, str | None]:
    """A pymorphy tag's UD part of speech and case as the lemma look-ups compare them (None
    where UD has none), once per distinct tag."""
    return _UD_POS.get(str(tag.POS)), _UD_CASE.get(str(tag.case))


@cache  # pymorphy's dictionary has a few thousand distinct tags
def _ud_tag(tag) -> tuple[str, tuple[tuple[str, str], ...]]:
    """UD part of speech and features of a pymorphy tag, once per distinct tag (tags hash
    and compare by their grammemes): reading a grammeme off a tag (``tag.case``) intersects
    two sets each time."""
    pos = _UD_POS.get(str(tag.POS), "X")
    if "Apro" in tag and pos == "ADJ":
        pos = "DET"
    elif pos == "NOUN" and (tag.grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn"}):
        pos = "PROPN"
    elif "NUMB" in tag:
        pos = "NUM"
    feats = []
    for name, value in (
        ("Case", _UD_CASE.get(str(tag.case))),
        ("Number", {"sing": "Sing", "plur": "Plur"}.get(str(tag.number))),
        ("Gender", {"masc": "Masc", "femn": "Fem", "neut": "Neut"}.get(str(tag.gender))),
        ("Tense", {"past": "Past", "pres": "Pres", "futr": "Fut"}.get(str(tag.tense))),
        ("Person", {"1per": "1", "2per": "2", "3per": "3"}.get(str(tag.person))),
    ):
        if value:
            feats.append((name, value))
    if tag.POS in ("PRTF", "PRTS"):  # what the passive word order of a predicate needs
        feats.append(("VerbForm", "Part"))
        if "pssv" in tag:
            feats.append(("Voice", "Pass"))
        if tag.POS == "PRTS":
            feats.append(("Variant", "Short"))
    return pos, tuple(feats)


def name_stems(folded: str) -> set[str]:
    stems = set()
    for ending in NAME_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 2:
            stems.add(folded[: -len(ending)])
    return stems


def match_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
