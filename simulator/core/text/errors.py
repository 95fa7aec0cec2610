"""Errors a person reads: the title of each SimulatorError and the messages that
have both languages."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # ---- titles (SimulatorError.title_key): the area, shown above the message -------------
    "error.simulator": ("出错了", "Simulator error"),
    "error.scenario_file": ("场景文件有问题", "Scenario file problem"),
    "error.scenario_not_found": ("找不到场景", "Scenario not found"),
    "error.library_not_found": ("找不到场景库", "Library not found"),
    "error.session": ("练习出了问题", "Session problem"),
    "error.session_in_use": ("这场练习在别处打开着", "Session open elsewhere"),
    "error.saved_data": ("保存的数据有问题", "Saved data problem"),
    "error.results_db": ("结果数据库问题", "Results database problem"),
    "error.results_export": ("simulator results export", "simulator results export"),
    "error.classroom_server": ("课堂服务器问题", "Classroom server problem"),
    "error.relay_names": ("接力名单", "Relay names"),
    "error.lexicon": ("评分词表", "Grader word lists"),
    "error.bad_example": ("范例有误", "Bad example"),
    "error.eval_file": ("评测文件有问题", "Evaluation file problem"),
    "error.replies_file": ("回复文件有问题", "Replies file problem"),
    "error.nothing_to_validate": ("没有可检查的文件", "Nothing to validate"),
    "error.file_exists": ("文件已存在", "File exists"),
    "error.cannot_write": ("无法写入", "Cannot write"),
    "error.cannot_train": ("无法训练", "Cannot train"),
    # ---- hot-seat relay names (RelayError) ---------------------------------------------------
    "relay.error.empty_list": (
        "请输入接力的人名,用逗号或顿号隔开",
        "Enter the relay's names, comma separated",
    ),
    "relay.error.too_few": (
        "接力至少需要 {min} 个人(现在 {n} 个)",
        "A relay needs at least {min} people ({n} given)",
    ),
    "relay.error.too_many": (
        "接力最多 {max} 个人(现在 {n} 个)",
        "A relay takes at most {max} people ({n} given)",
    ),
    "relay.error.empty_name": ("第 {n} 个名字是空的", "Name {n} is empty"),
    "relay.error.long_name": (
        "名字「{name}」太长(最多 {max} 个字)",
        'The name "{name}" is too long (at most {max} characters)',
    ),
    "relay.error.duplicate": ("名字「{name}」重复了", 'The name "{name}" appears twice'),
}
