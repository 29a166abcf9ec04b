"""pymorphy3 inflection for the robustness variants: put a word or a noun phrase in a case.

Every helper answers ``None`` when it cannot be sure of the form, so that a variant is
skipped rather than written ungrammatically.
"""

from __future__ import annotations

from pymorphy3.analyzer import Parse

from demarche.language.morphology import Morphology, fold, match_case
from demarche.model import Token

UD_TO_CASE = {
    "Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct",
}  # fmt: skip
# A word kept as it is in every case: foreign names ending in these vowels («Рубио», «Ван И»).
INDECLINABLE_ENDINGS = tuple("оеиуюэы")


def parse_of(
    morphology: Morphology,
    word: str,
    lemma: str | None = None,
    pos: tuple[str, ...] = (),
    case: str | None = None,
) -> Parse | None:
    """The likeliest parse of ``word`` with this lemma, part of speech and pymorphy case."""
    for parse in morphology.parse(word):
        if lemma is not None and fold(parse.normal_form) != fold(lemma):
            continue
        if pos and parse.tag.POS not in pos:
            continue
        if (
            case is not None
            and parse.tag.case != case
            and not (case == "loct" and parse.tag.case == "loc2")
        ):
            continue
        return parse
    return None


def lexeme_parse(morphology: Morphology, lemma: str, pos: tuple[str, ...]) -> Parse | None:
    """The dictionary form of a lexicon lemma, as a parse we can inflect."""
    return parse_of(morphology, lemma, lemma=lemma, pos=pos)


def inflect(parse: Parse, grammemes: set[str], like: str) -> str | None:
    """``parse`` inflected to ``grammemes``, capitalised like ``like``."""
    wanted = {g for g in grammemes if g}
    inflected = parse.inflect(wanted) if wanted else parse
    if inflected is None:
        return None
    return match_case(like, inflected.word)


def case_of(token: Token) -> str | None:
    return UD_TO_CASE.get(token.feats.get("Case", ""))


def noun_in_case(morphology: Morphology, word: str, case: str) -> str | None:
    """A noun or proper name given in the nominative, put in ``case`` («США» stays plural)."""
    parse = parse_of(morphology, word, lemma=word, pos=("NOUN",), case="nomn")
    if parse is None:
        return None
    return inflect(parse, {case, str(parse.tag.number or "sing")}, word)


def phrase_in_case(morphology: Morphology, phrase: str, case: str) -> str | None:
    """A nominative phrase («министр иностранных дел», «Республика Корея») in ``case``: the
    words up to and including the first noun agree; the rest are its complements and stay."""
    words = phrase.split()
    out: list[str] = []
    for index, word in enumerate(words):
        if not word[:1].isalpha():
            return None
        parse = parse_of(morphology, word, pos=("NOUN",), case="nomn")
        if parse is not None:
            form = inflect(parse, {case, "sing"}, word)
            if form is None:
                return None
            return " ".join([*out, form, *words[index + 1 :]])
        adjective = parse_of(morphology, word, pos=("ADJF",), case="nomn")
        if adjective is None:
            return None
        form = inflect(adjective, {case, "sing", adjective.tag.gender or ""}, word)
        if form is None:
            return None
        out.append(form)
    return None


def name_in_case(morphology: Morphology, word: str, case: str, gender: str) -> str | None:
    """A person's given name or surname in ``case``; foreign names ending in a vowel other
    than а/я do not decline; a name the dictionary cannot decline is refused."""
    if case == "nomn":
        return word
    if "-" in word:
        parts = [name_in_case(morphology, p, case, gender) for p in word.split("-")]
        return None if None in parts else "-".join(parts)  # type: ignore[arg-type]
    for parse in morphology.parse(word):
        tags = parse.tag.grammemes
        same_gender = str(parse.tag.gender) in (gender, "ms-f")
        if tags & {"Surn", "Name"} and parse.tag.case == "nomn" and same_gender:
            return inflect(parse, {case, "sing"}, word)
    if fold(word).endswith(INDECLINABLE_ENDINGS):
        return word
    return None
