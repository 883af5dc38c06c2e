"""blame: the customer made the cause of the problem — reproach (말씀드렸잖아요), fault (잘못 입력하셔서), and
counterfactual blame (미리 확인하셨더라면 … 없었겠죠)."""

from __future__ import annotations

from .core import Builder, Case

W = {
    "wrong": ("주소를 잘못 입력하셔서", "옵션을 잘못 고르셔서", "비밀번호를 여러 번 틀리셔서", "안내문을 안 읽으셔서",
              "설정을 마음대로 바꾸셔서", "유효 기간을 안 지키셔서"),
    "cust": ("고객님이", "고객님께서", "손님이"),
    "before": ("미리 확인하셨더라면", "주문하실 때 잘 보셨더라면", "안내문을 읽으셨더라면", "미리 백업해 두셨더라면",
               "처음부터 말씀해 주셨더라면"),
}
BAD = (
    "[cust] [wrong] {생긴 문제입니다|생긴 문제예요}.",
    "[cust] [wrong] 이렇게 {된 겁니다|된 거예요}.",
    "[before] 이런 일은 {없었을 겁니다|없었을 거예요}.",
    "[before] 이렇게까지 되지는 {않았을 겁니다|않았겠죠}.",
    "제가 아까 다 {말씀드렸잖습니까|말씀드렸잖아요}.",
    "안내문에 분명히 {적혀 있었습니다|적혀 있었잖아요}.",
    "그러니까 처음부터 잘 확인하셨어야 {합니다|해요}.",
    "[cust] 직접 고르신 거라서 저희 책임은 {아닙니다|아니에요}.",
)
# (blaming, neutral): the same fact without making the customer its cause
PAIRS = (
    ("[cust] 주소를 잘못 입력하셔서 배송이 {늦어졌습니다|늦어졌어요}.",
     "주소가 다르게 입력되어 있어서 배송이 {늦어졌습니다|늦어졌어요}."),
    ("제가 아까 {말씀드렸잖습니까|말씀드렸잖아요}.", "제가 다시 한번 {말씀드리겠습니다|말씀드릴게요}."),
    ("미리 백업해 두셨더라면 복원할 수 {있었을 겁니다|있었을 거예요}.",
     "백업해 두셨다면 지금 바로 복원할 수 {있습니다|있어요}."),
    ("안내문을 안 읽으셔서 그런 {겁니다|거예요}.", "안내가 충분하지 않았던 것 {같습니다|같아요}."),
    ("[cust] 옵션을 잘못 고르셨습니다.", "주문하신 옵션이 원하시던 것과 {달랐습니다|달랐네요}."),
)
NEUTRAL = (
    "제 설명이 부족했던 것 {같습니다|같아요}.",
    "[cust] 말씀하신 주소로 다시 {보내 드리겠습니다|보내 드릴게요}.",
    "입력하신 번호를 한 번 더 {확인해 보겠습니다|확인해 볼게요}.",
    "백업해 두셨다면 바로 복원할 수 {있습니다|있어요}.",
    "비밀번호를 바꾸시면 다시 로그인하실 수 {있습니다|있어요}.",
)


# the customer's omission (안/못), lateness or slip as the cause (-어서) of a bad result, the subject left out:
# -시- alone says who did it
OMISSION = {
    "omit": ("영수증을 안 챙기셔서", "인증을 제때 못 하셔서", "기한 안에 신청을 안 하셔서", "정품 충전기를 안 쓰셔서",
             "예약 시간보다 늦게 오셔서", "약관 동의를 안 하셔서", "입금을 늦게 하셔서"),
    # past stems: the template adds the level's ending ({습니다|어요})
    "result": ("처리가 늦어졌", "혜택이 사라졌", "주문이 취소되었", "적립이 누락되었", "순서가 밀렸", "기록이 지워졌"),
}
OMISSION_PAIRS = (
    # (blaming, no blame): the same omission with no bad result, or a staff member's delay
    ("[omit] [result]{습니다|어요}.", "[omit] 문자로 다시 {안내해 드렸습니다|안내해 드렸어요}."),
    ("늦게 오셔서 예약이 {취소되었습니다|취소됐어요}.",
     "기사님이 늦게 오셔서 설치가 {늦어졌습니다|늦어졌어요}. 죄송합니다."),
)


def cases() -> list[Case]:
    b = Builder("blame")
    b.mft("omission-cause", ("[omit] [result]{습니다|어요}.",), OMISSION, True, limit=12)
    b.pairs("omission-vs-no-result", OMISSION_PAIRS, OMISSION, limit=4)
    b.mft("blame", BAD, W, True, limit=5)
    b.pairs("blame-vs-neutral", PAIRS, W, limit=4)
    b.mft("neutral", NEUTRAL, W, False, limit=3)
    # adding the customer as the cause to a neutral sentence adds the finding
    b.pairs("add-cause", [
        ("[cust] [wrong] 다시 {접수하셔야 합니다|접수하셔야 해요}.", "다시 {접수하셔야 합니다|접수하셔야 해요}."),
    ], W, limit=10, test="DIR", inv=False)
    # saying it was NOT the customer's fault is reassurance, not blame
    b.pairs("fault-vs-not-fault", [
        ("[field:을] 잘못 적으셔서 [result].",
         "[field:을] 잘못 적으신 게 {아닙니다|아니에요}. 저희 쪽 오류였어요."),
        ("버튼을 잘못 누르셔서 [result].", "버튼을 잘못 누르신 건 {없습니다|없어요}. 저희 쪽 오류였어요."),
    ], {"field": ("주소", "연락처", "우편번호"), "result": ("상품이 반송됐어요", "문자가 가지 않았어요")},
        limit=3, inv=False)
    return b.cases
