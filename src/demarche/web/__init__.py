"""Stage 7: the local web app and REST API over a corpus store."""

from demarche.web.app import create_app

__all__ = ["create_app"]
