"""Start-up of the standalone bundle beside the Python install, measured side by side in one run.

    bash tools/build_bundle.sh                                  # makes dist/bodymap/
    python bench/bundle_startup.py [dist/bodymap/bodymap] [--runs 5]

Times, as wall clock from the start of the process to its exit, ``bodymap --version``, ``bodymap
validate`` and ``bodymap snapshot`` run by the bundle's program and by ``python -m bodymap`` (this Python, this checkout's
code), alternating so both see the same machine load. Each gets its own cache folder, filled by one
untimed run first, so the medians are warm starts as a person meets them after the first. Prints a
table and writes bench/results/bundle.json. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
COMMANDS = (("--version",), ("validate",), ("snapshot", "--output", "snapshot.png"))
"""The snapshot (the real window drawn offscreen, written to the temporary folder) shows the window's
start-up; --version the bare start; validate a command that does real work."""


def _time(program: list[str], args: tuple[str, ...], env: dict[str, str], folder: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [*program, *args], env=env, cwd=folder, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "bodymap" / "bodymap")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.bundle.is_file():
        raise SystemExit(f"no bundle at {args.bundle}; build it with: bash tools/build_bundle.sh")
    with tempfile.TemporaryDirectory(prefix="bodymap-bundle-bench-") as temporary:
        base = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BODYMAP_CONFIG_DIR": f"{temporary}/config"}
        base.pop("PYTHONPATH", None)
        setups = {
            "bundle": ([str(args.bundle.resolve())], {**base, "BODYMAP_CACHE_DIR": f"{temporary}/bundle"}),
            "python -m bodymap": (
                [sys.executable, "-m", "bodymap"],
                {**base, "BODYMAP_CACHE_DIR": f"{temporary}/python", "PYTHONPATH": str(ROOT)},
            ),
        }
        for program, env in setups.values():  # untimed: fills each cache, warms the page cache
            for command in COMMANDS:
                _time(program, command, env, temporary)
        times: dict[str, dict[str, list[float]]] = {name: {" ".join(c): [] for c in COMMANDS} for name in setups}
        for _run in range(args.runs):
            for command in COMMANDS:
                for name, (program, env) in setups.items():
                    times[name][" ".join(command)].append(_time(program, command, env, temporary))
    medians = {name: {c: statistics.median(t) for c, t in by.items()} for name, by in times.items()}
    print(f"median of {args.runs} warm runs, seconds (alternating bundle / python)")
    print(f"{'':20}" + "".join(f"{c[0]:>12}" for c in COMMANDS))
    for name, by in medians.items():
        print(f"{name:20}" + "".join(f"{by[' '.join(c)]:12.3f}" for c in COMMANDS))
    RESULTS.mkdir(exist_ok=True)
    record = {
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "runs": args.runs,
        "median_s": medians,
        "all_s": times,
    }
    (RESULTS / "bundle.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
