"""Quiet logs: a traceback can quote document text, so log records keep their one-line message only."""

from __future__ import annotations

import logging


class NoDetails(logging.Filter):
    """Keep the one-line message of a log record and drop its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
