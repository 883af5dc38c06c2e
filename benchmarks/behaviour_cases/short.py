"""short: one sentence that chains many clauses (15+ 어절, 60–80+ characters) against the same content in short
sentences; a list of short steps is not long."""

from __future__ import annotations

from .core import Builder, Case, render

# Each story: clauses as (chained form, own-sentence form); the last clause carries the level.
STORIES = (
    (("[product:은] 어제 물류센터에서 출고되었는데", "[product:은] 어제 물류센터에서 {출고되었습니다|출고됐어요}."),
     ("배송 기사님이 주소를 찾지 못해서", "그런데 배송 기사님이 주소를 찾지 {못했습니다|못했어요}."),
     ("다시 센터로 돌아왔고", "그래서 다시 센터로 {돌아왔습니다|돌아왔어요}."),
     ("지금은 주소를 다시 확인하고 있어서", "지금은 주소를 다시 확인하고 {있습니다|있어요}."),
     ("[day] 다시 출발할 {예정입니다|예정이에요}.", "[day] 다시 출발할 {예정입니다|예정이에요}.")),
    (("환불 요청은 오늘 접수되었고", "환불 요청은 오늘 {접수되었습니다|접수됐어요}."),
     ("카드 결제는 카드사 확인이 필요해서", "카드 결제는 카드사 확인이 {필요합니다|필요해요}."),
     ("실제로 돈이 들어가기까지는 영업일 기준 사흘 정도 걸리며",
      "실제로 돈이 들어가기까지는 영업일 기준 사흘 정도 {걸립니다|걸려요}."),
     ("주말이 끼면 조금 더 늦어질 수 있으니", "주말이 끼면 조금 더 늦어질 수 {있습니다|있어요}."),
     ("[day] 카드사 앱에서 한 번 확인해 {주십시오|주세요}.", "[day] 카드사 앱에서 한 번 확인해 {주십시오|주세요}.")),
    (("교환하실 상품은 받으신 상자에 그대로 넣어 주시고",
      "교환하실 상품은 받으신 상자에 그대로 넣어 {주십시오|주세요}."),
     ("상자 위에 주문 번호를 적어 주시면", "상자 위에 주문 번호를 적어 {주십시오|주세요}."),
     ("[day] 기사님이 방문해서 상품을 가져가고", "[day] 기사님이 방문해서 상품을 {가져갑니다|가져가요}."),
     ("저희가 상품을 받아서 확인한 다음에", "저희가 상품을 받아서 {확인하겠습니다|확인할게요}."),
     ("새 상품을 바로 보내 {드리겠습니다|드릴게요}.", "확인이 끝나면 새 상품을 바로 보내 {드리겠습니다|드릴게요}.")),
    (("말씀하신 요금은 지난달에 쓰신 데이터 요금인데",
      "말씀하신 요금은 지난달에 쓰신 데이터 {요금입니다|요금이에요}."),
     ("기본 제공량을 넘으면 추가 요금이 붙게 되어 있어서", "기본 제공량을 넘으면 추가 요금이 {붙습니다|붙어요}."),
     ("이번 달에 그 금액이 함께 청구되었고", "그래서 이번 달에 그 금액이 함께 {청구되었습니다|청구됐어요}."),
     ("다음 달부터는 데이터 알림을 켜 두시면", "다음 달부터는 데이터 알림을 켜 두실 수 {있습니다|있어요}."),
     ("제공량을 넘기 전에 문자를 받으실 수 {있습니다|있어요}.",
      "그러면 제공량을 넘기 전에 문자를 받으실 수 {있습니다|있어요}.")),
    (("수리 접수는 가까운 서비스센터에서 하실 수 있는데",
     "수리 접수는 가까운 서비스센터에서 하실 수 {있습니다|있어요}."),
     ("방문 전에 앱에서 예약을 하시면 기다리지 않으셔도 되고",
      "방문 전에 앱에서 예약을 하시면 기다리지 않으셔도 {됩니다|돼요}."),
     ("보증 기간 안이면 수리비가 들지 않지만", "보증 기간 안이면 수리비가 들지 {않습니다|않아요}."),
     ("떨어뜨려서 생긴 고장은 유상 수리라서", "다만 떨어뜨려서 생긴 고장은 유상 {수리입니다|수리예요}."),
     ("센터에서 먼저 비용을 {안내해 드립니다|안내해 드려요}.",
      "이때는 센터에서 먼저 비용을 {안내해 드립니다|안내해 드려요}.")),
)
STEPS = (  # three short steps in one sentence: an instruction, not a long sentence
    "설정에서 계정을 누르고 로그아웃을 누른 뒤 다시 {로그인하십시오|로그인해 주세요}.",
    "전원 버튼을 길게 누르고 다시 시작을 누르면 {됩니다|돼요}.",
    "앱을 열고 주문 내역에서 취소를 {누르십시오|누르세요}.",
    "충전기를 뺐다가 다시 꽂아 {주십시오|주세요}.",
    "와이파이를 끄고 10초 뒤에 다시 켜 {주십시오|주세요}.",
)
W = {"product": ("주문하신 상품", "교환 상품", "보내 드린 택배"), "day": ("내일 오후에", "모레 오전에", "오늘 저녁에")}


def cases() -> list[Case]:
    b = Builder("short")
    for number, story in enumerate(STORIES):
        for size in (5, 4):
            chained_t = " ".join(part[0] for part in story[:size - 1]) + " " + story[-1][0]
            split_t = " ".join(part[1] for part in story[:size - 1]) + " " + story[-1][1]
            b.pairs(f"chained-vs-split-{number}-{size}", [(chained_t, split_t)], W, limit=6)
        # two clauses only: short enough
        two_t = story[0][0] + " " + story[-1][0]
        b.mft(f"two-clauses-{number}", [two_t], W, False, limit=3)
    b.mft("steps", STEPS, W, False, limit=1)
    # a reply of short sentences is not long however many there are
    for level in (0, 1):
        split = " ".join(render(part[1], level, {"product": "주문하신 상품", "day": "내일 오후에"})
                         for part in STORIES[0])
        b.raw("MFT", "many-short-sentences", split, False)
    return b.cases
