"""Tasks and deadlines: manual and derived, due soon, and a calendar file without names."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar

from intake import Intake
from intake.demo import build_demo
from intake.models import PersonRole
from intake.tasks import CONSENT_RENEWAL_DAYS, TaskKind, TaskSource, calendar_file

TODAY = date(2026, 5, 4)


def _setup(intake: Intake, case_id: str) -> None:
    intake.tasks.add(
        case_id,
        TaskKind.COURT_DATE,
        TODAY + timedelta(days=5),
        due_time=time(10, 30),
        note="Hearing for Survivor Ana at Tribunalul Constanța",
    )
    intake.tasks.add(case_id, "other", TODAY + timedelta(days=30), note="later")
    referral = intake.referrals.add(
        case_id,
        "Shelter Casa Lumina",
        TODAY - timedelta(days=20),
        follow_up_on=TODAY + timedelta(days=2),
    )
    closed = intake.referrals.add(
        case_id, "Police", TODAY - timedelta(days=20), follow_up_on=TODAY + timedelta(days=1)
    )
    intake.referrals.update(closed.referral_id, status="closed")
    person = intake.people.add(case_id, PersonRole.SURVIVOR, "Survivor Ana")
    intake.consent.record(
        case_id,
        person_id=person.person_id,
        scope=["court"],
        given_at=datetime.combine(
            TODAY - timedelta(days=CONSENT_RENEWAL_DAYS - 3), time(9), tzinfo=UTC
        ),
        language="ro",
        method="written",
    )
    intake.cases.set_retention(case_id, TODAY + timedelta(days=6))
    assert referral.referral_id


def test_due_soon_lists_a_court_date_within_seven_days(intake: Intake, case_id: str) -> None:
    _setup(intake, case_id)
    due = intake.tasks.due(7, today=TODAY)
    assert [(t.kind, t.source) for t in due] == [
        (TaskKind.FOLLOW_UP, TaskSource.REFERRAL),
        (TaskKind.CONSENT_RENEWAL, TaskSource.CONSENT),
        (TaskKind.COURT_DATE, TaskSource.MANUAL),
        (TaskKind.RETENTION, TaskSource.CASE),
    ]
    court = due[2]
    assert court.due_time == time(10, 30)
    assert court.case_reference == "RO-2026-0042"
    assert due[0].about == "Shelter Casa Lumina"
    assert due[1].about == "Survivor Ana"
    # Everything open, without a bound; a task marked done leaves the list.
    assert len(intake.tasks.due(None, today=TODAY)) == 5
    intake.tasks.complete(court.task_id)
    assert TaskKind.COURT_DATE not in [t.kind for t in intake.tasks.due(7, today=TODAY)]
    assert intake.tasks.for_case(case_id, include_done=True)[2].done
    entries = sorted(intake.vault.audit_entries(action_prefix="task."), key=lambda e: e.seq)
    actions = [e.action for e in entries]
    assert actions == ["task.added", "task.added", "task.done"]


def test_calendar_file_opens_in_icalendar_and_names_nobody(intake: Intake, case_id: str) -> None:
    _setup(intake, case_id)
    demo_id = build_demo(intake)
    demo = intake.cases.get(demo_id)
    intake.tasks.add(demo_id, "court_date", TODAY + timedelta(days=3), note="Olena testifies")
    intake.referrals.add(
        demo_id,
        "DIICOT Constanța",
        TODAY,
        follow_up_on=TODAY + timedelta(days=4),
        reason="Olena's statement",
    )
    tasks = intake.tasks.due(None, today=TODAY)
    data = calendar_file(
        tasks, vault_id=intake.vault.vault_id, now=datetime(2026, 5, 4, tzinfo=UTC)
    )
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(tasks) >= 7
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "RO-2026-0042 · Court date" in summaries
    assert f"{demo.reference} · Court date" in summaries
    court = next(e for e in events if str(e["SUMMARY"]) == "RO-2026-0042 · Court date")
    assert court.decoded("DTSTART") == datetime.combine(TODAY + timedelta(days=5), time(10, 30))
    # No name, pseudonym, recipient or note: of the demo or of this test's case.
    names = [
        "Olena",
        "Олена",
        "Vecinul",
        "Vasile",
        "Survivor Ana",
        "Ana",
        "Casa Lumina",
        "DIICOT",
        "Tribunalul",
        "Hearing",
        "Interpreter",
        "Lawyer",
        "training pseudonym",
        "later",
        intake.vault.vault_id,
        case_id,
        demo_id,
    ]
    for name in names:
        assert name.encode() not in data, name
        assert name.casefold().encode() not in data.lower(), name
    # The same tasks give the same event ids (a calendar updates instead of doubling).
    again = calendar_file(tasks, vault_id=intake.vault.vault_id, now=datetime.now(UTC))
    uids = [str(e["UID"]) for e in Calendar.from_ical(again).walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in events]
