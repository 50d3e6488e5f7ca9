"""Exports of an approved testimony: the protected document in its own format, and the published page.

Both are audited. Nothing is exported before an editor has approved the testimony: no one publishes on
an algorithm's word alone.
"""

from __future__ import annotations

import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from veil.review import workspace
from veil.review.models import Status, Testimony
from veil.review.publish import published_page
from veil.review.roles import EDITORS, allow
from veil.review.views.common import actor, audit, error_page

CONTENT_TYPES = {"txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
                 "html": "text/html; charset=utf-8", "srt": "application/x-subrip", "vtt": "text/vtt"}  # fmt: skip


def _download(body: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@allow(*EDITORS)
@require_GET
def export(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    testimony = get_object_or_404(Testimony, pk=pk)
    if what not in {"document", "page"}:
        return error_page(request, 404, "Not found", "There is no such export.")
    if testimony.status != Status.APPROVED:
        return error_page(request, 409, "Not approved yet", "Approve the testimony before exporting it.")
    current = workspace.current()
    analysis = current.analysis(testimony, actor(request))
    if analysis is None:
        return error_page(request, 409, "Original not available", "The project no longer holds this original.")
    audit(request, f"export-{what}", testimony)
    if what == "page":
        page = published_page(testimony, analysis)
        return _download(page.encode("utf-8"), f"testimony-{pk}.html", "text/html; charset=utf-8")
    out = io.BytesIO()
    current.pipeline.render(analysis, out)
    content_type = CONTENT_TYPES.get(testimony.format, "application/octet-stream")
    return _download(out.getvalue(), f"testimony-{pk}.protected.{testimony.format}", content_type)
