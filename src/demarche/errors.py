"""Errors that reach the user as one line, never as a traceback."""


class DemarcheError(Exception):
    """Base class: the message is shown to the user as is."""


class InputError(DemarcheError):
    """An input item cannot be read; a batch skips it and goes on."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason
