#!/usr/bin/env bash
# Quiet interleaved pair of whole BrushNet edits, Java (EditBench) against Python ONNX Runtime (ort_edit_bench.py)
# on the same graphs: runs J P P J, then prints per-stage medians and Java / Python ratios of wall time, process CPU
# time and minor page faults for the last edit of each run (steady state). Run it from the repository root on an
# otherwise idle machine; each 512 run needs 8 to 14 GiB of memory.
#
#   tools/bench/e2e_pair.sh GRAPHS [SIZE] [STEPS] [EDITS]      (defaults 512 2 2)
#
# GRAPHS is a folder made by make_step_graphs.py --full + compose_fused_graph.py (BENCHMARKS.md, "Whole edits").
# Environment: JAR (default the shaded brushedit-examples jar under brushedit-examples/target), PY (default
# .venv-ort/bin/python, made from tools/bench/requirements-ort.txt), LOGS (default target/e2e-pair), JAVA_ARGS and
# PY_ARGS (extra arguments for each side, e.g. JAVA_ARGS=--low-mem).
set -euo pipefail
G=${1:?usage: tools/bench/e2e_pair.sh GRAPHS [SIZE] [STEPS] [EDITS]}
if [ ! -d "$G" ]; then
  echo "usage: tools/bench/e2e_pair.sh GRAPHS [SIZE] [STEPS] [EDITS]   (GRAPHS: a folder, was $G)" >&2
  exit 2
fi
SIZE=${2:-512}; STEPS=${3:-2}; EDITS=${4:-2}
JAR=${JAR:-$(ls brushedit-examples/target/brushedit-examples-*-all.jar | head -1)}
PY=${PY:-.venv-ort/bin/python}
LOGS=${LOGS:-target/e2e-pair}
mkdir -p "$LOGS"
n=0
for who in java python python java; do
  n=$((n + 1))
  log="$LOGS/$n-$who.log"
  echo "run $n: $who, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$who" = java ]; then
    # shellcheck disable=SC2086
    java -cp "$JAR" dev.brushedit.bench.EditBench --checkpoint "$G" --size "$SIZE" --steps "$STEPS" --edits "$EDITS" \
      ${JAVA_ARGS:-} > "$log" 2>&1
  else
    # shellcheck disable=SC2086
    "$PY" tools/bench/ort_edit_bench.py "$G" --size "$SIZE" --steps "$STEPS" --edits "$EDITS" ${PY_ARGS:-} > "$log" 2>&1
  fi
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
"$PY" tools/bench/e2e_pair_report.py --java "$LOGS/1-java.log" "$LOGS/4-java.log" \
  --python "$LOGS/2-python.log" "$LOGS/3-python.log"
