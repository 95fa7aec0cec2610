"""`simulator new`: a commented starting point for a scenario, valid and tested as written.

One template per dialogue language; the situation fills in the title, the briefing
and the comments. Every part the format has is there once (a persona with two hidden
facts, three beats of which the last touches a bottom line, all four ending kinds,
three embedded tests), so a trainer edits rather than starts from nothing. The tests
in tests/test_new.py hold every situation and both languages to `validate --strict`
and `simulator test`.
"""

from __future__ import annotations

import re
from string import Template

from simulator.core.grading.catalogue import Catalogue, builtin

_ZH = Template("""\
# 新场景:$label($situation)
# 这是一个能直接运行的骨架:把 TODO 换成你的内容,每改一处就检查一次:
#   simulator validate --strict $file
#   simulator test $file
# 每个键的含义见 docs/scenario-format.md;中文长段落请用 | 书写,不要用 >-。
format: 1
id: $id  # 只用小写字母、数字、- _ .,在场景库里唯一
version: 1
title: "$label(TODO 起一个标题)"
language: zh
difficulty: medium  # easy、medium 或 hard
situation: $situation
tags: [TODO]
objectives: [暖场, 探询其他负债, 守住征信底线]
estimated_minutes: 8
pass_score: 60  # 0-100;success 或 partial 结局且分数达到它才算通过
briefing:  # 学员开始前读到的内容
  situation: "TODO 学员面对的情况:$label。"
  role: 客户经理
  goal: TODO 这次谈话要达成的目标
persona:
  name: 张老板
  role: TODO 客户的身份和生意
  personality: 直爽,但不喜欢被盘问
  background: [TODO 学员事先知道的一件事, TODO 另一件事]
  wants: TODO 客户想从这次见面得到什么
  meters:  # 信任或耐心降到 min,客户就走了(walkout 结局)
    trust: {start: 40, min: 0, max: 100, label: 信任}
    patience: {start: 60, min: 0, max: 100, label: 耐心}
  facts:  # 隐藏信息:条件成立之后客户才说出来
    - id: other_debt
      label: 在别处还有一笔借款
      says: 实话跟你说吧,我在别的地方还有一笔借款没还完。
      when: {technique: probing, phrase: [借款, 借过, 贷款, 负债], meter: {trust: {gte: 45}}}
      hint: 先建立信任,再问有没有其他借款
    - id: real_worry
      label: 真正担心的是周转
      says: 其实我最担心的是年底资金周转不过来。
      when: {technique: empathy}
      beats: [needs]  # 只在这个节点才可能说出
      hint: 先体会客户的难处,他才会说出真正的顾虑
start: opening
beats:
  - id: opening  # 第一个节点:暖场
    say: 来了?坐吧。我这生意做了十几年了。
    opportunities: [praise, rapport]  # 这里该用的技巧
    punishes: [pressure]  # 这里用了会扣分的技巧
    model_reply: 十几年可真不容易!您这店收拾得井井有条。
    hint: 先真诚地肯定客户,再谈正事
    evidence: {praise: [井井有条]}  # 本场景特有的说法,也算作证据
    effects:
      - when: {technique: praise}
        meters: {trust: 6}
        reason: 张老板被夸得很受用
    next:  # 按顺序检查,第一个成立的生效
      - when: {technique: [praise, rapport]}
        to: needs
      - when: {turns_in_beat: {gte: 3}}
        to: needs
    stay: 嗯。你们今天来是?
  - id: needs  # 第二个节点:探询,两条隐藏信息都在这里
    say: 行,你想了解什么就问吧。
    opportunities: [probing, empathy]
    model_reply: 除了我们,您最近还在别的地方借过款吗?
    hint: 体会他的难处,再问其他借款
    evidence: {probing: [借过款]}
    next:
      - when: {fact: other_debt}
        to: credit_report
      - when: {turns_in_beat: {gte: 5}}
        to: half_done
    stay: 还有什么要问的?
  - id: credit_report  # 第三个节点:底线。只有 bottom_line 的节点,施压才是正当的
    say: 征信报告就不用查了吧?我这人信用没问题的。
    bottom_line: true
    opportunities: [pressure]
    model_reply: 理解您的顾虑,不过查征信是硬性规定,没有它这笔贷款批不下来,您看怎么办?
    hint: 平静地讲清规定和后果,让客户自己选
    next:
      - when: {technique: pressure}
        to: agreed
      - when: {turns_in_beat: {gte: 3}}
        to: refused
    stay: 真的非查不可吗?
endings:  # 四种结局:success、partial、failure、walkout
  - id: agreed
    kind: success
    message: 你了解到了其他负债,客户也同意查征信。
    say: 行吧,按规矩来。
  - id: half_done
    kind: partial
    message: 谈完了,但没问到其他负债。
    say: 那就先这样吧。
  - id: refused
    kind: failure
    message: 客户不同意查征信,这笔贷款做不下去。
    say: 那我再考虑考虑吧。
  - id: walked_out
    kind: walkout
    message: 客户不想再谈了。
    say: 我还有事,你们回去吧。
tests:  # 内嵌测试:simulator test 会逐条回放这些回答
  - name: 示范路径
    replies:
      - 十几年可真不容易!您这店收拾得井井有条。
      - 除了我们,您最近还在别的地方借过款吗?
      - 理解您的顾虑,不过查征信是硬性规定,没有它这笔贷款批不下来,您看怎么办?
    expect: {ending: agreed, passed: true, facts: [other_debt], techniques: [praise, probing]}
  - name: 只应付不探询,谈完了也没问到
    replies: [嗯。, 好的。, 是吗。, 明白。, 行。, 哦。, 知道了。, 对。]
    expect: {ending: half_done, passed: false, missed_facts: [other_debt]}
  - name: 出言不逊,客户离开
    replies:
      - 你懂什么,少废话。
      - 这是你自己的问题,别浪费我时间。
      - 少废话,赶紧的。
      - 你懂什么?别跟我啰嗦。
      - 烦死了,少废话。
      - 这是你自己的问题。
    expect: {kind: walkout, passed: false}
""")

