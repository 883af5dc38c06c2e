"""Reading reply libraries: every format, exact file positions, suppression markers, and writing fixes back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cs_coach.inputs import (
    InputError,
    Options,
    expand,
    ignore_markers,
    load,
    mask_html,
    paragraphs,
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _at(content: str, line: int, column: int) -> int:
    """str offset of a 1-based (line, column) in `content`."""
    lines = content.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def test_paragraphs_keep_exact_offsets_with_crlf_tabs_and_emoji() -> None:
    content = "\ufeff첫 답변입니다.\r\n\r\n\t😀 둘째 답변\r\n이어지는 줄\r\n \r\n\n셋째"
    records = list(paragraphs(content, "x.txt"))
    assert [r.text for r in records] == ["\ufeff첫 답변입니다.", "😀 둘째 답변\r\n이어지는 줄", "셋째"]
    for record in records:
        assert record.exact
        assert content[record.offset : record.offset + len(record.text)] == record.text
    second = records[1]
    assert (second.line, second.column) == (3, 2)
    # an offset inside the reply's second line maps to the file's line 4
    inner = second.text.index("이어지는")
    line, column = second.position(inner)
    assert (line, column) == (4, 1)
    assert content[_at(content, line, column)] == "이"


def test_text_file_bom_is_removed_and_remembered(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "안녕하세요.\n\n감사합니다.\n".encode())
    doc = load(path)
    assert doc.bom and [r.text for r in doc.records] == ["안녕하세요.", "감사합니다."]
    assert doc.records[1].line == 3


def test_markdown_headings_fences_and_comments_are_not_replies(tmp_path: Path) -> None:
    content = "# 배송 답변\n\n내일 보내 드릴게요.\n\n<!-- 메모 -->\n\n```\ncode\n```\n\n감사합니다.\n"
    path = _write(tmp_path / "a.md", content)
    assert [r.text for r in load(path).records] == ["내일 보내 드릴게요.", "감사합니다."]


def test_csv_picks_the_reply_column_and_locates_cells(tmp_path: Path) -> None:
    content = 'id,title,reply\nA1,인사,"안녕하세요, 고객님."\nA2,"여러 줄","첫 줄입니다.\n둘째 줄입니다."\nA3,빈칸,\n'
    doc = load(_write(tmp_path / "a.csv", content))
    assert [r.id for r in doc.records] == ["A1", "A2"]
    first, second = doc.records
    assert (first.line, first.column) == (2, 8)
    assert (second.line, second.column) == (3, 12)
    assert second.position(second.text.index("둘째")) == (4, 1)
    for record in doc.records:
        assert content[record.offset : record.offset + len(record.text)] == record.text


def test_csv_detects_the_only_korean_column_and_names_rows_without_id(tmp_path: Path) -> None:
    doc = load(_write(tmp_path / "a.csv", "code,message\n1,배송이 시작됐어요.\n2,내일 도착해요.\n"))
    assert [(r.text, r.id) for r in doc.records] == [("배송이 시작됐어요.", "row 2"), ("내일 도착해요.", "row 3")]


def test_csv_ambiguous_or_unknown_column_is_an_input_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.csv", "question,answer\n배송 언제 와요?,내일 도착해요.\n")
    with pytest.raises(InputError, match="--column"):
        load(path)
    with pytest.raises(InputError, match=r"no column 'reply'.*question, answer"):
        load(path, Options(column="reply"))
    assert [r.text for r in load(path, Options(column="answer")).records] == ["내일 도착해요."]


def test_tsv_and_a_cell_with_doubled_quotes_is_located_by_line(tmp_path: Path) -> None:
    content = 'id\treply\nT1\t"""특가"" 상품은 내일 와요."\nT2\t감사합니다.\n'
    doc = load(_write(tmp_path / "a.tsv", content))
    quoted, plain = doc.records
    assert quoted.text == '"특가" 상품은 내일 와요.' and not quoted.exact and quoted.line == 2
    assert plain.exact and (plain.line, plain.column) == (3, 4)


def test_ignore_column_and_marker(tmp_path: Path) -> None:
    content = "reply,skip\n교환은 안 됩니다.,\"an-doeda, tone\"\n환불은 안 됩니다. cs-coach: ignore an-doeda\n"
    doc = load(_write(tmp_path / "a.csv", content), Options(ignore_column="skip"))
    assert doc.records[0].ignore == {"an-doeda", "tone"}
    assert doc.records[1].ignore == {"an-doeda"}
    assert load(_write(tmp_path / "b.csv", "reply,cs_coach_ignore\n안 돼요.,all\n")).records[0].ignore == {"all"}


