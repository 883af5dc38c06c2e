"""Korean names for the codes that reach Korean readers (reports, worksheets, grading, the playground).

Codes (`positive`, `warning`, `haeyo`) stay the API's and the rule authors' vocabulary; people read these.
"""

from __future__ import annotations

CATEGORY_LABELS: dict[str, str] = {
    "positive": "긍정 언어",
    "short": "짧게",
    "easy": "쉽게",
    "simple": "명확하게",
    "honorific": "높임말",
    "request": "요청형",
    "tone": "말투",
    "policy": "규정 내세우기",
    "blame": "책임 전가",
    "empathy": "공감",
    "cushion": "쿠션어",
    "alternative": "대안 제시",
    "spelling": "맞춤법",
}
SEVERITY_LABELS: dict[str, str] = {"error": "오류", "warning": "경고", "info": "참고"}
LEVEL_LABELS: dict[str, str] = {
    "hapsyo": "합쇼체", "haeyo": "해요체", "banmal": "반말", "mixed": "섞임", "none": "없음",
}


def category_label(code: str) -> str:
    return CATEGORY_LABELS.get(code, code)


def severity_label(code: str) -> str:
    return SEVERITY_LABELS.get(code, code)


def level_label(code: str) -> str:
    return LEVEL_LABELS.get(code, code)