_EN = Template("""\
# New scenario: $label ($situation)
# A skeleton that runs as it is: replace each TODO with your own content and check
# after every change:
#   simulator validate --strict $file
#   simulator test $file
# What every key means: docs/scenario-format.md.
format: 1
id: $id  # lowercase letters, digits, - _ . only; unique in the library
version: 1
title: "$label (TODO: a title)"
language: en
difficulty: medium  # easy, medium or hard
situation: $situation
tags: [TODO]
objectives: [build rapport, ask about other debts, hold the credit-check bottom line]
estimated_minutes: 8
pass_score: 60  # 0-100; a pass needs a success or partial ending and this score
briefing:  # what the trainee reads first
  situation: "TODO the situation the trainee faces: $label."
  role: Relationship manager
  goal: TODO what this conversation should achieve
persona:
  name: Mr Zhang
  role: TODO who the customer is and what the business does
  personality: Straightforward, dislikes being interrogated
  background: [TODO one thing the trainee knows beforehand, TODO another]
  wants: TODO what the customer wants from this meeting
  meters:  # trust or patience at min ends the session as a walkout
    trust: {start: 40, min: 0, max: 100, label: Trust}
    patience: {start: 60, min: 0, max: 100, label: Patience}
  facts:  # hidden facts: the customer says them only once the condition holds
    - id: other_debt
      label: Another loan elsewhere
      says: To be honest, I still have another loan with a different lender.
      when: {technique: probing, phrase: [loan, borrowed, debt], meter: {trust: {gte: 45}}}
      hint: Build trust first, then ask about other borrowing
    - id: real_worry
      label: The real worry is cash flow
      says: What really worries me is cash flow at the end of the year.
      when: {technique: empathy}
      beats: [needs]  # can come out only in this beat
      hint: Acknowledge the pressure the customer is under and the real worry comes out
start: opening
beats:
  - id: opening  # first beat: rapport
    say: Come in, have a seat. I've been running this place for fifteen years.
    opportunities: [praise, rapport]  # what this moment calls for
    punishes: [pressure]  # what this moment punishes
    model_reply: Fifteen years is a real achievement, and the shop is so well organised.
    hint: Affirm something real before getting down to business
    evidence: {praise: [so well organised]}  # phrases of this scenario that count too
    effects:
      - when: {technique: praise}
        meters: {trust: 6}
        reason: Mr Zhang is pleased by the praise
    next:  # checked in order; the first that holds is followed
      - when: {technique: [praise, rapport]}
        to: needs
      - when: {turns_in_beat: {gte: 3}}
        to: needs
    stay: So, what brings you here today?
  - id: needs  # second beat: probing; both hidden facts live here
    say: Fine, ask what you need to know.
    opportunities: [probing, empathy]
    model_reply: Apart from us, have you borrowed from anyone else recently?
    hint: Acknowledge his situation, then ask about other loans
    evidence: {probing: [borrowed from anyone else]}
    next:
      - when: {fact: other_debt}
        to: credit_report
      - when: {turns_in_beat: {gte: 5}}
        to: half_done
    stay: Anything else you want to ask?
  - id: credit_report  # third beat: a bottom line; only here is pressure legitimate
    say: Surely you don't need to pull my credit report? My credit is fine.
    bottom_line: true
    opportunities: [pressure]
    model_reply: >-
      I understand your concern, but the credit check is mandatory:
      without it we cannot approve the loan. It's your call.
    hint: State the rule and its consequence calmly, and let the customer choose
    next:
      - when: {technique: pressure}
        to: agreed
      - when: {turns_in_beat: {gte: 3}}
        to: refused
    stay: Do you really have to check it?
endings:  # the four kinds: success, partial, failure, walkout
  - id: agreed
    kind: success
    message: You learned about the other debt and the customer agreed to the credit check.
    say: All right, let's do it by the book.
  - id: half_done
    kind: partial
    message: The meeting ended, but you never learned about the other debt.
    say: Let's leave it there for now.
  - id: refused
    kind: failure
    message: The customer refused the credit check; the loan cannot go ahead.
    say: I'll think about it.
  - id: walked_out
    kind: walkout
    message: The customer did not want to talk any more.
    say: I have things to do. Please leave.
tests:  # embedded tests: simulator test replays each of them
  - name: model path
    replies:
      - Fifteen years is a real achievement, and the shop is so well organised.
      - Apart from us, have you borrowed from anyone else recently?
      - >-
        I understand your concern, but the credit check is mandatory:
        without it we cannot approve the loan. It's your call.
    expect: {ending: agreed, passed: true, facts: [other_debt], techniques: [praise, probing]}
  - name: going along without asking misses the debt
    replies: [Okay., Right., I see., Sure., Fine., Hmm., Got it., Yes.]
    expect: {ending: half_done, passed: false, missed_facts: [other_debt]}
  - name: rude replies end in a walkout
    replies:
      - You don't know anything, shut up.
      - That's your problem, stop wasting my time.
      - Shut up and listen, idiot.
      - That's your problem, not mine. Shut up.
      - You're an idiot.
      - Stop whining, that's your problem.
    expect: {kind: walkout, passed: false}
""")

_TEMPLATES = {"zh": _ZH, "en": _EN}


def scenario_id(file_name: str) -> str:
    """An id from a file name: `Kiwi Farmer.zh.yaml` gives `kiwi-farmer.zh`."""
    stem = re.sub(r"\.ya?ml$", "", file_name)
    text = re.sub(r"\s+", "-", stem.strip().lower())
    text = re.sub(r"[^a-z0-9_.-]", "", text).strip("-_.")
    return re.sub(r"-{2,}", "-", text) or "new-scenario"


def skeleton(
    situation: str, language: str, file_name: str, catalogue: Catalogue | None = None
) -> str:
    """The skeleton text; ValueError for an unknown situation or language."""
    catalogue = catalogue or builtin()
    if language not in _TEMPLATES:
        raise ValueError(f"unknown language {language!r}: zh or en")
    if situation not in catalogue.situations:
        known = ", ".join(catalogue.situations)
        raise ValueError(f"unknown situation {situation!r}; known: {known}")
    label = catalogue.situations[situation].get(language, situation)
    return _TEMPLATES[language].substitute(
        situation=situation, label=label, file=file_name, id=scenario_id(file_name)
    )
