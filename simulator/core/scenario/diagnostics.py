"""Validation problems in the trainer's language: Chinese or English, codes unchanged.

Problems are written in English where they are found (the loader, the spec checks, the
validator). `localise` translates one for display, by the shape of its message: each
English template below has its Chinese twin. A message with no twin stays English, so a
new check is never silenced by a missing translation (a test holds every code to one).

These templates stay here rather than in the text table (simulator.core.text): a problem
is not looked up by a key but recognised by its English sentence, which is written once
where the problem is found and stays the stable, greppable form (CI logs, tests, `file:
line:col: CODE: message`). Moving them to keys would mean a key and a values record in
every Problem the loader, spec and validator make, for the same two languages. The
table holds only the words around a problem (hint, warning, the summary line).
"""

from __future__ import annotations

import re
from dataclasses import replace

from simulator.core.errors import Problem
from simulator.core.text import t

_MESSAGES: tuple[tuple[str, str], ...] = (
    # reading the file
    (r"cannot read the file: (?P<e>.*)", "无法读取文件:{e}"),
    (r"YAML syntax: (?P<e>.*)", "YAML 语法错误:{e}"),
    (r"not UTF-8 text \(byte (?P<n>\d+)\)", "不是 UTF-8 文本(第 {n} 字节)"),
    (r"the file is empty", "文件是空的"),
    (r"the file holds no data", "文件里没有数据"),
    (r"the file is (?P<n>[\d,]+) bytes; the limit is (?P<m>[\d,]+)", "文件有 {n} 字节,上限是 {m}"),
    (r"tag (?P<t>.+) is not allowed", "不允许使用标签 {t}"),
    (r"merge keys \(<<\) are not supported", "不支持合并键(<<)"),
    (
        r"the file expands to more than (?P<n>\d+) values \(an alias bomb\?\)",
        "文件展开后超过 {n} 个值(别名炸弹?)",
    ),
    (r"duplicate key (?P<k>.+)", "重复的键 {k}"),
    (
        r"lists and mappings are nested more than (?P<n>\d+) levels deep",
        "列表和映射嵌套超过 {n} 层",
    ),
    (r"cannot read the value (?P<v>.+): too many digits", "无法读取值 {v}:位数太多"),
    (r"cannot read the value (?P<v>.+): not a valid (?P<k>\w+)", "无法读取值 {v}:不是有效的 {k}"),
    (r"mapping keys must be plain text", "映射的键必须是普通文本"),
    # typing slips
    (
        r"a tab in the indentation \(YAML indents with spaces only\)",
        "缩进里有制表符(YAML 只能用空格缩进)",
    ),
    (
        r"a tab in the middle of the line \(YAML separates words and values with spaces\)",
        "行中间有制表符(YAML 用空格分隔词和值)",
    ),
    (r"a full-width colon 「：」 after the key '(?P<k>[^']+)'", "键 '{k}' 后面用了全角冒号「：」"),
    (r"a full-width space \(U\+3000\) in the indentation", "缩进里有全角空格(U+3000)"),
    (
        r"a full-width comma 「，」 inside the list keeps (?P<v>.+) as one item",
        "列表里用了全角逗号「，」,{v} 被当成了一项",
    ),
    (
        r"a full-width comma 「，」 between the entries of \{…\}",
        "{{…}} 的各项之间用了全角逗号「，」",
    ),
    # the spec
    (r"(?P<f>\S+) should be (?P<a>.+), not (?P<b>\S+)", "{f} 应该是{a},而不是 {b}"),
    (
        r"(?P<f>\S+) (?P<v>'.*') breaks the id rule: lowercase letters, digits, '-', '_' and '\.', "
        r"starting with a letter or digit",
        "{f} {v} 不符合 id 规则:只能用小写字母、数字、'-'、'_' 和 '.',并以字母或数字开头",
    ),
    (r"(?P<f>\S+) is (?P<v>.+); expected one of: (?P<o>.+)", "{f} 是 {v};应为以下之一:{o}"),
    (r"(?P<f>\S+) must be at least (?P<n>\S+)", "{f} 至少是 {n}"),
    (r"(?P<f>\S+) must be at most (?P<n>\S+)", "{f} 最多是 {n}"),
    (r"(?P<f>\S+) is missing '(?P<k>[^']+)'", "{f} 缺少 '{k}'"),
    (r"unknown key '(?P<k>[^']+)' in (?P<f>\S+)", "{f} 里有未知的键 '{k}'"),
    (
        r"a scenario file is a mapping of keys \(format, id, title, …\)",
        "场景文件是键的映射(format、id、title……)",
    ),
    (r"score is \[low, high\] with low <= high", "score 写作 [下限, 上限],且下限 <= 上限"),
    # conditions
    (
        r"a condition is a non-empty mapping, e\.g\. \{technique: praise\}",
        "条件是非空映射,例如 {{technique: praise}}",
    ),
    (r"'(?P<k>\w+)' takes text or a list of text", "'{k}' 接受文本或文本列表"),
    (r"'(?P<k>\w+)' takes true or false", "'{k}' 接受 true 或 false"),
    (
        r"'meter' takes a mapping like \{trust: \{gte: 60\}\}",
        "'meter' 接受映射,例如 {{trust: {{gte: 60}}}}",
    ),
    (r"'(?P<k>\w+)' takes a non-empty list of conditions", "'{k}' 接受非空的条件列表"),
    (r"unknown condition '(?P<k>[^']+)'", "未知的条件 '{k}'"),
    (r"a comparison is a mapping like \{gte: 3\}", "比较是映射,例如 {{gte: 3}}"),
    (r"unknown comparison '(?P<k>[^']+)'", "未知的比较 '{k}'"),
    (r"compare with a number", "要与数字比较"),
    # references
    (r"unknown (?P<w>[\w ]+) '(?P<n>[^']*)'", "未知的{w} '{n}'"),
    (r"the persona needs a '(?P<m>\w+)' meter", "客户需要 '{m}' 指标"),
    (r"meter '(?P<m>[^']+)' starts outside \[min, max\]", "指标 '{m}' 的初始值不在 [min, max] 内"),
    (r"duplicate fact id '(?P<i>[^']+)'", "重复的隐藏信息 id '{i}'"),
    (r"duplicate beat id '(?P<i>[^']+)'", "重复的节点 id '{i}'"),
    (r"duplicate id '(?P<i>[^']+)'", "重复的 id '{i}'"),
    (r"a scenario needs at least one ending", "场景至少需要一个结局"),
    (
        r"scenario id '(?P<i>[^']+)' is also used by (?P<f>.+)",
        "场景 id '{i}' 已被 {f} 使用",
    ),
    (r"the file cannot be loaded \((?P<e>.*)\)", "文件无法加载({e})"),
    # soundness
    (
        r"beat '(?P<b>[^']+)' has an empty say: the customer would say nothing on arriving",
        "节点 '{b}' 的 say 是空的:客户到这里一句话也不说",
    ),
    (
        r"no path can pass: every ending a path can reach is a failure: (?P<e>.+)",
        "没有任何路径能通过:能到达的结局都是失败:{e}",
    ),
    (
        r"fact '(?P<f>[^']+)' can never be revealed: its condition needs fact '[^']+' itself",
        "隐藏信息 '{f}' 永远不会说出:它的条件需要它自己",
    ),
    (
        r"fact '(?P<f>[^']+)' can never be revealed: its condition needs fact\(s\) (?P<n>.+), "
        r"which can never be revealed first",
        "隐藏信息 '{f}' 永远不会说出:它的条件需要 {n},而这些永远不会先说出",
    ),
    (
        r"fact '(?P<f>[^']+)' can never be revealed: its beats \((?P<b>.+)\) are reached only "
        r"after fact\(s\) (?P<n>.+) are revealed \(a circle\)",
        "隐藏信息 '{f}' 永远不会说出:它的节点({b})要在 {n} 说出之后才能到达(循环)",
    ),
    (
        r"fact '(?P<f>[^']+)' can never be revealed: its beats \((?P<b>.+)\) are reached only "
        r"after fact\(s\) (?P<n>.+) are revealed",
        "隐藏信息 '{f}' 永远不会说出:它的节点({b})要在 {n} 说出之后才能到达",
    ),
    (
        r"fact '(?P<f>[^']+)' can never be revealed: none of its beats \((?P<b>.+)\) can be "
        r"reached from '(?P<s>[^']+)'",
        "隐藏信息 '{f}' 永远不会说出:从 '{s}' 到不了它的任何节点({b})",
    ),
    # warnings
    (
        r"the model reply of beat '(?P<b>[^']+)' earns none of (?P<a>.+) "
        r"\(the grader credits: (?P<c>.+)\)",
        "节点 '{b}' 的示范回答没有得到 {a} 中的任何一项(评分器认可:{c})",
    ),
    (
        r"the model reply for (?P<t>\S+) in beat '(?P<b>[^']+)' does not earn (?P=t) "
        r"\(the grader credits: (?P<c>.+)\)",
        "节点 '{b}' 里 {t} 的示范回答没有得到 {t}(评分器认可:{c})",
    ),
    (r"beat '(?P<b>[^']+)' cannot be reached from '(?P<s>[^']+)'", "从 '{s}' 到不了节点 '{b}'"),
    (r"beat '(?P<b>[^']+)' has no way out", "节点 '{b}' 没有出口"),
    (
        r"beat '(?P<b>[^']+)' has opportunities but no model_reply",
        "节点 '{b}' 有 opportunities 但没有 model_reply",
    ),
    (
        r"condition needs (?P<t>.+), which this beat punishes \(never credited here\)",
        "条件需要 {t},但本节点惩罚它(在这里永远不会得分)",
    ),
    (r"no path reaches ending '(?P<e>[^']+)'", "没有路径到达结局 '{e}'"),
    (r"fact '(?P<f>[^']+)' can never be revealed", "隐藏信息 '{f}' 永远不会说出"),
    (
        r"fact '(?P<f>[^']+)' needs (?P<t>.+), which no beat offers",
        "隐藏信息 '{f}' 需要 {t},但没有节点提供",
    ),
    (
        r"pass_score (?P<p>\d+) is above the best reachable score (?P<c>\d+)",
        "pass_score {p} 高于能达到的最高分 {c}",
    ),
    (r"no embedded tests", "没有内嵌测试"),
)

