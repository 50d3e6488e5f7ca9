"""Helpers the views share: auditing with the signed-in user, and the error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from veil.review import workspace
from veil.review.models import Testimony, append_audit
from veil.review.roles import refuse_anonymous


def audit(request: HttpRequest, action: str, testimony: Testimony, detail: str = "") -> None:
    """One audit event: the user, the action and the testimony id (plus an entity anchor, never text)."""
    target = f"testimony:{testimony.pk}" + (f" {detail}" if detail else "")
    user = actor(request)
    append_audit(user, action, target)
    workspace.current().project.audit(user, action, target, testimony.vault_document)


def actor(request: HttpRequest) -> str:
    """The signed-in user's name, as audit entries record it."""
    return str(request.user.get_username())


def error_page(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if request.headers.get("HX-Request") == "true":
        return HttpResponse(message, status=status, content_type="text/plain")
    return render(request, "review/error.html", {"title": title, "message": message}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 400, "Bad request", "The request could not be understood.")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(
        request, 403, "Not allowed", "Your role does not allow this, or the form expired; reload the page."
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Anonymous visitors learn nothing, not even which addresses exist: they are sent to sign in."""
    if not request.user.is_authenticated:
        return refuse_anonymous(request)
    return error_page(request, 404, "Not found", "There is nothing at this address.")


def server_error(request: HttpRequest) -> HttpResponse:
    return error_page(request, 500, "Something went wrong", "The server could not do this. Nothing was changed.")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return forbidden(request)
