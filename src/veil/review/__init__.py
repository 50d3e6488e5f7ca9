"""Reviewing: a local web app where an editor checks every decision, then approves and publishes.

A Django application on the same project the command line uses (``veil serve --project DIR``). The
pieces, in the order a request meets them: :mod:`settings` (secure defaults, SQLite or PostgreSQL),
:mod:`roles` (every route declares who may use it), :mod:`urls` and :mod:`views`, which act through the
:mod:`workspace` (the project, the pipeline, background processing) on :mod:`models` (the archive and the
review state, never an original). :mod:`decisions` rebuilds an analysis with reviewers' changes, and
:mod:`screen` turns it into what the review screen shows. :mod:`project` is the seam to the vault.

Importing this package does not import Django; :func:`veil.review.server.prepare` configures it.
"""
