"""The headline: the verdict, what it is, the facts, what else it looked like, and the
request line — and nothing wider than the dock."""

from __future__ import annotations

import json

from app.inspector import inspect
from ui.inspector import examples
from ui.inspector.headline import Headline, shorten, verdict_of, where_it_breaks


def test_verdicts():
    assert verdict_of(inspect(examples.text_of("wecom/text"))) == "valid"
    assert verdict_of(inspect(examples.text_of("workorder/changeId-5"))) == "invalid"
    assert verdict_of(inspect('{"a": 1}')) == "unrecognised"
    assert verdict_of(inspect("   ")) == "unrecognised"
    broken = inspect('{\n "a": ,\n}')
    assert verdict_of(broken) == "not-json" and where_it_breaks(broken) == (2, 7)


def test_long_facts_are_shortened_and_kept_whole_in_the_tooltip(qtbot):
    headline = Headline()
    qtbot.addWidget(headline)
    headline.resize(400, 200)
    long_id = "wm" + "A" * 200
    item = json.loads(examples.text_of("wecom/text"))
    item["external_userid"] = long_id
    headline.show_inspection(inspect(json.dumps(item)))
    assert long_id not in headline.facts.text() and shorten(long_id) in headline.facts.text()
    assert long_id in headline.facts.toolTip()
    assert headline.minimumSizeHint().width() < 400


def test_what_else_it_looked_like_and_the_request_line(qtbot):
    headline = Headline()
    qtbot.addWidget(headline)
    headline.show_inspection(inspect(examples.text_of(examples.CAPTURED)))
    assert headline.what.text() == "Rich-text message request · type 4"
    assert headline.request.text() == "Captured HTTP request: POST /orgs/123/messages"
    both = {"msgid": "m1", "msgtype": "text", "text": {"content": "x"}, "type": 1,
            "payload": {}}
    headline.show_inspection(inspect(json.dumps(both)))
    assert headline.also.text().startswith("Also looked like: ")
