"""The command line: inputs, output formats, exit codes, config discovery, suppression, fix, helper commands.

Most tests run against a small pack (tests/data/qa_pack.yaml), so they do not move when the built-in packs grow.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cs_coach import cli
from cs_coach.cli import app

ROOT = Path(__file__).resolve().parents[1]
QA_PACK = (ROOT / "tests" / "data" / "qa_pack.yaml").read_text(encoding="utf-8")
REPLIES = "금일 보내 드립니다.\n\n교환은 안 돼요. 대신 금일 수리를 접수해 드릴게요.\n\n감사합니다.\n"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


@pytest.fixture
def qa(tmp_path: Path) -> Path:
    """A folder with the test pack, a cs-coach.toml selecting it, and a reply file."""
    (tmp_path / "qa.yaml").write_text(QA_PACK, encoding="utf-8")
    (tmp_path / "cs-coach.toml").write_text('packs = ["qa.yaml"]\n', encoding="utf-8")
    (tmp_path / "replies.txt").write_text(REPLIES, encoding="utf-8")
    return tmp_path


def assert_usage_error(result, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    assert "cs-coach: error:" in result.stderr and fragment in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# -- check: text output and exit codes -------------------------------------------------------------------------
def test_check_text_output_points_at_file_lines_and_columns(qa: Path) -> None:
    path = qa / "replies.txt"
    result = run("check", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{path}:1:1 (#1): warning [easy/qa-geumil] '금일' 대신 '오늘'이라고 써 주세요." in lines
    assert f"{path}:3:5 (#2): error [positive/qa-an-doeda] '안 돼요'는 거절로만 들립니다." in lines
    assert f"{path}:3:14 (#2): warning [easy/qa-geumil] '금일' 대신 '오늘'이라고 써 주세요." in lines
    at = lines.index(f"{path}:3:5 (#2): error [positive/qa-an-doeda] '안 돼요'는 거절로만 들립니다.")
    assert lines[at + 1] == "    교환은 안 돼요. 대신 금일 수리를 접수해 드릴게요."
    assert lines[at + 2] == "    " + " " * 7 + "^" * 7  # Hangul is two cells wide
    assert "    → 오늘  (fix)" in lines
    assert "\033[" not in result.stdout  # no colour when not on a terminal
    assert "3 replies checked, 2 with findings, 3 findings" in result.stderr


def test_exit_codes_follow_fail_on_and_config(qa: Path) -> None:
    clean = qa / "clean.txt"
    clean.write_text("감사합니다. 내일 보내 드릴게요.\n", encoding="utf-8")
    assert run("check", str(clean)).exit_code == 0
    warning_only = qa / "warn.txt"
    warning_only.write_text("금일 보내 드립니다.\n", encoding="utf-8")
    assert run("check", str(warning_only)).exit_code == 1
    assert run("check", str(warning_only), "--fail-on", "error").exit_code == 0
    assert run("check", str(warning_only), "--fail-on", "info").exit_code == 1
    assert run("check", str(qa / "replies.txt"), "--fail-on", "none").exit_code == 0
    (qa / "cs-coach.toml").write_text('packs = ["qa.yaml"]\nfail-on = "error"\n', encoding="utf-8")
    assert run("check", str(warning_only)).exit_code == 0


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["missing.txt"], "no such file"),
        (["replies.txt", "--format", "xml"], "--format must be one of"),
        (["replies.txt", "--fail-on", "fatal"], "--fail-on must be one of"),
        (["table.csv", "--column", "answer"], "no column 'answer'"),
        (["euckr.txt"], "--encoding cp949"),
        (["replies.txt", "--select", "no-such-rule"], "unknown rule, pack or category 'no-such-rule'"),
        (["replies.txt", "--config", "nope.toml"], "no such config file"),
        (["replies.txt", "--config", "broken.toml"], "invalid TOML"),
        (["replies.txt", "--config", "typo.toml"], "selekt"),
        (["replies.txt", "--pack", "bad.yaml"], "problem(s) in rule packs"),
    ],
)
def test_usage_and_input_errors_exit_2_with_a_message(qa: Path, args: list[str], fragment: str) -> None:
    (qa / "table.csv").write_text("reply\n네\n", encoding="utf-8")
    (qa / "euckr.txt").write_bytes("교환은 안 됩니다.".encode("cp949"))
    (qa / "broken.toml").write_text("packs = [\n", encoding="utf-8")
    (qa / "typo.toml").write_text('selekt = ["qa-geumil"]\n', encoding="utf-8")
    bad_pack = "pack: bad\ndescription: x\nrules:\n  - id: Bad Id\n    kind: nope\n"
    (qa / "bad.yaml").write_text(bad_pack, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(qa)
    try:
        assert_usage_error(run("check", *args), fragment)
    finally:
        os.chdir(cwd)


def test_stdin_and_text_option(qa: Path) -> None:
    config = str(qa / "cs-coach.toml")
    piped = run("check", "-", "--config", config, stdin="첫 답변\n\n교환은 안 됩니다.\n")
    assert piped.exit_code == 1 and "<stdin>:3:5 (#2): error [positive/qa-an-doeda]" in piped.stdout
    given = run("check", "-t", "금일 보내요.", "-t", "감사합니다.", "--config", config)
    assert given.exit_code == 1 and "<text-1>:1:1 (#1): warning [easy/qa-geumil]" in given.stdout
    assert "2 replies checked, 1 with findings, 1 findings" in given.stderr


# -- other output formats ----------------------------------------------------------------------------------------
def test_json_output_is_one_document_with_positions(qa: Path) -> None:
    result = run("check", str(qa / "replies.txt"), "--format", "json")
    document = json.loads(result.stdout)
    summary = document["summary"]
    assert {k: summary[k] for k in ("replies", "flagged_replies", "findings", "by_severity")} == {
        "replies": 3,
        "flagged_replies": 2,
        "findings": 3,
        "by_severity": {"error": 1, "warning": 2},
    }
    # the library view: how scores spread and which problems are common, not a mean near 100
    assert summary["flagged_share"] == round(2 / 3, 4) and sum(summary["score_bands"].values()) == 3
    assert summary["score_bands"]["100"] == 1 and summary["problem_share"]["positive"] == round(1 / 3, 4)
    second = document["replies"][1]
    assert second["id"] == "#2" and second["line"] == 3
    refusal = second["findings"][0]
    assert (refusal["rule_id"], refusal["line"], refusal["column"], refusal["end_column"]) == ("qa-an-doeda", 3, 5, 9)
    assert refusal["text"] == "안 돼요" and second["scores"]["overall"] < 100


def test_sarif_output_structure(qa: Path) -> None:
    csv_path = qa / "lib.csv"
    csv_path.write_text('id,reply\nR1,"금일 발송\n교환은 안 됩니다."\nR2,"""특가"" 금일 마감"\n', encoding="utf-8")
    result = run("check", str(qa / "replies.txt"), str(csv_path), "--format", "sarif")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and "sarif-schema-2.1.0" in sarif["$schema"]
    run0 = sarif["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    assert run0["tool"]["driver"]["name"] == "cs-coach"
    assert {r["id"] for r in rules} == {"qa-geumil", "qa-an-doeda"}
    geumil = next(r for r in rules if r["id"] == "qa-geumil")
    assert geumil["help"]["text"] == "금일은 어려운 한자어라 '오늘'이 더 쉽게 읽힙니다."
    assert geumil["defaultConfiguration"]["level"] == "warning"
    results = run0["results"]
    assert len(results) == 6
    for item in results:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["level"] in {"error", "warning", "note"} and item["message"]["text"]
        assert item["partialFingerprints"]
        location = item["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] in {"replies.txt", "lib.csv"} or location["artifactLocation"][
            "uri"
        ].endswith(("replies.txt", "lib.csv"))
        assert location["region"]["startLine"] >= 1
    by_line = {
        (Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name, r["ruleId"],
         r["locations"][0]["physicalLocation"]["region"]["startLine"]): r["locations"][0]["physicalLocation"]["region"]
        for r in results
    }
    # a quoted multi-line CSV cell: the second line of the cell is the file's line 3
    assert by_line[("lib.csv", "qa-an-doeda", 3)] == {
        "startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 10, "snippet": {"text": "안 됩니다"}
    }
    # a cell with doubled quotes is not verbatim in the file: its line only
    assert by_line[("lib.csv", "qa-geumil", 4)] == {"startLine": 4, "snippet": {"text": "금일"}}
    assert by_line[("replies.txt", "qa-an-doeda", 3)]["startColumn"] == 5


def test_github_annotations(qa: Path) -> None:
    result = run("check", str(qa / "replies.txt"), "--format", "github")
    path = str(qa / "replies.txt").replace(":", "%3A").replace(",", "%2C")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1] == (
        f"::error file={path},line=3,col=5,endLine=3,endColumn=8,title=cs-coach positive/qa-an-doeda::"
        "'안 돼요'는 거절로만 들립니다."
    )
    assert result.stdout.splitlines()[0].startswith("::warning ") and "→ 오늘" in result.stdout


