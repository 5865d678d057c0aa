"""Per-stage Java / Python ratios from EditBench and ort_edit_bench.py logs (see e2e_pair.sh).

Reads the RESULT lines of each log (the edit given by --edit, default the last), sums every graph's runs per stage
(text encoder: both prompts; steps: one column each), and prints for each stage the median over the Java logs and
over the Python logs of the wall time, the process CPU time and the minor page faults, and the Java / Python ratio of
the medians. Standard library only.

Usage: python tools/bench/e2e_pair_report.py --java J1.log J2.log --python P1.log P2.log [--edit 2]
"""

import argparse
import re
import statistics

STAGES = (("text encoder", "text_encoder"), ("VAE encode", "vae_encoder"), ("steps", "brushnet_unet"),
          ("VAE decode", "vae_decoder"))


def runs(section):
    out = {}
    for tok in section.split():
        if "=" in tok:
            k, v = tok.split("=", 1)
            out[k] = [float(x) for x in v.split(",") if x]
    return out


def parse(path, edit):
    """{stage: (wall ms, cpu ms, faults)} for one edit of one log; step columns are "step 1", "step 2", ..."""
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    main = [l for l in lines if re.search(r"RESULT \w+ edit \d+:", l)]
    cpu = [l for l in lines if re.search(r"RESULT \w+ edit \d+ cpu:", l)]
    if not main or not cpu:
        raise SystemExit(f"{path}: no RESULT edit lines (did the run fail?)")
    pick = (lambda ls: ls[-1]) if edit is None else (
        lambda ls: next(l for l in ls if re.search(rf"edit {edit}( cpu)?:", l)))
    m, c = pick(main), pick(cpu)
    wall_runs = runs(re.search(r"runs ms: ?([^;]*);", m).group(1))
    cpu_runs = runs(re.search(r"runs cpu ms: ?([^;]*);", c).group(1))
    fault_runs = runs(re.search(r"runs minor faults: ?([^;]*);", c).group(1))
    out = {}
    for name, key in STAGES:
        if key not in wall_runs:
            continue
        if name == "steps":
            for i, w in enumerate(wall_runs[key]):
                out[f"step {i + 1}"] = (w, cpu_runs[key][i], fault_runs[key][i])
        else:
            out[name] = (sum(wall_runs[key]), sum(cpu_runs[key]), sum(fault_runs[key]))
    wall = float(re.search(r"wall ([\d.]+) ms", m).group(1))
    edit_cpu = re.search(r"edit cpu (-?\d+) ms, minor faults (-?\d+)", c)
    out["whole edit"] = (wall, float(edit_cpu.group(1)), float(edit_cpu.group(2)))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--java", nargs="+", required=True)
    p.add_argument("--python", nargs="+", required=True)
    p.add_argument("--edit", type=int)
    a = p.parse_args()
    java = [parse(f, a.edit) for f in a.java]
    py = [parse(f, a.edit) for f in a.python]
    print(f"medians over {len(java)} Java and {len(py)} Python runs, edit {a.edit or 'last'}; s = seconds, "
          "faults in thousands")
    print(f"{'stage':<13} {'wall J':>7} {'wall P':>7} {'J/P':>5} | {'cpu J':>7} {'cpu P':>7} {'J/P':>5} | "
          f"{'flt J':>7} {'flt P':>7}")
    for stage in java[0]:
        if not all(stage in r for r in java + py):
            continue
        med = [[statistics.median(r[stage][i] for r in side) for i in range(3)] for side in (java, py)]
        (wj, cj, fj), (wp, cp, fp) = med
        print(f"{stage:<13} {wj / 1e3:7.2f} {wp / 1e3:7.2f} {wj / wp:5.2f} | {cj / 1e3:7.2f} {cp / 1e3:7.2f} "
              f"{(cj / cp if cp else float('nan')):5.2f} | {fj / 1e3:7.1f} {fp / 1e3:7.1f}")


if __name__ == "__main__":
    main()
