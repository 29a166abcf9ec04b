"""Property-based: requests generated from the app's own OpenAPI schema never get a 5xx.

Every operation of /api/v1 is exercised, writes included (with the token), against a
private copy of the examples store, with a bounded number of examples per operation.
(Hypothesis drives each operation's strategy directly: schemathesis' lazy pytest loader
does not run under pytest 9.)
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error

from demarche.store import Store
from demarche.web import create_app
from demarche.web.api import router
from tests.conftest import copy_store

TOKEN = "property-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXAMPLES = {"POST": 15}  # writes analyse text: fewer, slower examples
OPERATIONS = sorted(
    (method, "/api/v1" + route.path)
    for route in router.routes
    for method in route.methods
    if method != "HEAD"
)


@pytest.fixture(scope="module")
def api_schema(api_store_path, analyzer, tmp_path_factory):
    path = copy_store(api_store_path, tmp_path_factory.mktemp("schemathesis") / "store.db")
    store = Store.open(path)
    app = create_app(store=store, token=TOKEN)
    app.state.analyzer = analyzer
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.close()


def test_every_operation_is_covered(api_schema):
    documented = {
        (operation.ok().method.upper(), operation.ok().path)
        for operation in api_schema.get_all_operations()
        if operation.ok().path.startswith("/api/v1/")
    }
    assert documented == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_server_errors(api_schema, method, path):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES.get(method, 40),
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(headers=AUTH, checks=[not_a_server_error])

    check()
