"""Clauses and their kinds: which parts of a reply ask, which assert, which only seem to ask.

Chinese questions often carry no "?" (final 吧/呢/吗, interrogatives, A-not-A), and
many question-shaped clauses do not ask for information: rhetorical challenges,
consent requests, offers, confirmation tags after a read-back. Every later stage
reads the kinds decided here.
"""

from __future__ import annotations

import re

_CLAUSE_END = re.compile(r"[。！？!?；;:：\n]+|[,，、]|\.(?=\s|$)|\.{3}|~+")


def clauses(folded: str) -> list[tuple[int, int]]:
    """Split folded text into clause spans [start, end), each including its end mark."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE_END.finditer(folded):
        end = match.end()
        if folded[start : match.start()].strip():
            spans.append((start, end))
        start = end
    if folded[start:].strip():
        spans.append((start, len(folded)))
    return spans


_ZH_INDEFINITE = re.compile(
    r"什么都|什么也|什么的|没什么|不怎么|怎么也|怎么都|怎么说呢|多多少少|多少也|多少都|多少有|谁都|谁也|"
    r"(什么|几|哪|谁|怎么|多少)[^。!?,]{0,8}(都|也)(行|可以|不|没|贷|一样|能|会|成|好|算)|(几|多少|什么)[^。!?,]{0,6}(就|才)|"
    r"[^。!?,]{0,4}多少[^。!?,]{0,8}多少|搁谁|换谁|谁都|谁也|谁遇到|谁碰到|不算什么|算不了什么|没啥|"
    r"哪儿都|哪里都|哪都|哪里哪里|(不管|无论|不论|不知|没想好|想好|看看)[^。!?,]*|不(理解|明白|知道|懂|清楚)(您|你|你们|您们)?(为什么|为啥|怎么|什么)|几乎|要不要(紧)?$"
)
_ZH_INTERROGATIVE = re.compile(
    r"什么|啥|怎么|怎样|为什么|为啥|干嘛|多少|(?<![十好么就没这那])几(?![十百千万])(个|年|天|次|家|位|岁|点|月|号|成|台|辆|套|间|种|户|亩|头|吨|万|十|百|千|回|趟|批|笔|张)|"
    r"哪(里|儿|个|些|家|种|年|天|位|边|方面|一)|谁|多久|多长|多大|多远|多高|多重|多快|如何|是否|有无|能否|可否|"
    r"([^不没\s])[不没]\3|有没有|可不可以|愿不愿意|方便不方便|还是[^。!?,]{1,12}(呢|\?|吗)?$"
)
_ZH_FINAL = re.compile(r"(吗|么|嘛)[\s?!.~]*$")
_ZH_NE = re.compile(r"呢[\s?!.~]*$")
_ZH_RHETORICAL = re.compile(
    r"难道|岂|何必|何苦|何尝|凭什么|怎么可能|怎么能|怎么好意思|哪有|哪能|哪里(有|会|能)这|谁(让|叫)(你|您)|"
    r"有什么(好|用|意思|了不起)(的|吗)|有什么可(说|怕|担心|骄傲|得意|牛)的|还用(说|问)|(这|那|我这|你这)不是[^。!?]{0,12}(吗|嘛)|懂什么|懂不懂|有意思吗|好意思吗|"
    r"(你|您)(真|还真)?以为|谁让|怪谁|还有脸|算什么东西|也配|听见没有|听到没有|懂了没有|明白没有|这都不(知道|懂|会)|能不能认真|(负|担)(责)?得起吗|负得了责|你猜|吃(了|饭了)?(吗|没)$|你好吗|怎么就|有什么不[^。!?,]{1,3}的|还(做|干|要|想|说)什么|"
    r"(自己|你|您)(就)?不(会|能|知道|记|看)[^。!?,]{0,8}吗|([\u4e00-\u9fff])什么\3|^喂[,]?[\u4e00-\u9fff]{1,5}(吗|么)|"
    r"什么(态度|玩意|东西)|干什么吃的|有什么关系|有完没完|烦不烦|是不是(傻|疯|有病)"
)
_EN_START = re.compile(
    r"^(?:(?:so|and|but|ok|okay|well|now|then|also|oh|right|sorry|hmm|just|out of curiosity|roughly|quickly|honestly|tell me|great|good|cool|thanks|by the way),?\s+){0,4}"
    r"(?:what|how|when|where|which|who|whom|whose|why|"
    r"(?:do|does|did|are|is|was|were|can|could|would|will|have|has|had|may|might|shall|should|am|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|haven't|hasn't)"
    r"\s+(?:you|your|we|they|it|there|the|this|that|he|she|i|anyone|anything|any|everything|all|those|these|our|my|his|her|their))\b"
)
_EN_EARLY_WH = re.compile(
    r"^(?!(?:i|you|we|they|he|she|it|that|this|there)\b)(?:[a-z',]+\s+){0,4}(?:what|which|how (?:much|many|long|often|far|big|soon)|whereabouts)\b(?! a\b| an\b| i\b| we\b| you need| i need| matters)"
)
_EN_EMBEDDED = re.compile(
    r"^(?:[a-z',]+\s+){0,4}(?:what|which|how|when|where|who|why)\s+(?:you|i|we|they|he|she|it)\s+(?!do\b|did\b|does\b)"
    r"|^which\b"
)
_EN_NOT_QUESTION = re.compile(
    r"^(?:how (?:nice|great|wonderful|lovely|amazing|awful|sad|kind|cool|interesting|exciting|terrible)|what an? |why not\b|who knows\b)"
)
_EN_RHETORICAL = re.compile(
    r"who do you think|what'?s the point|why would (?:anyone|anybody|i|you) (?:ever )?|how could you|how dare|isn'?t it obvious|"
    r"do you even|are you (?:kidding|serious|deaf|stupid)|what (?:do|did) you expect|who cares|what'?s wrong with you|"
    r"how many times|do you think i'?m|you even|can you not|^understood\??$|^got it\??$|have you been running|"
    r"you call (?:that|this)|since when do|^you think i|do you really think|can you even|who do you think you are|"
    r"^how are you(?: doing)?\??$|^how(?:'s| is) it going\??$"
)
_ZH_BACKCHANNEL = re.compile(
    r"^(真的吗|是吗|真的假的|不会吧|是嘛|啊|哦|嗯|真的|是不是真的)[?!~。]*$|^(要不要|要不)(喝|来|吃|坐)|^(喝|来)(点|杯|口)?(茶|水|咖啡)(吗|不)"
)
_PROPOSAL = re.compile(
    r"(可以吗|行吗|好吗|行不行|好不好|可不可以|成吗|怎么样|您看呢|你看呢|行不|好不|中不中|方便吗|您看行吗|您看可以吗|ok吗|如何)[\s?!.~]*$"
)
_ZH_PLAN = re.compile(r"(我们|咱们|咱|我)[^。!?,]{0,4}(今天|这周|明天|就|先|把|来|帮|给)")
_PROPOSER = re.compile(r"我|咱|要不|先|让|帮|给您|给你|这样")
_EN_PROPOSAL = re.compile(
    r"^(?:(?:so|great|ok|okay|right|then|good),? )?(?:(?:shall|should|can|could|may) (?:i|we)\b(?! ask)|(?:do you )?want me to\b|would you like (?:me to|a|an|some|to)\b|can i get you\b|do you mind if i\b|can you sign\b|why don't you\b|how can i help|anything else i can help|is that (?:mr|mrs|ms|miss)\b|have you got (?:a|two|a few) (?:minute|minutes|moment|sec))|"
    r"^(?:really|seriously|is that so|oh yeah|no way|oh really|are you sure)\??$|^(?:would|does|is) (?:that|this|it) (?:work|suit|be (?:ok|okay|alright|fine))\b|^(?:how about|what about|why don't (?:i|we))\b|^(?:ok|okay|alright|fair enough)\??$"
)
_CONFIRM_TAG = re.compile(
    r"(对吗|对吧|是吗|是吧|没错吧|没错吗|对不对|没记(岔|错)吧|没搞错吧|没说错吧|是这样吗|是这样吧|我理解得对吗|我说得对吗|是这个意思吧|是这个意思吗|是这意思吧|没理解错吧|我没说错吧|right|correct|is that right|is that correct|"
    r"yes|yeah|no|did i get that right|have i got that right|am i right|is that close|does that sound right|am i close|yeah\?)[\s?!.~]*$"
)


def clause_kind(clause: str, lang: str) -> str:
    """'question', 'rhetorical' or 'statement' for one clause of folded text."""
    body = clause.strip()
    if lang == "zh":
        if _ZH_RHETORICAL.search(body):
            return "rhetorical"
        if _ZH_BACKCHANNEL.search(body):
            return "proposal"
        probe = _ZH_INDEFINITE.sub("", body)
        if _PROPOSAL.search(probe) and (_PROPOSER.search(probe) or len(probe) <= 7):
            return "proposal"
        if probe.startswith("要不") or (
            body.endswith("?")
            and not _ZH_FINAL.search(probe)
            and not _ZH_INTERROGATIVE.search(probe)
            and _ZH_PLAN.search(probe)
        ):
            return "proposal"
        if body.endswith("?") or _ZH_FINAL.search(probe):
            return "question"
        if body.endswith(("。", ".", "!")):
            return "statement"  # "…差不了多少。": a full stop closes a statement
        if _ZH_INTERROGATIVE.search(probe):
            return "question"
        if _ZH_NE.search(probe) and len(probe) <= 8:
            return "question"
        return "statement"
    if _EN_RHETORICAL.search(body):
        return "rhetorical"
    if _EN_NOT_QUESTION.search(body):
        return "statement"
    if _EN_PROPOSAL.search(body):
        return "proposal"
    if body.endswith("?"):
        return "question"
    if body.endswith((".", "!")) or _EN_EMBEDDED.search(body):
        return "statement"  # "What the fee buys you is…." / "which tells me…"
    if _EN_START.search(body) or _EN_EARLY_WH.search(body):
        return "question"
    return "statement"


def is_confirm_tag(clause: str) -> bool:
    """True when the clause ends with a confirmation tag (对吗 / right?)."""
    return bool(_CONFIRM_TAG.search(clause.strip()))


def is_question_text(text: str, lang: str) -> bool:
    """True when any clause of already-folded text is a real question."""
    return any(clause_kind(text[s:e], lang) == "question" for s, e in clauses(text))


_ZH_WH = re.compile(
    r"什么|啥|怎么|怎样|为什么|为啥|多少|几|哪|谁|多久|多长|多大|如何|是否|有没有|是不是|能不能|会不会|要不要|还是"
)
_EN_WH = re.compile(r"\b(what|how|when|where|which|who|why|whose)\b")


def has_question_word(clause: str, lang: str) -> bool:
    """True when a question clause carries an interrogative word, not just a '?'."""
    return bool((_ZH_WH if lang == "zh" else _EN_WH).search(clause))