def test_output_option_writes_a_file(qa: Path) -> None:
    out = qa / "out.sarif"
    result = run("check", str(qa / "replies.txt"), "-f", "sarif", "-o", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


# -- config discovery and suppression -----------------------------------------------------------------------------
def test_config_is_discovered_upward_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "qa.yaml").write_text(QA_PACK, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.cs-coach]\npacks = ["qa.yaml"]\nignore = ["qa-an-doeda"]\n'
        '[tool.cs-coach.severity]\nqa-geumil = "error"\n',
        encoding="utf-8",
    )
    nested = tmp_path / "team" / "macros"
    nested.mkdir(parents=True)
    (nested / "r.txt").write_text(REPLIES, encoding="utf-8")
    result = run("check", str(nested / "r.txt"), "-f", "json")
    findings = [f for r in json.loads(result.stdout)["replies"] for f in r["findings"]]
    assert {(f["rule_id"], f["severity"]) for f in findings} == {("qa-geumil", "error")}


def test_explicit_config_and_command_line_select(qa: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "r.txt").write_text(REPLIES, encoding="utf-8")
    result = run("check", str(elsewhere / "r.txt"), "--config", str(qa / "cs-coach.toml"), "--select", "positive")
    assert result.exit_code == 1
    assert "qa-an-doeda" in result.stdout and "qa-geumil" not in result.stdout


