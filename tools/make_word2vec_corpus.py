"""Write the Word2Vec tab's built-in corpora (resources/data/word2vec-*.txt) and categories.

The sentences are original to dlab, written for the lesson: every word of a category
(animals, foods, cities, colours, jobs) appears in five of its category's eight frames of
sentence, so words of one kind share most of their contexts and Word2Vec has something
clear to find. The first sentence of each corpus is the lesson's example. Korean particles
are written apart from their nouns (as a morphological analyser would split them), so that
고양이 is one word whatever particle follows it. Run once; the files it writes are what ships.
Usage: python tools/make_word2vec_corpus.py
"""

from __future__ import annotations

import random
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "resources" / "data"

EN_WORDS = {
    "animal": ["cat", "dog", "horse", "rabbit", "tiger", "lion", "sheep", "fox"],
    "food": ["bread", "rice", "soup", "cheese", "apples", "noodles", "cake", "salad"],
    "city": ["seoul", "paris", "london", "tokyo", "busan", "rome", "cairo", "sydney"],
    "colour": ["red", "blue", "green", "yellow", "white", "black", "purple", "pink"],
    "job": ["doctor", "teacher", "farmer", "nurse", "pilot", "chef", "lawyer", "driver"],
}

EN_FRAMES = {
    "animal": [
        "in the garden the {w} chased a small ball all morning",
        "every night our old {w} sleeps near the warm fire",
        "the farmer fed the hungry {w} some fresh hay today",
        "at the zoo a young {w} ran around its big cage",
        "my sister saw a wild {w} drinking from the river",
        "the vet said the sick {w} needs rest and water",
        "children like to pet the friendly {w} at the farm",
        "a brown {w} was hiding behind the old fence",
    ],
    "food": [
        "for lunch we ate warm {w} with our friends",
        "my mother cooked some tasty {w} for dinner tonight",
        "the shop sells fresh {w} every morning at seven",
        "he was hungry so he ordered more {w} at the cafe",
        "she put the {w} on a plate and ate it",
        "we bought cheap {w} at the market on sunday",
        "the cook tasted the {w} and added some salt",
        "i love the sweet smell of {w} in the kitchen",
    ],
    "city": [
        "last summer we flew to {w} for a long holiday",
        "the train from {w} arrives at noon every day",
        "she lives in a small flat in {w} near the station",
        "many tourists visit {w} to see its old streets",
        "he moved to {w} because he found new work there",
        "the weather in {w} is mild in the spring",
        "our team played a match in {w} last week",
        "my uncle sent me a postcard from {w} yesterday",
    ],
    "colour": [
        "she painted the front door bright {w} last weekend",
        "he wore a {w} shirt to the party on friday",
        "the sky turned {w} just before the storm came",
        "my favourite pen writes in dark {w} ink on paper",
        "they chose a {w} car because it looks nice",
        "the flowers in the park are {w} and tall",
        "she tied a {w} ribbon around the birthday gift",
        "the walls of my room are painted pale {w} now",
    ],
    "job": [
        "my father has worked as a {w} for twenty years",
        "she wants to become a {w} when she grows up",
        "the young {w} went to work early this morning",
        "a good {w} must study hard for many years",
        "the {w} got paid on friday and went home happy",
        "our neighbour is a {w} and helps many people",
        "he asked the {w} a question about the work",
        "every {w} in the town joined the meeting today",
    ],
}

KO_WORDS = {
    "animal": ["고양이", "강아지", "토끼", "호랑이", "사자", "여우", "곰", "코끼리"],
    "food": ["빵", "밥", "국수", "김치", "사과", "떡", "케이크", "비빔밥"],
    "city": ["서울", "부산", "파리", "런던", "도쿄", "로마", "대구", "광주"],
    "colour": ["빨간색", "파란색", "초록색", "노란색", "하얀색", "검은색", "보라색", "분홍색"],
    "job": ["의사", "선생님", "농부", "간호사", "조종사", "요리사", "변호사", "기자"],
}

