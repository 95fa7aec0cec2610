"""The ending text is shown in full on the feedback screen, at 80x24 and 120x40."""

from __future__ import annotations

import json
import re

import pytest

from simulator.tui.screens.feedback import FeedbackScreen
from tests.ui.helpers import MINI, MODEL_REPLIES, screen_text, send, settle

LONG = {
    "zh": (
        "你了解到了王老板在别的小贷公司还有十万没还完,这是整场调查里最关键的一条信息;"
        "同时你从暖场开始就让他愿意说话,夸得具体、问得自然,没有一句话让他觉得被盘问。"
        "写报告时把这笔负债和每月还款额一并列清楚,审批那边就不会再退回来补材料了,结尾一字不落。"
    ),
    "en": (
        "You found out that Mr Wang still owes a small-loan company one hundred thousand, the key "
        "fact of this visit, and from the warm-up on he was willing to talk: the praise was "
        "specific, the questions were natural, and nothing felt like an interrogation. Put the "
        "debt and its monthly repayment in the report and credit will not send it back. THE END."
    ),
}


def _flat(text: str) -> str:
    """Screen text without whitespace and box borders, so wrapped lines join up again."""
    return re.sub(r"[\s│┃║]", "", text)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_ending_text_is_fully_visible(make, library, size, lang):
    text = MINI.read_text("utf-8").replace(
        "你了解到了王老板的其他负债。", json.dumps(LONG[lang], ensure_ascii=False)
    )
    (library / "mini_zh.yaml").write_text(text, "utf-8")
    app = make(scenario=library / "mini_zh.yaml", ui_lang=lang)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for reply in MODEL_REPLIES:
            await send(pilot, reply)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.report.ending_message == LONG[lang]
        shown = screen_text(app)
        assert _flat(LONG[lang]) in _flat(shown)
        header = app.screen.query_one("#fb-ending")
        assert header.region.height == 1  # the header keeps to one line; the text is below