def test_ignore_marker_in_a_reply_filters_findings(qa: Path) -> None:
    path = qa / "marked.md"
    path.write_text(
        "교환은 안 됩니다. 금일 접수해 드릴게요. <!-- cs-coach: ignore qa-an-doeda -->\n\n"
        "금일 마감입니다. (cs-coach: ignore)\n\n교환은 안 됩니다. cs-coach: ignore easy, qa-nope\n",
        encoding="utf-8",
    )
    result = run("check", str(path), "-f", "json")
    findings = [(r["id"], f["rule_id"]) for r in json.loads(result.stdout)["replies"] for f in r["findings"]]
    assert findings == [("#1", "qa-geumil"), ("#3", "qa-an-doeda")]
    assert "unknown rule(s) in ignore: qa-nope" in result.stderr


def test_ignore_column_for_csv_and_jsonl(qa: Path) -> None:
    csv_path = qa / "lib.csv"
    csv_path.write_text("reply,skip\n교환은 안 됩니다.,qa-an-doeda\n금일 마감.,\n", encoding="utf-8")
    result = run("check", str(csv_path), "--ignore-column", "skip", "-f", "json")
    assert [f["rule_id"] for r in json.loads(result.stdout)["replies"] for f in r["findings"]] == ["qa-geumil"]
    jsonl = qa / "lib.jsonl"
    jsonl.write_text('{"text": "교환은 안 됩니다.", "cs_coach_ignore": ["positive"]}\n', encoding="utf-8")
    assert run("check", str(jsonl)).exit_code == 0


def test_folder_check_reads_every_format_and_skips_files_it_cannot_use(qa: Path) -> None:
    (qa / "lib.csv").write_text("id,reply\nR1,금일 마감.\n", encoding="utf-8")
    (qa / "lib.jsonl").write_text('{"id": "J1", "body": "교환은 안 됩니다."}\n', encoding="utf-8")
    (qa / "package.json").write_text('{"name": "x", "version": "1"}', encoding="utf-8")
    result = run("check", str(qa), "-f", "json")
    replies = json.loads(result.stdout)["replies"]
    assert {(Path(r["source"]).name, r["id"]) for r in replies if r["findings"]} == {
        ("lib.csv", "R1"), ("lib.jsonl", "J1"), ("replies.txt", "#1"), ("replies.txt", "#2")
    }
    assert "skipped" in result.stderr and "package.json" in result.stderr


def test_no_progress_bar_when_stderr_is_not_a_terminal(qa: Path) -> None:
    many = qa / "many.txt"
    many.write_text("\n\n".join(f"{i}번 문의 감사합니다." for i in range(cli.PROGRESS_MIN + 20)), encoding="utf-8")
    result = run("check", str(many))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"{cli.PROGRESS_MIN + 20} replies checked, 0 with findings, 0 findings"]


