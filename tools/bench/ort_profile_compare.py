"""Compares two ONNX Runtime profiles (JSON written with profiling on) of the same graph, run by run.

For the chosen run (--run, 1-based, default the last) of each profile: the run's duration (model_run), the sum of
its node kernel times, and per operator type the summed kernel time and the ratio A / B, largest first; so a gap
between two callers (Java and Python) can be placed in the kernels or outside them. Standard library only.

Usage: python tools/bench/ort_profile_compare.py A.json B.json [--run 3] [--top 15] [--names java python]
"""

import argparse
import json


def by_run(path):
    """[(model_run µs, {op type: kernel µs})] per run of the profile, in order."""
    events = json.load(open(path))
    runs = sorted((e["ts"], e["ts"] + e["dur"]) for e in events if e.get("name") == "model_run")
    out = [(end - start, {}) for start, end in runs]
    for e in events:
        if e.get("cat") != "Node" or not e.get("name", "").endswith("_kernel_time"):
            continue
        for i, (start, end) in enumerate(runs):
            if start <= e["ts"] <= end:
                op = e.get("args", {}).get("op_name", "?")
                out[i][1][op] = out[i][1].get(op, 0) + e["dur"]
                break
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--run", type=int)
    p.add_argument("--top", type=int, default=15)
    p.add_argument("--names", nargs=2, default=("A", "B"))
    x = p.parse_args()
    ra, rb = by_run(x.a), by_run(x.b)
    na, nb = x.names
    print(f"runs: {na} {len(ra)}, {nb} {len(rb)}")
    for i in range(min(len(ra), len(rb))):
        ka, kb = sum(ra[i][1].values()), sum(rb[i][1].values())
        print(f"run {i + 1}: model_run {na} {ra[i][0] / 1e3:.0f} ms, {nb} {rb[i][0] / 1e3:.0f} ms, ratio "
              f"{ra[i][0] / rb[i][0]:.3f}; kernels {na} {ka / 1e3:.0f} ms, {nb} {kb / 1e3:.0f} ms, ratio {ka / kb:.3f}")
    r = (x.run or min(len(ra), len(rb))) - 1
    a, b = ra[r][1], rb[r][1]
    print(f"run {r + 1}, kernel ms per operator type ({na}, {nb}, {na}/{nb}):")
    for op in sorted(set(a) | set(b), key=lambda o: -(a.get(o, 0) + b.get(o, 0)))[:x.top]:
        va, vb = a.get(op, 0), b.get(op, 0)
        print(f"  {op:<28} {va / 1e3:9.1f} {vb / 1e3:9.1f} {(va / vb if vb else float('nan')):6.3f}")


if __name__ == "__main__":
    main()
