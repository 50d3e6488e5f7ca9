"""Forms: every value that comes from a browser is validated here before a view acts on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms

from veil.reading import FORMATS
from veil.review.decisions import MISSED_KINDS
from veil.review.models import Change, Status, Testimony
from veil.review.settings import MAX_UPLOAD_BYTES


def supported_extensions() -> list[str]:
    """Every extension a registered format reads (the upload form accepts exactly these)."""
    return sorted({ext for name in FORMATS.names() for ext in FORMATS.get(name).extensions if ext})


class CatalogueForm(forms.ModelForm):
    class Meta:
        model = Testimony
        fields = ["title", "place", "theme", "date", "tags"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
        help_texts = {"tags": "Comma-separated, e.g. mobilisation, emigration"}


class UploadForm(CatalogueForm):
    file = forms.FileField(help_text="Text, Markdown and every other format Veil reads.")

    class Meta(CatalogueForm.Meta):
        pass

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["file"].widget.attrs["accept"] = ",".join(supported_extensions())

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"The file is over {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
        if Path(upload.name).suffix.lower() not in supported_extensions():
            raise forms.ValidationError("Veil does not read this type of file: " + ", ".join(supported_extensions()))
        return upload


class FilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search the protected text")
    language = forms.ChoiceField(required=False, choices=[("", "Any"), ("en", "English"), ("ru", "Russian")])
    place = forms.CharField(required=False)
    theme = forms.CharField(required=False)
    tag = forms.CharField(required=False)
    date_from = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="From")
    date_to = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="To")
    status = forms.ChoiceField(required=False, choices=[("", "Any"), *Status.choices])


class DecideForm(forms.Form):
    anchor = forms.RegexField(regex=r"^\d{1,9}-\d{1,9}$")
    verdict = forms.ChoiceField(choices=Change.Verdict.choices)
    replacement = forms.CharField(required=False, max_length=200, strip=True)

    def anchor_span(self) -> tuple[int, int]:
        start, end = self.cleaned_data["anchor"].split("-")
        return int(start), int(end)


class MissedForm(forms.Form):
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    kind = forms.ChoiceField(choices=[(k, v.title) for k, v in MISSED_KINDS.items()])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "start" in data and "end" in data and not 0 < data["end"] - data["start"] <= 200:
            raise forms.ValidationError("Select a span of 1 to 200 characters.")
        return data
