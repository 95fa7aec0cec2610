"""Word lists the context stage reads: the customer's resistance, gift offers and
acceptances, hedges, promises denied, openers and ultimatums.

They separate a technique from its pitfall, which the reply alone cannot show:
pressure after a refusal is a technique, pressure at the first words is premature;
thanks after an offer of a gift accepts it.
"""

from __future__ import annotations

import re

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
