"""The ``veil`` command line: one module per command, all registered on one Typer app.

``main`` runs the app and turns every failure into one line on standard error with a stable code
(``veil: error[input.not-utf8]: ...``) and a non-zero exit status. Tracebacks are never shown, because
they can carry document text in their values; ``VEIL_DEBUG=1`` shows them for debugging on one's own
machine.
"""

from __future__ import annotations

import os
import sys
import traceback

from veil.cli import audit as _audit  # noqa: F401
from veil.cli import batch as _batch  # noqa: F401
from veil.cli import detect as _detect  # noqa: F401  (registers the command)
from veil.cli import evaluate as _evaluate  # noqa: F401
from veil.cli import project as _project  # noqa: F401
from veil.cli import protect as _protect  # noqa: F401
from veil.cli import publish as _publish  # noqa: F401
from veil.cli import reveal as _reveal  # noqa: F401
from veil.cli import serve as _serve  # noqa: F401
from veil.cli import vault as _vault  # noqa: F401
from veil.cli.app import app, err_console
from veil.errors import ErrorCode, VeilError

EXIT_INTERRUPTED = 130


def _fail(code: ErrorCode | str, message: str, status: int) -> None:
    err_console.print(f"veil: error[{code}]: {message}", markup=False, highlight=False, soft_wrap=True)
    sys.exit(status)


def main(argv: list[str] | None = None) -> None:
    """Run the command line (the ``veil`` console script).

    Typer reports usage mistakes itself (exit status 2); everything else that goes wrong ends here.
    """
    try:
        app(args=argv, prog_name="veil")
    except VeilError as error:
        _fail(error.code.value, error.message, error.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", "stopped by the user", EXIT_INTERRUPTED)
    except Exception as error:
        if os.environ.get("VEIL_DEBUG") == "1":
            traceback.print_exc()
        _fail(
            ErrorCode.INTERNAL.value,
            f"unexpected {type(error).__name__}; details are hidden because they may contain document text "
            "(set VEIL_DEBUG=1 to show them)",
            1,
        )