def test_ignore_marker_forms() -> None:
    assert ignore_markers("안 돼요. <!-- cs-coach: ignore an-doeda,bulganeung -->")[0] == {"an-doeda", "bulganeung"}
    names, spans = ignore_markers("안 돼요. # cs-coach: ignore")
    assert names == {"*"} and len(spans) == 1
    assert ignore_markers("그냥 답변")[0] == frozenset()


def test_jsonl_dotted_field_ids_and_escaped_values(tmp_path: Path) -> None:
    lines = [
        {"id": "c1", "msg": {"body": "내일 보내 드릴게요."}},
        {"id": "c2", "msg": {"body": '"특가"\n상품입니다.'}},
        {"other": 1},
    ]
    content = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    doc = load(_write(tmp_path / "a.jsonl", content), Options(column="msg.body"))
    plain, escaped = doc.records
    assert (plain.id, plain.line, plain.exact) == ("c1", 1, True)
    assert content[plain.offset : plain.offset + len(plain.text)] == plain.text
    assert (escaped.id, escaped.line, escaped.exact) == ("c2", 2, False)
    with pytest.raises(InputError, match=r"no field 'msg\.text'"):
        load(tmp_path / "a.jsonl", Options(column="msg.text"))


def test_jsonl_bad_line_is_reported_with_its_number(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"a.jsonl:2: not valid JSON"):
        load(_write(tmp_path / "a.jsonl", '{"text": "네"}\n{"text": \n'))


def test_json_array_and_wrapped_list(tmp_path: Path) -> None:
    array = _write(tmp_path / "a.json", json.dumps([{"text": "안녕하세요."}, {"text": "감사합니다."}], indent=2))
    doc = load(array)
    assert [(r.text, r.line) for r in doc.records] == [("안녕하세요.", 3), ("감사합니다.", 6)]
    wrapped = _write(tmp_path / "b.json", json.dumps({"items": [{"content": "네, 알겠습니다."}], "count": 1}))
    assert [r.text for r in load(wrapped).records] == ["네, 알겠습니다."]


def test_zendesk_macros_plain_html_and_list_values(tmp_path: Path) -> None:
    export = {
        "macros": [
            {"id": 1, "title": "교환", "actions": [{"field": "status", "value": "open"},
                                                 {"field": "comment_value", "value": "교환은 안 됩니다."}]},
            {"id": 2, "title": "품절", "actions": [{"field": "comment_value_html",
                                                 "value": "<p>지금은 <b>품절</b>입니다.</p><p>곧 입고돼요.</p>"}]},
            {"id": 3, "title": "옛 형식", "actions": [{"field": "comment_value", "value": ["channel:all", "네."]}]},
        ],
        "count": 3,
    }
    content = json.dumps(export, ensure_ascii=False, indent=2)
    doc = load(_write(tmp_path / "macros.json", content))
    assert doc.kind == "zendesk"
    plain, html, old = doc.records
    assert plain.id == "macro 1 (교환)" and plain.text == "교환은 안 됩니다."
    assert content[plain.offset : plain.offset + len(plain.text)] == plain.text
    assert html.text == mask_html("<p>지금은 <b>품절</b>입니다.</p><p>곧 입고돼요.</p>")
    assert "<" not in html.text and "지금은    품절    입니다." in html.text
    # positions of masked HTML follow the markup in the file
    start = html.text.index("품절")
    line, column = html.position(start)
    assert content.split("\n")[line - 1][column - 1 : column + 1] == "품절"
    assert old.text == "네."


def test_mask_html_keeps_length_and_splits_blocks() -> None:
    html = "<p>안녕&nbsp;하세요</p><br/>감사합니다"
    masked = mask_html(html)
    assert len(masked) == len(html)
    assert masked.startswith("\n  안녕      하세요\n   \n    감사")


def test_missing_file_bad_encoding_and_cp949(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "none.txt")
    path = _write(tmp_path / "euckr.csv", "reply\n교환은 내일 돼요.\n", encoding="cp949")
    with pytest.raises(InputError, match=r"not utf-8 text.*--encoding cp949"):
        load(path)
    assert load(path, Options(encoding="cp949")).records[0].text == "교환은 내일 돼요."
    with pytest.raises(InputError, match="unknown encoding"):
        load(path, Options(encoding="no-such-codec"))


