#!/usr/bin/env bash
# The comparison grid behind docs/benchmarks.md ("English NER model"): several CNN sizes, with and
# without the lower-case augmentation, trained side by side for the same wall-clock time, one thread
# each. Run from the repository root on a machine with >= 8 cores where spaCy 3.8.18 is installed
# (or installable from WHEELS), after `prepare.py` has written training/en_ner/corpus/*.jsonl.xz:
#     OUT=/tmp/grid bash training/en_ner/grid.sh
set -u
OUT=${OUT:-/tmp/grid}; SECONDS_EACH=${SECONDS_EACH:-450}; WHEELS=${WHEELS:-training/en_ner/wheels}
mkdir -p "$OUT"
PY=python3
if ! $PY -c "import spacy" 2>/dev/null; then
  $PY -m pip install -q --no-index --find-links "$WHEELS" spacy==3.8.18 > "$OUT/pip.log" 2>&1 || { tail "$OUT/pip.log"; exit 1; }
fi
$PY training/en_ner/prepare.py --from-examples training/en_ner/corpus --out /tmp/corpus > "$OUT/prepare.log" 2>&1 &
$PY training/en_ner/prepare.py --from-examples training/en_ner/corpus --out /tmp/corpus --no-augment > "$OUT/prepare-cased.log" 2>&1 &
wait
run() {
  local name=$1; shift
  OMP_NUM_THREADS=1 timeout "$SECONDS_EACH" $PY -m spacy train training/en_ner/config.cfg --output "/tmp/runs/$name" \
    --paths.dev /tmp/corpus/dev.spacy "$@" > "$OUT/$name.log" 2>&1
  mkdir -p "$OUT/$name" && cp -r "/tmp/runs/$name/model-best" "$OUT/$name/" 2>/dev/null
}
W=components.tok2vec.model.encode
run w96d4 --paths.train /tmp/corpus/train.spacy &
run w64d4 --paths.train /tmp/corpus/train.spacy --$W.width 64 &
run w128d4 --paths.train /tmp/corpus/train.spacy --$W.width 128 &
run w96d2 --paths.train /tmp/corpus/train.spacy --$W.depth 2 &
run w64d2 --paths.train /tmp/corpus/train.spacy --$W.width 64 --$W.depth 2 &
run w96d4-cased --paths.train /tmp/corpus/train-cased.spacy &
run w96d4-rows2x --paths.train /tmp/corpus/train.spacy --components.tok2vec.model.embed.rows "[20000,3000,6000,1000]" &
run w64d4-drop2 --paths.train /tmp/corpus/train.spacy --$W.width 64 --training.dropout 0.2 &
wait
nproc > "$OUT/nproc.txt"
