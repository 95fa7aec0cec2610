"""The classroom's web pages (simulator classroom serve): login, the play page, the
trainer's key and dashboard. Templates call `t('web.…')` with the visitor's language."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # ---- login
    "web.app_name": ("客户经理对话演练 · 课堂", "Customer conversation practice · classroom"),
    "web.login_title": ("进入课堂", "Join the class"),
    "web.login_intro": (
        "输入讲师给出的课堂代码和你的工号（或姓名），进入后直接在浏览器里练习。",
        "Type the class code your trainer gave you and your staff number (or name); "
        "you then practise right here in the browser.",
    ),
    "web.class_code": ("课堂代码", "Class code"),
    "web.trainee_id": ("工号或登录名", "Staff number or login"),
    "web.trainee_id_hint": (
        "用于保存你的练习记录；下次用同一个登录名继续。",
        "Your sessions are kept under it; use the same one next time.",
    ),
    "web.display_name": ("显示姓名（可不填）", "Name to show (optional)"),
    "web.language": ("界面语言", "Language"),
    "web.lang_zh": ("中文", "中文 (Chinese)"),
    "web.lang_en": ("English", "English"),
    "web.enter": ("进入", "Enter"),
    "web.logged_in_as": (
        "当前学员：{name}（{trainee}）· 课堂 {class_code}",
        "Signed in as {name} ({trainee}) · class {class_code}",
    ),
    "web.logout": ("退出登录", "Sign out"),
    "web.err_class": (
        "课堂代码不对，请向讲师确认。",
        "That class code is not right; ask your trainer.",
    ),
    "web.err_trainee_empty": ("请填写工号或登录名。", "Please type your staff number or login."),
    "web.err_trainee_long": (
        "工号或登录名最多 {n} 个字符。",
        "The staff number or login can have at most {n} characters.",
    ),
    "web.err_name_long": ("姓名最多 {n} 个字符。", "The name can have at most {n} characters."),
    "web.err_chars": (
        "不能包含控制字符或 / \\ 等符号。",
        "It cannot contain control characters, / or \\.",
    ),
    # ---- play
    "web.play_title": ("练习", "Practice"),
    "web.play_loading": ("正在启动练习……", "Starting your practice…"),
    "web.play_ended": ("本次练习窗口已关闭。", "This practice window has closed."),
    "web.play_restart": ("重新开始", "Start again"),
    "web.full_title": ("课堂已满", "The class is full"),
    "web.full_body": (
        "现在已有 {n} 人在练习，达到上限。请稍等片刻，等有人结束后再试。",
        "{n} people are practising now, the most this class allows. "
        "Please wait a moment and try again when someone has finished.",
    ),
    "web.try_again": ("再试一次", "Try again"),
    # ---- trainer key
    "web.key_title": ("讲师看板", "Trainer dashboard"),
    "web.key_needed": (
        "看板只对讲师开放。请输入启动服务时显示的讲师密钥。",
        "The dashboard is for the trainer. Type the trainer key shown when the server started.",
    ),
    "web.key_wrong": ("讲师密钥不对。", "That trainer key is not right."),
    "web.trainer_key": ("讲师密钥", "Trainer key"),
    "web.open": ("打开", "Open"),
    # ---- dashboard
    "web.dash_title": ("课堂看板 · {class_code}", "Class dashboard · {class_code}"),
    "web.dash_join": (
        "学员打开：{url}　课堂代码：{class_code}",
        "Trainees open: {url}   class code: {class_code}",
    ),
    "web.dash_connected": ("在线 {n}/{max}", "Connected {n}/{max}"),
    "web.live_title": ("正在练习", "Playing now"),
    "web.live_empty": ("还没有人在练习。", "Nobody is playing yet."),
    "web.finished_title": ("刚完成", "Just finished"),
    "web.finished_empty": ("还没有完成的练习。", "No finished session yet."),
    "web.board_title": ("排行榜", "Leaderboard"),
    "web.board_empty": (
        "完成一次练习后出现在这里。",
        "Trainees appear here after a finished session.",
    ),
    "web.heat_title": ("学员 × 技巧", "Trainee × technique"),
    "web.heat_empty": ("还没有可统计的技巧。", "No technique to count yet."),
    "web.heat_legend": (
        "格子：用上的次数 / 错过的机会；颜色越绿越好。",
        "Cell: times shown / chances missed; greener is better.",
    ),
    "web.mistakes_title": ("错题集", "The class's most common mistakes"),
    "web.mistakes_empty": ("还没有错题。", "No mistake yet."),
    "web.kind_missed": ("错过的机会", "Missed opportunity"),
    "web.kind_pitfall": ("失误", "Pitfall"),
    "web.times": ("{n} 次", "×{n}"),
    "web.their_words": ("学员原话", "Their words"),
    "web.model_reply": ("参考说法", "Model reply"),
    "web.col_trainee": ("学员", "Trainee"),
    "web.col_scenario": ("场景", "Scenario"),
    "web.col_beat": ("环节", "Beat"),
    "web.col_turns": ("回合", "Replies"),
    "web.col_score_so_far": ("当前得分", "Score so far"),
    "web.col_updated": ("更新", "Updated"),
    "web.col_score": ("得分", "Score"),
    "web.col_result": ("结果", "Result"),
    "web.col_finished": ("完成时间", "Finished"),
    "web.col_sessions": ("次数", "Sessions"),
    "web.col_first": ("首次", "First"),
    "web.col_best": ("最佳", "Best"),
    "web.col_gain": ("进步", "Gain"),
    "web.col_passed": ("通过", "Passed"),
    "web.passed": ("通过", "passed"),
    "web.failed": ("未通过", "not passed"),
    "web.open_session": ("查看", "Open"),
    "web.back": ("返回看板", "Back to the dashboard"),
    # ---- session
    "web.session_title": ("{name} · {title}", "{name} · {title}"),
    "web.session_meta": (
        "得分 {score}（及格 {pass_score}）· {result} · 结局：{ending}",
        "Score {score} (pass {pass_score}) · {result} · ending: {ending}",
    ),
    "web.session_missing": ("没有这个练习记录。", "There is no such session."),
    "web.customer": ("客户", "Customer"),
    "web.shown": ("用上", "Shown"),
    "web.pitfall": ("失误", "Pitfall"),
    "web.evidence": ("依据", "Evidence"),
    "web.missed_here": (
        "错过：{technique} · 参考：{model}",
        "Missed: {technique} · model: {model}",
    ),
    "web.ending_success": ("成功", "success"),
    "web.ending_partial": ("部分达成", "partly reached"),
    "web.ending_failure": ("失败", "failure"),
    "web.ending_walkout": ("客户离开", "the customer walked out"),
    "web.ending_timeout": ("超时", "out of time"),
    "web.ending_abandoned": ("中途结束", "ended early"),
    "web.forbidden": ("只有讲师可以查看。", "Only the trainer can see this."),
    "web.not_found": ("没有这个页面。", "There is no such page."),
}
