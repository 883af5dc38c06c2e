"""What the speed work must not change, and the shapes of cost it promises (no timings anywhere).

- the anchor index and the required-literal pruning find exactly what trying every pattern finds;
- per-sentence caching gives the same reports as a cold check, and reply-level rules still see the reply;
- check_many reads its input lazily and holds a bounded number of texts, on endless input;
- rules that cannot match a sentence are never tried on it, so extra rules do not add matching work.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

import cs_coach
from cs_coach import analyze as analyze_module
from cs_coach.analyze import analyze
from cs_coach.checks import Plan, _flagged, _matches, _pattern_hits, _surviving, _understood_ok, find_hits
from cs_coach.examples import cases
from cs_coach.match import FieldTest, Pattern, Step
from cs_coach.metrics import MEASURES, Measure
from cs_coach.packs import RuleSet, builtin_packs, load_packs
from cs_coach.schema import LexiconRule, MetricRule, PatternRule, RequireRule
from cs_coach.sentences import understand_all

# Our own replies: refusals, honorific slips, vague time words, long chained sentences, 반말, emoji, CRLF.
REPLIES = [
    "환불은 규정상 안 됩니다. 대신 교환은 바로 해 드릴 수 있어요.",
    "그건 저희가 할 수 없어요ㅠㅠ 매장에 직접 가서 물어보세요.",
    "주문하신 아메리카노 나오셨습니다! 맛있게 드세요 😊",
    "금일 중으로 발송될 예정이며 익일 수령 가능하십니다.",
    "빠른 시일 내에 처리해 드리겠습니다.\r\n조금만 기다려 주세요.",
    "배송 지연으로 불편을 드려 정말 죄송합니다. 오늘 안에 다시 보내 드리겠습니다.",
    "제가 아까 다 말씀드렸잖아요. 주소를 잘못 입력하셔서 그래요.",
    "모르겠는데요. 그건 거기 가서 물어봐.",
    "안타깝게도 해당 쿠폰은 이 상품에 쓸 수 없습니다.",
    "주문 확인하고 결제 내역 보고 카드사에 연락해서 취소 요청하고 환불 처리까지 해 드리는데 "
    "시간이 좀 걸리고 영업일 기준으로 사흘 정도 걸리는데 주말이 끼면 더 늦어질 수도 있고 "
    "카드사마다 달라서 정확히는 말씀드리기 어렵습니다.",
    "죄송합니다.",
    "",
    "   \n\t ",
    "네 고객님~ 확인해 보니 재고가 없어서 주문이 어렵습니다.",
    "{고객명}님, https://example.com/help 에서 확인하실 수 있어요. 문의는 02-123-4567로 주세요.",
]


def _example_texts() -> list[str]:
    ruleset = load_packs(list(builtin_packs().values()))
    return sorted({case.text for case in cases(ruleset)})


def _brute_force_pattern_hits(plan: Plan, text: str) -> set[tuple[int, int, int, int]]:
    """Every active pattern rule tried on every sentence: no index, no pruning, no cache."""
    found = set()
    sentences = analyze(text).sentences
    understood = understand_all(sentences)
    for s_index, sentence in enumerate(sentences):
        for number, compiled in enumerate(plan.ruleset.rules):
            if not plan.active[number] or not isinstance(compiled.rule, PatternRule):
                continue
            levels = compiled.rule.levels
            if levels is not None and sentence.level not in levels:
                continue
            for hit in _pattern_hits(number, compiled, s_index, sentence.morphs):
                # the sentence layer's `when:` and quoted spans are applied the same way in both evaluations
                if _understood_ok(plan, number, understood[s_index], sentence, hit.first, hit.last):
                    found.add((hit.rule_index, s_index, hit.first, hit.last))
    return found


def test_index_and_pruning_find_what_trying_every_pattern_finds() -> None:
    coach = cs_coach.Coach()
    pattern_rules = {n for n, c in enumerate(coach.ruleset.rules) if isinstance(c.rule, PatternRule)}
    texts = REPLIES + _example_texts()
    assert len(texts) > 50
    for text in texts:
        coach.plan.clear_cache()
        indexed = {
            (h.rule_index, h.sentence, h.first, h.last)
            for h in find_hits(coach.plan, analyze(text))
            if h.rule_index in pattern_rules
        }
        assert indexed == _brute_force_pattern_hits(coach.plan, text), text


def _brute_force_require_hits(plan: Plan, text: str) -> set[tuple[int, int, int, int]]:
    """Require rules the plain way: every trigger and every `needs` pattern tried on every sentence."""
    sentences = analyze(text).sentences
    understood = understand_all(sentences)
    found = set()
    for number, compiled in enumerate(plan.ruleset.rules):
        rule = compiled.rule
        if not plan.active[number] or not isinstance(rule, RequireRule):
            continue
        triggers = []
        for s_index, sentence in enumerate(sentences):
            if rule.levels is None or sentence.level in rule.levels:
                spans = _surviving(compiled, sentence.morphs, _matches(compiled.match, sentence.morphs))
                # the trigger's `when:` and quoted spans, as in the indexed evaluation
                triggers.extend((s_index, span) for span in spans
                                if _understood_ok(plan, number, understood[s_index], sentence, span.first, span.last))
        met = [bool(_matches(compiled.needs, s.morphs)) for s in sentences]
        if rule.scope == "reply":
            triggers = triggers[:1] if triggers and not any(met) else []
        else:
            reach = 1 if rule.scope == "nearby" else 0  # nearby: the sentence before and after count too
            triggers = [(s_index, span) for s_index, span in triggers
                        if not any(met[max(0, s_index - reach): s_index + reach + 1])]
        for s_index, span in triggers:
            first, last = _flagged(compiled, span)
            found.add((number, s_index, first, last))
    return found


def test_require_rules_through_the_indexes_match_the_plain_evaluation() -> None:
    coach = cs_coach.Coach()
    require_rules = {n for n, c in enumerate(coach.ruleset.rules) if isinstance(c.rule, RequireRule)}
    texts = [*REPLIES, *_example_texts(), " ".join(REPLIES[:9])]
    flagged = 0
    for text in texts:
        coach.plan.clear_cache()
        indexed = {
            (h.rule_index, h.sentence, h.first, h.last)
            for h in find_hits(coach.plan, analyze(text))
            if h.rule_index in require_rules
        }
        assert indexed == _brute_force_require_hits(coach.plan, text), text
        flagged += len(indexed)
    assert flagged > 0


def test_warm_caches_give_the_cold_reports() -> None:
    coach = cs_coach.Coach()
    # The same sentences again, at other offsets and in other company.
    texts = [*REPLIES, " ".join(reversed(REPLIES[:6])), "\n".join(REPLIES[3:9]), REPLIES[0] + " " + REPLIES[0]]
    warm = [coach.check(t) for t in texts] + [coach.check(t) for t in texts]
    analyze_module.clear_caches()
    coach.plan.clear_cache()
    cold = []
    for text in texts:
        analyze_module.clear_caches()
        coach.plan.clear_cache()
        cold.append(coach.check(text))
    assert warm[: len(texts)] == cold
    assert warm[len(texts) :] == cold
    assert list(coach.check_many(texts)) == cold


REPLY_PACK = """
pack: reply-level
description: 답변 단위 규칙 시험용
rules:
  - id: refusal-needs-next-step
    kind: require
    category: alternative
    severity: warning
    scope: reply
    message: "'{text}' 뒤에 할 수 있는 일을 알려 주세요."
    why: 거절만 있으면 고객은 다음에 무엇을 해야 할지 모릅니다.
    trigger:
      - phrase: 어렵다
    needs:
      - phrase: 대신
    examples:
      - bad: "교환은 [[어렵습니다]]."
      - good: "교환은 어렵습니다. 대신 환불해 드릴게요."
  - id: reply-too-many-sentences
    kind: metric
    category: short
    severity: info
    message: "문장이 {value}개입니다. {max}개 이하로 줄여 보세요."
    why: 긴 답변은 끝까지 읽히지 않습니다.
    measure: sentences_per_reply
    max: 2
    examples:
      - bad: "[[하나. 둘. 셋.]]"
      - good: "하나. 둘."