_HINTS: tuple[tuple[str, str], ...] = (
    (r"did you mean '(?P<x>[^']+)'\?", "是不是想写 '{x}'?"),
    (r"known: (?P<x>.+)", "已有:{x}"),
    (r"allowed: (?P<x>.+)", "允许:{x}"),
    (r"use one of: (?P<x>.+)", "可用:{x}"),
    (r"use gte, gt, lte, lt or eq", "用 gte、gt、lte、lt 或 eq"),
    (r"for example '(?P<x>[^']*)'", "例如 '{x}'"),
    (r"write an ASCII colon and a space: '(?P<k>[^']+): '", "改成半角冒号加空格:'{k}: '"),
    (
        r"replace the tab with spaces; set your editor to insert spaces for Tab",
        "把制表符换成空格;把编辑器设置为按 Tab 键插入空格",
    ),
    (r"replace the tab with a space", "把制表符换成空格"),
    (
        r"separate the entries with an ASCII comma ', '",
        "用半角逗号 ', ' 分隔各项",
    ),
    (
        r"indent with ordinary half-width spaces; switch the input method to half-width \(半角\) "
        r"for indentation",
        "用普通的半角空格缩进;缩进时把输入法切换到半角",
    ),
    (
        r"separate items with an ASCII comma ', ', or quote the item if the comma belongs to the text",
        "用半角逗号 ', ' 分隔各项;如果逗号本来就是文字的一部分,就给这一项加上引号",
    ),
    (
        r"write text; quote it if it starts with a special character, e\.g\. (?P<x>.+)",
        "写文本;如果以特殊字符开头就加引号,例如 {x}",
    ),
    (r"write a whole number, e\.g\. 60", "写一个整数,例如 60"),
    (r"write a number, e\.g\. 5 or -2\.5", "写一个数字,例如 5 或 -2.5"),
    (r"write true or false", "写 true 或 false"),
    (r"write a list: \[a, b\] or one '- item' per line", "写成列表:[a, b],或每行一个 '- 项'"),
    (
        r"indent its keys under it, one 'key: value' per line",
        "在它下面缩进写键,每行一个 'key: value'",
    ),
    (r"write a condition such as \{technique: praise\}", "写一个条件,例如 {{technique: praise}}"),
    (r"check indentation and quoting on this line", "检查这一行的缩进和引号"),
    (r"start from docs/scenario-format\.md", "参照 docs/scenario-format.md 开始写"),
    (
        r"start from the example in docs/scenario-format\.md",
        "参照 docs/scenario-format.md 里的示例",
    ),
    (r"save the file as UTF-8", "把文件存为 UTF-8"),
    (r"split it or remove what it does not need", "拆分文件或删去不需要的内容"),
    (r"keep one of the two", "保留其中一个"),
    (r"write the keys out", "把键逐个写出来"),
    (
        r"write a short number, or quote the value to keep it as text",
        "写短一点的数字,或加引号当作文本",
    ),
    (r"give each beat its own id", "每个节点用不同的 id"),
    (r"ending and beat ids must all differ", "结局和节点的 id 必须各不相同"),
    (
        r"give each scenario its own id; the library would show only one of them",
        "每个场景用不同的 id;否则场景库只会显示其中一个",
    ),
    (r"write at least one line, e\.g\. say: (?P<x>.+)", "至少写一句,例如 say: {x}"),
    (
        r"add a success or partial ending and a transition that leads to it",
        "加一个 success 或 partial 结局,并加一条通向它的转移",
    ),
    (r"remove 'fact: (?P<f>[^']+)' from its when", "从它的 when 里去掉 'fact: {f}'"),
    (
        r"break the circle: gate one of them on the conversation, not on a fact",
        "打破循环:让其中一个取决于对话本身,而不是另一条隐藏信息",
    ),
    (
        r"let a path reach one of its beats without that fact, or list another beat",
        "让某条路径不靠这条信息也能到达它的节点,或者换一个节点",
    ),
    (
        r"list a beat a path reaches under beats, or add a transition to one",
        "在 beats 里列一个能到达的节点,或者加一条通向它的转移",
    ),
    (r"add a transition to it or remove it", "加一条通向它的转移,或者删掉它"),
    (
        r"add a 'next' entry leading to another beat or an ending",
        "加一条 next,通向另一个节点或结局",
    ),
    (r"write the reply a senior manager would give here", "写出资深客户经理在这里会怎么说"),
    (r"remove it from punishes or change the condition", "把它从 punishes 里去掉,或者改条件"),
    (r"add a transition to it", "加一条通向它的转移"),
    (r"its meter condition lies outside the meter's range", "它的指标条件超出了指标的范围"),
    (r"add it to a beat's opportunities", "把它加到某个节点的 opportunities 里"),
    (r"lower it or add a path to a success ending", "调低它,或加一条通向 success 结局的路径"),
    (
        r"rephrase it so it plainly does what the technique asks, or add the beat's own phrases "
        r"under evidence",
        "改写它,让它明确做到这项技巧,或者把本节点的说法加到 evidence 里",
    ),
    (
        r"add a model path, a poor path and a walkout",
        "加一条示范路径、一条较差路径和一条客户离开的路径",
    ),
    (
        r"rephrase it so it plainly does what the beat asks, or add the beat's own phrases under evidence",
        "改写它,让它明确做到本节点要求的事,或者把本节点的说法加到 evidence 里",
    ),
    (
        r"run simulator validate on it and report this message",
        "对它运行 simulator validate,并报告这条信息",
    ),
)

