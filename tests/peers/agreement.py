#!/usr/bin/env python3
"""Lints every peer case with walint and compares walint's verdict with Meta's.

    tests/peers/agreement.py [path/to/walint]      (default: target/debug/walint)

walint's verdict is "invalid" when it reports at least one error, "valid" otherwise (warnings
and infos allowed). A case agrees when that verdict equals `meta_verdict`, or, for the few cases
that carry `walint_verdict_by_design`, equals that; it agrees *for the right reason* when, in
addition, every rule of `expected_rules` reported something (warning or error). Prints one line
per miss (`KNOWN MISS` for a case marked `walint_known_miss`) and the totals per peer; `--json`
prints every case's findings instead. No dependency beyond the standard library. The same
judgement runs in `cargo test` (`tests/peers.rs`).
"""
import json
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent


def lint(walint, template):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(template, f)
    out = subprocess.run([walint, "check", "--format", "json", f.name], capture_output=True, text=True)
    pathlib.Path(f.name).unlink()
    report = json.loads(out.stdout)["files"][0]
    if "error" in report:
        return [("(unreadable)", "error", report["error"]["message"])]
    return [(d["rule"], d["severity"], d["message"]) for t in report["templates"] for d in t["diagnostics"]]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    walint = args[0] if args else str(HERE.parent.parent / "target" / "debug" / "walint")
    dump = "--json" in sys.argv
    total = agree = reason = 0
    rows = []
    for path in sorted(HERE.glob("*.json")):
        cases = json.loads(path.read_text())
        n = ok = right = 0
        for case in cases:
            findings = lint(walint, case["template"])
            errors = sorted({r for r, s, _ in findings if s == "error"})
            verdict = "invalid" if errors else "valid"
            wanted = case.get("walint_verdict_by_design", case["meta_verdict"])
            hit = verdict == wanted
            fired = {r for r, s, _ in findings if s != "info"}
            because = hit and set(case["expected_rules"]) <= fired
            n += 1
            ok += hit
            right += because
            rows.append({"id": case["id"], "walint": verdict, "meta": case["meta_verdict"], "agrees": hit,
                         "right_reason": because,
                         "errors": errors, "expected_rules": case["expected_rules"],
                         "findings": [f"{s} {r}: {m}" for r, s, m in findings if s != "info"]})
            if not hit and not dump:
                why = "; ".join(f"{r}: {m}" for r, s, m in findings if s == "error")[:300]
                kind = "KNOWN MISS" if case.get("walint_known_miss") else "MISS"
                print(f"{kind} {case['id']}: walint {verdict}, Meta {case['meta_verdict']}"
                      f" (expected {case['expected_rules']}){' — ' + why if why else ''}")
        total += n
        agree += ok
        reason += right
        if not dump:
            print(f"{path.stem}: {ok} of {n} agree ({right} for the right reason)")
    if dump:
        print(json.dumps(rows, indent=1, ensure_ascii=False))
    else:
        print(f"all peers: {agree} of {total} agree with Meta's verdict, {reason} for the right reason")


if __name__ == "__main__":
    main()
