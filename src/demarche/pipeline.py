"""The analysis pipeline: structure -> language -> actors -> facts, over one ``Document``.

Each document's language is identified first (``language/identify.py``) and picks its
language pack: Russian (natasha/slovnet/pymorphy3) or English (spaCy). A language without a
pack raises ``UnsupportedLanguage``, which callers report as a skipped input; it is never
analysed as Russian. ``Analyzer(language="en")`` forces one pack for every document.

Models load once per ``Analyzer`` (and once per process), each pack only when its first
document arrives; nothing reloads per document.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import Any

from demarche.actors.resolver import ActorResolver
from demarche.errors import DemarcheError, UnsupportedLanguage
from demarche.language.identify import PACKS, identify
from demarche.language.models import LanguageModels, load_models
from demarche.language.segment import segment
from demarche.language.tagging import ner_spans, tag_fast
from demarche.model import Document
from demarche.reading import RawDocument
from demarche.structure import find_dateline, find_markers, find_turns, parse_title
from demarche.structure.title import set_occasion


@dataclass(slots=True)
class LanguagePack:
    language: str
    models: Any  # LanguageModels (ru) or EnglishModels (en): both have .morphology
    resolver: ActorResolver
    facts: Any  # FactExtractor | None


def has_fact_lexicon(language: str) -> bool:
    from importlib.resources import files

    return files("demarche.data").joinpath(f"lang/{language}_predicates.json").is_file()


class Analyzer:
    def __init__(
        self,
        language: str | None = None,
        models: LanguageModels | None = None,
        facts: bool = True,
    ) -> None:
        """``language``: None identifies each document's language; a pack's code ("ru",
        "en") analyses every document with that pack, whatever its language."""
        if language is not None and language not in PACKS:
            raise DemarcheError(
                f"no language pack for '{language}' (Demarche reads {', '.join(PACKS)})"
            )
        self.language = language
        self._models = models
        self.with_facts = facts
        self._packs: dict[str, LanguagePack] = {}

    # -- packs ------------------------------------------------------------------------------

    @property
    def models(self) -> LanguageModels:
        """The Russian models (loaded on first use)."""
        if self._models is None:
            self._models = load_models()
        return self._models

    def pack(self, language: str) -> LanguagePack:
        found = self._packs.get(language)
        if found is None:
            found = self._packs[language] = self._load_pack(language)
            _freeze_loaded()
        return found

    def _load_pack(self, language: str) -> LanguagePack:
        if language == "en":
            from demarche.language.english import load_english

            models: Any = load_english()
        else:
            models = self.models
        facts = None
        if self.with_facts and has_fact_lexicon(language):
            from demarche.facts import FactExtractor

            facts = FactExtractor(models, language)
        resolver = ActorResolver(models.morphology, language)
        if language == "en" and not models.known:
            from demarche.language.english import known_words

            models.known = known_words(resolver.gazetteer, resolver.offices)
        return LanguagePack(language, models, resolver, facts)

    def morphology_for(self, language: str) -> Any:
        return self.pack(language).models.morphology

    # Kept for callers that use the Russian pack's stages directly.
    @property
    def resolver(self) -> ActorResolver:
        return self.pack(self.language or "ru").resolver

    @property
    def facts(self) -> Any:
        return self.pack(self.language or "ru").facts

    # -- analysis ---------------------------------------------------------------------------

    def language_of(self, raw: RawDocument, language: str | None = None) -> str:
        """The pack to use: the one asked for (``language``, else the analyser's), else the
        identified language (raises ``UnsupportedLanguage`` for a language without a pack)."""
        forced = language or self.language
        if forced is not None:
            if forced not in PACKS:
                raise UnsupportedLanguage(raw.source or raw.id, forced, PACKS)
            return forced
        found = identify(raw.text)
        if not found.supported:
            raise UnsupportedLanguage(raw.source or raw.id, found.language, PACKS)
        return found.language

    def analyze(self, raw: RawDocument, language: str | None = None) -> Document:
        """``language`` forces a pack for this document only."""
        language = self.language_of(raw, language)
        pack = self.pack(language)
        doc = Document(
            id=raw.id,
            text=raw.text,
            source=raw.source,
            url=raw.url,
            title=raw.title,
            given_date=raw.date,
            language=language,
        )
        parse_title(doc)
        doc.turns = find_turns(doc.text, language)
        doc.markers = find_markers(doc.text, language)
        find_dateline(doc)
        if language == "en":
            from demarche.language.english import analyse

            ner = analyse(doc, pack.models)
            _label_paragraphs(doc)
        else:
            tokens = segment(doc, pack.models.morphology)
            _label_paragraphs(doc)
            tag_fast(doc, pack.models)
            ner = ner_spans(doc.text, pack.models, tokens)
        pack.resolver(doc, ner)
        set_occasion(doc)
        if pack.facts is not None:
            pack.facts(doc)
        return doc

    def analyze_text(self, text: str, doc_id: str = "text") -> Document:
        from demarche.reading.sources import content_hash

        return self.analyze(RawDocument(doc_id, text, "<text>", content_hash=content_hash(text)))


def _freeze_loaded() -> None:
    """Move what loading left alive (~200k tracked objects: vocabularies, gazetteer,
    lexicons) out of the garbage collector's sight. A full collection otherwise walks all of
    them, ~70 ms each time, about 6% of the analysis of the mixed corpus; they live as long
    as the process anyway. The loading's own garbage is collected first, so none is kept."""
    gc.collect()
    gc.freeze()


def _label_paragraphs(doc: Document) -> None:
    title = doc.metadata.title
    for paragraph in doc.paragraphs:
        if title and paragraph.start == title[0]:
            paragraph.kind = "title"
        elif doc.text[paragraph.start : paragraph.end].lstrip().startswith("#"):
            paragraph.kind = "hashtags"
