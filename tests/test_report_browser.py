"""The HTML report: self-contained content, and a real render in headless Chromium with a screenshot."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cs_coach.cli import app

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = next(
    (p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), shutil.which("google-chrome")) if p),
    None,
)


PACK = (ROOT / "tests" / "data" / "qa_pack.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    (folder / "pack.yaml").write_text(PACK, encoding="utf-8")
    (folder / "cs-coach.toml").write_text('packs = ["pack.yaml"]\n', encoding="utf-8")
    (folder / "lib.csv").write_text(
        "id,reply\nR1,교환은 안 됩니다.\nR2,금일 발송은 안 돼요.\n"
        "R3,감사합니다. 좋은 하루 보내세요.\nR4,<b>교환</b> & 환불 문의 감사합니다.\n",
        encoding="utf-8",
    )
    out = folder / "report.html"
    result = CliRunner().invoke(app, ["report", str(folder / "lib.csv"), "--out", str(out), "--title", "주간 점검"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.stderr
    return out


def test_report_is_self_contained(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and '<meta charset="utf-8">' in page
    assert "<script" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)


def test_report_contents(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert "<title>주간 점검</title>" in page
    # totals: 4 replies, 2 flagged, 3 findings (2 errors, 1 warning)
    cards = re.findall(r'<div class="card"><b[^>]*>([^<]+)</b><span>([^<]+)</span>', page)
    assert ("4", "점검한 답변") in cards and ("2", "고칠 점이 있는 답변") in cards and ("3", "지적 사항") in cards
    assert ("2", "오류") in cards and ("1", "경고") in cards
    # charts are inline SVG with one bar per category / rule
    by_category = page.split('id="by-category"')[1].split("</section>")[0]
    assert by_category.count("<svg") == 1 and by_category.count("<rect") == 2
    assert "긍정 언어: 2 (positive)" in by_category and "쉽게: 1 (easy)" in by_category
    by_rule = page.split('id="by-rule"')[1].split("</section>")[0]
    assert by_rule.count("<rect") == 2
    assert by_rule.index(">qa-an-doeda<") < by_rule.index(">qa-geumil<")  # most frequent first
    # worst replies first: R2 (error + warning) before R1 (error); clean replies are not listed
    worst = page.split('id="worst"')[1]
    assert worst.index("· R2") < worst.index("· R1") and "· R3" not in worst and "· R4" not in worst
    assert '<mark class="error" title="positive/qa-an-doeda:' in worst and ">안 돼요</mark>" in worst
    assert '<mark class="warning"' in worst and "→ 오늘" in worst
    scores = page.split('id="scores"')[1].split("</section>")[0]
    # positive: a problem in two of four replies -> 50%
    assert re.search(r"긍정 언어 <span class=\"rule\">positive</span></td>\s*<td>50\.0%</td>", scores)
    distribution = page.split('id="distribution"')[1].split("</section>")[0]
    assert distribution.count("<rect") == 5 and "100점: 2" in distribution


def test_report_escapes_reply_text(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "r.txt").write_text("<script>alert(1)</script> 교환은 안 됩니다.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    args = ["report", str(tmp_path / "r.txt"), "-o", str(out), "--pack", str(tmp_path / "pack.yaml")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_report_to_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    source = str(ROOT / "examples" / "replies.txt")
    result = CliRunner().invoke(app, ["report", source, "-o", str(tmp_path / "x" / "r.html")])
    assert result.exit_code == 2 and "cs-coach: error:" in result.stderr


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install -y chromium) to render the report")
def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            f"--screenshot={shot}",
            "--window-size=1200,1600",
            f"--user-data-dir={tmp_path / 'profile'}",
            report.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = shot.read_bytes()
    assert _png_size(data) == (1200, 1600)
    # a blank page compresses to a few KB; a rendered report with charts and text is far larger
    assert len(data) > 30_000
    dom = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         f"--user-data-dir={tmp_path / 'profile2'}", "--dump-dom", report.as_uri()],
        check=True, capture_output=True, timeout=120, text=True,
    ).stdout
    assert "주간 점검" in dom and dom.count("<svg") == 3 and "qa-an-doeda" in dom
