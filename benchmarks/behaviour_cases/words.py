"""Word lists shared by the categories (everyday CS vocabulary, written for this suite)."""

from __future__ import annotations

# Services a customer asks for and an agent may have to decline ("X은/는 해 드릴 수 없습니다").
SERVICES = ("환불", "교환", "반품", "주문 취소", "배송지 변경", "예약 변경", "현금 환불", "무상 수리", "포인트 복구",
            "요금 할인", "당일 배송", "사이즈 교환", "부분 환불", "위약금 면제", "기간 연장")
# Things a customer may need to send, bring or fill in.
DOCUMENTS = ("영수증 사진", "주문 번호", "신분증 사본", "통장 사본", "제품 사진", "주소", "연락처", "가입 정보")
PRODUCTS = ("주문하신 상품", "교환 상품", "신청하신 카드", "요청하신 서류", "보내 드린 택배", "예약하신 상품")
ITEMS = ("이 상품", "검은색 운동화", "흰색 셔츠", "그 모델", "250 사이즈", "대용량 제품", "한정판 텀블러", "겨울 이불")
EVENTS = ("이번 이벤트", "오늘 예약", "사전 예약", "이번 달 행사", "체험단 모집", "오늘 수업 신청")
CUSTOMER = ("고객님", "회원님", "손님")
PERSONS = ("고객님", "기사님", "담당 기사님", "매니저님", "원장님", "선생님")
VAGUE_TIMES = ("빠른 시일 내에", "최대한 빨리", "금방", "곧", "조만간", "나중에", "머지않아", "가능한 한 빨리")
EXACT_TIMES = ("3일 안에", "오늘 오후 5시까지", "내일 오전 중에", "30분 뒤에", "이번 주 금요일까지", "2시간 안에",
               "내일 낮 12시까지", "영업일 기준 이틀 안에")
# Changes that are no longer possible once a parcel has left the warehouse.
SHIPPING_CHANGES = ("주문 취소", "배송지 변경", "옵션 변경", "수량 변경", "선물 포장")
# A service an agent may decline, with an alternative that fits it (아론슨 order needs a real alternative).
SERVICE_ALTERNATIVES = (
    ("환불", "교환"), ("교환", "수선"), ("반품", "사이즈 교환"), ("주문 취소", "받으신 뒤 반품"),
    ("배송지 변경", "경비실 보관 요청"), ("예약 변경", "다음 주 예약"), ("현금 환불", "카드 환불"),
    ("무상 수리", "수리비 할인"), ("포인트 복구", "쿠폰 발급"), ("당일 배송", "내일 오전 배송"),
    ("부분 환불", "적립금 지급"), ("기간 연장", "재가입 할인"),
)
