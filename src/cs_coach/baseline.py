"""Baselines: adopt cs_coach on an existing reply library and fail CI only on problems that are new.

A baseline counts findings per (reply fingerprint, rule id). A reply's fingerprint is a hash of its text
(NFC, whitespace collapsed), not its file or line, so moving, re-ordering or re-exporting replies does
not bring their known problems back; editing a reply's text makes its findings new again. When a reply
has more findings of a rule than the baseline counts, the extra ones (the last by position) are new.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .models import Finding, Report

FORMAT_VERSION = 1


class BaselineError(ValueError):
    """The baseline file cannot be read or is not a cs-coach baseline."""


def fingerprint(text: str) -> str:
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:20]


@dataclass
class Baseline:
    entries: dict[str, Counter[str]] = field(default_factory=dict)

    @classmethod
    def from_reports(cls, reports: Iterable[Report]) -> Baseline:
        baseline = cls()
        for report in reports:
            baseline.add(report)
        return baseline

    def add(self, report: Report) -> None:
        if report.findings:
            counts = self.entries.setdefault(fingerprint(report.text), Counter())
            counts.update(f.rule_id for f in report.findings)

    def split(self, report: Report) -> tuple[list[Finding], list[Finding]]:
        """(new, known) findings of a report, each in the report's order."""
        allowed = Counter(self.entries.get(fingerprint(report.text), {}))
        new: list[Finding] = []
        known: list[Finding] = []
        for finding in report.findings:
            if allowed[finding.rule_id] > 0:
                allowed[finding.rule_id] -= 1
                known.append(finding)
            else:
                new.append(finding)
        return new, known

    @property
    def total(self) -> int:
        return sum(sum(c.values()) for c in self.entries.values())

    # -- files ---------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise BaselineError(f"{path}: no such baseline (create it with --update-baseline)") from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: not a readable cs-coach baseline: {exc}") from exc
        if not isinstance(data, dict) or data.get("tool") != "cs-coach" or data.get("version") != FORMAT_VERSION:
            raise BaselineError(f"{path}: not a cs-coach baseline (version {FORMAT_VERSION})")
        entries = data.get("replies")
        if not isinstance(entries, dict) or not all(
            isinstance(rules, dict) and all(isinstance(n, int) and n > 0 for n in rules.values())
            for rules in entries.values()
        ):
            raise BaselineError(f"{path}: 'replies' must map fingerprints to {{rule id: count}}")
        return cls({key: Counter(rules) for key, rules in entries.items()})

    def save(self, path: Path) -> None:
        """Written atomically, keys sorted, so that a baseline diff in review shows only what changed."""
        document = {
            "tool": "cs-coach",
            "version": FORMAT_VERSION,
            "findings": self.total,
            "replies": {key: dict(sorted(counts.items())) for key, counts in sorted(self.entries.items())},
        }
        partial: str | None = None
        try:
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.resolve().parent, delete=False, suffix=".tmp"
            ) as handle:
                partial = handle.name
                json.dump(document, handle, ensure_ascii=False, indent=1)
                handle.write("\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, path)
        except BaseException as exc:
            if partial is not None:
                Path(partial).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise BaselineError(f"{path}: cannot write: {exc.strerror or exc}") from exc
            raise


def baseline_key(source: str, record_id: str, finding: Finding) -> tuple[str, str, int, int, str]:
    """Identifies one finding of one record within a run (to mark baselined SARIF results)."""
    return (source, record_id, finding.start, finding.end, finding.rule_id)
