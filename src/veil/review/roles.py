"""Who may use which route: every view declares its roles, and a test walks the route table to check it.

Three roles, held as Django groups of the same name: an **admin** manages users and sees the audit log,
an **editor** uploads, reviews, sees originals, approves, exports and deletes, a **reviewer** reviews the
protected text and its decisions but never sees an original. A view is wrapped in :func:`allow` with the
roles that may call it (or :func:`public`, for the login page alone); the wrapper records them on the
view as ``veil_roles`` so the route-permission test can fail on any route that declares nothing.

An anonymous request is redirected to the login page when it is a plain page load, and answered 401 when
it comes from HTMX or the API, and nothing else; a signed-in user without the role gets 403.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    REVIEWER = "reviewer"


EVERYONE = frozenset(Role)
EDITORS = frozenset({Role.ADMIN, Role.EDITOR})
ADMINS = frozenset({Role.ADMIN})
PUBLIC = "public"


def role_of(user: Any) -> Role | None:
    """The user's role (the strongest, if an account is in several groups), or None."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    names = set(user.groups.values_list("name", flat=True))
    return next((role for role in Role if role.value in names), None)


def wants_fragment(request: HttpRequest) -> bool:
    """HTMX and API calls get status codes, not redirects (a redirect would be swapped into the page)."""
    return request.headers.get("HX-Request") == "true" or request.path.startswith("/api/")


def refuse_anonymous(request: HttpRequest) -> HttpResponse:
    """401 for HTMX and API calls, else a redirect to the login page (and back afterwards)."""
    from django.contrib.auth.views import redirect_to_login  # imports models: only once Django is set up

    if wants_fragment(request):
        return HttpResponse("Sign in first.", status=401, content_type="text/plain")
    return redirect_to_login(request.get_full_path())


def allow(*roles: Role) -> Callable[[View], View]:
    """Let only signed-in users with one of ``roles`` through; record the roles on the view."""
    allowed = frozenset(roles)

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return refuse_anonymous(request)
            role = role_of(request.user)
            if role not in allowed:
                raise PermissionDenied
            request.veil_role = role
            return view(request, *args, **kwargs)

        guarded.veil_roles = allowed  # type: ignore[attr-defined]
        return guarded

    return decorate


def public(view: View) -> View:
    """Open to anonymous users (the login page and nothing else)."""
    opened: View = login_not_required(view)
    opened.veil_roles = PUBLIC  # type: ignore[attr-defined]
    return opened


def role_context(request: HttpRequest) -> dict[str, Any]:
    """Templates see the user's role and whether it may see originals."""
    role = role_of(getattr(request, "user", None))
    return {"role": role, "can_see_originals": role in EDITORS, "is_admin": role == Role.ADMIN}
