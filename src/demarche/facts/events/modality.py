"""Whether a predicate is denied, still to come or already accomplished."""

from __future__ import annotations

from demarche.facts.context import FactContext, SentenceView
from demarche.facts.events.common import _governing_verb, _reported_clause
from demarche.facts.lexicon import Hit
from demarche.language.morphology import fold


def _negated(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    tokens = view.tokens
    negation = context.lexicon.negation
    if hit.pattern.payload.get("order") == "fronted":
        # «его полномочия Россия не признаёт»: the verb after its object carries the «не»
        hit = Hit(hit.last, hit.last, (hit.last,), hit.pattern)
    for token in reversed(tokens[max(0, hit.first - 2) : hit.first]):
        if token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") != "Inf":
            break  # «не прекращаются удары»: the «не» is the other verb's
        if fold(token.lemma or token.text) in negation:
            return True
    return any(
        fold(tokens[c].lemma or tokens[c].text) in negation and tokens[c].rel == "advmod"
        for c in view.children[hit.first]
    )


def _future(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    token = view.tokens[hit.first]
    if token.feats.get("Tense") == "Fut" or _reported_future(context, view, hit):
        return True
    if any(fold(view.tokens[i].lemma) in context.lexicon.plan_words for i in hit.indexes):
        # «седьмой раунд намечено провести», «планируют подписать»: a plan; «наметили
        # пути развития» reports what was outlined, done
        past = token.feats.get("Tense") == "Past" or token.text.lower().endswith(
            context.lexicon.past_plural_endings
        )  # the tagger calls a sentence-initial «Наметили» present
        done = past and token.feats.get("Voice") != "Pass"
        if not done or token.feats.get("VerbForm") == "Part":
            return True
    governor = view.tokens[token.head] if 0 <= token.head < len(view.tokens) else None
    subject = token.pos == "NOUN" and token.rel in ("nsubj", "nsubj:pass")
    if subject and governor is not None and governor.feats.get("Tense") == "Fut":
        return True  # «22-24 октября в Казани пройдёт саммит БРИКС»
    if subject and governor is not None and fold(governor.lemma) in context.lexicon.plan_words:
        return True  # «запланирована встреча министров», «предстоят консультации»
    if subject and view.children and _future_auxiliary(view, token.head):
        return True  # «стоп-лист будет расширен»
    meeting = token.pos == "NOUN" and hit.pattern.payload["type"] == "CONSULT"
    if meeting and _under_future_verb(context, view, hit.first):
        return True  # «примет участие в саммите», «встретятся на полях саммита»
    complement = token.feats.get("VerbForm") == "Inf" and token.rel in ("xcomp", "ccomp")
    if complement and governor is not None and governor.feats.get("Tense") == "Fut":
        return True  # «Москва продолжит оказывать … содействие»
    for index in range(max(0, hit.first - 3), hit.first):
        other = view.tokens[index]
        if fold(other.lemma) == "быть" and other.feats.get("Tense") == "Fut":
            return True  # «будем продолжать контакты»
    for intent in context.lexicon.intent.find(view.tokens):
        if intent.last < hit.first and hit.first - intent.last <= 4:
            return True
        if token.feats.get("VerbForm") == "Inf" and token.head in intent.indexes:
            return True  # «подтвердил намерение до конца года развернуть ракеты»
        if intent.last < hit.first and token.pos == "NOUN" and _noun_under(view, hit, intent):
            return True  # «preparations for President Lula's visit»: the noun's own head
    return False


def _noun_under(view: SentenceView, hit: Hit, intent: Hit) -> bool:
    """Whether the act noun hangs from the intent word through at most two nouns."""
    tokens = view.tokens
    node, steps = tokens[hit.first].head, 0
    while 0 <= node < len(tokens) and steps < 3:
        if node in intent.indexes:
            return True
        if tokens[node].pos not in ("NOUN", "PROPN"):
            return False
        node, steps = tokens[node].head, steps + 1
    return False


def _future_auxiliary(view: SentenceView, verb: int) -> bool:
    """A passive or compound verb whose auxiliary «быть» is in the future tense."""
    tokens = view.tokens
    return 0 <= verb < len(tokens) and any(
        tokens[c].rel.startswith("aux")
        and fold(tokens[c].lemma) == "быть"
        and tokens[c].feats.get("Tense") == "Fut"
        for c in view.children[verb]
    )


def _under_future_verb(context: FactContext, view: SentenceView, index: int) -> bool:
    """A meeting noun in the object or a circumstance of a future-tense verb, through at most
    two nouns; not the outcome of an act («обсудят итоги саммита»: the summit was held)."""
    tokens = view.tokens
    node, steps = tokens[index].head, 0
    while 0 <= node < len(tokens) and steps < 3:
        token = tokens[node]
        if token.pos in ("VERB", "AUX"):
            return token.feats.get("Tense") == "Fut"
        if token.pos != "NOUN" or fold(token.lemma) in context.lexicon.outcome_nouns:
            return False
        node, steps = token.head, steps + 1
    return False


def _reported_future(context: FactContext, view: SentenceView, hit: Hit) -> list[int]:
    """«Lavrov said he would visit Ankara»: «would» in a clause under a reporting verb is the
    future of the reported moment, no condition; its positions, if so."""
    tokens = view.tokens
    verb = _governing_verb(view, hit.first)
    for _ in range(3):  # «said the next round of talks would be held»: through the nouns
        if tokens[verb].pos in ("VERB", "AUX") or not 0 <= tokens[verb].head < len(tokens):
            break
        if tokens[verb].pos not in ("NOUN", "PROPN"):
            break
        verb = tokens[verb].head
    auxiliaries = [
        c
        for c in view.children[verb]
        if tokens[c].rel in ("aux", "aux:pass")
        and fold(tokens[c].lemma) in context.lexicon.reported_future
    ]
    return auxiliaries if auxiliaries and _reported_clause(context, view, verb) else []


def _anniversary(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«135 лет со дня установления отношений», «the 80th anniversary of the founding of the
    UN»: an act whose anniversary is marked happened long ago."""
    for cue in context.lexicon.anniversary.find(view.tokens):
        if 0 < hit.first - cue.last <= 3:
            return True
    suffixes = context.lexicon.anniversary_suffixes  # «80-летие», «десятилетие»
    before = view.tokens[max(0, hit.first - 3) : hit.first]
    return bool(suffixes) and any(fold(t.lemma).endswith(suffixes) for t in before)


def _accomplished(view: SentenceView, hit: Hit) -> bool:
    """«договорились провести»: the agreement is past even though a meeting lies ahead."""
    token = view.tokens[hit.first]
    return token.feats.get("Tense") == "Past" and token.feats.get("VerbForm") == "Fin"


def _promises_future(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«договорились провести», «пригласил посетить», «договорились, что заседание
    пройдёт»: an agreement or invitation whose content is still to come."""
    tokens = view.tokens
    for word in hit.indexes:
        for child in view.children[word] if view.children else []:
            token = tokens[child]
            if token.feats.get("VerbForm") == "Inf" and token.rel in (
                "xcomp",
                "ccomp",
                "obj",
                "csubj",
            ):
                return True
            if token.rel == "ccomp" and token.feats.get("Tense") == "Fut":
                return True
    return False


def _offered(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«предложили провести встречу», «предлагаем»: an offer not yet taken up."""
    return any(fold(view.tokens[i].lemma) in context.lexicon.proposal_words for i in hit.indexes)


def _possible(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«могут подписать», «может быть подписан»: a modal makes the act possible, not done."""
    tokens = view.tokens
    token = tokens[hit.first]
    heads = [token.head] if 0 <= token.head < len(tokens) else []
    near = list(range(max(0, hit.first - 3), hit.first))
    return any(fold(tokens[i].lemma) in context.lexicon.modal_words for i in heads + near)


def _long_ago(date: str, today) -> bool:
    """Historical: a year before the statement's, a month before its month, or a day more
    than three weeks before it; what happened days ago is today's news."""
    anchor = today.isoformat()
    if len(date) == 4:
        return date < anchor[:4]
    if len(date) == 7:
        return date < anchor[:7]
    try:
        from datetime import date as _day

        return (today - _day.fromisoformat(date[:10])).days > 21
    except ValueError:
        return date < anchor[: len(date)]


def _recalled_undated(context: FactContext, view: SentenceView) -> bool:
    """«Washington imposed sanctions last year», «в прошлом месяце»: in a statement with no
    date of its own, a relative date that points to an earlier month or year («year-1»,
    «month-2») still says the act is historical, whatever day the statement was made."""
    if context.date is not None:
        return False
    return any(isinstance(how, str) and "-" in how for _, how in context.relative_dates_in(view))


MODALITIES = ("done", "historical", "planned", "proposed", "hypothetical", "negated")
# Only acts that happened may stand for a meeting held or an agreement signed.
REALIS = frozenset({"done", "historical"})


def modality_of(aux: list[str], flipped: bool = False) -> str:
    """The one modality the qualifiers add up to; denial and condition outrank time.
    ``flipped``: the denial already made the act its opposite («не поддерживаем» is a
    REJECT that happened), so it is no longer a denied act."""
    if "negation" in aux and not flipped:
        return "negated"
    if "hypothetical" in aux:
        return "hypothetical"
    if "proposed" in aux:
        return "proposed"
    if "future" in aux:
        return "planned"
    if "historical" in aux:
        return "historical"
    return "done"
