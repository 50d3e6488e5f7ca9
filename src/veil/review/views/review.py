"""The review screen: the document with every decision, and the actions a reviewer takes on them.

Every action (decide, mark a missed span, approve) is a POST answered with the re-rendered review area,
which HTMX swaps in place; without JavaScript the same forms work as plain posts and redirects. The
original text is shown only to roles that may see originals, only after they ask for it (each time it
is shown is audited), and only for the rest of their session.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from veil.review import screen, workspace
from veil.review.decisions import MISSED_KINDS, entity_at
from veil.review.forms import CatalogueForm, DecideForm, MissedForm
from veil.review.models import AddedSpan, Change, Status, Testimony
from veil.review.roles import EDITORS, EVERYONE, allow
from veil.review.views.common import actor, audit, error_page

SHOWN = "veil-originals-shown"


def showing_original(request: HttpRequest, testimony: Testimony) -> bool:
    return getattr(request, "veil_role", None) in EDITORS and testimony.pk in request.session.get(SHOWN, [])


def review_context(request: HttpRequest, testimony: Testimony, selected: str = "") -> dict[str, Any] | None:
    """Everything the review area shows; None when the project no longer holds the original."""
    analysis = workspace.current().analysis(testimony, actor(request))
    if analysis is None:
        return None
    text = analysis.document.text()
    originals = showing_original(request, testimony)
    return {
        "t": testimony,
        "original": screen.segments(text, analysis, protected=False) if originals else None,
        "protected": screen.segments(text, analysis, protected=True),
        "cards": screen.cards(analysis, originals),
        "risk": screen.risk_rows(analysis),
        "has_risk": "risk" in analysis.extras,
        "summary": screen.summary(analysis),
        "selected": selected,
        "missed_kinds": [(k, v.title) for k, v in MISSED_KINDS.items()],
        "verdicts": Change.Verdict.choices,
        "catalogue": CatalogueForm(instance=testimony),
    }


def _review_response(request: HttpRequest, testimony: Testimony, selected: str = "") -> HttpResponse:
    context = review_context(request, testimony, selected)
    if context is None:
        message = "The project does not hold this document's original any more, so it cannot be reviewed."
        return error_page(request, 409, "Original not available", message)
    template = "review/_review.html" if request.headers.get("HX-Request") else "review/review.html"
    return render(request, template, context)


def _reviewable(pk: int) -> Testimony:
    return get_object_or_404(Testimony.objects.exclude(status__in=[Status.PROCESSING, Status.FAILED]), pk=pk)


@allow(*EVERYONE)
@require_GET
def review(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = _reviewable(pk)
    if showing_original(request, testimony):
        audit(request, "view-original", testimony)
    return _review_response(request, testimony)


@allow(*EDITORS)
@require_POST
def show_original(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = _reviewable(pk)
    shown = set(request.session.get(SHOWN, []))
    if request.POST.get("hide"):
        shown.discard(pk)
    else:
        shown.add(pk)
        audit(request, "view-original", testimony)
    request.session[SHOWN] = sorted(shown)
    return _review_response(request, testimony)


def _saved(request: HttpRequest, testimony: Testimony, selected: str) -> HttpResponse:
    """After a change: store the new protected text, and show the review area again."""
    current = workspace.current()
    analysis = current.analysis(testimony, actor(request))
    if analysis is not None:
        current.save_protected(testimony, analysis)
    if not request.headers.get("HX-Request"):
        return redirect("review", pk=testimony.pk)
    return _review_response(request, testimony, selected)


@allow(*EVERYONE)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = _reviewable(pk)
    form = DecideForm(request.POST)
    if not form.is_valid():
        return error_page(request, 400, "Bad request", "That decision is not valid.")
    anchor = form.anchor_span()
    data = form.cleaned_data
    Change.objects.create(testimony=testimony, anchor_start=anchor[0], anchor_end=anchor[1], user=request.user,
                          verdict=data["verdict"], replacement=data["replacement"])  # fmt: skip
    audit(request, "decision", testimony, f"{form.cleaned_data['verdict']} at {anchor[0]}-{anchor[1]}")
    _unapprove(testimony)
    return _saved(request, testimony, form.cleaned_data["anchor"])


@allow(*EVERYONE)
@require_POST
def missed(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = _reviewable(pk)
    form = MissedForm(request.POST)
    if not form.is_valid():
        return error_page(
            request, 400, "Bad request", "Select the missed words in the text first (1 to 200 characters)."
        )
    start, end, kind = form.cleaned_data["start"], form.cleaned_data["end"], form.cleaned_data["kind"]
    AddedSpan.objects.create(testimony=testimony, start=start, end=end, kind=kind, user=request.user)
    audit(request, "add-span", testimony, f"{kind} at {start}-{end}")
    _unapprove(testimony)
    analysis = workspace.current().analysis(testimony, actor(request))
    entity = entity_at(analysis.entities, (start, end)) if analysis else None
    return _saved(request, testimony, screen.anchor_key(entity) if entity else "")


def _unapprove(testimony: Testimony) -> None:
    """A change after approval sends the testimony back to review: what was approved is not what is there."""
    if testimony.status == Status.APPROVED:
        testimony.status = Status.REVIEW
        testimony.approved_at = None
        testimony.save(update_fields=["status", "approved_at", "updated_at"])


@allow(*EDITORS)
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = _reviewable(pk)
    current = workspace.current()
    analysis = current.analysis(testimony, actor(request))
    if analysis is None:
        return error_page(request, 409, "Original not available", "The project no longer holds this original.")
    current.save_protected(testimony, analysis)
    current.record(testimony, analysis, actor(request))  # the approved version, sealed in the project
    current.project.adopt_decisions(testimony.vault_document, analysis, actor(request))
    testimony.status = Status.APPROVED
    testimony.approved_by = request.user
    testimony.approved_at = timezone.now()
    testimony.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    audit(request, "approve", testimony)
    messages.success(request, f"{testimony.title} is approved and can be exported.")
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = request.path.rsplit("approve/", 1)[0]
        return response
    return redirect("review", pk=pk)


@allow(*EDITORS)
@require_POST
def catalogue(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = get_object_or_404(Testimony, pk=pk)
    form = CatalogueForm(request.POST, instance=testimony)
    if form.is_valid():
        form.save()
        audit(request, "catalogue", testimony)
        messages.success(request, "Catalogue details saved.")
    else:
        messages.error(request, "The catalogue details are not valid; nothing was saved.")
    return redirect("review", pk=pk)