def test_folders_expand_to_supported_files_skipping_hidden(tmp_path: Path) -> None:
    for name in ("a.txt", "b.csv", "c.jsonl", "notes.yaml", ".git/x.txt", "sub/d.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("네", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p, _ in expand([tmp_path])]
    assert found == ["a.txt", "b.csv", "c.jsonl", "sub/d.md"]


# -- writing fixes back ------------------------------------------------------------------------------------
def test_text_rewrite_splices_only_the_reply(tmp_path: Path) -> None:
    content = "첫째 답변\r\n\r\n  둘째 답변입니다.\r\n"
    doc = load(_write(tmp_path / "a.txt", content))
    assert doc.rewrite({1: "둘째 답변이에요."}) == "첫째 답변\r\n\r\n  둘째 답변이에요.\r\n"
    assert doc.rewrite({}) == content


def test_csv_rewrite_splices_in_place_and_rebuilds_when_quoting_changes(tmp_path: Path) -> None:
    content = 'id,reply,note\r\nA,금일 발송,"메모, 그대로"\r\nB,"여러 줄\r\n답변","x"\r\n'
    doc = load(_write(tmp_path / "a.csv", content))
    assert doc.rewrite({0: "오늘 발송"}) == content.replace("금일 발송", "오늘 발송")
    # a comma in the fix needs quotes: only that row is re-encoded, the other rows stay byte for byte
    rebuilt = doc.rewrite({0: "죄송하지만, 오늘 발송"})
    assert rebuilt == content.replace("A,금일 발송,", 'A,"죄송하지만, 오늘 발송",')
    quoted = doc.rewrite({1: '여러 줄\r\n"답변"'})
    assert quoted == content.replace('B,"여러 줄\r\n답변","x"', 'B,"여러 줄\r\n""답변""",x')


def test_jsonl_rewrite_keeps_other_lines_byte_for_byte(tmp_path: Path) -> None:
    content = '{"id": 1, "text": "금일 발송"}\n{"id":2,"text":"줄\\n바꿈 금일"}\n{"id": 3, "text": "그대로"}\n'
    doc = load(_write(tmp_path / "a.jsonl", content))
    out = doc.rewrite({0: "오늘 발송", 1: "줄\n바꿈 오늘"})
    assert out == content.replace("금일", "오늘")  # the escaped literal is re-encoded in place


def test_json_rewrite_touches_only_the_fixed_string(tmp_path: Path) -> None:
    content = (
        '[\n    {"title": "금일 발송", "text": "금일 발송"},\n'
        '    {"title":"x",  "text" : "따옴표 \\"금일\\" 안내"}\n]'
    )
    doc = load(_write(tmp_path / "a.json", content), Options(column="text"))
    first, second = doc.records
    assert content[first.offset : first.offset + len(first.text)] == "금일 발송"
    assert first.offset > content.index('"text"')  # the value of "text", not the equal "title" before it
    assert not second.exact and second.line == 3
    out = doc.rewrite({0: "오늘 발송", 1: '따옴표 "오늘" 안내'})
    assert out == content.replace('"text": "금일 발송"', '"text": "오늘 발송"').replace('\\"금일\\"', '\\"오늘\\"')
    ascii_file = _write(tmp_path / "b.json", json.dumps([{"text": "금일 발송"}]))
    assert load(ascii_file).rewrite({0: "오늘 발송"}) == json.dumps([{"text": "오늘 발송"}])


def test_zendesk_html_fix_goes_back_into_the_markup(tmp_path: Path) -> None:
    value = "<p>지금은 <b>품절이십니다</b>.</p>"
    content = json.dumps({"macros": [{"id": 9, "title": "t", "actions": [
        {"field": "comment_value_html", "value": value}]}]}, ensure_ascii=False)
    doc = load(_write(tmp_path / "m.json", content))
    fixed = doc.records[0].text.replace("품절이십니다", "품절입니다")
    out = json.loads(doc.rewrite({0: fixed}))
    assert out["macros"][0]["actions"][0]["value"] == "<p>지금은 <b>품절입니다</b>.</p>"
    masked = doc.records[0].text
    at = value.index("<b>")
    broken = masked[:at] + "XYZ" + masked[at + 3 :]
    assert doc.can_write(0, fixed) and not doc.can_write(0, broken)
    with pytest.raises(InputError, match="HTML markup"):
        doc.rewrite({0: broken})


def test_a_bare_array_of_macros_is_a_zendesk_export(tmp_path: Path) -> None:
    macros = [{"id": 7, "title": "환불", "actions": [{"field": "comment_value", "value": "환불은 내일 끝나요."}]}]
    doc = load(_write(tmp_path / "macros.json", json.dumps(macros, ensure_ascii=False)))
    assert doc.kind == "zendesk"
    assert [(r.id, r.text) for r in doc.records] == [("macro 7 (환불)", "환불은 내일 끝나요.")]
