"""Administration pages: who has which role, and the audit trail (admins only)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from veil.review.models import AuditEvent, verify_audit
from veil.review.roles import ADMINS, allow, role_of

AUDIT_ROWS = 500


@allow(*ADMINS)
@require_GET
def users(request: HttpRequest) -> HttpResponse:
    accounts = [(user, role_of(user)) for user in get_user_model().objects.order_by("username")]
    return render(request, "review/users.html", {"accounts": accounts})


@allow(*ADMINS)
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    events = AuditEvent.objects.order_by("-id")[:AUDIT_ROWS]
    return render(request, "review/audit.html", {"events": events, "broken": verify_audit()})
