#!/usr/bin/env python3
"""Whole-account exports through the CLI, beside Python's json.load of the same file.

Builds `{"data": [...]}` exports of 1 000, 4 000 and 20 000 templates from the benchmark
corpus (OUT/corpus.json, written by benches/throughput.rs), then times, for each size, the
median of three runs of: Python's json.load (the C parser: merely reading the file), and
`walint check --format json` and `walint check` (human) over it. Each export is written
three times: indented, minified (one line of megabytes, which the human renderer must not
rescan per finding), and as the Graph API sends it: minified, with every character outside
ASCII escaped. Writes OUT/exports.json.

    python3 benches/exports.py OUT_DIR WALINT_BINARY
"""

import json
import os
import statistics
import subprocess
import sys
import time

SIZES = (1000, 4000, 20000)


def median_seconds(run, times=3):
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure(walint, path):
    def load():
        with open(path, encoding="utf-8") as f:
            json.load(f)

    def check(*args):
        subprocess.run(
            [walint, "check", "--no-config", *args, path],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )

    return {
        "bytes": os.path.getsize(path),
        "json_load_s": median_seconds(load),
        "walint_json_s": median_seconds(lambda: check("--format", "json")),
        "walint_human_s": median_seconds(lambda: check()),
    }


def main():
    out, walint = sys.argv[1], sys.argv[2]
    corpus = [json.loads(t) for t in json.load(open(os.path.join(out, "corpus.json")))]
    results = []
    for n in SIZES:
        data = []
        for i in range(n):
            t = dict(corpus[i % len(corpus)])
            t["name"] = f"t_{i}"
            data.append(t)
        # The Graph API itself sends one line with every character outside ASCII escaped
        # (`\u0417`): most of a Russian template is escapes then.
        layouts = (
            ("indented", "indented", 1, None, False),
            ("minified", "minified", None, (",", ":"), False),
            ("graph", "as the Graph API sends it (minified, ASCII-escaped)", None, (",", ":"), True),
        )
        for tag, layout, indent, separators, ascii_only in layouts:
            path = os.path.join(out, f"export_{n}_{tag}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"data": data}, f, ensure_ascii=ascii_only, indent=indent, separators=separators)
            row = measure(walint, path)
            row.update({"templates": n, "layout": layout})
            results.append(row)
            print(
                f"export of {n} templates, {layout} ({row['bytes'] / 1e6:.1f} MB): json.load {row['json_load_s']:.2f} s, "
                f"walint --format json {row['walint_json_s']:.2f} s, human {row['walint_human_s']:.2f} s"
            )
    with open(os.path.join(out, "exports.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
