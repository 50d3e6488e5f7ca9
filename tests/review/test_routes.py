"""Every route declares who may use it; anonymous requests get a redirect to login, 401 or 403, nothing else."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from veil.review.roles import ADMINS, EDITORS, EVERYONE, PUBLIC

ARGUMENTS = {"pk": "1", "what": "document"}
ANONYMOUS_OK = {302, 401, 403}


def _routes(patterns, prefix: str = "") -> Iterator[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """(route, view) for every URL pattern, walking included URL confs too."""
    from django.urls import URLPattern, URLResolver

    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _url(route: str) -> str:
    url = "/" + route
    for name, value in ARGUMENTS.items():
        for converter in ("int", "slug", "str"):
            url = url.replace(f"<{converter}:{name}>", value)
    assert "<" not in url, f"add an example value for {url} to ARGUMENTS"
    return url


@pytest.fixture(scope="module")
def routes(review_app) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    from django.urls import get_resolver

    found = list(_routes(get_resolver().url_patterns))
    assert len(found) > 10
    return found


def test_every_route_declares_its_roles(routes) -> None:  # type: ignore[no-untyped-def]
    undeclared = [route for route, view in routes if not hasattr(view, "veil_roles")]
    assert undeclared == [], f"routes without declared roles: {undeclared}"
    public = [route for route, view in routes if view.veil_roles == PUBLIC]  # type: ignore[attr-defined]
    assert public == ["login/"], "only the login page may be public"
    for route, view in routes:
        roles = view.veil_roles  # type: ignore[attr-defined]
        assert roles == PUBLIC or (roles and roles <= EVERYONE), f"{route}: roles must be a non-empty set of roles"


@pytest.mark.parametrize("method", ["get", "post", "put", "delete"])
@pytest.mark.parametrize("htmx", [False, True])
def test_anonymous_requests_get_nothing(routes, client_as, method: str, htmx: bool) -> None:  # type: ignore[no-untyped-def]
    client = client_as(None)
    headers = {"HX-Request": "true"} if htmx else {}
    for route, view in routes:
        if view.veil_roles == PUBLIC:  # type: ignore[attr-defined]
            continue
        response = getattr(client, method)(_url(route), headers=headers)
        assert response.status_code in ANONYMOUS_OK, f"{method.upper()} /{route}: {response.status_code}"
        if response.status_code == 302:
            assert not htmx, f"/{route}: an HTMX call must get 401, not a redirect swapped into the page"
            assert response["Location"].startswith("/login/"), f"/{route} redirects elsewhere"
        assert b"<textarea" not in response.content
        assert b'class="text"' not in response.content


@pytest.mark.parametrize("path", ["/no-such-page/", "/testimonies/999999/", "/static/../review.sqlite3", "/admin/"])
def test_anonymous_requests_for_unknown_addresses_are_sent_to_login(client_as, path: str) -> None:  # type: ignore[no-untyped-def]
    response = client_as(None).get(path)
    assert response.status_code in ANONYMOUS_OK


def test_csrf_is_enforced_even_for_anonymous_posts(review_app) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/login/", {"username": "editor", "password": "x"})
    assert response.status_code == 403


@pytest.mark.parametrize("role", ["admin", "editor", "reviewer"])
def test_each_role_gets_exactly_its_routes(routes, client_as, role: str) -> None:  # type: ignore[no-untyped-def]
    """A role outside a route's declared roles gets 403; inside, anything but 401/403."""
    client = client_as(role)
    for route, view in routes:
        roles = view.veil_roles  # type: ignore[attr-defined]
        if roles == PUBLIC or route in {"logout/", "upload/"}:
            continue
        status = client.get(_url(route)).status_code
        if role in roles:
            assert status not in {401, 403}, f"{role} GET /{route}: {status}"
        else:
            assert status == 403, f"{role} GET /{route}: {status}"


def test_the_role_sets_are_what_the_docs_say() -> None:
    assert {r.value for r in ADMINS} == {"admin"}
    assert {r.value for r in EDITORS} == {"admin", "editor"}
    assert {r.value for r in EVERYONE} == {"admin", "editor", "reviewer"}
