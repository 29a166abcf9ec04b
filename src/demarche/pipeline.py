"""The analysis pipeline: structure -> language -> actors -> facts, over one ``Document``.

Models load once per ``Analyzer`` (and once per process); nothing reloads per document.
"""

from __future__ import annotations

from demarche.actors.resolver import ActorResolver
from demarche.facts import FactExtractor
from demarche.language.models import LanguageModels, load_models
from demarche.language.segment import segment
from demarche.language.tagging import ner_spans, tag_fast
from demarche.model import Document
from demarche.reading import RawDocument
from demarche.structure import find_dateline, find_markers, find_turns, parse_title
from demarche.structure.title import set_occasion


class Analyzer:
    def __init__(
        self, language: str = "ru", models: LanguageModels | None = None, facts: bool = True
    ) -> None:
        self.language = language
        self.models = models or load_models()
        self.resolver = ActorResolver(self.models.morphology, language)
        self.facts = FactExtractor(self.models, language) if facts else None

    def analyze(self, raw: RawDocument) -> Document:
        doc = Document(
            id=raw.id,
            text=raw.text,
            source=raw.source,
            url=raw.url,
            title=raw.title,
            given_date=raw.date,
            language=self.language,
        )
        parse_title(doc)
        doc.turns = find_turns(doc.text, self.language)
        doc.markers = find_markers(doc.text, self.language)
        find_dateline(doc)
        tokens = segment(doc, self.models.morphology)
        _label_paragraphs(doc)
        tag_fast(doc, self.models)
        self.resolver(doc, ner_spans(doc.text, self.models, tokens))
        set_occasion(doc)
        if self.facts is not None:
            self.facts(doc)
        return doc

    def analyze_text(self, text: str, doc_id: str = "text") -> Document:
        from demarche.reading.sources import content_hash

        return self.analyze(RawDocument(doc_id, text, "<text>", content_hash=content_hash(text)))


def _label_paragraphs(doc: Document) -> None:
    title = doc.metadata.title
    for paragraph in doc.paragraphs:
        if title and paragraph.start == title[0]:
            paragraph.kind = "title"
        elif doc.text[paragraph.start : paragraph.end].lstrip().startswith("#"):
            paragraph.kind = "hashtags"
