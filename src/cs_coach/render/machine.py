"""Machine-readable outputs: one JSON document, SARIF 2.1.0 for code scanning, GitHub workflow annotations."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import __version__
from ..baseline import baseline_key
from ..models import SEVERITY_RANK
from ..scoring import LibrarySummary
from . import Checked, RuleInfo, region, suggestion_preview

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}")
INFO_URI = "https://github.com/cs-coach/cs-coach"


def render_json(results: Iterable[Checked]) -> str:
    """One document: a summary and every reply with its findings, file positions and scores."""
    replies = []
    counts: dict[str, int] = {}
    total = 0
    library = LibrarySummary()
    for record, report in results:
        library.add(report)
        findings = []
        for f in report.findings:
            where = region(record, f)
            counts[f.severity] = counts.get(f.severity, 0) + 1
            findings.append(
                {
                    **f.model_dump(mode="json"),
                    "line": where.line,
                    "column": where.column,
                    "end_line": where.end_line,
                    "end_column": where.end_column,
                    "exact_position": where.exact,
                }
            )
        total += 1
        replies.append(
            {
                "source": record.source,
                "id": record.id,
                "line": record.line,
                "column": record.column,
                "text": report.text,
                "speech_level": report.speech_level,
                "scores": report.scores.model_dump(mode="json"),
                "findings": findings,
            }
        )
    document = {
        "tool": "cs-coach",
        "version": __version__,
        "summary": {
            "replies": total,
            "flagged_replies": sum(1 for r in replies if r["findings"]),
            "findings": sum(counts.values()),
            "by_severity": dict(sorted(counts.items(), key=lambda kv: -SEVERITY_RANK[kv[0]])),
            **{k: v for k, v in library.as_dict().items() if k != "replies"},
        },
        "replies": replies,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def render_sarif(
    results: Iterable[Checked], rules: Mapping[str, RuleInfo], base: Path | None = None,
    baselined: set[tuple] | None = None,
) -> str:
    """SARIF 2.1.0: one run, the rules that fired (help text from each rule's `why`), one result per finding.

    With `baselined` (keys from `baseline_key`), every result carries `baselineState`: "unchanged" for
    findings the baseline lists, "new" for the others (SARIF 2.1.0 §3.27.24).

    Regions are positions in the FILE (a reply's offset inside a .txt is added); records whose text is not
    verbatim in the file (escaped JSON, quoted CSV) get their line only. Columns count Unicode code points.
    """
    base = (base or Path.cwd()).resolve()
    used: dict[str, int] = {}
    sarif_rules: list[dict[str, Any]] = []
    sarif_results: list[dict[str, Any]] = []
    for record, report in results:
        for f in report.findings:
            if f.rule_id not in used:
                used[f.rule_id] = len(sarif_rules)
                sarif_rules.append(_sarif_rule(f.rule_id, rules.get(f.rule_id), f.category, f.severity))
            where = region(record, f)
            physical: dict[str, Any] = {"artifactLocation": _artifact(record.source, base)}
            if where.exact:
                physical["region"] = {
                    "startLine": where.line,
                    "startColumn": where.column,
                    "endLine": where.end_line,
                    "endColumn": where.end_column,
                    "snippet": {"text": f.text},
                }
            else:
                physical["region"] = {"startLine": where.line, "snippet": {"text": f.text}}
            message = f.message
            previews = suggestion_preview(report, f)
            if previews:
                message += f" → {previews[0]}"
            fingerprint = hashlib.sha256(f"{f.rule_id}\0{record.id}\0{report.text}\0{f.start}".encode()).hexdigest()
            result: dict[str, Any] = {}
            if baselined is not None:
                known = baseline_key(record.source, record.id, f) in baselined
                result["baselineState"] = "unchanged" if known else "new"
            sarif_results.append(
                {
                    **result,
                    "ruleId": f.rule_id,
                    "ruleIndex": used[f.rule_id],
                    "level": _SARIF_LEVEL[f.severity],
                    "message": {"text": message},
                    "locations": [{"physicalLocation": physical}],
                    "partialFingerprints": {"csCoachReply/v1": fingerprint[:32]},
                    "properties": {"category": f.category, "replyId": record.id, "also": list(f.also)},
                }
            )
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cs-coach",
                        "version": __version__,
                        "informationUri": INFO_URI,
                        "rules": sarif_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri() + "/"}},
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _sarif_rule(rule_id: str, info: RuleInfo | None, category: str, severity: str) -> dict[str, Any]:
    why = info.why if info else ""
    short = f"{category}: {_PLACEHOLDER.sub('…', info.message) if info else rule_id}"
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": why or short},
        "help": {"text": why or short, "markdown": f"**{category}** · `{rule_id}`\n\n{why}"},
        "defaultConfiguration": {"level": _SARIF_LEVEL[info.severity if info else severity]},
        "properties": {"category": category, "pack": info.pack if info else "", "tags": ["cs-coach", category]},
    }


def _artifact(source: str, base: Path) -> dict[str, str]:
    if source.startswith("<"):
        return {"uri": source.strip("<>")}
    path = Path(source).resolve()
    try:
        return {"uri": path.relative_to(base).as_posix(), "uriBaseId": "%SRCROOT%"}
    except ValueError:
        return {"uri": path.as_uri()}


def render_github(results: Iterable[Checked]) -> Iterator[str]:
    """GitHub Actions workflow commands: `::warning file=…,line=…,col=…::message` per finding."""
    for record, report in results:
        for f in report.findings:
            where = region(record, f)
            props = [f"file={_prop(record.source)}", f"line={where.line}"]
            if where.exact:
                last = max(where.column, where.end_column - 1)  # GitHub's endColumn is inclusive
                props += [f"col={where.column}", f"endLine={where.end_line}", f"endColumn={last}"]
            props.append(f"title={_prop(f'cs-coach {f.category}/{f.rule_id}')}")
            previews = suggestion_preview(report, f)
            message = f.message + (f" → {previews[0]}" if previews else "")
            yield f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
