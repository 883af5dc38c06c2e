"""CSV records are located by the csv reader's own boundaries, under every newline convention (issue 12, item 1)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cs_coach.cli import app
from cs_coach.inputs import load
from cs_coach.inputs.table import read_rows

PIECES = [*"금일 발송됩니다,\"\r\n\t'ab", "\r\n", "\r\r\n", "안 돼요"]
CELL = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
NEWLINE = st.sampled_from(["\n", "\r\n", "\r"])
QUOTING = st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])


def _encode(rows: list[list[str]], newline: str, quoting: int, final_newline: bool) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline, quoting=quoting).writerows(rows)
    content = buffer.getvalue()
    return content if final_newline else content[: -len(newline)]


def _parse(content: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content, newline="")))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(CELL, CELL), min_size=1, max_size=6), NEWLINE, QUOTING, st.booleans(), st.data(),
)
def test_write_read_rewrite_keeps_every_cell_and_every_other_byte(
    tmp_path_factory, body: list[tuple[str, str]], newline: str, quoting: int, final: bool, data: st.DataObject
) -> None:
    rows = [["id", "reply"], *[[f"r{i}{a}", b] for i, (a, b) in enumerate(body)]]
    content = _encode(rows, newline, quoting, final)
    path = tmp_path_factory.mktemp("csv") / "replies.csv"
    path.write_bytes(content.encode())
    doc = load(path)
    rows = _parse(content)  # what the csv module reads (its writer leaves a lone \r unquoted with a \n terminator)
    # read: the same cells, each located exactly where it is written verbatim
    assert [r.text for r in doc.records] == [row[1] for row in rows[1:] if len(row) > 1 and row[1].strip()]
    for record in doc.records:
        if record.offset is not None:
            assert content[record.offset : record.offset + len(record.text)] == record.text
    # rewrite some cells: the file parses to the same rows with those cells changed, and no row is added or lost
    chosen = data.draw(st.lists(st.sampled_from(range(len(doc.records))), unique=True) if doc.records else st.just([]))
    fixes = {i: data.draw(CELL.filter(str.strip)) for i in chosen}
    out = doc.rewrite(fixes)
    expected = [list(row) for row in rows]
    changed_rows = set()
    for i, new in fixes.items():
        number = doc._row_numbers[i]
        expected[number][1] = new
        changed_rows.add(number)
    assert _parse(out) == expected
    # unchanged rows byte for byte
    (_, old_spans), (_, new_spans) = read_rows(content, ","), read_rows(out, ",")
    assert len(old_spans) == len(new_spans) == len(rows)
    for number, ((a, b), (c, d)) in enumerate(zip(old_spans, new_spans, strict=True)):
        if number not in changed_rows:
            assert out[c:d] == content[a:b]


def test_a_bare_cr_inside_a_quoted_cell_does_not_duplicate_rows(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_bytes('id,reply\n1,"금일 발송\r됩니다."\n2,금일 발송됩니다.\n'.encode())
    result = CliRunner().invoke(app, ["fix", str(path), "--write"])
    assert result.exit_code == 0, result.output
    assert path.read_bytes().decode() == 'id,reply\n1,"오늘 발송\r됩니다."\n2,오늘 발송됩니다.\n'


def test_a_crlf_file_with_cr_cr_lf_in_cells_keeps_its_row_count(tmp_path: Path) -> None:
    rows = [["id", "reply"]] + [[str(i), "금일 발송\r\r\n됩니다." if i % 3 else "금일 발송됩니다."] for i in range(300)]
    content = _encode(rows, "\r\n", csv.QUOTE_MINIMAL, True)
    path = tmp_path / "big.csv"
    path.write_bytes(content.encode())
    result = CliRunner().invoke(app, ["fix", str(path), "--write", "--quiet"])
    assert result.exit_code == 0, result.output
    out = path.read_bytes().decode()
    assert len(_parse(out)) == len(rows)
    assert out == content.replace("금일", "오늘")


def test_a_bare_cr_line_counts_as_a_line_for_positions(tmp_path: Path) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes("id,reply\r1,안녕하세요.\r2,금일 발송됩니다.\r".encode())
    doc = load(path)
    assert [(r.line, r.column) for r in doc.records] == [(2, 3), (3, 3)]


def test_jsonl_lines_split_at_newline_only(tmp_path: Path) -> None:
    # JSON allows U+2028 and \x85 unescaped inside strings; str.splitlines would cut the record in two.
    content = '{"text": "금일\u2028발송됩니다\x85."}\n{"text": "안녕하세요."}\n'
    path = tmp_path / "a.jsonl"
    path.write_bytes(content.encode())
    doc = load(path)
    assert [r.text for r in doc.records] == ["금일\u2028발송됩니다\x85.", "안녕하세요."]
    assert [r.line for r in doc.records] == [1, 2]
    assert doc.rewrite({0: "오늘\u2028발송됩니다\x85."}) == content.replace("금일", "오늘")
