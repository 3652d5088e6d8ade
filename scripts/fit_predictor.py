#!/usr/bin/env python3
"""Fits walint's category model: multinomial logistic regression over the features that
`walint eval --features FILE` writes, on the corpus templates outside the held-out part.

Usage:
    scripts/fit_predictor.py                 # runs walint eval, refits, rewrites src/signals/weights.json
    scripts/fit_predictor.py --check         # refits and fails if the committed weights differ
    scripts/fit_predictor.py --cv            # 5-fold cross-validated accuracy on the fitting part

The fit is deterministic (full-batch gradient descent from zero, fixed step and iterations), so
the same corpus and features give the same weights, to the digit written. Pure Python: nothing
to install.
"""

import csv
import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEIGHTS = os.path.join(ROOT, "src", "signals", "weights.json")
CLASSES = ["MARKETING", "UTILITY", "AUTHENTICATION"]
STEP = 0.3
ITERATIONS = 4000
L2 = 0.02  # on the weights, not the biases


def features_csv():
    out = os.path.join(tempfile.mkdtemp(), "features.csv")
    subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--locked", "--", "eval", os.path.join(ROOT, "tests", "corpus"), "--features", out],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    names = [c for c in rows[0].keys() if c not in ("id", "split", "outcome", "category")]
    train = [
        ([float(r[n]) for n in names], CLASSES.index(r["category"]))
        for r in rows
        if r["split"] == "train" and r["outcome"] != "rejected" and r["category"] in CLASSES
    ]
    return names, train


def softmax(scores):
    m = max(scores)
    e = [math.exp(s - m) for s in scores]
    t = sum(e)
    return [x / t for x in e]


def fit(names, data):
    k, n = len(CLASSES), len(names)
    counts = [sum(1 for _, y in data if y == c) for c in range(k)]
    # Classes weighted by inverse frequency, so the few AUTHENTICATION templates count.
    class_weight = [len(data) / (k * c) if c else 0.0 for c in counts]
    w = [[0.0] * n for _ in range(k)]
    b = [0.0] * k
    total = sum(class_weight[y] for _, y in data)
    for _ in range(ITERATIONS):
        gw = [[0.0] * n for _ in range(k)]
        gb = [0.0] * k
        for x, y in data:
            p = softmax([b[c] + sum(w[c][j] * x[j] for j in range(n)) for c in range(k)])
            cw = class_weight[y]
            for c in range(k):
                err = cw * (p[c] - (1.0 if c == y else 0.0))
                gb[c] += err
                for j in range(n):
                    gw[c][j] += err * x[j]
        for c in range(k):
            b[c] -= STEP * gb[c] / total
            for j in range(n):
                w[c][j] -= STEP * (gw[c][j] / total + L2 * w[c][j])
    right = sum(1 for x, y in data if predict(w, b, x) == y)
    return w, b, right, counts


def predict(w, b, x):
    return max(range(len(CLASSES)), key=lambda c: b[c] + sum(wj * xj for wj, xj in zip(w[c], x)))


def cross_validate(names, data, folds=5):
    """Accuracy on each fold of the fitting part when fitted on the others: the figure to
    compare features and settings by, so that the held-out part stays out of every choice.
    Folds are dealt round-robin per class, so each has its share of the rare classes."""
    by_class = [[d for d in data if d[1] == c] for c in range(len(CLASSES))]
    parts = [[] for _ in range(folds)]
    for members in by_class:
        for i, d in enumerate(members):
            parts[i % folds].append(d)
    right = 0
    for k in range(folds):
        train = [d for j, p in enumerate(parts) if j != k for d in p]
        w, b, _, _ = fit(names, train)
        right += sum(1 for x, y in parts[k] if predict(w, b, x) == y)
    return right / len(data)


def main():
    check = "--check" in sys.argv
    path = next((a for a in sys.argv[1:] if not a.startswith("--")), None) or features_csv()
    names, data = load(path)
    if "--cv" in sys.argv:
        print(f"5-fold cross-validated accuracy on the fitting part: {cross_validate(names, data):.3f} ({len(data)} templates)")
        return
    w, b, right, counts = fit(names, data)
    model = {
        "note": "Fitted by scripts/fit_predictor.py on the corpus outside the held-out part; do not edit by hand.",
        "classes": CLASSES,
        "features": names,
        "bias": [round(v, 4) for v in b],
        "weights": [[round(v, 4) for v in row] for row in w],
        "fit": {
            "templates": len(data),
            "per_class": dict(zip(CLASSES, counts)),
            "train_accuracy": round(right / len(data), 4),
            "step": STEP,
            "iterations": ITERATIONS,
            "l2": L2,
        },
    }
    text = json.dumps(model, indent=2) + "\n"
    if check:
        with open(WEIGHTS, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("src/signals/weights.json differs from a fresh fit: run scripts/fit_predictor.py")
        print("weights.json matches a fresh fit")
        return
    with open(WEIGHTS, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"fitted on {len(data)} templates {dict(zip(CLASSES, counts))}, training accuracy {right / len(data):.3f}")


if __name__ == "__main__":
    main()
