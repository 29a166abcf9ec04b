"""``demarche serve``: the local web app and REST API over a store."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from demarche.cli.common import app, err
from demarche.cli.corpus import DbOption


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Interface to bind; loopback unless told.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="DEMARCHE_TOKEN", help="Token that allows writing (upload, ingest) and /analyze."
        ),
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            help="A Host name the server answers besides localhost, 127.0.0.1 and --host "
            "(repeatable; also DEMARCHE_ALLOWED_HOSTS, comma-separated)."
        ),
    ] = None,
) -> None:
    """Serve the reader, search, actor pages, network and REST API (/api/v1, /docs)."""
    import uvicorn

    from demarche.web import create_app

    hosts = [host, *(allowed_host or [])]
    if host in ("0.0.0.0", "::", ""):
        # bound to every interface: answer to this machine's own names too
        hosts += [socket.gethostname(), socket.getfqdn()]
    application = create_app(db, token=token, allowed_hosts=hosts)
    mode = "read-write with token" if token else "read-only (no token set)"
    err.print(f"demarche: serving http://{host}:{port}/ — {mode}", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")
