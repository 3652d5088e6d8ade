#!/usr/bin/env python3
"""Lint for the labelled template corpus (format v2, see tests/corpus/README.md).

Usage: scripts/corpus_check.py [--quiet] [DIR ...]   (default: tests/corpus tests/synthetic)

Errors (exit status 1): a file that is not one JSON object, a missing or malformed required
field, a value outside the allowed set, labels that contradict each other, an id used twice or
not matching its file name, a source_group that is not in the canonical form, and the same
whitespace-normalized body recorded twice with the same labels (a duplicate record).

Not errors, listed for the eval report: the same or a near-identical body recorded with
different labels (label noise: Meta judged the same words differently). Synthetic records
(tests/synthetic) are checked the same way, with their own fields, and are never paired with
real ones for label noise; a synthetic body that repeats a real one is an error.

Standard library only, so it runs anywhere the repository is checked out.
"""

import argparse
import difflib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

CATEGORIES = {"UTILITY", "MARKETING", "AUTHENTICATION"}
# Categories Meta used before 2023-04-01; they appear as previous_category in old listings.
OLD_CATEGORIES = {
    "ACCOUNT_UPDATE", "ALERT_UPDATE", "APPOINTMENT_UPDATE", "AUTO_REPLY", "ISSUE_RESOLUTION",
    "PAYMENT_UPDATE", "PERSONAL_FINANCE_UPDATE", "RESERVATION_UPDATE", "SHIPPING_UPDATE",
    "TICKET_UPDATE", "TRANSPORTATION_UPDATE", "TRANSACTIONAL", "OTP",
}
OUTCOMES = {"approved", "rejected", "recategorized"}
REJECTION_REASONS = {
    "INVALID_FORMAT", "PROMOTIONAL", "INCORRECT_CATEGORY", "TAG_CONTENT_MISMATCH",
    "ABUSIVE_CONTENT", "SCAM",
}
ERAS = {"current", "before_2023", "unknown"}
DATE_BASES = {"stated", "source_date"}
# Meta enforced the 2023 categories from this date.
CATEGORY_RULES_START = "2023-04-01"

REQUIRED = [
    "id", "source_url", "source_group", "source_quote", "retrieved", "language",
    "submitted_category", "outcome", "final_category", "rejection_reason", "era", "template",
]
OPTIONAL = {
    "previous_category", "outcome_date", "date_basis", "meta_library", "illustrative",
    "complete",
}
SYNTHETIC_ONLY = {"synthetic", "mirrors"}

DATE_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# The seed articles the project started from (spec/seeds/ in the steering repository).
SEED_RE = re.compile(r"^seed:\d{3}_[0-9a-f]{16}\.txt:\d+(-\d+)?$")
GITHUB_GROUP_RE = re.compile(r"^github\.com/[A-Za-z0-9~][A-Za-z0-9._-]*/[A-Za-z0-9._-]+$")
NEAR_IDENTICAL = 0.9


class Record:
    def __init__(self, path, data, synthetic):
        self.path = path
        self.data = data
        self.synthetic = synthetic

    @property
    def id(self):
        return self.data.get("id")

    def body(self):
        """The whitespace-normalized BODY text, or None."""
        components = self.data.get("template", {}).get("components")
        if not isinstance(components, list):
            return None
        for c in components:
            if isinstance(c, dict) and str(c.get("type", "")).upper() == "BODY":
                text = c.get("text")
                if isinstance(text, str):
                    return " ".join(text.split())
        return None

    def labels(self):
        d = self.data
        return (d.get("outcome"), d.get("final_category"))

    def label_text(self):
        outcome, category = self.labels()
        return f"{outcome}/{category}"


def check_group(group):
    """Problems with a source_group value, as a list of strings."""
    if not isinstance(group, str) or not group:
        return ["source_group must be a non-empty string"]
    problems = []
    if "://" in group:
        problems.append("source_group has a scheme (write host/path, e.g. github.com/owner/repo)")
    if "?" in group or "#" in group:
        problems.append("source_group has a query or fragment")
    if group.endswith("/"):
        problems.append("source_group ends with '/'")
    if group.startswith("www."):
        problems.append("source_group starts with 'www.'")
    if group.startswith("github.com/") and not GITHUB_GROUP_RE.match(group):
        problems.append("a GitHub source_group is github.com/<owner>/<repo>, nothing more")
    return problems


