"""Demarche: official diplomatic statements into a verifiable knowledge base."""

__version__ = "0.1.0"
