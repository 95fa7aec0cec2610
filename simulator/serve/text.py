"""Every word the classroom's web pages show, in Chinese and English.

The pages are rendered by Jinja2 with `t` bound to the visitor's language, so a template
never holds a sentence of its own; the app inside /play keeps its own table
(simulator/tui/i18n.py).
"""

from __future__ import annotations

LANGS = ("zh", "en")

_STRINGS: dict[str, tuple[str, str]] = {
    # login
    "app_name": ("客户经理对话演练 · 课堂", "Customer conversation practice · classroom"),
    "login_title": ("进入课堂", "Join the class"),
    "login_intro": (
        "输入讲师给出的课堂代码和你的工号（或姓名），进入后直接在浏览器里练习。",
        "Type the class code your trainer gave you and your staff number (or name); "
        "you then practise right here in the browser.",
    ),
    "class_code": ("课堂代码", "Class code"),
    "trainee_id": ("工号或登录名", "Staff number or login"),
    "trainee_id_hint": (
        "用于保存你的练习记录；下次用同一个登录名继续。",
        "Your sessions are kept under it; use the same one next time.",
    ),
    "display_name": ("显示姓名（可不填）", "Name to show (optional)"),
    "language": ("界面语言", "Language"),
    "lang_zh": ("中文", "中文 (Chinese)"),
    "lang_en": ("English", "English"),
    "enter": ("进入", "Enter"),
    "logged_in_as": (
        "当前学员：{name}（{trainee}）· 课堂 {class_code}",
        "Signed in as {name} ({trainee}) · class {class_code}",
    ),
    "start_practice": ("开始练习", "Start practising"),
    "logout": ("退出登录", "Sign out"),
    "err_class": (
        "课堂代码不对，请向讲师确认。",
        "That class code is not right; ask your trainer.",
    ),
    "err_trainee_empty": ("请填写工号或登录名。", "Please type your staff number or login."),
    "err_trainee_long": (
        "工号或登录名最多 {n} 个字符。",
        "The staff number or login can have at most {n} characters.",
    ),
    "err_name_long": ("姓名最多 {n} 个字符。", "The name can have at most {n} characters."),
    "err_chars": (
        "不能包含控制字符或 / \\ 等符号。",
        "It cannot contain control characters, / or \\.",
    ),
    # play
    "play_title": ("练习", "Practice"),
    "play_loading": ("正在启动练习……", "Starting your practice…"),
    "play_ended": ("本次练习窗口已关闭。", "This practice window has closed."),
    "play_restart": ("重新开始", "Start again"),
    "full_title": ("课堂已满", "The class is full"),
    "full_body": (
        "现在已有 {n} 人在练习，达到上限。请稍等片刻，等有人结束后再试。",
        "{n} people are practising now, the most this class allows. "
        "Please wait a moment and try again when someone has finished.",
    ),
    "try_again": ("再试一次", "Try again"),
    # trainer key
    "key_title": ("讲师看板", "Trainer dashboard"),
    "key_needed": (
        "看板只对讲师开放。请输入启动服务时显示的讲师密钥。",
        "The dashboard is for the trainer. Type the trainer key shown when the server started.",
    ),
    "key_wrong": ("讲师密钥不对。", "That trainer key is not right."),
    "trainer_key": ("讲师密钥", "Trainer key"),
    "open": ("打开", "Open"),
    # dashboard
    "dash_title": ("课堂看板 · {class_code}", "Class dashboard · {class_code}"),
    "dash_join": (
        "学员打开：{url}　课堂代码：{class_code}",
        "Trainees open: {url}   class code: {class_code}",
    ),
    "dash_connected": ("在线 {n}/{max}", "Connected {n}/{max}"),
    "live_title": ("正在练习", "Playing now"),
    "live_empty": ("还没有人在练习。", "Nobody is playing yet."),
    "finished_title": ("刚完成", "Just finished"),
    "finished_empty": ("还没有完成的练习。", "No finished session yet."),
    "board_title": ("排行榜", "Leaderboard"),
    "board_empty": ("完成一次练习后出现在这里。", "Trainees appear here after a finished session."),
    "heat_title": ("学员 × 技巧", "Trainee × technique"),
    "heat_empty": ("还没有可统计的技巧。", "No technique to count yet."),
    "heat_legend": (
        "格子：用上的次数 / 错过的机会；颜色越绿越好。",
        "Cell: times shown / chances missed; greener is better.",
    ),
    "mistakes_title": ("错题集", "The class's most common mistakes"),
    "mistakes_empty": ("还没有错题。", "No mistake yet."),
    "kind_missed": ("错过的机会", "Missed opportunity"),
    "kind_pitfall": ("失误", "Pitfall"),
    "times": ("{n} 次", "×{n}"),
    "their_words": ("学员原话", "Their words"),
    "model_reply": ("参考说法", "Model reply"),
    "col_trainee": ("学员", "Trainee"),
    "col_scenario": ("场景", "Scenario"),
    "col_beat": ("环节", "Beat"),
    "col_turns": ("回合", "Replies"),
    "col_score_so_far": ("当前得分", "Score so far"),
    "col_updated": ("更新", "Updated"),
    "col_score": ("得分", "Score"),
    "col_result": ("结果", "Result"),
    "col_finished": ("完成时间", "Finished"),
    "col_sessions": ("次数", "Sessions"),
    "col_first": ("首次", "First"),
    "col_best": ("最佳", "Best"),
    "col_gain": ("进步", "Gain"),
    "col_passed": ("通过", "Passed"),
    "passed": ("通过", "passed"),
    "failed": ("未通过", "not passed"),
    "open_session": ("查看", "Open"),
    "back": ("返回看板", "Back to the dashboard"),
    # session
    "session_title": ("{name} · {title}", "{name} · {title}"),
    "session_meta": (
        "得分 {score}（及格 {pass_score}）· {result} · 结局：{ending}",
        "Score {score} (pass {pass_score}) · {result} · ending: {ending}",
    ),
    "session_missing": ("没有这个练习记录。", "There is no such session."),
    "customer": ("客户", "Customer"),
    "trainee": ("学员", "Trainee"),
    "shown": ("用上", "Shown"),
    "pitfall": ("失误", "Pitfall"),
    "evidence": ("依据", "Evidence"),
    "missed_here": ("错过：{technique} · 参考：{model}", "Missed: {technique} · model: {model}"),
    "ending_success": ("成功", "success"),
    "ending_partial": ("部分达成", "partly reached"),
    "ending_failure": ("失败", "failure"),
    "ending_walkout": ("客户离开", "the customer walked out"),
    "ending_timeout": ("超时", "out of time"),
    "ending_abandoned": ("中途结束", "ended early"),
    "forbidden": ("只有讲师可以查看。", "Only the trainer can see this."),
    "not_found": ("没有这个页面。", "There is no such page."),
}


def t(key: str, lang: str, /, **values: object) -> str:
    """The string for key in lang (zh or en), formatted with values; the key when unknown."""
    pair = _STRINGS.get(key)
    if pair is None:
        return key
    text = pair[0] if lang == "zh" else pair[1]
    return text.format(**values) if values else text


def keys() -> list[str]:
    return list(_STRINGS)


def pick_lang(value: str | None, default: str) -> str:
    """value when it is a language the pages speak, else default."""
    return value if value in LANGS else default
