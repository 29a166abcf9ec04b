"""Errors that reach the user as one line, never as a traceback."""


class DemarcheError(Exception):
    """Base class: the message is shown to the user as is."""


class InputError(DemarcheError):
    """An input item cannot be read; a batch skips it and goes on."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class UnsupportedLanguage(DemarcheError):
    """A statement in a language without a language pack: skipped, never analysed as another."""

    def __init__(self, item: str, language: str, packs: tuple[str, ...]) -> None:
        super().__init__(
            f"{item}: language '{language}' has no language pack (Demarche reads "
            f"{', '.join(packs)}); skipped — use --language to analyse it as one of those"
        )
        self.item = item
        self.language = language
        self.reason = str(self).removeprefix(f"{item}: ")
