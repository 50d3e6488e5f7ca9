"""Publishing: a protected interview as an accessible, self-contained web page (``veil publish``)."""

from veil.publishing.page import render_page
from veil.publishing.publish import publish_file
from veil.publishing.story import Story, blocks, split_front_matter

__all__ = ["Story", "blocks", "publish_file", "render_page", "split_front_matter"]
