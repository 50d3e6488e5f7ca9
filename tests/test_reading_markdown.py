"""Markdown is read as plain text, so front matter and link targets are protected with the rest."""

from __future__ import annotations

from pathlib import Path

from veil import Pipeline
from veil.writing.files import protect_file

DOCUMENT = """---
title: Interview with Sergey Volkov
author: Anna Smirnova
---

# What happened

Sergey Volkov posted it on [his page](https://vk.com/sergey.volkov) and on
[Telegram](https://t.me/sergey_volkov95).

![Sergey at home](photos/volkov.jpg "Sergey Volkov at home")
"""


def test_front_matter_and_link_targets_are_protected(tmp_path: Path, pipeline: Pipeline) -> None:
    source = tmp_path / "story.md"
    source.write_text(DOCUMENT, encoding="utf-8")
    output = tmp_path / "story.protected.md"
    protect_file(pipeline, source, output, reports=False)
    after = output.read_text(encoding="utf-8")
    # (a lower-case surname inside a file name, "photos/volkov.jpg", is not found yet: see the report)
    for secret in ("Sergey", "Volkov", "Smirnova", "vk.com/sergey", "t.me/sergey"):
        assert secret not in after, secret
    assert after.startswith("---\ntitle: Interview with ")
    assert "# What happened" in after
    assert after.count("](") == 3  # the links and the image are still links
