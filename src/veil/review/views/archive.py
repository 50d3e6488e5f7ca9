"""The archive: upload, list, filter and search testimonies, watch processing, delete.

Filters and search terms travel in the body of a POST, never in the address: a search for a real name
must not end up in browser history, a proxy's log or a Referer header.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from veil.review import workspace
from veil.review.forms import FilterForm, UploadForm, supported_extensions
from veil.review.models import Testimony
from veil.review.roles import EDITORS, EVERYONE, allow
from veil.review.search import search
from veil.review.views.common import actor, audit


def filtered(form: FilterForm) -> QuerySet[Testimony]:
    """Testimonies matching the filter form (an invalid form filters nothing out)."""
    testimonies = Testimony.objects.all()
    if not form.is_valid():
        return testimonies
    data = form.cleaned_data
    exact = {"language": data["language"], "status": data["status"]}
    testimonies = testimonies.filter(**{k: v for k, v in exact.items() if v})
    for name in ("place", "theme"):
        if data[name]:
            testimonies = testimonies.filter(**{f"{name}__icontains": data[name]})
    if data["tag"]:
        testimonies = testimonies.filter(tags__icontains=data["tag"].strip())
    if data["date_from"]:
        testimonies = testimonies.filter(date__gte=data["date_from"])
    if data["date_to"]:
        testimonies = testimonies.filter(date__lte=data["date_to"])
    return search(testimonies, data["q"]) if data["q"] else testimonies


@allow(*EVERYONE)
@require_http_methods(["GET", "POST"])
def archive(request: HttpRequest) -> HttpResponse:
    workspace.current().sync()
    form = FilterForm(request.POST or None, auto_id="filter_%s")
    testimonies = filtered(form)[:200]
    context: dict[str, Any] = {"filters": form, "testimonies": testimonies, "upload": UploadForm(),
                               "extensions": supported_extensions(), "searched": bool(request.POST)}  # fmt: skip
    template = "review/_results.html" if request.headers.get("HX-Request") else "review/archive.html"
    return render(request, template, context)


@allow(*EDITORS)
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("archive")
    upload = form.cleaned_data["file"]
    testimony: Testimony = form.save(commit=False)
    testimony.format = Path(upload.name).suffix.lower().lstrip(".") or "txt"
    testimony.uploaded_by = request.user
    testimony.save()
    if not testimony.title:
        testimony.title = f"Testimony {testimony.pk}"
        testimony.save(update_fields=["title"])
    workspace.current().submit(int(testimony.pk), upload.name, upload.read(), actor(request))
    audit(request, "upload", testimony)
    messages.success(request, f"{testimony.title} is being processed.")
    return redirect("archive")


@allow(*EVERYONE)
@require_GET
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = get_object_or_404(Testimony, pk=pk)
    context = {"t": testimony, "progress": workspace.current().progress(pk)}
    return render(request, "review/_row.html", context)


@allow(*EDITORS)
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    testimony = get_object_or_404(Testimony, pk=pk)
    title = testimony.title
    audit(request, "delete", testimony)
    workspace.current().forget(testimony, actor(request))
    testimony.delete()
    messages.success(request, f"{title} was deleted, with its original.")
    return redirect("archive")


@allow(*EVERYONE)
@require_http_methods(["GET", "POST"])
def api_testimonies(request: HttpRequest) -> JsonResponse:
    """The archive as JSON (catalogue fields and status; never any text); POST the filters to filter."""
    rows = filtered(FilterForm(request.POST or None)).values("id", "title", "language", "place", "theme", "date",
                                                            "tags", "status")  # fmt: skip
    return JsonResponse({"testimonies": [{**row, "date": str(row["date"] or "")} for row in rows[:1000]]})