def check_record(rec):
    """Problems with one record, as a list of strings."""
    d = rec.data
    missing = [key for key in REQUIRED if key not in d]
    errs = [f"missing field {key!r}" for key in missing]
    allowed = set(REQUIRED) | OPTIONAL | (SYNTHETIC_ONLY if rec.synthetic else set())
    for key in d:
        if key not in allowed:
            errs.append(f"unknown field {key!r}")
    # Check the rest as if the missing fields were null, so one run reports everything.
    d = {**{key: None for key in missing}, **d}

    rid = d["id"]
    if not isinstance(rid, str) or not ID_RE.match(rid):
        errs.append("id must be lowercase letters, digits and single hyphens")
    elif rec.path.stem != rid:
        errs.append(f"file name {rec.path.name} does not match id {rid}")
    for key in ("source_url", "source_quote", "retrieved"):
        if key not in missing and (not isinstance(d[key], str) or not d[key].strip()):
            errs.append(f"{key} must be a non-empty string")
    url = d["source_url"]
    if isinstance(url, str) and not url.startswith("https://"):
        if not rec.synthetic:
            errs.append("source_url must be an https:// URL")
        elif not SEED_RE.match(url):
            errs.append("a synthetic source_url is an https:// URL or seed:<file>:<line>")
    if "source_group" not in missing:
        errs += check_group(d["source_group"])
    language = d["language"]
    if "language" not in missing and not (isinstance(language, str) and LANGUAGE_RE.match(language)):
        errs.append("language must be an ISO 639-1 code (two lowercase letters)")

    outcome = d["outcome"]
    if "outcome" not in missing and outcome not in OUTCOMES:
        errs.append(f"outcome {outcome!r} not in {sorted(OUTCOMES)}")
    submitted, final = d["submitted_category"], d["final_category"]
    for key, value in (("submitted_category", submitted), ("final_category", final)):
        if value is not None and value not in CATEGORIES:
            errs.append(f"{key} {value!r} not in {sorted(CATEGORIES)} or null")
    previous = d.get("previous_category")
    if previous is not None and previous not in CATEGORIES | OLD_CATEGORIES:
        errs.append(f"previous_category {previous!r} is not a Meta category")
    reason = d["rejection_reason"]
    if reason is not None and reason not in REJECTION_REASONS:
        errs.append(f"rejection_reason {reason!r} not in {sorted(REJECTION_REASONS)} or null")
    if reason is not None and outcome != "rejected":
        errs.append("rejection_reason is set but the outcome is not rejected")
    # An approved record whose source does not say in which category (approved as submitted,
    # or moved) keeps final_category null: it counts for approve/reject only.
    if outcome == "recategorized":
        if final is None or submitted is None or final == submitted:
            errs.append("a recategorized record needs submitted_category != final_category")
        if previous is not None and previous != submitted:
            errs.append("recategorized: previous_category must equal submitted_category")

    era = d["era"]
    if "era" not in missing and era not in ERAS:
        errs.append(f"era {era!r} not in {sorted(ERAS)}")
    date, basis = d.get("outcome_date"), d.get("date_basis")
    if date is not None:
        if not isinstance(date, str) or not DATE_RE.match(date):
            errs.append("outcome_date must be YYYY-MM or YYYY-MM-DD")
        elif basis not in DATE_BASES:
            errs.append(f"outcome_date needs date_basis in {sorted(DATE_BASES)}")
        elif era == "before_2023" and date >= CATEGORY_RULES_START:
            errs.append("era before_2023 but outcome_date is on or after 2023-04-01")
        elif era == "current" and basis == "stated" and date[:10] < CATEGORY_RULES_START[: len(date)]:
            errs.append("era current but the stated outcome_date is before 2023-04-01")
    elif basis is not None:
        errs.append("date_basis is set but outcome_date is null")
    if era == "before_2023" and outcome == "recategorized":
        errs.append("re-categorizations exist only under the 2023+ rules (era current)")
    for key in ("meta_library", "illustrative"):
        if key in d and d[key] is not True:
            errs.append(f"{key} is written only as true (leave it out otherwise)")

    template = d["template"]
    if "template" in missing:
        pass
    elif not isinstance(template, dict) or not isinstance(template.get("components"), list):
        errs.append("template must be an object with a components list")
    elif rec.body() is None:
        errs.append("template has no BODY text")
    elif isinstance(template.get("category"), str) and submitted is not None:
        if template["category"].upper() != submitted:
            errs.append("template.category differs from submitted_category")

    if rec.synthetic:
        if d.get("synthetic") is not True:
            errs.append('a record under tests/synthetic needs "synthetic": true')
        if not isinstance(d.get("mirrors"), str) or not d["mirrors"].strip():
            errs.append('a synthetic record needs "mirrors" (what it mirrors, with its source)')
    elif "synthetic" in d or "mirrors" in d:
        errs.append("synthetic records belong under tests/synthetic, not in the real corpus")
    return errs


