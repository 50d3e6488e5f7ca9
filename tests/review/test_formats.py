"""Every format Veil reads can be uploaded, reviewed and exported in its own format, identifiers gone."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.docx_samples import SECRETS, build_leaky_docx
from tests.review.conftest import upload

LINES = ["Sergey Volkov called me from +7 912 345-67-89.", "Volkov left on Monday."]
SAMPLES = {
    "md": "# Interview\n\n" + "\n\n".join(LINES) + "\n",
    "srt": "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{line}\n\n" for i, line in enumerate(LINES, 1)),
    "vtt": "WEBVTT\n\n" + "".join(f"00:00:0{i}.000 --> 00:00:0{i}.900\n{line}\n\n" for i, line in enumerate(LINES, 1)),
    "html": "<!doctype html><html lang='en'><head><title>Interview</title></head><body><article><h1>Interview</h1>"
    + "".join(f"<p>{line}</p>" for line in LINES)
    + "</article></body></html>",
}


def _sample(folder: Path, fmt: str) -> Path:
    path = folder / f"sample.{fmt}"
    if fmt == "docx":
        build_leaky_docx(path)
    else:
        path.write_text(SAMPLES[fmt], encoding="utf-8")
    return path


def _texts(body: bytes, fmt: str) -> str:
    if fmt != "docx":
        return body.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(body)) as package:
        return " ".join(package.read(name).decode("utf-8", "replace") for name in package.namelist())


@pytest.mark.parametrize("fmt", ["md", "srt", "vtt", "html", "docx"])
def test_upload_review_and_export_each_format(client_as, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from veil.review.models import Testimony

    editor = client_as("editor")
    pk = upload(editor, _sample(tmp_path, fmt), title=f"sample {fmt}")
    testimony = Testimony.objects.get(pk=pk)
    assert testimony.format == fmt
    assert "Volkov" not in testimony.protected_text
    assert editor.get(f"/testimonies/{pk}/").status_code == 200
    assert editor.post(f"/testimonies/{pk}/approve/").status_code == 302
    exported = editor.get(f"/testimonies/{pk}/export/document/")
    assert exported.status_code == 200
    assert exported["Content-Disposition"].endswith(f'.protected.{fmt}"')
    body = _texts(exported.content, fmt)
    leaked = [secret for secret in (SECRETS if fmt == "docx" else ("Volkov", "345-67-89")) if secret in body]
    assert leaked == []
    if fmt in {"srt", "vtt"}:
        assert "00:00:01" in body  # cues and timings kept
