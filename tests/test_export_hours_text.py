"""Hours expressions in plain words (the printed lists' "服务时间")."""

import pytest

from hotline_cli.render.hours_words import describe, plain_hours
from hotline_cli.schedule import parse_hours


@pytest.mark.parametrize(
    "expression,zh,en",
    [
        ("24/7", "全天24小时", "24 hours, every day"),
        ("WD 09:00-17:00", "工作日 9:00–17:00", "official workdays 9:00–17:00"),
        ("Mo-Fr 09:00-20:00", "周一至周五 9:00–20:00", "Mon–Fri 9:00–20:00"),
        ("08:00-02:00", "每天 8:00–次日2:00", "daily 8:00–2:00 next day"),
        ("09:00-24:00", "每天 9:00–24:00", "daily 9:00–24:00"),
        ("Mo-Su 08:00-20:00", "每天 8:00–20:00", "daily 8:00–20:00"),
        ("WD 08:30-11:30,13:00-16:30", "工作日 8:30–11:30、13:00–16:30", "official workdays 8:30–11:30, 13:00–16:30"),
        ("Mo-Fr 09:00-17:00; PH off", "周一至周五 9:00–17:00；法定节假日休息", "Mon–Fri 9:00–17:00; closed on public holidays"),
        ("09:00-21:00; Sa off", "每天 9:00–21:00；周六休息", "daily 9:00–21:00; closed on Sat"),
        ("Fr-Mo 10:00-12:00", "周五至周一 10:00–12:00", "Fri–Mon 10:00–12:00"),
        ("Mo,We,Fr 09:00-12:00", "周一、周三、周五 9:00–12:00", "Mon, Wed, Fri 9:00–12:00"),
        ("Su 24/7", "周日 24小时", "Sun 24 hours"),
        ("RD 10:00-16:00", "休息日 10:00–16:00", "official rest days 10:00–16:00"),
        ("09:00-21:00; 12:00-13:00 off", "每天 9:00–21:00；12:00–13:00 不开放", "daily 9:00–21:00; closed 12:00–13:00"),
        ('unknown "预约后服务"', "时间不定（预约后服务）", "hours not fixed (预约后服务)"),
    ],
)
def test_expressions_read_as_plain_words(expression, zh, en):
    assert plain_hours(expression, None, "zh") == zh
    assert plain_hours(expression, None, "en") == en


def test_published_wording_is_the_fallback():
    assert plain_hours(None, " 每日不少于18小时 ") == "每日不少于18小时"
    assert plain_hours("9-17 weekdays", "工作日九点到五点") == "工作日九点到五点"  # outside the grammar
    assert plain_hours(None, None) is None
    assert plain_hours("", "") is None


def test_expression_wins_over_published_wording():
    assert plain_hours("24/7", "各设区市热线坐席均提供全天候24小时在线服务") == "全天24小时"


def test_every_hours_expression_in_the_bundled_data_reads_without_raw_grammar(dataset):
    expressions = {record.hours for record in dataset.hotlines if record.hours}
    expressions |= {n.hours for record in dataset.hotlines for n in record.numbers if n.hours}
    assert expressions
    for expression in expressions:
        words = describe(parse_hours(expression), "zh")
        # No grammar tokens leak into what a reader sees.
        for token in ("Mo", "Fr", "WD", "PH", "RD", "24/7", "off"):
            assert token not in words, (expression, words)
        assert "-" not in words.replace("–", ""), (expression, words)