"""


def test_cached_sentences_still_meet_reply_level_rules(tmp_path: Path) -> None:
    pack = tmp_path / "reply.yaml"
    pack.write_text(REPLY_PACK, encoding="utf-8")
    coach = cs_coach.Coach(packs=[pack])
    refusal = "교환은 어렵습니다."
    assert [f.rule_id for f in coach.check(refusal).findings] == ["refusal-needs-next-step"]
    # The refusal sentence is now cached; the reply around it decides.
    assert coach.check(refusal + " 대신 환불해 드릴게요.").findings == []
    three = coach.check(refusal + " 확인했습니다. 감사합니다.")
    assert sorted(f.rule_id for f in three.findings) == ["refusal-needs-next-step", "reply-too-many-sentences"]
    assert [f.rule_id for f in coach.check(refusal).findings] == ["refusal-needs-next-step"]


def _numbered(pulled: list[int]) -> Iterator[str]:
    for number in itertools.count():
        pulled.append(number)
        # Every fifth text repeats an earlier one: those skip Kiwi and must still come out in order.
        yield f"{number % 7}번 상품은 오늘 보내 드립니다." if number % 5 == 0 else f"{number}번 주문은 오늘 출고됩니다."


def test_check_many_reads_endless_input_lazily() -> None:
    pulled: list[int] = []
    reports = list(itertools.islice(cs_coach.check_many(_numbered(pulled)), 5))
    assert [r.text for r in reports][:2] == ["0번 상품은 오늘 보내 드립니다.", "1번 주문은 오늘 출고됩니다."]
    assert len(pulled) < 300


def test_check_many_holds_a_bounded_number_of_texts() -> None:
    pulled: list[int] = []
    widest = 0
    for consumed, report in enumerate(cs_coach.default_coach().check_many(_numbered(pulled)), 1):
        assert report.text.startswith(f"{(consumed - 1) % 7 if (consumed - 1) % 5 == 0 else consumed - 1}번")
        widest = max(widest, len(pulled) - consumed)
        if consumed == 2000:
            break
    assert widest < 300


def _absent(step_form: str) -> Step:
    return Step((FieldTest("form", literals=frozenset({step_form})),))


def _with_copies(ruleset: RuleSet, copies: int) -> RuleSet:
    """The rules plus copies that start with a word no text contains; metric copies reuse the measure."""
    rules = list(ruleset.rules)
    for k in range(copies):
        for compiled in ruleset.rules:
            rule = compiled.rule.model_copy(update={"id": f"{compiled.id}-copy{k}"})
            copy = dataclasses.replace(compiled, rule=rule)
            if isinstance(rule, LexiconRule):
                copy.lexicon = {(f"없는말{k}{form}", tag): v for (form, tag), v in compiled.lexicon.items()}
            elif not isinstance(rule, MetricRule):
                copy.match = [Pattern((_absent(f"없는말{k}"), *p.steps), p.source) for p in compiled.match]
                copy.needs = [Pattern((_absent(f"없는말{k}"), *p.steps), p.source) for p in compiled.needs]
            rules.append(copy)
    return RuleSet(rules)


def test_rules_that_cannot_match_add_no_matching_work(monkeypatch: pytest.MonkeyPatch) -> None:
    base = load_packs(list(builtin_packs().values()))
    tried: list[int] = []
    measured: list[str] = []
    real_find_all = Pattern.find_all
    monkeypatch.setattr(Pattern, "find_all", lambda self, *args: tried.append(1) or real_find_all(self, *args))
    for name, measure in list(MEASURES.items()):
        def counted(unit, params, _name=name, _compute=measure.compute):
            measured.append(_name)
            return _compute(unit, params)

        monkeypatch.setitem(MEASURES, name, Measure(measure.scope, counted, measure.description))
    work = []
    for ruleset in (base, _with_copies(base, 9)):
        plan = Plan(ruleset, [True] * len(ruleset.rules))
        tried.clear()
        measured.clear()
        for text in REPLIES:
            find_hits(plan, analyze(text))
        work.append((len(tried), len(measured)))
    assert len(_with_copies(base, 9).rules) == 10 * len(base.rules)
    assert work[0] == work[1]
    assert work[0][0] > 0


def test_trusted_models_equal_validated_ones() -> None:
    """The unvalidated constructor the engine uses for sentence views builds what validation builds."""
    from cs_coach.engine import sentence_info
    from cs_coach.models import ClauseInfo, SentenceInfo, SpanInfo

    for text in [*REPLIES, "설정 > 일반 > '다음에 하기'를 누르시면 안 됩니다."]:
        for u in understand_all(analyze(text).sentences):
            fast = sentence_info(u)
            checked = SentenceInfo(
                start=u.start, end=u.end, act=u.act, alternative=u.alternative,
                clauses=[ClauseInfo(start=c.start, end=c.end, relation=c.relation, subject=c.subject,
                                    subject_class=c.subject_class, negative=c.negative) for c in u.clauses],
                quoted=[SpanInfo(start=a, end=b) for a, b in u.quoted],
            )
            assert fast == checked
            assert fast.model_dump_json() == checked.model_dump_json()
            assert fast.model_fields_set == checked.model_fields_set
            assert [hash(c) for c in fast.clauses] == [hash(c) for c in checked.clauses]


def test_word_count_fast_path_counts_what_the_quoted_path_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentences without quoted text take a shortcut; forcing the general path gives the same counts."""
    from cs_coach import metrics

    texts = [*REPLIES, *_example_texts()[:200]]
    sentences = [s for text in texts for s in analyze(text).sentences]
    fast = [metrics.words_per_sentence(s, {}) for s in sentences]
    real = metrics.quoted_of
    monkeypatch.setattr(metrics, "quoted_of", lambda s: (*real(s), (-2, -1)))  # plus a span no morpheme is in
    slow = [metrics.words_per_sentence(s, {}) for s in sentences]
    assert fast == slow
    assert any(value > 3 for value in fast)
