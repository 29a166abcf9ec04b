"""Which language a statement is written in (py3langid; its model ships in the package).

The classifier is restricted to the languages that matter here: those with a language pack
(``PACKS``) and a few others, so that a French or German statement is recognised as "other"
rather than forced into the nearest pack. Only the first ``SAMPLE`` characters are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

# Languages Demarche can analyse (a pack in data/lang/ and a pipeline in language/).
PACKS = ("ru", "en")
# Languages the classifier may answer besides the packs: enough to say "not ours".
OTHERS = ("fr", "de", "es", "it", "pt", "uk", "pl", "zh", "ar", "ja", "ko", "tr", "fa")
SAMPLE = 2000
# A Cyrillic text the classifier cannot place (too short, mostly names) is taken as Russian.
MIN_CHARS = 20


@dataclass(frozen=True, slots=True)
class Identified:
    language: str
    confidence: float

    @property
    def supported(self) -> bool:
        return self.language in PACKS


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(PACKS + OTHERS))
    return identifier


def identify(text: str) -> Identified:
    """The statement's language among ``PACKS + OTHERS``, with the classifier's confidence.

    Very short texts fall back on the script: Cyrillic is Russian, Latin is English.
    """
    sample = text[:SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < MIN_CHARS:
        cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
        return Identified("ru" if cyrillic * 2 >= len(letters) else "en", 0.0)
    language, confidence = _identifier().classify(sample)
    return Identified(language, confidence)
