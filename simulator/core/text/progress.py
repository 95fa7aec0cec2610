"""The progress screen, the practice history and the trainee's name."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # ---- keys ---------------------------------------------------------------------------
    "key.progress": ("进度", "Progress"),
    "tip.progress": (
        "每个技巧的走势、各场景最佳成绩、错题集",
        "Each technique's trend, your best per scenario, moments to retry",
    ),
    "key.name": ("改名", "Name"),
    "tip.name": ("设置或修改学员姓名", "Set or change the trainee's name"),
    "key.ptab1": ("走势", "Trends"),
    "key.ptab2": ("最佳", "Best"),
    "key.ptab3": ("错题", "Retry"),
    "key.retry_moment": ("从这一刻重练", "Retry here"),
    "tip.retry_moment": (
        "从这一刻开始重练,仪表回到当时的数值",
        "Start again at this moment, with the meters as they were",
    ),
    "cmd.progress": ("学习进度", "Progress"),
    "cmd.progress.help": (
        "每个技巧的走势、最佳成绩和错题集",
        "Technique trends, best results and moments to retry",
    ),
    "cmd.name": ("学员姓名…", "Trainee name…"),
    "cmd.name.help": (
        "设置或修改姓名(会写进每场练习的记录和导出)",
        "Set or change your name (stamped on every session and export)",
    ),
    # ---- the screen ------------------------------------------------------------------------
    "progress.title": ("学习进度", "Progress"),
    "progress.trainee": ("学员:{name}", "Trainee: {name}"),
    "progress.no_name": ("学员:未填写(按 N 填写)", "Trainee: not set (press N)"),
    "progress.sessions": ("共 {n} 场练习", "{n} sessions"),
    "progress.tab.trends": ("技巧走势", "Technique trends"),
    "progress.tab.best": ("最佳成绩", "Best results"),
    "progress.tab.moments": ("错题集({n})", "Retry list ({n})"),
    "progress.empty": (
        "还没有做完的练习。回到场景库(Esc)选一个场景,按 Enter 开始;"
        "做完一场后,这里会显示每个技巧的走势、最佳成绩和可以重练的错题。",
        "No finished sessions yet. Go back to the library (Esc), choose a scenario and press "
        "Enter; after your first session this screen shows each technique's trend, your best "
        "results and the moments you can retry.",
    ),
    "progress.loading": ("正在读取练习记录…", "Reading your sessions…"),
    "progress.unreadable": (
        "有 {n} 场记录无法读取,未计入。",
        "{n} saved session(s) could not be read and are left out.",
    ),
    "progress.trend.up": ("↑ 进步", "↑ better"),
    "progress.trend.down": ("↓ 退步", "↓ worse"),
    "progress.trend.flat": ("→ 持平", "→ steady"),
    "progress.trend.new": ("· 首次", "· first"),
    "progress.latest": ("最近 {taken}/{offered}", "latest {taken}/{offered}"),
    "progress.count": ("{n} 场", "{n} sess."),
    "progress.chart_note": (
        "每根柱子是一场练习(从旧到新):抓住的机会占应有机会的比例。",
        "Each column is one session, oldest first: the share of moments you took.",
    ),
    "progress.col.scenario": ("场景", "Scenario"),
    "progress.col.best": ("最佳", "Best"),
    "progress.col.result": ("结果", "Result"),
    "progress.col.sessions": ("场次", "Played"),
    "progress.col.date": ("日期", "Date"),
    "progress.no_best": ("还没有完整练完的场景。", "No whole session finished yet."),
    "progress.no_moments": (
        "没有要重练的地方:每个错过的技巧都已在之后的练习中用上。",
        "Nothing to retry: every technique you missed you have since shown at that moment.",
    ),
    "progress.moment.head": (
        "{title} · {beat} · 第 {turn} 轮 · {when}",
        "{title} · {beat} · turn {turn} · {when}",
    ),
    "progress.moment.missed": ("错过:{names}", "Missed: {names}"),
    "progress.moment.pitfalls": ("失误:{names}", "Pitfalls: {names}"),
    "progress.moment.said": ("你说:「{text}」", "You said: “{text}”"),
    "progress.moment.model": ("示范:「{text}」", "Model: “{text}”"),
    "progress.moment.help": (
        "Enter:从这一刻重练(客户说同一句话,仪表回到当时的数值)",
        "Enter: retry from this moment (same customer line, meters as they were)",
    ),
    "progress.retry_started": (
        "重练:{title} · {beat}(第 {turn} 轮的那一刻)",
        "Retrying: {title} · {beat} (the moment at turn {turn})",
    ),
    "progress.retry_missing": (
        "找不到这个场景,无法重练这一刻。",
        "This scenario is no longer in the library; the moment cannot be retried.",
    ),
    "chat.retry_mark": (" · 重练片段", " · retried moment"),
    "history.retry": ("(重练片段)", " (retried moment)"),
    # ---- the trainee's name ------------------------------------------------------------------
    "name.title": ("你叫什么名字?", "What is your name?"),
    "name.body": (
        "姓名会写进每场练习的记录和导出的报告,方便培训老师查看。"
        "可以跳过;以后在“学习进度”里按 N 或在命令面板(Ctrl+P)里修改。",
        "Your name is stamped on every finished session and on exported reports, for your "
        "trainer. You can skip this and set it later: N on the progress screen, or the "
        "command palette (Ctrl+P).",
    ),
    "name.placeholder": ("例如:张伟", "e.g. Zhang Wei"),
    "name.save": ("保存", "Save"),
    "name.skip": ("跳过", "Skip"),
    "name.saved": ("学员姓名:{name}", "Trainee name: {name}"),
    "name.cleared": ("已清除学员姓名", "Trainee name cleared"),
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
