#!/usr/bin/env bash
# Build Veil's English NER model from the openly licensed corpora in ../shared/data. Run by hand from
# the repository root (CI never trains); see training/en_ner/README.md for the timing and choices.
#     bash training/en_ner/train.sh
set -euo pipefail
DATA=${DATA:-../shared/data}
WIDTH=${WIDTH:-64}          # CNN width (96 = spaCy's default; 64 runs ~1.7x faster, see docs/benchmarks.md)
DEPTH=${DEPTH:-4}           # CNN layers (the shipped model has 4; check a lighter one with benchmarks/en_ner_eval.py)
STEPS=${STEPS:-5000}        # the shipped model: best dev checkpoint (step 3000) within 5000 steps
RUN=training/en_ner/runs/w$WIDTH$([ "$DEPTH" = 4 ] || echo "d$DEPTH")
python training/en_ner/prepare.py --data "$DATA" --out training/en_ner/corpus
OMP_NUM_THREADS=1 python -m spacy train training/en_ner/config.cfg --output "$RUN" \
  --components.tok2vec.model.encode.width "$WIDTH" --components.tok2vec.model.encode.depth "$DEPTH" \
  --training.max_steps "$STEPS"
python training/en_ner/export.py "$RUN/model-best" src/veil/models/en_ner
