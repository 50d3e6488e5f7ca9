"""The archive and review flow through Django's test client: upload, review, approve, export, search, delete."""

from __future__ import annotations

import re

import pytest

from tests.conftest import EXAMPLES
from tests.review.conftest import upload

# Identifiers in the example interviews that the pipeline protects (they must never reach the archive).
EN_SECRETS = ["Daniil Sorokin", "+7 912 345-67-89", "daniil.sorokin95@mail.ru"]
RU_SECRETS = ["Алексей Викторович Громов", "+7 (903) 111-22-33", "a.gromov@yandex.ru"]


@pytest.fixture(scope="module")
def documents(review_app):  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="editor"))
    en = upload(client, EXAMPLES / "interview_en.txt", place="Urals", theme="mobilisation", date="2023-03-01",
                tags="draft, emigration", title="A mother from the Urals")  # fmt: skip
    ru = upload(client, EXAMPLES / "interview_ru.txt", place="Yerevan", theme="mobilisation", date="2023-04-01",
                tags="emigration")  # fmt: skip
    return {"en": en, "ru": ru}


def _cards(html: str) -> dict[str, str]:
    """entity id -> anchor, from the review page."""
    return dict(re.findall(r'data-entity="(E\d+)" data-anchor="(\d+-\d+)"', html))


def test_uploads_are_processed_and_listed(client_as, documents) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    page = client_as("reviewer").get("/").content.decode()
    assert "A mother from the Urals" in page
    assert f"Testimony {documents['ru']}" in page
    assert Testimony.objects.get(pk=documents["ru"]).language == "ru"
    assert Testimony.objects.get(pk=documents["en"]).language == "en"


def test_the_archive_never_holds_an_original(client_as, documents) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    for testimony in Testimony.objects.filter(pk__in=documents.values()):
        for secret in EN_SECRETS + RU_SECRETS:
            assert secret not in testimony.protected_text


def test_reviewers_see_the_protected_text_only(client_as, documents) -> None:  # type: ignore[no-untyped-def]
    page = client_as("reviewer").get(f"/testimonies/{documents['en']}/").content.decode()
    assert 'data-pane="protected"' in page
    assert 'data-pane="original"' not in page
    assert all(secret not in page for secret in EN_SECRETS)
    assert "Show original" not in page
    assert client_as("reviewer").post(f"/testimonies/{documents['en']}/original/").status_code == 403


def test_editors_see_the_original_side_by_side_and_it_is_audited(client_as, documents) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import AuditEvent

    client = client_as("editor")
    pk = documents["en"]
    page = client.post(f"/testimonies/{pk}/original/", headers={"HX-Request": "true"}).content.decode()
    assert 'data-pane="original"' in page
    assert 'data-pane="protected"' in page
    assert "Daniil Sorokin" in page
    event = AuditEvent.objects.order_by("-id").first()
    assert (event.user, event.action, event.target) == ("editor", "view-original", f"testimony:{pk}")
    client.post(f"/testimonies/{pk}/original/", {"hide": "1"})
    assert 'data-pane="original"' not in client.get(f"/testimonies/{pk}/").content.decode()


def test_highlights_carry_kind_reason_and_entity(client_as, documents) -> None:  # type: ignore[no-untyped-def]
    page = client_as("reviewer").get(f"/testimonies/{documents['ru']}/").content.decode()
    assert 'class="m m-direct a-pseudonym"' in page
    assert 'class="m m-direct a-redact"' in page
    assert "<code>ru.ner</code>" in page or "<code>pattern.phone</code>" in page
    assert 'id="shortcuts"' in page
    assert "<kbd>j</kbd>" in page


def test_decisions_change_the_protected_text_and_are_audited(client_as, documents) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import AuditEvent, Testimony

    client = client_as("reviewer")
    pk = documents["en"]
    cards = _cards(client.get(f"/testimonies/{pk}/").content.decode())
    phone = "+7 912 345-67-89"
    text = (EXAMPLES / "interview_en.txt").read_text(encoding="utf-8")
    start = text.index(phone)
    anchor = next(a for a in cards.values() if a.startswith(f"{start}-"))
    change = {"anchor": anchor, "verdict": "redact", "replacement": "[a phone]"}
    response = client.post(f"/testimonies/{pk}/decide/", change,
                           headers={"HX-Request": "true"})  # fmt: skip
    assert response.status_code == 200
    assert "[a phone]" in response.content.decode()
    assert "[a phone]" in Testimony.objects.get(pk=pk).protected_text
    event = AuditEvent.objects.order_by("-id").first()
    assert (event.user, event.action) == ("reviewer", "decision")
    assert phone not in event.target
    client.post(f"/testimonies/{pk}/decide/", {"anchor": anchor, "verdict": "keep"})
    assert phone in Testimony.objects.get(pk=pk).protected_text  # rejected: the original stays
    client.post(f"/testimonies/{pk}/decide/", {"anchor": anchor, "verdict": "redact"})
    assert phone not in Testimony.objects.get(pk=pk).protected_text


def test_a_missed_span_applies_to_every_mention(client_as, documents) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    client = client_as("reviewer")
    pk = documents["en"]
    text = (EXAMPLES / "interview_en.txt").read_text(encoding="utf-8")
    word = "holiday"  # an ordinary word the detectors leave alone; marked here as an identifying detail
    start = text.index(word)
    assert word in Testimony.objects.get(pk=pk).protected_text
    response = client.post(f"/testimonies/{pk}/missed/", {"start": start, "end": start + len(word), "kind": "other"})
    assert response.status_code == 302
    assert word not in Testimony.objects.get(pk=pk).protected_text


