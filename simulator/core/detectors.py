"""Structural detectors: what a cue list cannot see on its own.

Cue patterns find words; these functions look at the shape of a reply: which clauses
are real questions and which are rhetorical, whether a cue is negated, whether the
reply restates the customer's own words, and the context tests that separate a
technique from its pitfall (bluffing, premature pressure, gifts declined).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from simulator.core.text import clauses

# ---- questions --------------------------------------------------------------------

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
    r"^(?:(?:so|and|but|ok|okay|well|now|then|also|oh|right|sorry|hmm|and so|just|out of curiosity|roughly|quickly|honestly|tell me|and tell me|great|good|cool|thanks|by the way),?\s+)*"
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


# ---- negation ---------------------------------------------------------------------

_ZH_NEG = re.compile(r"[不没别未无非勿莫]")
_ZH_NEG_FALSE = re.compile(
    r"不是不|并非不|不能不|没有不|不是没|不但|不仅|不光|不好意思|不错|非常|无论|毫无疑问|别人|别的|了不起|对不起|不简单|不容易|不少|不久|不断|不同|不过|不管|不然|差不多|无数|没想到"
)
_EN_NEG = re.compile(
    r"\b(?:not|never|no|hardly|nothing|nobody|neither|nor|without|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|cannot|won't|wouldn't|couldn't|shouldn't|haven't|hasn't)\b|n't\b"
)
_EN_NEG_FALSE = re.compile(
    r"\bnot (?:only|just|un\w+)\b|\bno doubt\b|\bcan't (?:stress|thank|tell you how)"
)


def negated(text: str, start: int, clause_start: int, lang: str) -> bool:
    """True when a negation sits just before `start` in the same clause."""
    if lang == "zh":
        window = text[max(clause_start, start - 4) : start]
        if _ZH_NEG_FALSE.search(text[max(clause_start, start - 5) : start + 1]):
            window = _ZH_NEG_FALSE.sub("", window)
        return bool(_ZH_NEG.search(window))
    window = text[max(clause_start, start - 24) : start]
    if _EN_NEG_FALSE.search(text[max(clause_start, start - 24) : start + 12]):
        return False
    words = window.split()[-4:]
    return bool(_EN_NEG.search(" ".join(words)))


# ---- restating the customer's own words ---------------------------------------------

_RESTATE_MARKER = {
    "zh": re.compile(
        r"(您|你)(刚才|刚刚|之前|前面|上次)?(的意思)?(是)?(说|讲|提到|讲到|说到)(?!得|的对)(的|过|了)?|也就是说|我先记下来|我记一下|那就是|我都记(上|下)了|(您|你)刚说|就是说|换句话说|我(再)?(确认|核对|重复|复述)(一下)?(?![^。!?,]{0,3}(再|后|回))|"
        r"(如果)?我没(听|理解)错(的话)?|(您|你)的意思是|我理解(的|得)?是|总结一下|听下来"
    ),
    "en": re.compile(
        r"\bso (what )?you('re| are) saying|\byou (said|mentioned|told me|just said)|\bif i (understand|heard|got) (you|that|this|it)|"
        r"\blet me get this straight|\bwhen you say\b|\byou're saying\b|\byou'd rather\b|^you (were|are|have|had|'ve|'re)\b|\byou mean\b|\blet me (make sure|confirm|recap|repeat|read)|\bjust to (confirm|make sure|be clear|recap|check)|\bin other words|"
        r"\bso (it's|that's|you've|you have|you're|you are|your)\b|\bto recap|\bit sounds like\b|\bsounds like (you|your)"
    ),
}
_FEELING = re.compile(
    r"担心|怕|着急|顾虑|不放心|生气|失望|委屈|难受|烦|累|压力|不满|焦虑|心里没底|"
    r"\b(worried|worry|concerned|afraid|upset|frustrated|angry|anxious|feel|feeling|stressed|scared|disappointed|nervous)\b"
)
_CONTENT = re.compile(r"[\u3400-\u9fff0-9a-z]")


def restatement(reply: str, context: str, lang: str) -> tuple[float, int, int, bool]:
    """How strongly the reply restates the context.

    Returns (weight, start, end, about_feelings); weight 0 when it does not.
    """
    if not context.strip():
        return (0.0, 0, 0, False)
    marker = _RESTATE_MARKER.get(lang, _RESTATE_MARKER["en"]).search(reply)
    tail = reply[marker.start() :] if marker else reply
    tagged = bool(_CONFIRM_TAG.search(reply.strip()))
    if not marker and not tagged:
        return (0.0, 0, 0, False)
    content = "".join(_CONTENT.findall(tail))
    ctx_content = "".join(_CONTENT.findall(context))
    if len(content) < 4 or len(ctx_content) < 4:
        return (0.0, 0, 0, False)
    if lang == "zh":
        score = fuzz.partial_ratio(content, ctx_content)
        shared = _shared_bigrams(content, ctx_content)
    else:
        score = fuzz.token_set_ratio(tail, context)
        shared = len(_words(tail) & _words(context))
    feeling = bool(_FEELING.search(tail))
    if marker and (score >= 55 or shared >= 4) and shared >= 2:
        start = marker.start()
        return (0.85 if score >= 70 else 0.7, start, len(reply), feeling)
    if tagged and (score >= 65 or shared >= 5) and shared >= 3:
        return (0.75, 0, len(reply), feeling)
    return (0.0, 0, 0, False)


_ECHO_START = re.compile(
    r"^(so|ok so|okay so|okay,? so|right,? so|great,? so|got it,? so|所以|那就是|也就是|好的,?那|嗯,?那|好,?那)"
)


def echo(reply: str, context: str, lang: str) -> float:
    """Weight of a restatement without a marker: a sentence of the reply re-says the customer's facts."""
    sentences = [part for part in re.split(r"(?<=[。!?.])", reply) if part.strip()] or [reply]
    return max(_echo(part, context, lang) for part in sentences)


