"""One finding per problem span: overlapping findings of one family are one finding with the others in `also`."""

from __future__ import annotations

from cs_coach import Coach, Report
from cs_coach.config import Config
from cs_coach.inputs.model import Record
from cs_coach.inputs.suppress import suppress

STACKED = "환불은 규정상 안 됩니다."



def flagged_ids(report: Report) -> set[str]:
    return {f.rule_id for f in report.findings} | {rule for f in report.findings for rule in f.also}


def test_stacked_refusal_is_one_finding(coach: Coach) -> None:
    report = coach.check(STACKED)
    assert len(report.findings) == 1
    finding = report.findings[0]
    assert finding.also and finding.rule_id not in finding.also
    # every rule that flags the text on its own is still named
    alone = set()
    for category in ("positive", "policy", "cushion", "alternative"):
        alone |= {f.rule_id for f in Coach(config=Config(select=[category])).check(STACKED).findings}
    assert flagged_ids(report) == alone
    # the primary carries the members' suggestions, without duplicates
    keys = [(s.replacement, s.start, s.end) for s in finding.suggestions]
    assert len(keys) == len(set(keys)) and len(keys) >= 2


def test_unrelated_words_stay_apart(coach: Coach) -> None:
    report = coach.check("금일 수령 가능합니다.")
    assert len(report.findings) >= 2
    assert all(not f.also for f in report.findings)


def test_ignoring_the_primary_promotes_the_next(coach: Coach) -> None:
    primary = coach.check(STACKED).findings[0]
    again = coach.check(STACKED, ignore={primary.rule_id})
    assert again.findings and again.findings[0].rule_id == primary.also[0]
    assert primary.rule_id not in flagged_ids(again)
    assert flagged_ids(again) == flagged_ids(coach.check(STACKED)) - {primary.rule_id}


def test_a_suppression_marker_promotes_the_next(coach: Coach) -> None:
    primary = coach.check(STACKED).findings[0]
    record = Record(text=STACKED, source="-", line=1, id="1", ignore=frozenset({primary.rule_id}))
    report = suppress(record, coach.check(STACKED), coach.known_names(), set(), lambda _: None, coach.check)
    assert report.findings and report.findings[0].rule_id == primary.also[0]


def test_also_survives_json(coach: Coach) -> None:
    report = coach.check(STACKED)
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report and again.findings[0].also == report.findings[0].also
