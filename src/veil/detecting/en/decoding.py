"""spaCy's greedy entity decoding, done with whole-array numpy steps.

spaCy's transition-based entity recogniser reads a document one token at a time: each step scores the
possible moves (begin, continue, end, unit or no entity, per label) for the current token, keeps the
valid ones and takes the best. Its C loop asks Python's interpreter lock for every validity check, and
its small matrix products go through blis, which falls back to reference kernels on processors it does
not recognise; on such a machine the loop costs as much as the whole token encoder.

Most tokens are read with no entity open, and then a move's score depends on the token alone (the other
two features are the model's padding rows). So the scores of every token in that state come from one
matrix product; only the few tokens inside an entity are scored one by one, as spaCy would. The
arithmetic is spaCy's own, in the same order (features summed, then the bias, maxout, the output
layer), and the validity rules are those of spaCy's BILUO moves for a document with no preset
entities; ``tests/detecting/en/test_ner_decoding.py`` checks that the entities are the ones
``nlp.pipe`` finds. A pipeline of any other shape is left to spaCy (:func:`decoder_for` returns None).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]

# spaCy's BILUO move names; "O" takes no label
BEGIN, IN, LAST, UNIT, OUT = "B", "I", "L", "U", "O"
# A token's validity code: 4 if it is the document's last, 2 if it is whitespace, 1 if the next token
# starts a sentence. The mask row for a state is ``open label * 8 + code`` (label 0: no entity open).
_LAST, _SPACE, _NEXT_STARTS = 4, 2, 1
_CODES = 8


class EntityDecoder:
    """The entities of a ``tok2vec`` + ``ner`` pipeline, as spaCy's greedy parser would set them."""

    def __init__(self, nlp: Any) -> None:
        ner = nlp.get_pipe("ner")
        model = ner.model
        self._encoder = nlp.get_pipe("tok2vec").model
        self._linear = model.get_ref("tok2vec").layers[-1]  # the entity model's own projection
        self._lower = model.get_ref("lower")
        self._pieces = int(self._lower.get_dim("nP"))
        self._bias: Floats = self._lower.get_param("b").reshape(-1)
        upper = model.get_ref("upper")
        self._output: Floats = np.ascontiguousarray(upper.get_param("W").T)
        self._output_bias: Floats = upper.get_param("b")
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        self.labels: list[str] = sorted({name[2:] for name in names if name[1:2] == "-" and name[2:]})
        self._moves = [name[:1] for name in names]
        self._label_of: Ints = np.array([self._label_number(name) for name in names], dtype=np.int64)
        self._mask = self._validity_mask()

    def _label_number(self, name: str) -> int:
        """1 + the label's index; 0 for "O" and for the label-less "U-"."""
        label = name[2:]
        return self.labels.index(label) + 1 if label else 0

    def _validity_mask(self) -> Floats:
        """0 where a move is valid, minus infinity where it is not, per open label and token code."""
        mask = np.full(((len(self.labels) + 1) * _CODES, len(self._moves)), -np.inf, dtype=np.float32)
        for open_label in range(len(self.labels) + 1):
            for code in range(_CODES):
                for move, (kind, label) in enumerate(zip(self._moves, self._label_of.tolist(), strict=True)):
                    if _valid(kind, label, open_label, code):
                        mask[open_label * _CODES + code, move] = 0.0
        return mask

    def entities(self, docs: Sequence[Any]) -> list[list[tuple[int, int, str]]]:
        """(first token, end token, label) of each entity, per document."""
        found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        full = [i for i, doc in enumerate(docs) if len(doc)]
        if not full:
            return found
        first, entity_start, before = self._features([docs[i] for i in full])
        closed_scores = self._closed_scores(first, entity_start, before)
        row = 1
        for i in full:
            size = len(docs[i])
            window = slice(row, row + size)
            found[i] = self._decode(
                docs[i], closed_scores[row - 1 : row - 1 + size], (first[window], entity_start[window], before[window])
            )
            row += size
        return found

    def _features(self, docs: Sequence[Any]) -> tuple[Floats, Floats, Floats]:
        """The hidden layer's input from each token as the current token, as the open entity's first
        token, and as the token before the current one inside an entity: one row per token of the
        documents in turn, from row 1; row 0 is the padding an absent feature takes."""
        vectors = self._linear.predict(self._linear.ops.flatten(self._encoder.predict(docs)))
        cached = self._lower.predict(vectors)
        rows = cached.shape[0]
        current, entity_start, before = (np.ascontiguousarray(cached[:, f].reshape(rows, -1)) for f in range(3))
        return current, entity_start, before

    def move_scores(self, doc: Any, token: int, entity_start: int | None) -> Floats:
        """The moves' scores on ``token`` with an entity open since ``entity_start`` (None: none open).

        One state at a time, for tests: :meth:`entities` scores whole documents at once.
        """
        current, start, before = self._features([doc])
        if entity_start is None:
            scores: Floats = self._closed_scores(current, start, before)[token]
            return scores
        window = slice(1, 1 + len(doc))
        return self._open_scores((current[window], start[window], before[window]), token, entity_start)

    def _closed_scores(self, current: Floats, entity_start: Floats, before: Floats) -> Floats:
        """Every token's move scores with no entity open: the two entity features take the padding."""
        summed = current[1:] + entity_start[0]
        summed += before[0]
        summed += self._bias
        return self._scores(summed)

    def _open_scores(self, features: tuple[Floats, Floats, Floats], token: int, entity_start: int) -> Floats:
        """One token's move scores inside an entity begun at ``entity_start`` (rows: the document's tokens)."""
        current, start, before = features
        summed = current[token] + start[entity_start]
        summed += before[token - 1]
        summed += self._bias
        return self._scores(summed)

    def _scores(self, summed: Floats) -> Floats:
        """Move scores from the summed features and bias (rows of hidden x pieces): maxout, output layer."""
        shaped = summed.reshape((*summed.shape[:-1], -1, self._pieces))
        scores: Floats = shaped.max(axis=-1) @ self._output
        scores += self._output_bias
        return scores

    def valid_moves(self, open_label: str | None, code: int) -> list[str]:
        """The names of the moves allowed with ``open_label`` open (None: none) on a token of ``code``."""
        row = (self.labels.index(open_label) + 1 if open_label else 0) * _CODES + code
        return [self._name(move) for move in np.flatnonzero(self._mask[row] == 0).tolist()]

    def _name(self, move: int) -> str:
        kind, label = self._moves[move], int(self._label_of[move])
        return kind if kind == OUT else f"{kind}-{self.labels[label - 1] if label else ''}"

    def _decode(
        self, doc: Any, closed_scores: Floats, features: tuple[Floats, Floats, Floats]
    ) -> list[tuple[int, int, str]]:
        codes = token_codes(doc)
        best = (closed_scores + self._mask[codes]).argmax(axis=1)
        entities: list[tuple[int, int, str]] = []
        token = 0
        for start in np.flatnonzero(self._label_of[best] > 0).tolist():
            if start < token:
                continue  # inside an entity read below
            move = int(best[start])
            label = int(self._label_of[move])
            token = start + 1 if self._moves[move] == UNIT else self._entity_end(start, label, codes, features)
            entities.append((start, token, self.labels[label - 1]))
        return entities

    def _entity_end(self, start: int, label: int, codes: Ints, features: tuple[Floats, Floats, Floats]) -> int:
        """The end of an entity begun at ``start``: its tokens are scored one by one, as spaCy does."""
        token = start + 1
        while True:
            scores = self._open_scores(features, token, start) + self._mask[label * _CODES + codes[token]]
            token += 1
            if self._moves[int(scores.argmax())] == LAST:
                return token