def _echo(reply: str, context: str, lang: str) -> float:
    if not context.strip() or not reply.strip():
        return 0.0
    content = "".join(_CONTENT.findall(reply))
    ctx_content = "".join(_CONTENT.findall(context))
    if len(content) < 6 or len(ctx_content) < 6 or len(content) > 2.5 * len(ctx_content) + 10:
        return 0.0
    if lang == "zh":
        shared = _shared_bigrams(content, ctx_content)
        ratio = shared / max(1, len(content) - 1)
        numbers = len(
            set(re.findall(r"\d+|[一二三四五六七八九十百千万两]+", reply))
            & set(re.findall(r"\d+|[一二三四五六七八九十百千万两]+", context))
        )
        strong = ratio >= 0.45 and shared >= 5
    else:
        words = _words(reply)
        shared = len(words & _words(context))
        ratio = shared / max(1, len(words))
        numbers = len(set(re.findall(r"\d+", reply)) & set(re.findall(r"\d+", context)))
        strong = (ratio >= 0.4 and shared >= 3) or (
            bool(_ECHO_START.search(reply)) and shared >= 2 and ratio >= 0.25
        )
    if strong and (numbers or _ECHO_START.search(reply)):
        return 0.7
    return 0.0


_STOP = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "to",
    "of",
    "in",
    "on",
    "for",
    "is",
    "are",
    "was",
    "it",
    "that",
    "this",
    "you",
    "your",
    "i",
    "we",
    "so",
    "be",
    "with",
    "at",
    "as",
    "but",
    "do",
    "have",
    "my",
    "me",
    "just",
    "right",
}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text) if w not in _STOP and len(w) > 2}


def _shared_bigrams(a: str, b: str) -> int:
    grams = {b[i : i + 2] for i in range(len(b) - 1)}
    return sum(1 for i in range(len(a) - 1) if a[i : i + 2] in grams)


# ---- context tests for pitfalls ----------------------------------------------------