_WORDS = {
    "technique": "技巧",
    "pitfall": "失误",
    "situation": "情境",
    "beat": "节点",
    "beat or ending": "节点或结局",
    "fact": "隐藏信息",
    "meter": "指标",
    "ending": "结局",
    "text": "文本",
    "a whole number": "整数",
    "a number": "数字",
    "true or false": "true 或 false",
    "a list": "列表",
    "a mapping": "映射",
    "a condition (a mapping)": "条件(映射)",
}
_WORD_GROUPS = ("w", "a")
"""Groups that hold one of the words above (the rest are ids and values, kept as written)."""


def _compiled(table: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(pattern + r"\Z", re.S), zh) for pattern, zh in table]


_MESSAGE_RES = _compiled(_MESSAGES)
_HINT_RES = _compiled(_HINTS)


def _translate(text: str, table: list[tuple[re.Pattern[str], str]]) -> str:
    for pattern, zh in table:
        match = pattern.match(text)
        if match:
            fields = {
                k: " 或 ".join(_WORDS.get(w, w) for w in v.split(" or "))
                if k in _WORD_GROUPS
                else v
                for k, v in match.groupdict().items()
            }
            return zh.format(**fields)
    return text


def _hint(text: str) -> str:
    whole = _translate(text, _HINT_RES)
    if whole != text or "; " not in text:
        return whole
    return ";".join(_translate(part, _HINT_RES) for part in text.split("; "))


def localise(problem: Problem, lang: str) -> Problem:
    """The problem with its message and hint in `lang` ('zh' or 'en'); code and place kept."""
    if lang != "zh":
        return problem
    return replace(
        problem, message=_translate(problem.message, _MESSAGE_RES), hint=_hint(problem.hint)
    )


def format_problem(problem: Problem, lang: str) -> str:
    """`file:line:col: CODE: message (hint: …)` in `lang`, with a [warning] mark for W codes."""
    shown = localise(problem, lang)
    text = f"{shown.file}:{shown.line}:{shown.col}: {shown.code}: {shown.message}"
    if shown.hint:
        hint = t("problem.hint", lang)
        text += f"({hint}:{shown.hint})" if lang == "zh" else f" ({hint}: {shown.hint})"
    return text if problem.is_error else f"{text} [{t('problem.warning', lang)}]"
