"""Speaker turns (``Сергей Лавров:``, ``Вопрос:``, ``Ответ:``) and question/answer pairs."""

from __future__ import annotations

import re
from functools import cache

from demarche.data import load_json
from demarche.model import SpeakerTurn

# A name label: initials and surname, or two to four capitalised words, then a colon.
_NAME = (
    r"(?:[А-ЯЁ]\.\s?){1,2}\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"|[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁ][а-яё]+){1,3}"
)


@cache
def _label_pattern(language: str) -> tuple[re.Pattern[str], set[str], set[str]]:
    pack = load_json(f"lang/{language}.json")
    questions = {q.lower() for q in pack["question_labels"]}
    answers = {a.lower() for a in pack["answer_labels"]}
    fixed = "|".join(re.escape(w) for w in sorted(questions | answers, key=len, reverse=True))
    name = pack.get("turn_name_pattern", _NAME)
    pattern = re.compile(rf"^[ \t]*(?P<label>(?i:{fixed})|{name})[ \t]*:[ \t]*", re.MULTILINE)
    return pattern, questions, answers


_ONE_WORD = re.compile(
    r"^[ \t]*(?P<label>[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{2,6})[ \t]*:[ \t]*", re.MULTILINE
)


def _one_word_labels(text: str, taken: list[re.Match[str]]) -> list[re.Match[str]]:
    """ "Baghaei: …", "AFP: …?": a one-word label (a pack's ``one_word_turns``) is a
    speaker's when the title line names it, or when it opens two turns or more, or a
    questioner's when its paragraph is a question."""
    starts = {m.start() for m in taken}
    found = [m for m in _ONE_WORD.finditer(text) if m.start() not in starts]
    title = text.lstrip().split("\n", 1)[0]
    counts: dict[str, int] = {}
    for match in found:
        counts[match.group("label")] = counts.get(match.group("label"), 0) + 1
    return [
        m
        for m in found
        if counts[m.group("label")] >= 2
        or re.search(rf"\b{m.group('label')}\b", title)
        or _line_of(text, m.end()).rstrip().endswith("?")
    ]


def _line_of(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def find_turns(text: str, language: str = "ru") -> list[SpeakerTurn]:
    pattern, questions, answers = _label_pattern(language)
    found = list(pattern.finditer(text))
    if load_json(f"lang/{language}.json").get("one_word_turns"):
        found = sorted(found + _one_word_labels(text, found), key=lambda m: m.start())
    turns: list[SpeakerTurn] = []
    for index, match in enumerate(found):
        label = match.group("label")
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        role = "speaker"
        if label.lower() in questions:
            role = "question"
        elif label.lower() in answers:
            role = "answer"
        turns.append(
            SpeakerTurn(
                label=label,
                role=role,
                start=match.end(),
                end=len(text[:end].rstrip()),
                label_start=match.start("label"),
                label_end=match.end("label"),
            )
        )
    _questioners(text, turns)
    return turns


def _questioners(text: str, turns: list[SpeakerTurn]) -> None:
    """ "AFP: … What is China's response?" then "Lin Jian: …": a label whose every turn is a
    question, answered by another label, is a journalist's (an outlet's) question."""
    asked: dict[str, bool] = {}
    for turn in turns:
        question = text[turn.start : turn.end].rstrip().endswith("?")
        asked[turn.label] = asked.get(turn.label, True) and question
    answering = {t.label for t in turns if t.role != "question" and not asked[t.label]}
    if not answering:
        return
    for turn in turns:
        if turn.role == "speaker" and asked[turn.label]:
            turn.role = "question"


def question_answer_pairs(turns: list[SpeakerTurn]) -> list[tuple[int, int]]:
    """Index pairs (question turn, the turn that answers it)."""
    pairs = []
    for index, turn in enumerate(turns[:-1]):
        if turn.role == "question" and turns[index + 1].role != "question":
            pairs.append((index, index + 1))
    return pairs