RESISTANCE = re.compile(
    r"不(给|提供|签|让|配合|同意|接受|愿意|肯|拿|交|拍|透露|办了|贷了|做了|想(说|给|谈|聊|提供|签|拿|让)|方便(给|看|提供|说|透露|让)?)|"
    r"别(看|查|问|去|管|拍|提|找)|不用(看|查|签|拍|去|了|解释|写|填|办)|就不(给|拿|签|让|拍|办|要|做|贷)|不能(给|接受|签|让|复印|删|去)|不会(给|签|配合|来|同意)|"
    r"算了|免了|省了|删掉|去掉|能不能(不|删|去掉|免|省)|凭什么|为什么要|为啥要|干嘛要|隐私|机密|保密|不行|不可能|拒绝|没必要|用不着|找不到|没法(给|提供)|"
    r"你们自己(找|去|要|看)|太(贵|高|麻烦)|我就(换|转|走)|不然我|否则我|"
    r"\b(refuse|won't|wouldn't|not (going to|gonna|giving|showing|signing|sharing|sending|letting|providing)|don't (want|need|have to|show|share|give|sign|see why)|"
    r"doesn't (sign|need|want)|can't (give|share|show|sign|provide)|rather (not|you didn't)|no way|none of your|my business|private|leave [a-z ]{1,20} out|strike|"
    r"remove|drop|skip|forget (it|about)|just use|why (do|should) (you|i)|too (expensive|much|high|steep)|match it|or i (move|leave|go|walk)|"
    r"not (comfortable|happy)|prefer (not|you didn't)|instead|i'm not)\b"
)
HEDGE = re.compile(
    r"不太清楚|不确定|不太确定|不太熟|接触不多|回去(问|查|确认|咨询|核实)|核实|确认一下|查一下|问一下|问问|了解清楚|回电|回复您|给您答复|请示|咨询(一下)?(相关|专业)?|"
    r"\b(not sure|let me (check|find out|confirm|ask)|i'll (find out|check|confirm|get back|call you back|ask)|i don't know|double-check|confirm with|check with|get back to you)\b"
)
PRODUCT_QUESTION = re.compile(
    r"业务|产品|规定|政策|条款|外汇|跨境|信用证|保函|汇率|税|信托|基金|理财|保险|期货|远期|结售汇|怎么算|区别|一样吗|适用|能用|支持|流程|标准|系统|能做|能办|办得了|合规|可以做|"
    r"\b(product|policy|rule|regulation|clause|scheme|derivative|hedge|swap|forward|letter of credit|guarantee|fx|tax|insurance|fund|cover|apply|support|difference|same as|work|allowed|possible|offer|"
    r"cross-border|vat|facility|deductible|programme|program|subsidy|qualify|eligible|treatment|accounting|export|import|currency)\b"
)
GIFT_OFFER = re.compile(
    r"礼物|礼品|红包|购物卡|心意|一点意思|请你|请您|做东|买单|我请|免费|不收钱|包(个|一)|全包|送(你|您|给)|拿着|收下|关照|打招呼|帮(你|您)|安排好|辛苦费|拿去|带回去|给(你|您)的|"
    r"\b(gift|present|envelope|voucher|on me|my treat|take this|for you|little something|hamper|free|come (have|for)|let me (buy|get|treat|take)|get you|i'll pay|invite you|join us|"
    r"token|bottle|keep the|brought you|take a (couple|box|few)|on the company|anything you need|hongbao|red envelope|use our|tickets|it's nothing|"
    r"villa|cottage|please take|please use|use it|vouchers|courtside|seats|dinner|lunch|mangoes|hamper)\b|算我的|记我账上|住我那|用我们的|收着"
)
GIFT_ACCEPT = {
    "zh": re.compile(
        r"^(好|行|那|谢|多谢|太|哎呀|哈哈|可以|没问题|成|走)|谢谢|谢了|多谢|感谢|麻烦(您|你)了|听(您|你)(的)?安排|恭敬不如从命|收(了|下)|拿着了|一定(来|去|到)|(周.|明天|到时候|回头|晚上|那|下周)见|就住|那就|替[^。!?]{0,4}谢"
    ),
    "en": re.compile(
        r"^(sure|great|thanks|thank you|oh|wow|alright|ok|okay|yes|yeah|lovely|perfect|why not)\b|\bi'd love\b|\bi owe you\b|\bjust this once\b|"
        r"\bsounds (good|great|lovely|perfect|amazing)\b|\bi'll take\b|\bsee you (there|then|tonight|on)\b|\bcount me in\b|\byou shouldn't have\b|"
        r"\bgo on then\b|\bi'd never say no\b|\bhappily take\b|\bwould be lovely\b|\bthank you\b|\bif you insist\b|\bi'll keep\b|\bi'll enjoy\b|\bi'd really appreciate\b|\bput my\b|\bthanks for the\b|\bi'll bring\b"
    ),
}
GIFT_DECLINED = re.compile(
    r"不能收|不能要|不收|不要了|不用了|心意(我)?领了|不合适|纪律|规定|退回|婉拒|不方便收|收不得|别破费|不敢收|还是我(来)?请|我请您|我来请|AA|各付各|"
    r"\b(can't|cannot|couldn't|not allowed to|must|have to|need to) (accept|take|decline)|\bpolicy (doesn't|does not|won't) (allow|let)|\bthank you,? but\b|\bi'll pay|\bmy treat\b|\bno,? thank|\blet me (get|pay|buy)\b|\bi'll get (this|lunch|dinner|the bill)|\bno no\b|\bput (that|it) away\b|\bkeep this clean\b|\b(rules|policy) on gifts\b|\bbut i can't\b|真不行|这个(真)?不行|不吃了|就不吃|饭就不|不去了|"
    r"(不能|不可以|不好|不便)(收|拿|要|接受)"
)
PROMISE_DENIED = re.compile(
    r"(不能|没法|不敢|无法|没办法|不好|不会)(跟您|给您|和您|向您)?(保证|承诺|打包票|打保票)|不是百分之百|不一定|"
    r"\b(can't|cannot|won't|couldn't|not able to|unable to) (guarantee|promise)|\bno guarantees?\b|\bnot guaranteed\b"
)


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