# -- fix ------------------------------------------------------------------------------------------------------
def test_fix_prints_fixed_text_by_default_and_leaves_the_file(qa: Path) -> None:
    path = qa / "replies.txt"
    result = run("fix", str(path))
    assert result.exit_code == 0
    assert result.stdout == REPLIES.replace("금일", "오늘")
    assert path.read_text(encoding="utf-8") == REPLIES
    assert "2 fixes applied in 1 file(s); 1 findings left" in result.stderr


def test_fix_diff_is_a_unified_diff_and_exits_1(qa: Path) -> None:
    path = qa / "replies.txt"
    result = run("fix", str(path), "--diff")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- a/{path}\n+++ b/{path}\n@@ ")
    assert "-금일 보내 드립니다.\n+오늘 보내 드립니다.\n" in result.stdout
    clean = qa / "clean.txt"
    clean.write_text("감사합니다.\n", encoding="utf-8")
    assert run("fix", str(clean), "--diff").exit_code == 0


def test_fix_write_rewrites_in_place_keeping_everything_else(qa: Path) -> None:
    txt = qa / "replies.txt"
    txt.write_bytes(REPLIES.replace("\n", "\r\n").encode("utf-8"))
    csv_path = qa / "lib.csv"
    csv_path.write_text('id,reply,note\nR1,금일 마감입니다.,"메모, 그대로"\nR2,감사합니다.,x\n', encoding="utf-8")
    os.chmod(csv_path, 0o640)
    result = run("fix", str(txt), str(csv_path), "--write")
    assert result.exit_code == 0
    assert txt.read_bytes() == REPLIES.replace("금일", "오늘").replace("\n", "\r\n").encode("utf-8")
    expected = 'id,reply,note\nR1,오늘 마감입니다.,"메모, 그대로"\nR2,감사합니다.,x\n'
    assert csv_path.read_text(encoding="utf-8") == expected
    assert csv_path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in qa.iterdir() if p.name.endswith(".tmp")) == []


def test_fix_respects_suppression(qa: Path) -> None:
    path = qa / "marked.txt"
    text = "금일 마감입니다. cs-coach: ignore qa-geumil\n\n금일 접수합니다.\n"
    path.write_text(text, encoding="utf-8")
    assert run("fix", str(path)).stdout == text.replace("금일 접수", "오늘 접수")


def test_fix_write_is_atomic_when_the_write_fails(qa: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = qa / "replies.txt"

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "replace", refuse)
    result = run("fix", str(path), "--write")
    assert_usage_error(result, "No space left on device")
    assert path.read_text(encoding="utf-8") == REPLIES
    assert [p.name for p in qa.iterdir() if p.name.startswith(".replies.txt.")] == []


def test_fix_write_zendesk_export_keeps_the_json_shape(qa: Path) -> None:
    path = qa / "macros.json"
    original = (
        '{\n  "macros": [\n    {"id": 1, "title": "발송", "actions": [\n'
        '      {"field": "comment_value_html", "value": "<p>금일 <b>발송</b>합니다.</p>"},\n'
        '      {"field": "comment_value", "value": "금일 마감"}\n    ]}\n  ]\n}\n'
    )
    path.write_text(original, encoding="utf-8")
    assert run("fix", str(path), "--write").exit_code == 0
    assert path.read_text(encoding="utf-8") == original.replace("금일", "오늘")


def test_empty_input_warns_and_exits_clean(qa: Path) -> None:
    (qa / "empty").mkdir()
    result = run("check", str(qa / "empty"))
    assert result.exit_code == 0 and "no replies found" in result.stderr


def test_fix_diff_and_write_together_is_a_usage_error(qa: Path) -> None:
    assert_usage_error(run("fix", str(qa / "replies.txt"), "--diff", "--write"), "not both")


# -- helper commands -----------------------------------------------------------------------------------------
def test_rules_lists_active_rules_by_category(qa: Path) -> None:
    config = str(qa / "cs-coach.toml")
    listed = run("rules", "--config", config)
    assert listed.exit_code == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()] == ["qa-geumil", "qa-an-doeda"]
    easy = run("rules", "--config", config, "--category", "easy")
    assert [line.split()[:3] for line in easy.stdout.splitlines()] == [["qa-geumil", "easy", "warning"]]
    assert_usage_error(run("rules", "--category", "grammar"), "unknown category 'grammar'")


