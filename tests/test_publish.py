"""``veil publish``: the story's parts, questions and answers told apart, a self-contained page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import run_veil
from veil import VeilError
from veil.errors import ErrorCode
from veil.publishing import Story, blocks, render_page, split_front_matter
from veil.publishing.publish import publish_file

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "publish"

BODY = """Interviewer: When did you leave?

Maria: In September.
We drove all night.

And then we waited.

## At the border

Q: How long?

A: Three days.

Anna: Fine. *Thank you.*

A closing paragraph with [a link](https://example.org).
"""


def test_blocks_tell_questions_and_answers_apart() -> None:
    items = blocks(BODY, interviewer=("Anna",))
    kinds = [(b.kind, b.label, len(b.paragraphs)) for b in items]
    assert kinds == [
        ("question", "Interviewer", 1),
        ("answer", "Maria", 2),  # "We drove all night." joins the turn's first paragraph; the next follows
        ("heading", "", 1),
        ("question", "Q", 1),
        ("answer", "A", 1),
        ("question", "Anna", 2),  # named as the interviewer; the closing paragraph continues the turn
    ]
    assert items[1].paragraphs == ["In September. We drove all night.", "And then we waited."]
    assert items[2].level == 2  # the body's top heading is h2 under the page's h1


def test_front_matter() -> None:
    story, body = split_front_matter('+++\ntitle = "A title"\nbyline = "By me"\n+++\nQ: Hi?\n', "x")
    assert (story.title, story.byline, body) == ("A title", "By me", "Q: Hi?\n")
    assert split_front_matter("no front matter", "x") == (Story(), "no front matter")


@pytest.mark.parametrize(
    "front",
    [
        'title = "unterminated',  # not TOML
        'colour = "red"',  # not a part of a story
        '[[related]]\ntitle = "x"\nurl = "javascript:alert(1)"',  # links must be web addresses
    ],
)
def test_bad_front_matter_is_a_usage_error(front: str) -> None:
    with pytest.raises(VeilError) as raised:
        split_front_matter(f"+++\n{front}\n+++\nbody", "doc.md")
    assert raised.value.code == ErrorCode.USAGE


def test_page_has_the_parts_and_nothing_external(tmp_path: Path) -> None:
    story = Story(title="T <b>", standfirst="S", byline="By B", related=({"title": "R", "url": "https://e.org/r"},))  # type: ignore[arg-type]
    page = render_page(story, BODY + "\n<script>alert(1)</script>\n", tmp_path)
    assert '<html lang="en">' in page
    assert '<a class="skip-link" href="#content">' in page
    assert '<main id="content"' in page
    assert "<h1>T &lt;b&gt;</h1>" in page
    assert 'class="standfirst"' in page
    assert 'class="byline"' in page
    assert "have been changed" in page
    assert 'class="turn turn-question"' in page
    assert 'class="turn turn-answer"' in page
    assert "<script" not in page.replace("&lt;script&gt;", "")  # the document cannot inject markup
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//(?!e\.org|example\.org)""", page)


def test_russian_page_strings(tmp_path: Path) -> None:
    page = render_page(Story(title="Т"), "ВОПРОС: Как?\n\nОТВЕТ: Так.\n", tmp_path)
    assert '<html lang="ru">' in page
    assert "Перейти к интервью" in page
    assert "изменены" in page


def test_figures_are_embedded_without_metadata(tmp_path: Path) -> None:
    from tests.docx_samples import png

    (tmp_path / "photo.png").write_bytes(png({"Author": "Sergey Volkov"}))
    story = Story(title="T", figures=({"src": "photo.png", "alt": "A road", "caption": "C", "credit": "Photo: X"},))  # type: ignore[arg-type]
    page = render_page(story, "Q: Hi?\n", tmp_path)
    assert 'src="data:image/png;base64,' in page
    assert 'alt="A road"' in page
    assert 'class="credit"' in page
    import base64

    data = base64.b64decode(re.search(r"base64,([^\"]+)", page).group(1))  # type: ignore[union-attr]
    assert b"Volkov" not in data


@pytest.mark.parametrize(
    ("figure", "code"),
    [
        ({"src": "missing.png", "alt": "x"}, ErrorCode.INPUT_NOT_FOUND),
        ({"src": "https://example.org/a.png", "alt": "x"}, ErrorCode.USAGE),  # the page fetches nothing
    ],
)
def test_bad_figures(tmp_path: Path, figure: dict[str, str], code: ErrorCode) -> None:
    with pytest.raises(VeilError) as raised:
        render_page(Story(figures=(figure,)), "Q: Hi?\n", tmp_path)  # type: ignore[arg-type]
    assert raised.value.code == code


def test_publish_from_a_word_document(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in ("Interviewer: When?", "Maria: In September.", "Interviewer: Why?", "Maria: Because."):
        document.add_paragraph(line)
    document.sections[0].header.paragraphs[0].text = "Header text"
    source = tmp_path / "protected.docx"
    document.save(str(source))
    output = tmp_path / "page.html"
    publish_file(source, output, title="T")
    page = output.read_text(encoding="utf-8")
    assert page.count('class="turn turn-question"') == 2
    assert page.count('class="turn turn-answer"') == 2
    assert "Header text" not in page


def test_cli_publishes_the_example(tmp_path: Path) -> None:
    output = tmp_path / "page.html"
    result = run_veil("publish", str(EXAMPLES / "story.md"), "--meta", str(EXAMPLES / "story.toml"), "-o", str(output),
                      "--byline", "By the desk")  # fmt: skip
    assert result.returncode == 0, result.stderr
    page = output.read_text(encoding="utf-8")
    assert "By the desk" in page
    assert "They asked for him by name" in page
    assert "data:image/png;base64," in page


def test_cli_publish_errors_are_one_line(tmp_path: Path) -> None:
    result = run_veil("publish", str(tmp_path / "missing.md"), "-o", str(tmp_path / "p.html"))
    assert result.returncode == 1
    assert result.stderr.startswith("veil: error[input.not-found]")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "p.html").exists()
