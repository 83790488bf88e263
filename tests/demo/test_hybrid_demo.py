"""The demo's hybrid session: read from the colloquium files, with its mode and https meeting link checked."""

import pytest

from demo.content import ContentError
from demo.loaders import colloquia

SESSION = {
    "day": 1,
    "start": "10:00",
    "end": "11:00",
    "kind": "technical",
    "title": "TS-I",
    "counts_for_attendance": True,
}


def test_the_demo_state_colloquium_has_a_hybrid_session_with_a_meeting_link():
    events = colloquia.read()["events"]
    hybrid = [(e["title"], s) for e in events for s in e["sessions"] if s.get("mode", "in_person") != "in_person"]
    assert [s["title"][:4] for _, s in hybrid] == ["TS-V"]
    assert hybrid[0][1]["mode"] == "hybrid" and hybrid[0][1]["meeting_link"].startswith("https://")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"mode": "remote"}, "'remote' is not one of"),
        ({"mode": "online", "meeting_link": "http://meeting.example/x"}, "meeting_link: an https:// link"),
        ({"meeting_link": "https://meeting.example/x"}, "for an online or hybrid session only"),
    ],
)
def test_a_wrong_mode_or_link_is_named(fields, message):
    with pytest.raises(ContentError, match=message):
        colloquia._session({**SESSION, **fields}, "colloquia/x.yaml: sessions[0]")
