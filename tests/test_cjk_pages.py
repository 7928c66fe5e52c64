"""Chinese, Japanese and Korean pages: 年月日 dates, CJK date lines, Chinese wire datelines,
and Korean prose (hangul is written with spaces, so it is not measured as Chinese)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from curate.clean.classifier import classify_lines
from curate.clean.config import CleanConfig
from curate.clean.types import LineDecision as L
from curate.cli import cli
from curate.meta.config import MetaConfig
from curate.meta.dateline import find_dateline
from curate.meta.dates import find_dates, looks_like_date_line
from curate.meta.extract import Hints, extract_metadata
from tests.helpers import by_source

PAGES = Path(__file__).resolve().parent / "fixtures" / "cjk"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年3月5日", ["2023-03-05"]),
        ("２０２３年３月５日", ["2023-03-05"]),
        ("2023年3月", ["2023-03"]),
        ("2024年1月23日 15時42分", ["2024-01-23T15:42"]),
        ("2023年03月05日 下午3:30", ["2023-03-05T15:30"]),
        ("2024年1月23日(火) 午前9時", ["2024-01-23T09:00"]),
        ("입력 2024년 2월 22일 오후 3시 10분", ["2024-02-22T15:10"]),
        ("2024년 2월 22일 (목)", ["2024-02-22"]),
        ("令和6年1月23日 15時42分", ["2024-01-23T15:42"]),
        ("令和元年5月1日", ["2019-05-01"]),
        ("平成30年12月1日", ["2018-12-01"]),
        ("2023年13月5日", []),
    ],
)
def test_cjk_dates(text: str, expected: list[str]) -> None:
    assert [m.value.iso() for m in find_dates(text, partial=False)] == expected


def test_yearless_cjk_date_is_partial() -> None:
    (match,) = find_dates("3月5日电", partial=True)
    assert (match.value.year, match.value.month, match.value.day, match.kind) == (
        None,
        3,
        5,
        "partial",
    )
    assert find_dates("3月5日电", partial=False) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("发布时间：2023年3月5日 10:30 来源：新华社", True),
        ("更新时间：2023-03-05 10:30", True),
        ("2024年1月23日 15時42分", True),
        ("입력 2024년 2월 22일 오후 3시 10분", True),
        # a sentence that opens with a date is no date line, spaces or not
        ("2023年3月5日，国务院发布了新的规定", False),
        ("2024년 2월 22일 한국은행은 기준금리를 동결했다고 밝혔다", False),
    ],
)
def test_cjk_date_lines(line: str, expected: bool) -> None:
    assert looks_like_date_line(line) is expected


def test_chinese_wire_datelines() -> None:
    xinhua = find_dateline("新华社华盛顿3月4日电（记者 李四）美国总统当天表示。")
    assert xinhua is not None
    assert (xinhua.agency, xinhua.place, xinhua.rest) == ("新华社", "华盛顿", "美国总统当天表示。")
    assert xinhua.date is not None and (xinhua.date.month, xinhua.date.day) == (3, 4)
    no_place = find_dateline("中新网3月5日电 国务院近日印发意见。")
    assert no_place is not None and (no_place.agency, no_place.place) == ("中新网", None)
    # a date that opens a sentence is no dateline
    assert find_dateline("北京时间3月5日，比赛开始。") is None


def test_korean_prose_is_kept() -> None:
    lines = (PAGES / "ko.txt").read_text("utf-8").split("\n")
    decisions = classify_lines(lines, CleanConfig())
    kept = [d.text for d in decisions if d.keep]
    assert kept == lines[3:6]
    assert [d.rule for d in decisions[:3]] == ["breadcrumb", "title", "date"]


def test_cjk_pages_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["clean", str(PAGES), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    docs = by_source(out / "data")
    got = {
        source: (row["title"], row["date"], row["date_precision"], row["language"])
        for source, row in docs.items()
    }
    assert got == {
        "zh.txt": ("国务院发布新规促进数字经济发展", "2023-03-05T10:30", "minute", "zh"),
        "ja.txt": ("日銀、金融緩和策の維持を決定", "2024-01-23T15:42", "minute", "ja"),
        "ko.txt": ("한국은행, 기준금리 동결 결정", "2024-02-22T15:10", "minute", "ko"),
    }
    zh = docs["zh.txt"]
    assert (zh["dateline_place"], zh["dateline_agency"]) == ("北京", "新华社")
    assert zh["text"].startswith("国务院近日印发《关于促进数字经济高质量发展的若干意见》")
    assert "分享到" not in zh["text"]
    assert docs["ko.txt"]["text"].split("\n")[-1] == (
        "전문가들은 가계부채 증가세도 금리 결정에 영향을 미쳤다고 분석했다."
    )


def test_numeric_month_day_is_read_month_first_in_japanese() -> None:
    decisions = [
        L("日銀、金融緩和策の維持を決定", False, "title"),
        L("CNET Japan 3/9(木) 18:45配信", False, "date"),
        L(
            "日本銀行は2017年の金融政策決定会合で、大規模な金融緩和策を維持することを決め"
            "ました。物価の動向を見極める必要があるとしています。",
            True,
            "body",
        ),
    ]
    meta, _body = extract_metadata(decisions, Hints(), MetaConfig())
    assert (meta.language, meta.date, meta.date_source) == ("ja", "2017-03-09T18:45", "inferred")