def load(dirs):
    records, errors = [], []
    for base in dirs:
        base = Path(base)
        if not base.is_dir():
            errors.append(f"{base}: not a directory")
            continue
        synthetic = "synthetic" in base.resolve().parts
        for path in sorted(base.rglob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
                errors.append(f"{path}: cannot read: {e}")
                continue
            if not isinstance(data, dict):
                errors.append(f"{path}: not a JSON object")
                continue
            records.append(Record(path, data, synthetic))
    return records, errors


def duplicates(records):
    """(errors, noise pairs) from records that share a normalized body."""
    errors, noise = [], []
    by_body = defaultdict(list)
    for rec in records:
        body = rec.body()
        if body is not None:
            by_body[body].append(rec)
    for body, group in by_body.items():
        real = [r for r in group if not r.synthetic]
        for r in group:
            if r.synthetic and real:
                errors.append(f"{r.path}: synthetic body repeats real record {real[0].id}")
        for kind in (real, [r for r in group if r.synthetic]):
            for i, a in enumerate(kind):
                for b in kind[i + 1:]:
                    if a.labels() != b.labels():
                        noise.append((1.0, a, b))
                    elif not distinct_templates(a, b):
                        errors.append(
                            f"{b.path}: same body and labels as {a.id} (duplicate record)"
                        )
    return errors, noise


def distinct_templates(a, b):
    """Two records with one body that are still two templates, not one recorded twice.

    Authentication bodies are Meta's fixed preset text, the same in every account. One
    account may also hold the same body under two names with other headers or buttons
    (Tiledesk's codice_sconto and codice_sconto_2).
    """
    if a.labels()[1] == "AUTHENTICATION":
        return True
    same_source = a.data.get("source_group") == b.data.get("source_group")
    return same_source and other_components(a) != other_components(b)


def other_components(rec):
    """The template's components other than BODY, whitespace-normalized, for comparison."""
    out = []
    for c in rec.data["template"]["components"]:
        if isinstance(c, dict) and str(c.get("type", "")).upper() != "BODY":
            out.append(" ".join(json.dumps(c, sort_keys=True, ensure_ascii=False).split()))
    return sorted(out)


def near_identical(records):
    """Pairs of different bodies in one language that are nearly the same, with different labels."""
    pairs = []
    by_language = defaultdict(list)
    for rec in records:
        if not rec.synthetic and rec.body() is not None:
            by_language[rec.data.get("language")].append(rec)
    for group in by_language.values():
        for i, a in enumerate(group):
            matcher = difflib.SequenceMatcher(None, a.body().casefold(), autojunk=False)
            for b in group[i + 1:]:
                if a.labels() == b.labels() or a.body() == b.body():
                    continue
                matcher.set_seq2(b.body().casefold())
                if (
                    matcher.real_quick_ratio() >= NEAR_IDENTICAL
                    and matcher.quick_ratio() >= NEAR_IDENTICAL
                    and matcher.ratio() >= NEAR_IDENTICAL
                ):
                    pairs.append((matcher.ratio(), a, b))
    return pairs


def summary(records):
    real = [r for r in records if not r.synthetic]
    synthetic = [r for r in records if r.synthetic]
    lines = [f"{len(real)} real records, {len(synthetic)} synthetic"]
    for name, subset in (("real", real), ("synthetic", synthetic)):
        if not subset:
            continue
        for key in ("outcome", "era", "language"):
            counts = Counter(str(r.data.get(key)) for r in subset)
            lines.append(f"  {name} by {key}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    flagged = Counter()
    for r in real:
        for key in ("meta_library", "illustrative"):
            if r.data.get(key) is True:
                flagged[key] += 1
    measured = [
        r for r in real
        if r.data.get("era") == "current"
        and not r.data.get("meta_library")
        and not r.data.get("illustrative")
    ]
    lines.append(
        f"  real: meta_library {flagged['meta_library']}, illustrative {flagged['illustrative']}, "
        f"current-era submissions (approve/reject measurable) {len(measured)}, "
        f"source groups {len({r.data.get('source_group') for r in real})}"
    )
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", help="default: tests/corpus and tests/synthetic if present")
    parser.add_argument("--quiet", action="store_true", help="print errors and counts only")
    args = parser.parse_args(argv)

    dirs = args.dirs or [d for d in ("tests/corpus", "tests/synthetic") if Path(d).is_dir()]
    records, errors = load(dirs)
    seen = {}
    for rec in records:
        errors += [f"{rec.path}: {e}" for e in check_record(rec)]
        if rec.id in seen:
            errors.append(f"{rec.path}: id {rec.id} also used by {seen[rec.id]}")
        else:
            seen[rec.id] = rec.path
    dup_errors, noise = duplicates(records)
    errors += dup_errors
    noise += near_identical(records)

    for line in summary(records):
        print(line)
    exact = sum(1 for ratio, _, _ in noise if ratio == 1.0)
    print(f"label-noise pairs: {len(noise)} ({exact} identical bodies, {len(noise) - exact} near-identical)")
    if not args.quiet:
        for ratio, a, b in sorted(noise, key=lambda p: (-p[0], p[1].id)):
            print(f"  {ratio:.2f}  {a.id} ({a.label_text()})  ~  {b.id} ({b.label_text()})")
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
