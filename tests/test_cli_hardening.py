"""The CLI never shows a traceback, bounds its text output, reads settings as the file spells them, and refuses
files that are not replies (issue 12, items 11-14 and 16)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cs_coach
from cs_coach.cli import app, checking, fixing
from cs_coach.inputs import load
from cs_coach.inputs.markup import mask_html
from cs_coach.render.text import window


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


def one_line_error(result, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("cs-coach: error: ") and fragment in lines[0], result.stderr
    assert "Traceback" not in result.output and "╭" not in result.output


# -- item 11: one output-path helper, no traceback, one-line usage errors -----------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["check", "-t", "안 돼요", "-o", "/nonexistent/dir/out.txt"],
        ["exercises", "-o", "/nonexistent/w.md"],
        ["report", "-t", "안 돼요", "-o", "/nonexistent/r.html"],
    ],
    ids=["check", "exercises", "report"],
)
def test_an_output_path_in_a_missing_folder_is_one_line(args: list[str]) -> None:
    one_line_error(run(*args), "does not exist")


def test_an_output_path_that_is_a_folder_is_one_line(tmp_path: Path) -> None:
    one_line_error(run("check", "-t", "안 돼요", "-o", str(tmp_path)), "is a folder")


def test_check_output_goes_to_the_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run("check", "-t", "환불은 안 됩니다.", "-f", "json", "-o", str(out), "--fail-on", "none")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temp file left behind


@pytest.mark.parametrize(
    ("args", "fragment"),
    [(["check", "--bogus"], "No such option: --bogus"), (["check", "-t"], "requires an argument"),
     (["nosuchcommand"], "No such command")],
)
def test_usage_errors_are_one_line_not_a_panel(args: list[str], fragment: str) -> None:
    one_line_error(run(*args), fragment)


def test_an_unexpected_exception_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: cs_coach.Coach, texts: object) -> object:
        raise RuntimeError("planted")

    monkeypatch.setattr(cs_coach.Coach, "check_many", broken)
    monkeypatch.delenv("CS_COACH_DEBUG", raising=False)
    one_line_error(run("check", "-t", "안녕하세요."), "internal error: RuntimeError: planted")


# -- item 12: a window around the span, capped findings, a per-reply length limit ----------------------------------
def test_the_text_window_is_bounded_on_a_huge_line() -> None:
    text = "가" * 30_000 + "안 돼요" + "나" * 30_000
    before, marked, after = window(text, 30_000, 30_004)
    assert marked == "안 돼요"
    assert before.startswith("…") and after.endswith("…") and len(before) + len(after) <= 82


def test_a_50000_character_cell_is_refused_by_default_and_bounded_when_allowed(tmp_path: Path) -> None:
    cell = "금일 안 됩니다. " * 5_000  # 50,000 characters, hundreds of findings on one line
    path = tmp_path / "big.csv"
    path.write_text(f"id,reply\n1,{cell}\n", encoding="utf-8")
    one_line_error(run("check", str(path)), "--max-chars")
    result = run("check", str(path), "--max-chars", "60000", "--max-findings", "5", "-q")
    assert result.exit_code == 1
    assert len(result.stdout) < 5_000
    assert result.stdout.count("^") < 400 and "more in" in result.stdout and "--max-findings" in result.stdout


def test_max_chars_is_a_setting(tmp_path: Path) -> None:
    (tmp_path / "cs-coach.toml").write_text("max-chars = 10\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("이 답변은 열 글자보다 깁니다.\n", encoding="utf-8")
    one_line_error(run("check", str(tmp_path / "a.txt")), "limit of 10")


# -- item 13: settings as the file spells them ---------------------------------------------------------------------
def test_fail_on_none_in_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "cs-coach.toml").write_text('fail-on = "none"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("환불은 안 됩니다.\n", encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "-q")
    assert result.exit_code == 0 and "an-doeda" in result.stdout


def test_settings_errors_name_the_key_as_written(tmp_path: Path) -> None:
    config = tmp_path / "cs-coach.toml"
    config.write_text('fail-on = "sometimes"\n', encoding="utf-8")
    one_line_error(run("check", "-t", "x", "--config", str(config)), "fail-on: Input should be")
    config.write_text("fail-onn = 1\n", encoding="utf-8")
    result = run("check", "-t", "x", "--config", str(config))
    one_line_error(result, "fail-onn: unknown setting; did you mean 'fail-on'")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.cs-coach]\nextra-packs = "one.yaml"\n', encoding="utf-8")
    one_line_error(run("check", "-t", "x", "--config", str(pyproject)), "[tool.cs-coach] extra-packs:")


# -- item 14: messages and options ---------------------------------------------------------------------------------
def test_a_spreadsheet_is_told_to_save_as_csv(tmp_path: Path) -> None:
    xlsx = tmp_path / "replies.xlsx"
    xlsx.write_bytes(b"PK\x03\x04 not really a workbook")
    one_line_error(run("check", str(xlsx)), "save it as CSV")
    disguised = tmp_path / "replies.csv"
    disguised.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    one_line_error(run("check", str(disguised)), "save the replies as CSV")


def test_a_file_of_control_bytes_is_not_text(tmp_path: Path) -> None:
    nul = tmp_path / "a.txt"
    nul.write_bytes(b"\x00\x01\x02\x03 hello")
    one_line_error(run("check", str(nul)), "not a text file")
    noise = tmp_path / "b.txt"
    noise.write_bytes(bytes(range(1, 9)) * 50)
    one_line_error(run("check", str(noise)), "control characters")
    # a folder search skips them with a warning instead
    result = run("check", str(tmp_path), "-q")
    assert result.exit_code == 0 and "skipped" in result.stderr


def test_version_help_examples_and_show_settings(tmp_path: Path) -> None:
    assert run("--version").stdout.strip() == f"cs-coach {cs_coach.__version__}"
    assert "Examples" in run("--help").stdout
    (tmp_path / "cs-coach.toml").write_text('ignore = ["easy"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("안녕하세요.\n", encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--show-settings")
    assert result.exit_code == 0
    assert f"settings file: {tmp_path / 'cs-coach.toml'}" in result.stdout
    assert "ignore = ['easy']" in result.stdout and "positive:" in result.stdout and ".yaml" in result.stdout


def test_check_on_a_terminal_checks_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "replies.txt").write_text("환불은 안 됩니다.\n", encoding="utf-8")
    monkeypatch.setattr(checking, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(fixing, "stdin_is_terminal", lambda: True)
    monkeypatch.chdir(tmp_path)
    result = run("check", "-q")
    assert result.exit_code == 1 and "replies.txt" in result.stdout
    one_line_error(run("fix"), "give files or folders to fix")


# -- item 16: HTML masked by the stdlib parser -----------------------------------------------------------------------
def test_attribute_text_never_leaks_into_the_reply() -> None:
    html = '<p title="a>b 안 됩니다">금일 발송됩니다.</p><!-- 메모 > 안 됩니다 --><script>x = "<b>";</script>'
    masked = mask_html(html)
    assert len(masked) == len(html)
    assert masked.strip() == "금일 발송됩니다."
    assert masked.index("금일") == html.index("금일")


def test_a_zendesk_html_fix_keeps_attributes_with_angle_brackets(tmp_path: Path) -> None:
    value = '<p title="a>b">금일 발송됩니다.</p>'
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [{"id": 1, "title": "t", "actions": [
        {"field": "comment_value_html", "value": value}]}]}, ensure_ascii=False), encoding="utf-8")
    doc = load(path)
    (record,) = doc.records
    assert "title" not in record.text and "a>b" not in record.text
    fixed = record.text.replace("금일", "오늘")
    out = doc.rewrite({0: fixed})
    assert json.loads(out)["macros"][0]["actions"][0]["value"] == value.replace("금일", "오늘")


def test_no_output_file_is_left_when_the_run_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.txt"

    def broken(self: cs_coach.Coach, texts: object) -> object:
        raise RuntimeError("planted")

    monkeypatch.setattr(cs_coach.Coach, "check_many", broken)
    run("check", "-t", "안녕하세요.", "-o", str(out))
    assert os.listdir(tmp_path) == []
