"""The gold readers: small hand-made files in each benchmark's layout, read into TAB's model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veil.errors import ErrorCode, VeilError
from veil.evaluation.gold import GoldDocument, gold_format_for


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")


def _read(path: Path, format_name: str | None = None) -> list[GoldDocument]:
    return list(gold_format_for(path, format_name).read(path))


def _summary(document: GoldDocument) -> list[tuple[str, str, str, str, str | None, list[str]]]:
    """(annotator, entity id, label, type, kind, mention texts) per entity; NO_MASK mentions marked with !."""
    rows = []
    for annotation in document.annotations:
        for e in annotation.entities:
            texts = [("" if m.masked else "!") + "+".join(document.text[a:b] for a, b in m.spans) for m in e.mentions]
            rows.append((annotation.annotator, e.id, e.label, e.type, e.kind.value if e.kind else None, texts))
    return rows


def _tab_mention(eid: str, start: int, end: int, identifier: str, label: str = "PERSON") -> dict:
    return {"entity_id": eid, "entity_type": label, "identifier_type": identifier,
            "start_offset": start, "end_offset": end}  # fmt: skip


TAB_TEXT = "Mr Smith sued the United Kingdom in 2004. Smith lost."
TAB_DOC = {
    "doc_id": "001-1",
    "text": TAB_TEXT,
    "dataset_type": "dev",
    "annotations": {
        "annotator2": {"entity_mentions": [
            _tab_mention("a2_e1", 3, 8, "DIRECT"),
            _tab_mention("a2_e1", 42, 47, "NO_MASK"),
            _tab_mention("a2_e2", 18, 32, "NO_MASK", "LOC"),
        ]},
        "annotator1": {"entity_mentions": [
            _tab_mention("a1_e1", 3, 8, "DIRECT"),
            # first mention NO_MASK, a later one QUASI: the entity must be masked (as quasi)
            _tab_mention("a1_e2", 36, 40, "NO_MASK", "DATETIME"),
            _tab_mention("a1_e2", 36, 40, "QUASI", "DATETIME"),
        ]},
    },
}  # fmt: skip


def test_tab_reads_annotators_entities_and_no_mask(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([TAB_DOC]), encoding="utf-8")
    [document] = _read(path)
    assert (document.id, document.lang) == ("001-1", "en")
    assert _summary(document) == [
        ("annotator1", "a1_e1", "PERSON", "PERSON", "direct", ["Smith"]),
        ("annotator1", "a1_e2", "DATETIME", "DATETIME", "quasi", ["!2004", "2004"]),
        ("annotator2", "a2_e1", "PERSON", "PERSON", "direct", ["Smith", "!Smith"]),
        ("annotator2", "a2_e2", "LOC", "LOC", None, ["!United Kingdom"]),
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"doc_id": "x"}', "expected a list"),  # TAB files are lists of documents
        ('[{"doc_id": "x", "text": "abc"}]', "needs doc_id, text and annotations"),
        ('[{"doc_id": "x", "text": "abc", "annotations": {"a": {"entity_mentions": [{"entity_id": "e"}]}}}]', "lacks"),
        (
            '[{"doc_id": "x", "text": "abc", "annotations": {"a": {"entity_mentions": ['
            '{"entity_id": "e", "entity_type": "PERSON", "identifier_type": "DIRECT", '
            '"start_offset": 2, "end_offset": 9}'
            "]}}}]",
            "outside the text",
        ),
        (
            '[{"doc_id": "x", "text": "abc", "annotations": {"a": {"entity_mentions": ['
            '{"entity_id": "e", "entity_type": "PERSON", "identifier_type": "MAYBE", '
            '"start_offset": 0, "end_offset": 1}'
            "]}}}]",
            "unknown identifier_type",
        ),
        ("[{", "not valid JSON"),
    ],
)
def test_tab_rejects_malformed_files(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(VeilError) as raised:
        _read(path)
    assert raised.value.code == ErrorCode.INPUT_CORRUPT
    assert problem in raised.value.message


def test_spia_reads_one_annotation_and_repairs_shifted_offsets(tmp_path: Path) -> None:
    text = "Proud of my #MarriedLife with Anna Lee!"
    entities = [
        {"entity_id": "1", "entity_type": "PERSON", "identifier_type": "DIRECT", "start_offset": 30,
         "end_offset": 38, "span_text": "Anna Lee", "annotator": "a5"},
        # offsets two characters off, as in a few SPIA records: moved onto "Married"
        {"entity_id": "2", "entity_type": "DEM", "identifier_type": "QUASI", "start_offset": 15,
         "end_offset": 22, "span_text": "Married", "annotator": "a4"},
    ]  # fmt: skip
    line = json.dumps({"metadata": {"data_id": "PANORAMA-1"}, "text": text, "entities": entities})
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n\n", encoding="utf-8")
    [document] = _read(path)
    assert document.id == "PANORAMA-1"
    assert _summary(document) == [
        ("spia", "1", "PERSON", "PERSON", "direct", ["Anna Lee"]),
        ("spia", "2", "DEM", "DEM", "quasi", ["Married"]),
    ]


BRAT_TEXT = "Барак Обама с женой Мишель. Обама, 60 лет, юрист из Чикаго. Клинтон тоже."
BRAT_ANN = "\n".join([
    "T1\tPERSON 0 11\tБарак Обама",
    "T2\tPERSON 20 26\tМишель",
    "T3\tPERSON 28 33\tОбама",
    "T4\tAGE 35 41\t60 лет",
    "T5\tPROFESSION 43 48\tюрист",
    "T6\tCITY 52 58\tЧикаго",
    "T7\tCOUNTRY 60 67\tКлинтон",  # a type outside the gold (deliberately odd, to show it is dropped)
    "T8\tPERSON 0 5;6 11\tБарак Обама",  # discontinuous: two fragments
    "T9\tPERSON 60 67\tКлинтон",
    "N1\tReference T1 Wikidata:Q76\tБарак Обама",
    "N2\tReference T3 Wikidata:Q76\tБарак Обама",  # same link: one entity with T1
    "N3\tReference T9 Wikidata:NULL\t",  # NULL links nothing
    "R1\tAGE_IS Arg1:T3 Arg2:T4",
])  # fmt: skip


def test_brat_groups_by_link_maps_types_and_reads_fragments(tmp_path: Path) -> None:
    _write(tmp_path, {"doc_text.txt": BRAT_TEXT, "doc_text.ann": BRAT_ANN})
    [document] = _read(tmp_path)
    assert (document.id, document.lang) == ("doc_text", "ru")
    assert _summary(document) == [
        ("nerel", "T1", "PERSON", "PERSON", "direct", ["Барак Обама", "Обама"]),
        ("nerel", "T2", "PERSON", "PERSON", "direct", ["Мишель"]),
        ("nerel", "T4", "DEM", "AGE", "quasi", ["60 лет"]),
        ("nerel", "T5", "DEM", "PROFESSION", "quasi", ["юрист"]),
        ("nerel", "T6", "LOC", "CITY", "quasi", ["Чикаго"]),
        # unlinked: grouped by text, fragments kept apart
        ("nerel", "T8", "PERSON", "PERSON", "direct", ["Барак+Обама"]),
        ("nerel", "T9", "PERSON", "PERSON", "direct", ["Клинтон"]),
    ]


def test_brat_needs_the_text_next_to_the_annotations(tmp_path: Path) -> None:
    _write(tmp_path, {"lonely.ann": BRAT_ANN})
    with pytest.raises(VeilError) as raised:
        _read(tmp_path / "lonely.ann")
    assert raised.value.code == ErrorCode.INPUT_NOT_FOUND


FACTRUEVAL = {
    "b.txt": "Юрий Лужков, мэр Москвы. Лужков ушёл. Газпром молчит.",
    "b.spans": "\n".join([
        "1 name 0 4 100 1  # 100 Юрий",
        "2 surname 5 6 101 1  # 101 Лужков",
        "3 loc_name 17 6 104 1  # 104 Москвы",
        "4 surname 25 6 106 1  # 106 Лужков",
        "5 org_name 38 7 109 1  # 109 Газпром",
    ]),
    "b.objects": "\n".join([
        "10 Person 1 2 # Юрий Лужков",
        "11 LocOrg 3 # Москвы",
        "12 Person 4 # Лужков",
        "13 Org 5 # Газпром",
    ]),
    # one chain for the two mentions of Luzhkov; Moscow and Gazprom are in no chain
    "b.coref": "1 10 12\nfirstname Юрий\nlastname Лужков\n\n",
}  # fmt: skip


def test_factrueval_chains_are_entities_and_objects_are_mentions(tmp_path: Path) -> None:
    _write(tmp_path, FACTRUEVAL)
    [document] = _read(tmp_path)
    assert (document.id, document.lang) == ("b", "ru")
    assert _summary(document) == [
        ("factrueval", "10", "PERSON", "Person", "direct", ["Юрий+Лужков", "Лужков"]),
        ("factrueval", "11", "LOC", "LocOrg", "quasi", ["Москвы"]),
        ("factrueval", "13", "ORG", "Org", "quasi", ["Газпром"]),
    ]


def test_factrueval_rejects_objects_with_unknown_spans(tmp_path: Path) -> None:
    _write(tmp_path, {**FACTRUEVAL, "b.objects": "10 Person 1 99 # ?"})
    with pytest.raises(VeilError) as raised:
        _read(tmp_path)
    assert raised.value.code == ErrorCode.INPUT_CORRUPT


@pytest.mark.parametrize(
    ("files", "target", "expected"),
    [
        ({"gold.json": "[]"}, "gold.json", "tab"),
        ({"gold.jsonl": ""}, "gold.jsonl", "spia"),
        ({"a.ann": "", "a.txt": ""}, ".", "brat"),
        ({"a.ann": "", "a.txt": ""}, "a.ann", "brat"),
        ({"a.objects": "", "a.txt": ""}, ".", "factrueval"),
    ],
)
def test_format_is_guessed_from_the_path(tmp_path: Path, files: dict[str, str], target: str, expected: str) -> None:
    _write(tmp_path, files)
    assert gold_format_for(tmp_path / target).name == expected


@pytest.mark.parametrize(
    ("target", "code"),
    [
        ("missing.json", ErrorCode.INPUT_NOT_FOUND),
        ("notes.txt", ErrorCode.INPUT_UNSUPPORTED),  # a plain text file is no gold standard
    ],
)
def test_unknown_gold_is_a_clear_error(tmp_path: Path, target: str, code: ErrorCode) -> None:
    _write(tmp_path, {"notes.txt": "hello"})
    with pytest.raises(VeilError) as raised:
        gold_format_for(tmp_path / target)
    assert raised.value.code == code


@pytest.mark.data
@pytest.mark.parametrize(
    ("relative", "documents", "entities_to_mask"),
    [
        ("tab/echr_dev_subset.json", 21, 484),
        ("tab/echr_dev_doc_001-83927_two_annotators.json", 1, 38),
        ("spia_panorama/entity_panorama_151.jsonl", 151, 538),
        ("factrueval2016/devset", 122, 1400),
        ("nerel/dev", 94, 1674),
    ],
)
def test_shared_gold_files_read_whole(shared_data: Path, relative: str, documents: int, entities_to_mask: int) -> None:
    read = _read(shared_data / relative)
    assert len(read) == documents
    found = sum(e.to_mask for d in read for a in d.annotations for e in a.entities)
    assert found == entities_to_mask
    for document in read:
        for annotation in document.annotations:
            for entity in annotation.entities:
                for mention in entity.mentions:
                    assert all(0 <= a < b <= len(document.text) for a, b in mention.spans)