# {w} the word; {이} {은} {을} {와} {로} the particle that fits its last syllable.
KO_FRAMES = {
    "animal": [
        "정원 에서 작은 {w} {이} 공 을 아침 내내 쫓았다",
        "밤 마다 우리 집 늙은 {w} {은} 따뜻한 난로 옆 에서 잔다",
        "농부 는 배고픈 {w} 에게 신선한 풀 을 주었다",
        "동물원 에서 어린 {w} {이} 큰 우리 안 을 뛰어다녔다",
        "언니 는 강가 에서 물 을 마시는 야생 {w} {을} 보았다",
        "수의사 는 아픈 {w} {이} 쉬어야 한다고 말했다",
        "아이들 은 농장 에서 순한 {w} {을} 쓰다듬기 좋아한다",
        "갈색 털 의 {w} {이} 낡은 울타리 뒤 에 숨어 있었다",
    ],
    "food": [
        "점심 에 우리 는 따뜻한 {w} {을} 친구들 과 먹었다",
        "어머니 는 저녁 으로 맛있는 {w} {을} 만들어 주셨다",
        "그 가게 는 매일 아침 신선한 {w} {을} 판다",
        "배가 고파서 그 는 카페 에서 {w} {을} 더 시켰다",
        "그녀 는 {w} {을} 접시 에 담아 먹었다",
        "우리 는 일요일 에 시장 에서 싼 {w} {을} 샀다",
        "주방장 은 {w} {을} 맛보고 소금 을 조금 넣었다",
        "부엌 에서 달콤한 {w} 냄새 가 난다",
    ],
    "city": [
        "지난 여름 우리 는 {w} {로} 긴 휴가 를 떠났다",
        "{w} 에서 오는 기차 는 매일 정오 에 도착한다",
        "그녀 는 {w} 의 역 근처 작은 집 에 산다",
        "많은 관광객 이 옛 거리 를 보러 {w} {을} 찾는다",
        "그 는 새 일 을 찾아 {w} {로} 이사했다",
        "봄 에는 {w} 의 날씨 가 온화하다",
        "우리 팀 은 지난주 {w} 에서 경기 를 했다",
        "삼촌 이 어제 {w} 에서 엽서 를 보내 주셨다",
    ],
    "colour": [
        "그녀 는 지난 주말 현관 문 을 밝은 {w} {로} 칠했다",
        "그 는 금요일 파티 에 {w} 셔츠 를 입고 갔다",
        "폭풍 이 오기 직전 하늘 이 {w} {로} 변했다",
        "내 가 아끼는 펜 은 진한 {w} 잉크 로 써진다",
        "그들 은 예뻐 보여서 {w} 자동차 를 골랐다",
        "공원 에 핀 {w} 꽃 들 은 키 가 크다",
        "그녀 는 생일 선물 에 {w} 리본 을 묶었다",
        "내 방 벽 은 이제 연한 {w} {로} 칠해져 있다",
    ],
    "job": [
        "우리 아버지 는 이십 년 동안 {w} {로} 일하셨다",
        "그녀 는 커서 {w} {이} 되고 싶어 한다",
        "젊은 {w} {은} 오늘 아침 일찍 일 하러 갔다",
        "좋은 {w} {은} 여러 해 동안 열심히 공부해야 한다",
        "금요일 에 월급 을 받은 {w} {은} 기쁘게 집 에 갔다",
        "우리 이웃 {w} {은} 많은 사람 을 돕는다",
        "그 는 {w} 에게 일 에 대해 질문 을 했다",
        "마을 의 모든 {w} {이} 오늘 회의 에 모였다",
    ],
}

EN_FIRST = "the boy went to the bank"
KO_FIRST = "그 소년 은 은행 에 갔다"


def has_final(word: str) -> bool:
    """Whether a Hangul word ends in a consonant (받침), which picks the particle."""
    code = ord(word[-1]) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def ko_fill(frame: str, word: str) -> str:
    final = has_final(word)
    rieul = final and (ord(word[-1]) - 0xAC00) % 28 == 8  # ㄹ takes 로, not 으로
    return frame.format(
        w=word, 이="이" if final else "가", 은="은" if final else "는",
        을="을" if final else "를", 와="과" if final else "와",
        로="으로" if final and not rieul else "로")


FRAMES_PER_WORD = 5  # of a category's 8: words of a kind share most contexts, not all


def sentences(words: dict, frames: dict, fill, first: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = [fill(f, w) for cat in words for w in words[cat]
           for f in rng.sample(frames[cat], FRAMES_PER_WORD)]
    rng.shuffle(out)  # a mixed order reads less like a drill
    return [first, *out]


def main() -> None:
    en = sentences(EN_WORDS, EN_FRAMES, lambda f, w: f.format(w=w), EN_FIRST, 7)
    ko = sentences(KO_WORDS, KO_FRAMES, ko_fill, KO_FIRST, 7)
    (DATA / "word2vec-en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    (DATA / "word2vec-ko.txt").write_text("\n".join(ko) + "\n", encoding="utf-8")
    rows = ["lang\tcategory\tword"]
    for lang, words in (("en", EN_WORDS), ("ko", KO_WORDS)):
        rows += [f"{lang}\t{cat}\t{w}" for cat, ws in words.items() for w in ws]
    (DATA / "word2vec-categories.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
