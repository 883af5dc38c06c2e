"""The HTML report: one self-contained file (inline CSS and SVG, no scripts, fonts or links to fetch)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .. import __version__
from ..inflect import SLOT
from ..labels import SEVERITY_LABELS, category_label, level_label, severity_label
from ..models import CATEGORIES, SEVERITY_RANK, Finding, Report, Suggestion
from ..scoring import BANDS, LibrarySummary
from . import Checked, RuleInfo, region, suggestion_preview

SEVERITY_COLOURS = {"error": "#c62828", "warning": "#e08a00", "info": "#1e88a8"}


@dataclass
class Bar:
    label: str
    value: int
    colour: str = "#3f6fb5"
    note: str = ""


@dataclass
class Totals:
    replies: int = 0
    flagged: int = 0
    findings: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    library: LibrarySummary = field(default_factory=LibrarySummary)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("cs_coach.render", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["bar_chart"] = bar_chart
    env.filters["category"] = category_label
    env.filters["severity"] = severity_label
    env.filters["level"] = level_label
    return env


def render_html(
    results: Iterable[Checked], rules: Mapping[str, RuleInfo], title: str = "cs-coach report", top: int = 100
) -> str:
    """Aggregate as results stream in; keep only the `top` worst replies for the detail section."""
    totals = Totals()
    worst: list[tuple[tuple[int, int, int], Checked]] = []
    for number, (record, report) in enumerate(results):
        totals.replies += 1
        totals.library.add(report)
        if not report.findings:
            continue
        totals.flagged += 1
        for f in report.findings:
            totals.findings += 1
            totals.by_severity[f.severity] += 1
            totals.by_category[f.category] += 1
            totals.by_rule[f.rule_id] += 1
        worst.append(((report.scores.overall, -len(report.findings), number), (record, report)))
        if len(worst) > top * 4:
            worst = sorted(worst, key=lambda item: item[0])[:top]
    worst = sorted(worst, key=lambda item: item[0])[:top]

    category_bars = [
        Bar(category_label(c), totals.by_category[c], note=c) for c in CATEGORIES if totals.by_category[c]
    ]
    rule_bars = [
        Bar(rule_id, count, SEVERITY_COLOURS[rules[rule_id].severity] if rule_id in rules else "#3f6fb5",
            rules[rule_id].category if rule_id in rules else "")
        for rule_id, count in totals.by_rule.most_common(25)
    ]
    library = totals.library
    band_bars = [Bar(label + "점", library.bands[label], _band_colour(low)) for low, label in BANDS]
    shares = [  # replies with a problem, per category: what a QA lead reads instead of a mean near 100
        (c, category_label(c), round(100 * library.share(library.with_problem[c]), 1)) for c in CATEGORIES
    ]
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=title,
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        totals=totals,
        median=library.percentile(0.5) if library.replies else 100,
        p10=library.percentile(0.1) if library.replies else 100,
        band_bars=band_bars,
        severity_colours=SEVERITY_COLOURS,
        severities=sorted(totals.by_severity, key=lambda s: -SEVERITY_RANK[s]),
        category_bars=category_bars,
        rule_bars=rule_bars,
        shares=shares,
        severity_labels=SEVERITY_LABELS,
        worst=[_reply_view(record, report, rules) for _, (record, report) in worst],
        shown=len(worst),
        rules=rules,
    )


def slot_fields(preview: str, suggestion: Suggestion) -> Markup:
    """A template's preview with each slot as a field to fill (labelled with the slot's Korean prompt)."""
    prompts = {i.name: i.prompt for i in suggestion.inputs}
    if not prompts:
        return escape(preview)
    out = Markup("")
    for k, piece in enumerate(SLOT.split(preview)):
        if k % 2 and piece in prompts:
            out += Markup('<input class="slot" type="text" placeholder="{}" aria-label="{}">').format(
                prompts[piece], piece)
        else:
            out += escape("{" + piece + "}" if k % 2 else piece)
    return out


def _band_colour(low: int) -> str:
    return "#2e7d32" if low >= 90 else ("#e08a00" if low >= 60 else "#c62828")


def _reply_view(record: object, report: Report, rules: Mapping[str, RuleInfo]) -> dict[str, object]:
    findings = []
    for f in report.findings:
        where = region(record, f)  # type: ignore[arg-type]
        findings.append(
            {
                "f": f,
                "where": f"{where.line}:{where.column}" if where.exact else f"{where.line}",
                "previews": [(slot_fields(p, s), s) for p, s in zip(suggestion_preview(report, f), f.suggestions,
                                                                      strict=True)],
                "why": rules[f.rule_id].why if f.rule_id in rules else "",
            }
        )
    return {
        "record": record,
        "report": report,
        "highlighted": highlight(report.text, report.findings),
        "findings": findings,
    }


def highlight(text: str, findings: Iterable[Finding]) -> Markup:
    """The reply with flagged spans in <mark>: overlapping spans merge into one, coloured by the most severe."""
    clusters: list[list[Finding]] = []
    end = -1
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if clusters and f.start < end:
            clusters[-1].append(f)
            end = max(end, f.end)
        else:
            clusters.append([f])
            end = f.end
    out: list[str] = []
    pos = 0
    for cluster in clusters:
        start, stop = cluster[0].start, max(f.end for f in cluster)
        worst = max(cluster, key=lambda f: SEVERITY_RANK[f.severity]).severity
        label = "\n".join(f"{f.category}/{f.rule_id}: {f.message}" for f in cluster)
        out.append(str(escape(text[pos:start])))
        out.append(f'<mark class="{worst}" title="{escape(label)}">{escape(text[start:stop])}</mark>')
        pos = stop
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def bar_chart(bars: list[Bar], width: int = 640, row: int = 24, label_width: int = 220) -> Markup:
    """A horizontal bar chart as inline SVG (no script): label, bar scaled to the largest value, count."""
    if not bars:
        return Markup('<p class="empty">없음</p>')
    top = max(b.value for b in bars) or 1
    span = width - label_width - 60
    height = row * len(bars) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="bar chart">'
    ]
    for i, bar in enumerate(bars):
        y = i * row + 4
        length = max(2, round(span * bar.value / top))
        tip = escape(f"{bar.label}: {bar.value}" + (f" ({bar.note})" if bar.note else ""))
        parts.append(
            f'<g><title>{tip}</title>'
            f'<text x="{label_width - 8}" y="{y + row * 0.65:.1f}" text-anchor="end" class="lbl">'
            f"{escape(bar.label)}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{length}" height="{row - 8}" rx="3" fill="{bar.colour}"/>'
            f'<text x="{label_width + length + 6}" y="{y + row * 0.65:.1f}" class="val">{bar.value}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
