"""``python -m benchmarks [--only NAME ...] [--quick] [--large]``: run the benchmarks, write
BENCHMARKS.md.

Each ``benchmarks/bench_<name>.py`` has ``run(options) -> str`` that returns a Markdown section
(a heading, the table, what was measured and how). Sections are kept in
``benchmarks/results/<name>.md`` so that running one benchmark keeps the others' latest figures.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{mem_kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        mem = "unknown RAM"
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), {mem}, "
        f"Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--only", nargs="*", help="names of benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--large", action="store_true",
                        help="the large sizes where a benchmark has them (start: 1,000,000)")
    parser.add_argument("--assemble", action="store_true",
                        help="only rebuild BENCHMARKS.md from the latest saved sections")
    options = parser.parse_args(argv)
    names = sorted(p.stem[len("bench_") :] for p in HERE.glob("bench_*.py"))
    if options.only:
        names = [n for n in names if n in options.only]
    if options.assemble:
        names = []
    RESULTS.mkdir(exist_ok=True)
    for name in names:
        print(f"benchmark {name} …", file=sys.stderr)
        start = time.perf_counter()
        module = importlib.import_module(f"benchmarks.bench_{name}")
        section = module.run(options)
        took = time.perf_counter() - start
        stamp = time.strftime("%Y-%m-%d %H:%M")
        # A benchmark with a large size of its own keeps that run's section apart.
        large = options.large and getattr(module, "LARGE_SECTION", False)
        (RESULTS / f"{name}{'_large' if large else ''}.md").write_text(
            f"{section.rstrip()}\n\n_Run {stamp}, {took:.0f} s, on: {machine()}._\n",
            encoding="utf-8",
        )
    sections = [p.read_text(encoding="utf-8") for p in sorted(RESULTS.glob("*.md"))]
    (ROOT / "BENCHMARKS.md").write_text(
        "# Benchmarks\n\n"
        "Written by `make bench` (`python -m benchmarks`); each section says what it measures.\n"
        "Ratios are taken against baselines run in the same process, because the machines are "
        "noisy.\n\n" + "\n\n".join(sections),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