def token_codes(doc: Any) -> Ints:
    """Each token's validity code (see ``_LAST``, ``_SPACE`` and ``_NEXT_STARTS``)."""
    from spacy.attrs import IS_SPACE, SENT_START

    codes: Ints = doc.to_array(IS_SPACE).astype(np.int64) * _SPACE
    codes[-1] += _LAST
    codes[:-1] += (doc.to_array(SENT_START)[1:] == 1) * _NEXT_STARTS
    return codes


def _valid(kind: str, label: int, open_label: int, code: int) -> bool:
    """spaCy's ``is_valid`` of the BILUO moves, for a document with no preset entities."""
    is_open, last, space, next_starts = open_label > 0, code & _LAST, code & _SPACE, code & _NEXT_STARTS
    if kind == BEGIN:
        return not is_open and not last and label > 0 and not next_starts and not space
    if kind == IN:
        return is_open and not last and label == open_label and not next_starts
    if kind == LAST:
        return is_open and label == open_label
    if kind == UNIT:
        return not is_open and label > 0 and not space
    return kind == OUT and not is_open


def decoder_for(nlp: Any) -> EntityDecoder | None:
    """An :class:`EntityDecoder` for ``nlp`` when it has the shape the decoder reproduces, else None."""
    if list(nlp.pipe_names) != ["tok2vec", "ner"]:
        return None
    ner = nlp.get_pipe("ner")
    model = ner.model
    if ner.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
        return None
    lower = model.get_ref("lower")
    if lower.name != "precomputable_affine" or lower.get_dim("nF") != 3:
        return None
    if [layer.name for layer in model.get_ref("tok2vec").layers][1:] != ["list2array", "linear"]:
        return None
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    if any(name != OUT and name[:2] not in ("B-", "I-", "L-", "U-") for name in names):
        return None
    return EntityDecoder(nlp)
