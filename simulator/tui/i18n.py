"""Every string the interface shows, in Chinese and English.

The interface language is independent of a scenario's language: labels, headings and
keys come from here; what the customer says, the briefing and the grader's reasons
come from the scenario. `t(key, lang, **values)` formats with `str.format`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from simulator.tui.i18n_progress import STRINGS as _progress_strings

LANGS = ("zh", "en")

_STRINGS: dict[str, tuple[str, str]] = {
    # ---- app and keys ------------------------------------------------------------
    "app.title": ("客户经理对话训练", "Customer-manager practice"),
    "key.language": ("English", "中文"),
    "tip.language": ("把界面切换为英文", "Switch the interface to Chinese"),
    "key.theme": ("明暗", "Theme"),
    "tip.theme": ("在浅色和深色主题之间切换", "Switch between light and dark themes"),
    "key.quit": ("退出", "Quit"),
    "tip.quit": ("退出程序(进行中的练习已自动保存)", "Quit (a session in progress is saved)"),
    "key.palette": ("命令", "Commands"),
    "tip.palette": ("打开命令面板", "Open the command palette"),
    "palette.placeholder": ("搜索命令…", "Search for commands…"),
    "cmd.language": ("切换界面语言", "Switch interface language"),
    "cmd.language.help": ("中文 ⇄ English", "Chinese ⇄ English"),
    "cmd.theme": ("切换明暗主题", "Toggle light/dark theme"),
    "cmd.theme.help": ("浅色和深色之间切换", "Switch between light and dark"),
    "cmd.themes": ("选择主题…", "Choose a theme…"),
    "cmd.themes.help": ("从所有主题中选择", "Pick from every theme"),
    "cmd.pace": ("客户打字节奏:{pace}", "Customer typing pace: {pace}"),
    "pace.off": ("关闭", "off"),
    "pace.fast": ("快速", "fast"),
    "pace.natural": ("自然", "natural"),
    "pace.off.help": ("客户立刻回答", "The customer answers at once"),
    "pace.fast.help": (
        "每句最多停 0.6 秒(默认);按任意键跳过",
        "At most 0.6 s a line (default); any key skips",
    ),
    "pace.natural.help": (
        "像真人打字,每句最多 2.5 秒;按任意键跳过",
        "Like a person typing, up to 2.5 s a line; any key skips",
    ),
    "pace.current": ("(当前)", " (current)"),
    "pace.set": (
        "客户打字节奏:{pace}(下次启动仍然有效)",
        "Customer typing pace: {pace} (kept for next time)",
    ),
    "cmd.library": ("场景库", "Scenario library"),
    "cmd.library.help": ("回到场景列表", "Back to the list of scenarios"),
    "cmd.history": ("练习记录", "Practice history"),
    "cmd.history.help": ("查看做过的练习和得分", "Past sessions and their scores"),
    "cmd.keys": ("快捷键", "Keys"),
    "cmd.keys.help": ("显示或隐藏快捷键说明", "Show or hide the key help panel"),
    "cmd.quit": ("退出", "Quit"),
    "cmd.quit.help": ("退出程序", "Leave the app"),
    "cmd.hint": ("提示", "Hint"),
    "cmd.hint.help": (
        "显示当前这一步的提示(教练模式)",
        "Show the hint for this moment (coach mode)",
    ),
    "cmd.end": ("结束练习", "End session"),
    "cmd.end.help": ("提前结束并查看反馈", "Stop now and see the feedback"),
    "cmd.export": ("导出报告", "Export report"),
    "cmd.export.help": ("保存为 Markdown 和 JSON", "Save as Markdown and JSON"),
    "cmd.retry": ("再练一次", "Try again"),
    "cmd.retry.help": ("用同一个场景重新开始", "Start the same scenario again"),
    "lang.zh": ("中文", "Chinese"),
    "lang.en": ("英文", "English"),
    "lang.zh.short": ("中文", "ZH"),
    "lang.en.short": ("英文", "EN"),
    "difficulty.easy": ("简单", "easy"),
    "difficulty.medium": ("中等", "medium"),
    "difficulty.hard": ("困难", "hard"),
    "mode.coach": ("教练模式", "Coach mode"),
    "mode.exam": ("考试模式", "Exam mode"),
    "mode.coach.short": ("教练", "coach"),
    "mode.exam.short": ("考试", "exam"),
    "mode.coach.help": (
        "每句话后标出用上的技巧和失误,可随时看提示。",
        "Each reply is tagged with techniques and pitfalls; hints any time.",
    ),
    "mode.exam.help": (
        "结束前没有标注和提示,像真实拜访一样。",
        "No tags or hints until the end, like a real visit.",
    ),
    "meter.trust": ("信任", "Trust"),
    "meter.patience": ("耐心", "Patience"),
    "ending.success": ("成功", "success"),
    "ending.partial": ("部分成功", "partial"),
    "ending.failure": ("失败", "failure"),
    "ending.walkout": ("客户离开", "walked out"),
    "ending.timeout": ("超时", "time up"),
    "ending.abandoned": ("中途结束", "ended early"),
    "quit.help": ("按 Ctrl+Q 退出(练习会自动保存)", "Press Ctrl+Q to quit (your session is saved)"),
    "none": ("无", "none"),
    "minutes": ("{n} 分钟", "{n} min"),
    # ---- library -----------------------------------------------------------------
    "library.title": ("场景库", "Scenario library"),
    "library.search": ("搜索标题、情境…", "Search titles, situations…"),
    "library.all_langs": ("全部语言", "All languages"),
    "library.all_levels": ("全部难度", "All levels"),
    "library.all_techniques": ("全部技巧", "All techniques"),
    "library.col.title": ("场景", "Scenario"),
    "library.col.lang": ("语言", "Lang"),
    "library.col.level": ("难度", "Level"),
    "library.col.techniques": ("练习技巧", "Techniques"),
    "library.col.minutes": ("分钟", "Min"),
    "library.col.best": ("最佳", "Best"),
    "library.stage": ("第 {n} 阶段 · {name}", "Stage {n} · {name}"),
    "library.stage.none": ("其他场景", "Other scenarios"),
    "library.loading": ("正在读取场景…", "Loading scenarios…"),
    "library.empty": ("没有找到场景。文件夹:{root}", "No scenarios found. Folder: {root}"),
    "library.no_match": (
        "没有符合条件的场景,试试清除筛选。",
        "No scenario matches; try clearing the filters.",
    ),
    "library.count": ("{shown}/{total} 个场景", "{shown} of {total} scenarios"),
    "library.broken": (
        "⚠ {n} 个场景文件无法读取,按 E 查看原因",
        "⚠ {n} scenario file(s) could not be read; press E to see why",
    ),
    "library.detail.pass": ("及格线 {n}", "pass mark {n}"),
    "library.detail.best": ("最佳成绩 {n}({verdict})", "best score {n} ({verdict})"),
    "library.detail.never": ("还没练过", "not practised yet"),
    "library.detail.open": ("按 Enter 查看简报并开始", "Press Enter for the briefing"),
    "key.open": ("打开", "Open"),
    "tip.open": ("查看所选场景的简报", "Open the briefing of the selected scenario"),
    "key.search": ("搜索", "Search"),
    "tip.search": ("跳到搜索框", "Jump to the search box"),
    "key.history": ("记录", "History"),
    "tip.history": ("查看做过的练习", "See your past sessions"),
    "key.problems": ("问题", "Problems"),
    "tip.problems": ("查看无法读取的场景文件", "Show scenario files that could not be read"),
    "key.clear": ("清除筛选", "Clear filters"),
    "tip.clear": ("清除搜索和筛选", "Clear the search and filters"),
    "problems.title": ("无法读取的场景文件", "Scenario files that could not be read"),
    "problems.intro": (
        "这些文件有错误,已跳过。修正后重新打开程序即可。",
        "These files have errors and were skipped. Fix them and restart the app.",
    ),
    # ---- dialogs -----------------------------------------------------------------
    "dialog.close": ("关闭", "Close"),
    "resume.title": ("有一场练习还没做完", "You have an unfinished session"),
    "resume.body": (
        "「{title}」· {mode} · 已回复 {n} 句 · 保存于 {when}",
        "“{title}” · {mode} · {n} repl(ies) · saved {when}",
    ),
    "resume.body_draft": (
        "「{title}」· {mode} · 已回复 {n} 句 · 保存于 {when}\n未发送的草稿:{draft}",
        "“{title}” · {mode} · {n} repl(ies) · saved {when}\nUnsent draft: {draft}",
    ),
    "resume.resume": ("继续练习", "Resume"),
    "resume.discard": ("放弃", "Discard"),
    "resume.later": ("以后再说", "Later"),
    "resume.failed": ("无法继续这场练习", "This session cannot be resumed"),
    "resume.failed.body": (
        "{message}\n\n可以放弃它,或者先保留。",
        "{message}\n\nDiscard it, or keep it for later.",
    ),
    "resume.took_over": (
        "这场练习上次由另一个已不在运行的程序打开(主机 {host},进程 {pid}),现由本程序接管。",
        "This session was left open by an instance that is no longer running "
        "(pid {pid} on {host}); this one has taken it over.",
    ),
    "resume.keep": ("保留", "Keep"),
    "store.damaged": (
        "有 {n} 份保存的记录已损坏,已移到 {folder}:{names}",
        "{n} saved record(s) could not be read and were moved to {folder}: {names}",
    ),
    "end.title": ("结束这场练习?", "End this session?"),
    "end.body": (
        "现在结束会按“中途结束”评分,并显示反馈。",
        "Ending now grades it as ended early and shows the feedback.",
    ),
    "end.yes": ("结束并评分", "End and grade"),
    "end.no": ("继续练习", "Keep going"),
    # ---- briefing ----------------------------------------------------------------
    "briefing.title": ("简报", "Briefing"),
    "briefing.task": ("任务", "Your task"),
    "briefing.meta": (
        "{lang} · {level} · 约 {minutes} 分钟 · 及格线 {pass_score}",
        "{lang} · {level} · about {minutes} min · pass mark {pass_score}",
    ),
    "briefing.situation": ("情境", "Situation"),
    "briefing.role": ("你的角色", "Your role"),
    "briefing.goal": ("目标", "Goal"),
    "briefing.objectives": ("要做到", "Objectives"),
    "briefing.persona": ("客户", "Customer"),
    "briefing.personality": ("性格", "Personality"),
    "briefing.background": ("背景", "Background"),
    "briefing.techniques": ("本场练习的技巧", "Techniques to practise"),
    "briefing.start": ("开始练习", "Start"),
    "key.start": ("开始", "Start"),
    "tip.start": ("以所选模式开始对话", "Start the conversation in the chosen mode"),
    "key.coach": ("教练", "Coach"),
    "tip.coach": ("选择教练模式", "Choose coach mode"),
    "key.exam": ("考试", "Exam"),
    "tip.exam": ("选择考试模式", "Choose exam mode"),
    "key.back": ("返回", "Back"),
    "tip.back": ("回到上一页", "Go back"),
    # ---- conversation --------------------------------------------------------------
    "chat.you": ("你", "You"),
    "chat.typing": ("{name}正在输入", "{name} is typing"),
    "chat.placeholder": (
        "输入你的回复,Enter 发送,Ctrl+J 换行",
        "Type your reply; Enter sends, Ctrl+J for a new line",
    ),
    "chat.counter": ("{n}/{max} 字", "{n}/{max} chars"),
    "chat.empty": ("先写点什么再发送。", "Write something before sending."),
    "chat.too_long": (
        "回复有 {n} 字,超过 {max} 字的上限,请删减后再发送。",
        "Your reply has {n} characters; the limit is {max}. Shorten it and send again.",
    ),
    "results.warning": (
        "成绩没有写入结果数据库(本机已保存这次练习):{error}",
        "Not written to the results database (this session is saved on this computer): {error}",
    ),
    "chat.wait": ("客户还没说完,请稍等。", "The customer is still talking; one moment."),
    "chat.finished": ("这场练习已经结束。", "This session has ended."),
    "chat.ending": ("结局:{kind} — {message}", "Ending: {kind} — {message}"),
    "chat.see_feedback": ("查看反馈", "See the feedback"),
    "chat.tag.taken": ("✓ {name}", "✓ {name}"),
    "chat.tag.credited": ("· {name}", "· {name}"),
    "chat.tag.misplaced": ("✗ 时机不对:{name}", "✗ wrong moment: {name}"),
    "chat.tag.pitfall": ("✗ {name}", "✗ {name}"),
    "chat.tag.repeat": ("✗ 重复", "✗ repeated"),
    "chat.tag.stuffing": ("✗ 像背话术", "✗ recited"),
    "chat.tag.none": ("(没有用上技巧)", "(no technique)"),
    "chat.revealed": ("★ 新信息:{label}", "★ New fact: {label}"),
    "chat.resumed": ("已恢复上次的练习。", "Session resumed."),
    "hint.title": ("提示", "Hint"),
    "hint.opportunities": ("此刻适合:{names}", "Good moves now: {names}"),
    "hint.none": (
        "这一步没有额外提示,顺着客户的话回应。",
        "No extra hint here; respond to what the customer said.",
    ),
    "hint.exam": (
        "考试模式下没有提示,结束后看反馈。",
        "No hints in exam mode; see the feedback at the end.",
    ),
    "side.persona": ("客户", "Customer"),
    "side.meters": ("状态", "Mood"),
    "side.facts": ("已问出的信息 {n}/{total}", "Facts uncovered {n}/{total}"),
    "side.facts.none": ("还没有问出关键信息", "Nothing uncovered yet"),
    "side.elapsed": ("用时 {time}", "Time {time}"),
    # ---- live preview (simulator preview) --------------------------------------------
    "key.undo": ("撤回", "Undo"),
    "tip.undo": ("撤回上一句回复", "Take back the last reply"),
    "key.restart": ("重来", "Restart"),
    "tip.restart": ("从头开始这场对话", "Start the conversation over"),
    "preview.title": ("预览 {file} · 第 {n} 版", "Preview {file} · version {n}"),
    "preview.problems": ("问题 {n} 个", "{n} problem(s)"),
    "preview.kept": (
        "文件有错误:对话仍用第 {n} 版(上一个正确的版本)",
        "The file has errors: the conversation stays on version {n}, the last good one",
    ),
    "preview.warnings_only": (
        "只有警告:对话已用新版本。",
        "Warnings only: the new version is in use.",
    ),
    "preview.line": ("第 {line} 行第 {col} 列", "line {line} col {col}"),
    "preview.now": ("现在", "Now"),
    "preview.beat": ("节点 {beat} · 已回复 {n} 轮", "beat {beat} · replies so far: {n}"),
    "preview.ended": ("已结束:{ending}", "Ended: {ending}"),
    "preview.facts": ("已说出的隐藏信息:{ids}", "Facts revealed: {ids}"),
    "preview.exits": ("下一句回复依次检查的转移:", "The next reply is checked against, in order:"),
    "preview.last": ("上一句回复(第 {n} 轮 · 节点 {beat})", "Last reply (turn {n} · beat {beat})"),
    "preview.last.none": ("上一句回复", "Last reply"),
    "preview.none_yet": ("还没有回复。", "No reply yet."),
    "preview.reloaded": (
        "已加载第 {n} 版,重放了 {k} 句回复",
        "Version {n} loaded: {k} replies replayed",
    ),
    "preview.reloaded.dropped": (
        "已加载第 {n} 版,重放了 {k} 句回复;新版本提前结束,后面 {m} 句未重放",
        "Version {n} loaded: {k} replies replayed; it ends sooner, {m} later ones dropped",
    ),
    "preview.broken": (
        "文件有 {n} 个错误,见调试面板;对话仍用上一个正确的版本",
        "The file has {n} error(s), see the debug panel; the conversation stays on the last good version",
    ),
    "preview.undone": ("已撤回上一句回复", "The last reply was taken back"),
    "preview.restarted": ("已从头开始", "Started over"),
    "preview.nothing_to_undo": ("还没有回复可以撤回", "No reply to take back yet"),
    "preview.finished": (
        "结局 {ending} · 得分 {score} · {passed}",
        "Ending {ending} · score {score} · {passed}",
    ),
    "preview.passed": ("通过", "passed"),
    "preview.not_passed": ("未通过", "not passed"),
    "key.send": ("发送", "Send"),
    "tip.send": ("发送这句回复", "Send this reply"),
    "key.newline": ("换行", "Newline"),
    "tip.newline": ("在回复里换行", "Insert a new line in the reply"),
    "key.hint": ("提示", "Hint"),
    "tip.hint": ("显示或隐藏这一步的提示", "Show or hide the hint for this moment"),
    "key.panel": ("侧栏", "Panel"),
    "tip.panel": ("显示或隐藏客户信息侧栏", "Show or hide the side panel"),
    "key.end": ("结束", "End"),
    "key.feedback": ("查看反馈", "Feedback"),
    "tip.feedback": ("打开这场练习的反馈", "Open the feedback for this session"),
    "tip.end": ("结束这场练习(会先确认)", "End this session (asks first)"),
    # ---- feedback ------------------------------------------------------------------
    "feedback.score": ("得分 {score}/100", "Score {score}/100"),
    "feedback.pass": ("✔ 通过", "✔ PASSED"),
    "feedback.fail": ("✘ 未通过", "✘ NOT PASSED"),
    "feedback.need": ("及格线 {n}", "pass mark {n}"),
    "feedback.tab.summary": ("概览", "Summary"),
    "feedback.tab.transcript": ("逐句回看", "Transcript"),
    "feedback.tab.missed": ("错过与信息", "Missed & facts"),
    "feedback.techniques": ("技巧(抓住/机会)", "Techniques (taken/offered)"),
    "feedback.misplaced": ("用错 {n}", "misplaced {n}"),
    "feedback.used": ("用了 {n} 次", "used {n}×"),
    "feedback.meters": ("指标走势", "Meters over the turns"),
    "feedback.suggestions": ("三条建议", "Top suggestions"),
    "feedback.select": (
        "选中一句你的回复,查看得分依据。",
        "Select one of your replies to see why it scored.",
    ),
    "feedback.turn": ("第 {n} 轮", "Turn {n}"),
    "feedback.customer": ("客户", "Customer"),
    "feedback.you": ("你", "You"),
    "feedback.why": ("依据", "Why"),
    "feedback.rule": ("规则 {rule}:「{text}」", "rule {rule}: “{text}”"),
    "feedback.like": (",像范例「{like}」", ", like the example “{like}”"),
    "feedback.no_evidence": (
        "这句话没有匹配到任何技巧或失误规则。",
        "No technique or pitfall rule matched this reply.",
    ),
    "feedback.changes": ("指标变化", "Meter changes"),
    "feedback.missed": ("错过的机会", "Missed opportunities"),
    "feedback.none_missed": ("没有错过的机会。", "No missed opportunities."),
    "feedback.cue": ("客户说", "Customer said"),
    "feedback.said": ("你说", "You said"),
    "feedback.better": ("更好的说法", "Better"),
    "feedback.no_model": (
        "这一刻没有这项技巧的示范回答",
        "no model reply for this technique at this moment",
    ),
    "feedback.ending_kind": ("结局:{kind}", "Ending: {kind}"),
    "feedback.pitfalls": ("失误", "Pitfalls"),
    "feedback.facts_found": ("问出的信息", "Facts uncovered"),
    "feedback.facts_missed": ("没问出的信息", "Facts missed"),
    "feedback.exported": ("报告已导出:\n{md}\n{json}", "Report exported:\n{md}\n{json}"),
    "feedback.no_retry": (
        "找不到这个场景,无法再练一次。",
        "This scenario is no longer in the library.",
    ),
    "key.retry": ("再练一次", "Try again"),
    "tip.retry": ("用同一场景重新开始", "Start this scenario again"),
    "key.export": ("导出", "Export"),
    "tip.export": ("把报告保存为 Markdown 和 JSON", "Save the report as Markdown and JSON"),
    "key.library": ("场景库", "Library"),
    "tip.library": ("回到场景库", "Back to the scenario library"),
    "key.tab1": ("概览", "Summary"),
    "key.tab2": ("逐句", "Transcript"),
    "key.tab3": ("错过", "Missed"),
    "key.missed": ("错过", "Missed"),
    "tip.missed": ("打开“错过与信息”页", "Open the Missed & facts tab"),
    "feedback.legend.good": ("计分的技巧", "credited"),
    "feedback.legend.seen": ("识别到但不计分", "seen, not credited"),
    "feedback.legend.bad": ("失误、时机不对或重复", "pitfall, wrong moment, repeat"),
    "tip.tab": ("切换到这一页", "Switch to this tab"),
    # ---- hot-seat relay --------------------------------------------------------------
    "key.relay": ("接力", "Relay"),
    "tip.relay": ("输入小组接力的名字", "Enter the names for a group relay"),
    "relay.label": ("小组接力:", "Relay names:"),
    "relay.placeholder": (
        "张三,李四,王五(留空为一人练习)",
        "Ann, Bo, Cy (leave empty for one trainee)",
    ),
    "relay.turn": (
        "▶ 轮到 {name} 回复(第 {n}/{total} 位)· 下一位:{next}",
        "▶ {name}'s turn ({n} of {total}) · next: {next}",
    ),
    "feedback.tab.group": ("小组", "Group"),
    "key.tab4": ("小组", "Group"),
    "key.group": ("小组", "Group"),
    "tip.group": ("打开小组页:每个人的得分", "Open the Group tab: each person's share"),
    "group.total": (
        "全组 {n} 人 · 得分 {score}/100 = 各人得分之和 + 结局 {ending}(超出 0–100 时截断)",
        "{n} people · score {score}/100 = everyone's points + ending {ending} (kept within 0-100)",
    ),
    "group.head": ("{n} 句 · 得分 {points}", "{n} replies · points {points}"),
    "group.turns": ("第 {turns} 轮", "turns {turns}"),
    "group.shown": ("用上", "Shown"),
    "group.taken": ("抓住机会", "took"),
    "group.missed": ("错过机会", "Missed"),
    "group.pitfalls": ("失误", "pitfalls"),
    "group.facts": ("问出", "Uncovered"),
    # ---- trainer's dashboard ----------------------------------------------------------
    "dash.title": ("课堂看板", "Class dashboard"),
    "dash.heading": (
        "课堂看板 · 班级 {code} · {live} 人在练 · {trainees} 人有成绩 · 更新 {time}",
        "Class {code} · {live} practising · {trainees} with results · read {time}",
    ),
    "dash.no_class": ("(未分班)", "(no class)"),
    "dash.tab.live": ("正在练习", "Live"),
    "dash.tab.leaders": ("排行榜", "Leaderboard"),
    "dash.tab.matrix": ("技巧表", "Techniques"),
    "dash.tab.mistakes": ("常见错误", "Mistakes"),
    "key.dash-live": ("正在练习", "Live"),
    "key.dash-leaders": ("排行榜", "Leaders"),
    "key.dash-matrix": ("技巧表", "Techniques"),
    "key.dash-mistakes": ("常见错误", "Mistakes"),
    "key.dash-refresh": ("刷新", "Refresh"),
    "tip.dash-refresh": ("立即重新读取", "Read the store now"),
    "key.dash-quit": ("退出", "Quit"),
    "dash.col.trainee": ("学员", "Trainee"),
    "dash.col.scenario": ("场景", "Scenario"),
    "dash.col.beat": ("阶段", "Beat"),
    "dash.col.turns": ("轮数", "Turns"),
    "dash.col.score": ("当前得分", "Score now"),
    "dash.col.updated": ("最后回复", "Last reply"),
    "dash.col.rank": ("名次", "#"),
    "dash.col.sessions": ("场次", "Sessions"),
    "dash.col.first": ("首次", "First"),
    "dash.col.best": ("最佳", "Best"),
    "dash.col.gain": ("进步", "Gain"),
    "dash.col.passed": ("通过", "Passed"),
    "dash.heat": ("✓用上 ✗错过:", "✓shown ✗missed:"),
    "dash.heat.high": ("多半用上", "mostly shown"),
    "dash.heat.mid": ("有用有漏", "mixed"),
    "dash.heat.low": ("多半错过", "mostly missed"),
    "dash.heat.none": ("还没有机会", "no chance yet"),
    "dash.kind.missed": ("错过", "Missed"),
    "dash.kind.pitfall": ("失误", "Pitfall"),
    "dash.better": ("更好的说法", "Better"),
    "dash.empty.live": ("现在没有人在练习", "Nobody is practising right now"),
    "dash.empty.leaders": ("还没有完成的练习", "No finished sessions yet"),
    "dash.empty.matrix": ("还没有完成的练习", "No finished sessions yet"),
    "dash.empty.mistakes": ("还没有记录到错误", "No mistakes recorded yet"),
    # ---- history ---------------------------------------------------------------------
    "history.title": ("练习记录", "Practice history"),
    "history.empty": (
        "还没有做完的练习。做完一场后会自动记录在这里。",
        "No finished sessions yet. Each one you finish is saved here.",
    ),
    "history.col.date": ("日期", "Date"),
    "history.col.scenario": ("场景", "Scenario"),
    "history.col.mode": ("模式", "Mode"),
    "history.col.score": ("得分", "Score"),
    "history.col.result": ("结果", "Result"),
    "history.col.turns": ("轮数", "Turns"),
    "history.folder": ("保存位置:{path}", "Saved in: {path}"),
    "history.pass": ("通过", "passed"),
    "history.fail": ("未通过", "not passed"),
}

_STRINGS.update(_progress_strings)


class Key(str):
    """A value that is itself an i18n key, translated when the text is formatted."""


def t(key: str, lang: str, /, **values: object) -> str:
    """The string for key in lang, formatted with values; the key itself when unknown."""
    pair = _STRINGS.get(key)
    if pair is None:
        return key
    text = pair[0] if lang == "zh" else pair[1]
    if not values:
        return text
    return text.format(**{k: t(v, lang) if isinstance(v, Key) else v for k, v in values.items()})


def has(key: str) -> bool:
    return key in _STRINGS


def keys() -> list[str]:
    return list(_STRINGS)


def detect(environ: Mapping[str, str] | None = None) -> str:
    """zh when the locale (LC_ALL, then LC_MESSAGES, then LANG) starts with zh, else en."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"
