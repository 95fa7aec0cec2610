"""Text normalisation shared by the grader and the engine.

Chat replies arrive in every form: full-width and half-width punctuation, traditional
characters, no spaces, no final question mark. `normalise` folds them to one form and
keeps a map back to the original offsets, so evidence spans point at the trainee's
own words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

MAX_ANALYSED_CHARS = 4000
"""Replies longer than this are graded on their first MAX_ANALYSED_CHARS characters."""

# Common traditional characters folded to simplified ones (enough for cue matching;
# not a general converter).
_TRAD = (
    "們们 說说 對对 嗎吗 麼么 這这 個个 會会 問问 題题 費费 應应 擔担 諒谅 厲厉 謝谢 請请"
    " 讓让 還还 錢钱 貸贷 銀银 險险 確确 認认 證证 煩烦 難难 過过 沒没 樣样 點点 時时 間间"
    " 來来 為为 麽么 關关 係系 經经 營营 務务 與与 價价 條条 戶户 額额 億亿 萬万 當当 體体"
    " 驗验 該该 給给 開开 發发 現现 實实 際际 準准 備备 資资 負负 債债 務务 歡欢 喜喜 從从"
    " 幫帮 們们 聽听 懂懂 愛爱 覺觉 得得 氣气 級级 據据 處处 態态 訴诉 歸归 傳传 統统 報报"
    " 議议 論论 讀读 壓压 歷历 頭头 無无 憂忧 慮虑 務务 雙双 贏赢 換换 證证 紹绍 邊边 種种"
    " 樂乐 買买 賣卖 產产 業业 廠厂 農农 場场 號号 運运 輸输 機机 構构 規规 則则 範范 約约"
    " 簽签 訂订 單单 據据 貨货 庫库 存存 齊齐 夠够 幾几 歲岁 陽阳 邊边 長长 見见 裡里 裏里"
    " 誰谁 麗丽 嘗尝 專专 員员 總总 協协 責责 任任 講讲 話话 語语 謂谓 詢询 調调 查查 誤误"
    " 錯错 輕轻 鬆松 張张 緊紧 擇择 選选 權权 風风 險险 轉转 讓让 項项 們们 惱恼 慣惯 極极"
    " 優优 勢势 導导 紀纪 律律 禮礼 飯饭 紅红 顧顾 絕绝 對对 吧吧 嗯嗯 啊啊"
)
TRAD_TO_SIMP = {pair[0]: pair[1] for pair in _TRAD.split() if len(pair) == 2}

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Normalised:
    """A reply folded for matching, with a map from folded offsets to original ones."""

    text: str
    """The folded text: NFKC, lower case, simplified characters, curly quotes straightened."""
    origin: tuple[int, ...]
    """origin[i] is the index in the original text of folded character i."""
    original_length: int
    """Length of the original text (after clipping to MAX_ANALYSED_CHARS)."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded [start, end) span back to the original text."""
        if not self.origin or start >= end:
            return (0, 0)
        first = self.origin[min(start, len(self.origin) - 1)]
        last = self.origin[min(end, len(self.origin)) - 1] + 1
        return (first, min(last, self.original_length))


_STRAIGHTEN = {"‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "—": "-", "–": "-"}


def _simple(char: str) -> str | None:
    """The folded form of printable ASCII and common CJK ideographs, else None."""
    code = ord(char)
    if 0x20 <= code < 0x7F:
        return char.lower()
    if 0x4E00 <= code <= 0x9FFF:
        return TRAD_TO_SIMP.get(char, char)
    return None


_NOT_SIMPLE = re.compile(r"[^\x20-\x7e\u4e00-\u9fff]")
_FOLD_SIMPLE = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}, **TRAD_TO_SIMP}
)


def normalise(text: str) -> Normalised:
    """Fold `text` for matching; control characters become spaces."""
    text = text[:MAX_ANALYSED_CHARS]
    if not _NOT_SIMPLE.search(text):  # printable ASCII and common ideographs: one to one
        return Normalised(text.translate(_FOLD_SIMPLE), tuple(range(len(text))), len(text))
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        simple = _simple(char)
        if simple is not None:  # most characters: nothing for NFKC to do
            out.append(simple)
            origin.append(index)
            continue
        folded = _STRAIGHTEN.get(char) or unicodedata.normalize("NFKC", char)
        folded = folded.lower()
        for piece in folded:
            piece = TRAD_TO_SIMP.get(piece, piece)
            if unicodedata.category(piece).startswith("C") and piece != "\n":
                piece = " "
            out.append(piece)
            origin.append(index)
    return Normalised("".join(out), tuple(origin), len(text))


def detect_language(text: str) -> str:
    """'zh' when the text has Chinese characters and they outweigh Latin letters."""
    sample = text[:MAX_ANALYSED_CHARS]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh" if cjk and cjk * 3 >= latin else "en"


def squash(text: str) -> str:
    """Folded text without spaces or punctuation: the key for repeat detection."""
    folded = normalise(text).text
    return "".join(ch for ch in folded if ch.isalnum())


NEAR_MIN_CHARS = 4
"""Phrases shorter than this only match exactly."""
NEAR_SCORE = 85


def near_match(key: str, folded: str) -> tuple[int, int] | None:
    """Where `key` nearly occurs in `folded` (a typo, a changed character), or None.

    Compares `key` with every window of the same length (and one longer or shorter),
    so a phrase never matches on a few characters at the edge of the reply.
    """
    size = len(key)
    if size < NEAR_MIN_CHARS or len(folded) < size - 1:
        return None
    latin = not _CJK.search(key)
    if latin and (" " not in key.strip() or size < 10):
        return None  # "Mr Lim" must not pass for "Mrs Lim": short Latin phrases match exactly
    cutoff = 90 if latin else NEAR_SCORE
    best: tuple[float, int, int] | None = None
    widths = (size, size + 1, size - 1) if size >= 8 else (size, size + 1)
    for width in widths:
        for start in range(0, max(1, len(folded) - width + 1)):
            score = fuzz.ratio(key, folded[start : start + width])
            if score >= cutoff and (best is None or score > best[0]):
                best = (score, start, start + width)
    return (best[1], best[2]) if best else None


def contains(key: str, folded: str) -> tuple[int, int] | None:
    """Exact occurrence of a folded phrase; Latin phrases must sit on word boundaries."""
    if _CJK.search(key):
        at = folded.find(key)
        return (at, at + len(key)) if at >= 0 else None
    found = re.search(r"(?<![a-z0-9])" + re.escape(key) + r"(?![a-z0-9])", folded)
    return (found.start(), found.end()) if found else None


@lru_cache(maxsize=4096)
def fold_phrase(phrase: str) -> str:
    """A scenario phrase folded like replies are; cached because conditions reuse them every turn."""
    return normalise(phrase).text.strip()