BAD_SPANS = [
    {"start": 5, "end": 5, "kind": "person"},  # empty
    {"start": 1, "end": 900, "kind": "person"},  # too long
    {"start": 1, "end": 3, "kind": "nonsense"},  # unknown kind
    {"start": "x", "end": 3, "kind": "person"},  # not a number
]


@pytest.mark.parametrize("fields", BAD_SPANS)
def test_bad_review_input_is_a_message_not_a_crash(client_as, documents, fields) -> None:  # type: ignore[no-untyped-def]
    response = client_as("reviewer").post(
        f"/testimonies/{documents['ru']}/missed/", fields, headers={"HX-Request": "true"}
    )
    assert response.status_code == 400
    assert b"Traceback" not in response.content


def test_export_needs_approval_then_gives_the_protected_document_and_page(client_as, documents) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import AuditEvent

    client = client_as("editor")
    pk = documents["ru"]
    assert client.get(f"/testimonies/{pk}/export/document/").status_code == 409
    assert client_as("reviewer").post(f"/testimonies/{pk}/approve/").status_code == 403
    assert client.post(f"/testimonies/{pk}/approve/").status_code == 302
    document = client.get(f"/testimonies/{pk}/export/document/")
    assert document.status_code == 200
    assert 'attachment; filename="testimony-' in document["Content-Disposition"]
    body = document.content.decode("utf-8")
    assert body.startswith("Интервью записано")
    assert all(s not in body for s in RU_SECRETS)
    page = client.get(f"/testimonies/{pk}/export/page/").content.decode()
    assert '<html lang="ru">' in page
    assert "Имена и некоторые детали в этом интервью изменены" in page
    assert all(s not in page for s in RU_SECRETS)
    assert "<script" not in page
    actions = list(AuditEvent.objects.order_by("-id").values_list("action", flat=True)[:3])
    assert actions == ["export-page", "export-document", "approve"]


def test_a_change_after_approval_sends_it_back_to_review(client_as, documents) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    client = client_as("editor")
    pk = documents["ru"]
    client.post(f"/testimonies/{pk}/approve/")
    anchor = next(iter(_cards(client.get(f"/testimonies/{pk}/").content.decode()).values()))
    client.post(f"/testimonies/{pk}/decide/", {"anchor": anchor, "verdict": "accept"})
    assert Testimony.objects.get(pk=pk).status == "review"


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ({"q": "mobilization"}, {"en"}),  # a word of the protected English text
        ({"q": "повестку"}, {"ru"}),  # a word of the protected Russian text
        ({"q": "Sorokin"}, set()),  # a real name: not in any protected text, so never found
        ({"q": "Громов"}, set()),
        ({"language": "ru"}, {"ru"}),
        ({"place": "urals"}, {"en"}),
        ({"tag": "emigration"}, {"en", "ru"}),
        ({"tag": "draft"}, {"en"}),
        ({"date_from": "2023-03-15"}, {"ru"}),
        ({"date_to": "2023-03-15", "theme": "mobil"}, {"en"}),
    ],
)
def test_search_and_filters(client_as, documents, query: dict[str, str], expect: set[str]) -> None:  # type: ignore[no-untyped-def]
    import json

    rows = json.loads(client_as("reviewer").post("/api/testimonies/", query).content)["testimonies"]
    found = {lang for lang, pk in documents.items() if pk in {row["id"] for row in rows}}
    assert found == expect


def test_the_audit_chain_verifies_and_shows_no_text(client_as, documents) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import AuditEvent, verify_audit

    assert verify_audit() is None
    page = client_as("admin").get("/audit/").content.decode()
    assert "The hash chain is intact" in page
    assert all(secret not in page for secret in EN_SECRETS + RU_SECRETS)
    first = AuditEvent.objects.order_by("id").first()
    AuditEvent.objects.filter(pk=first.pk).update(target="testimony:999")
    try:
        assert verify_audit() == first.pk
        assert "The chain is broken" in client_as("admin").get("/audit/").content.decode()
    finally:
        AuditEvent.objects.filter(pk=first.pk).update(target=first.target)


def test_delete_removes_the_testimony_and_its_original(client_as, review_app) -> None:  # type: ignore[no-untyped-def]
    from veil.review import workspace
    from veil.review.models import AuditEvent, Testimony

    client = client_as("editor")
    pk = upload(client, EXAMPLES / "interview_en.txt")
    assert client_as("reviewer").post(f"/testimonies/{pk}/delete/").status_code == 403
    assert client.post(f"/testimonies/{pk}/delete/").status_code == 302
    assert not Testimony.objects.filter(pk=pk).exists()
    assert workspace.current().project.open_original(str(pk), None, "editor") is None
    assert AuditEvent.objects.order_by("-id").first().action == "delete"


def test_processing_shows_a_polled_progress_bar_then_the_review_link(client_as, review_app) -> None:  # type: ignore[no-untyped-def]
    from veil.review import workspace
    from veil.review.models import Testimony

    testimony = Testimony.objects.create(title="in progress", format="txt", status="processing")
    progress = workspace.current().progress(testimony.pk)
    progress.total, progress.done = 200, 50
    with workspace.current()._lock:
        workspace.current()._progress[testimony.pk] = progress
    row = client_as("reviewer").get(f"/testimonies/{testimony.pk}/progress/", headers={"HX-Request": "true"})
    html = row.content.decode()
    assert 'hx-trigger="every 1s"' in html
    assert '<progress id="progress-' in html
    assert 'value="25"' in html
    Testimony.objects.filter(pk=testimony.pk).update(status="review")
    html = client_as("reviewer").get(f"/testimonies/{testimony.pk}/progress/").content.decode()
    assert "every 1s" not in html
    assert f"/testimonies/{testimony.pk}/" in html
    testimony.delete()