def test_builtin_rules_and_explain() -> None:
    import cs_coach

    listed = run("rules", "--category", "honorific")
    assert listed.exit_code == 0
    honorific = [c.rule for c in cs_coach.Coach().ruleset.rules if c.rule.category == "honorific"]
    assert sorted(line.split()[0] for line in listed.stdout.splitlines()) == sorted(r.id for r in honorific)
    rule = honorific[0]
    explained = run("explain", rule.id)
    assert explained.exit_code == 0
    assert rule.why.strip() in explained.stdout
    bad = next(e for e in rule.examples if e.bad is not None)
    good = next(e for e in rule.examples if e.good is not None)
    assert f"✗ {bad.bad}" in explained.stdout and f"✓ {good.good}" in explained.stdout
    if bad.fix is not None:
        assert f"→ {bad.fix}" in explained.stdout


def test_explain_unknown_rule_lists_close_matches(qa: Path) -> None:
    result = run("explain", "qa-geumill", "--config", str(qa / "cs-coach.toml"))
    assert_usage_error(result, "unknown rule 'qa-geumill'; did you mean: qa-geumil")


def test_tokens_prints_morphemes_per_sentence() -> None:
    result = run("tokens", "교환은 안 됩니다. 내일 와요.")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    first, morphs, act, clause = lines[:4]
    assert first == "[0-10] hapsyo: 교환은 안 됩니다."
    assert "안/MAG@4-5" in morphs and "되/VV@6-7" in morphs
    assert act == "  act: refusal · alternative: no"
    assert clause == "  clause [0-10] 교환은 안 됩니다. · subject 교환 (thing) · negative"
    assert any(line.endswith("haeyo: 내일 와요.") for line in lines[4:])


def test_explain_a_text_shows_the_sentence_layer_and_what_it_silenced(tmp_path: Path) -> None:
    pack = tmp_path / "when.yaml"
    pack.write_text(WHEN_PACK, encoding="utf-8")
    text = "이 모드에서는 화면을 녹화할 수 없습니다. '녹화할 수 없음'을 누르세요."
    result = run("explain", text, "--pack", str(pack))
    assert result.exit_code == 0, result.stdout
    out = result.stdout
    assert "act: limitation" in out and "act: instruction" in out
    assert "quoted [" in out and "'녹화할 수 없음'" in out
    assert "silenced by the sentence layer:" in out
    assert "qa-refusal '수 없습니다': act limitation not in ['refusal']" in out
    assert "inside a quoted span" in out


WHEN_PACK = """
pack: when-cli
description: 조건 있는 규칙
rules:
  - id: qa-refusal
    kind: pattern
    category: positive
    severity: warning
    message: 거절
    why: 거절에서만
    when: {act: [refusal]}
    match: [{phrase: 수 없다}]
    examples:
      - bad: 환불은 해 드릴 [[수 없습니다]].
      - good: 이 모드에서는 화면을 녹화할 수 없습니다.
"""


def test_pack_test_passes_fails_and_rejects(qa: Path) -> None:
    assert run("pack", "test", str(qa / "qa.yaml")).stdout.strip().endswith("4 examples, 4 passed, 0 failed")
    wrong = qa / "wrong.yaml"
    wrong.write_text(QA_PACK.replace('fix: "오늘 보내 드립니다."', 'fix: "내일 보내 드립니다."'), encoding="utf-8")
    failed = run("pack", "test", str(wrong))
    assert failed.exit_code == 1
    assert "FAIL qa-test.qa-geumil-bad-0" in failed.stdout and "morphemes: 금일/NNG" in failed.stdout
    broken = qa / "broken.yaml"
    broken.write_text(QA_PACK.replace("severity: error", "severity: fatal"), encoding="utf-8")
    assert_usage_error(run("pack", "test", str(broken)), "qa-an-doeda")
    assert_usage_error(run("pack", "test", str(qa / "none.yaml")), "no such pack file")


def test_bundled_examples_findings_sit_at_their_file_positions() -> None:
    """Every exact position reported for the bundled example files slices the finding's text out of the file."""
    result = run("check", str(ROOT / "examples"), "-f", "json", "--fail-on", "none")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["summary"]["replies"] == 23
    checked = 0
    for reply in document["replies"]:
        lines = Path(reply["source"]).read_text(encoding="utf-8-sig").split("\n")
        for f in reply["findings"]:
            if f["exact_position"] and f["line"] == f["end_line"]:
                row = lines[f["line"] - 1]
                assert row[f["column"] - 1 : f["end_column"] - 1] == f["text"], (reply["source"], f)
                checked += 1
    assert checked >= 10


def test_pre_commit_hook_definition() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "cs-coach")
    assert hook["entry"] == "cs-coach check"
    for name in ("a.txt", "b.md", "c.csv", "d.jsonl", "e.json", "f.tsv"):
        assert __import__("re").search(hook["files"], name)
