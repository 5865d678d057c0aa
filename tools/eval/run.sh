#!/usr/bin/env bash
# One-run quality evaluation of the PatchMatch inpainter against OpenCV (Telea, Navier-Stokes, and
# opencv-contrib's xphoto FSR_FAST, FSR_BEST, SHIFTMAP) on object-shaped holes cut into real photos.
#
# Usage: tools/eval/run.sh IMAGE_DIR [OUT_DIR] [seed] [key=value ...]
#   IMAGE_DIR  folder of photographs (PNG/JPEG), e.g. the five fixture photos
#   OUT_DIR    where cases, results and the OpenCV cache go (default brushedit-examples/target/patchmatch-eval)
#   key=value  passed to dev.brushedit.examples.eval.PatchMatchEval (photos=..., inpainter settings)
# Environment: PYTHON (default .venv/bin/python in the repository root, made once with
#   python3 -m venv .venv && .venv/bin/pip install -r tools/eval/requirements.txt),
#   SCORE_ARGS (extra arguments for patchmatch_vs_opencv.py, e.g. "--montage docs/x.png"),
#   SKIP_BUILD=1 to reuse the built jar.
# OpenCV outputs are cached in OUT_DIR/opencv; the first run takes about an hour (FSR_BEST).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,15p' "$0"
  exit 0
fi
if [ $# -lt 1 ]; then
  sed -n '2,15p' "$0" >&2
  exit 2
fi
if [ ! -d "$1" ]; then
  echo "run.sh: IMAGE_DIR $1 is not a folder (see run.sh --help)" >&2
  exit 2
fi
images="$(cd "$1" && pwd)"
out="${2:-$root/brushedit-examples/target/patchmatch-eval}"
seed="${3:-0}"
python="${PYTHON:-$root/.venv/bin/python}"
if [ ! -x "$python" ]; then
  echo "run.sh: no Python at $python; make it with:" >&2
  echo "  python3 -m venv .venv && .venv/bin/pip install -r tools/eval/requirements.txt" >&2
  exit 2
fi
cd "$root"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp -o -pl brushedit-examples -am -DskipTests -Dmaven.javadoc.skip package
fi
jar=$(ls brushedit-examples/target/brushedit-examples-*-all.jar | head -n 1)
java -cp "$jar" dev.brushedit.examples.eval.PatchMatchEval "$images" "$out" "$seed" "${@:4}"
# shellcheck disable=SC2086
"$python" "$root/tools/eval/patchmatch_vs_opencv.py" "$out" ${SCORE_ARGS:-}