ULTIMATUM = re.compile(
    r"必须[^。!?]{0,10}(签|定|交|见)|不然(就|我|我们)|否则|就算了|不签(就|我)|作废|利率就(调|涨)|"
    r"\b(must (sign|decide|bring)|or else|otherwise|or i'll|or the)\b"
)
OPENER = re.compile(
    r"(先|丑)?把话说在前(头|面)|(规矩|话|丑话)(先)?(讲|说)在前(头|面)|先说好|先说清楚|开门见山|一上来|"
    r"\b(before we start|before anything else|first thing|from the start|before we go any further|let me be clear)\b"
)
NEUTRAL = re.compile(
    r"想问|问下|问一下|随便看看|商量|回来了|^早[。!]?$|没想好|还没(决定|定|想)|先(了解|看看|问问|比比)|了解(一下)?|咨询|介绍(一下)?|考虑|能不能(约|先看)|我填了|准备好了|带来了|尝尝|孩子|路上|堵不堵|"
    r"字[^。!?]{0,4}大|下周|出差|"
    r"\b(who's this|who is this|what brings you|just asking|tell me (a bit )?about|i'm the owner|here's the|i filled|i'll try|next week|thinking about|"
    r"not sure yet|haven't decided|looking into|wondering|could you tell me|what (kind|sort) of|just wanted|interested in|tell me more)\b"
)
OPENING = re.compile(
    r"来了|请坐|坐坐|坐吧|欢迎|您好|你好|进来|喝茶|喝水|喝口|喝杯|不急|早啊|早上好|"
    r"\b(hello|hi|hey|come in|welcome|have a seat|sit down|tea|water|coffee|good morning|nice to meet|find the place|find us|get here)\b"
)
WEAK_RAPPORT = {"rapport/zh/2", "rapport/zh/7", "rapport/en/1"}
"""Weather, traffic and seasons: warm-up at an opening, mere chatter elsewhere."""
