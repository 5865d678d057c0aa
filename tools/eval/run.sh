#!/usr/bin/env bash
# One-run quality evaluation of the PatchMatch inpainter against OpenCV Telea / Navier-Stokes.
# Usage: tools/eval/run.sh [imageDir] [outDir] [seed] [minLevelSize emIterations patchMatchIterations weightedVoting]
# Builds the runnable examples jar, runs the Java driver, then scores with a Python that has OpenCV and
# numpy; set PYTHON to choose it (default /work/pyenv/bin/python, opencv-python-headless).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
images="${1:-/work/shared/fixtures/images}"
out="${2:-$root/brushedit-examples/target/patchmatch-eval}"
seed="${3:-0}"
python="${PYTHON:-/work/pyenv/bin/python}"
cd "$root"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp -o -pl brushedit-examples -am -DskipTests -Dmaven.javadoc.skip package
fi
jar=$(ls brushedit-examples/target/brushedit-examples-*-all.jar | head -n 1)
java -cp "$jar" dev.brushedit.examples.eval.PatchMatchEval "$images" "$out" "$seed" "${@:4}"
"$python" "$root/tools/eval/patchmatch_vs_opencv.py" "$out"
