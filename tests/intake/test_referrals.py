"""A referral's life from sent to closed: in the case, in the vault-wide list, in the audit log."""

from __future__ import annotations

from datetime import date

import pytest

from intake import Intake
from intake.errors import ImmutableRecordError
from intake.referrals import InvalidReferralError, ReferralNotFoundError, ReferralStatus
from vault.db import DatabaseError

from .conftest import raw_change


def test_a_referral_from_sent_to_closed(intake: Intake, case_id: str) -> None:
    other = intake.cases.create("RO-2026-0043", "Another case").case_id
    referral = intake.referrals.add(
        case_id,
        "DIICOT Constanța",
        date(2026, 3, 2),
        recipient_kind="prosecutor",
        reason="Evidence of recruitment by Telegram",
        bundle_id="b" * 32,
        follow_up_on=date(2026, 3, 16),
    )
    intake.referrals.add(other, "Shelter A", date(2026, 3, 1), recipient_kind="partner_ngo")
    assert referral.status is ReferralStatus.SENT
    assert referral.case_reference == "RO-2026-0042"
    intake.referrals.update(referral.referral_id, status="acknowledged")
    intake.referrals.update(
        referral.referral_id, status=ReferralStatus.ACCEPTED, follow_up_on=date(2026, 4, 1)
    )
    done = intake.referrals.update(
        referral.referral_id, status="closed", outcome="Investigation opened", follow_up_on=None
    )
    assert done.status is ReferralStatus.CLOSED
    assert done.finished
    assert done.outcome == "Investigation opened"
    assert done.follow_up_on is None

    # In the case...
    assert [r.referral_id for r in intake.referrals.for_case(case_id)] == [referral.referral_id]
    # ...across the vault...
    everything = intake.referrals.list_all()
    assert {r.case_reference for r in everything} == {"RO-2026-0042", "RO-2026-0043"}
    assert [r.referral_id for r in intake.referrals.list_all(status=ReferralStatus.CLOSED)] == [
        referral.referral_id
    ]
    # ...its history, step by step...
    steps = [e.status for e in intake.referrals.history(referral.referral_id)]
    assert steps == [
        ReferralStatus.SENT,
        ReferralStatus.ACKNOWLEDGED,
        ReferralStatus.ACCEPTED,
        ReferralStatus.CLOSED,
    ]
    # ...and in the audit log, with the case and the status but never the typed words.
    entries = sorted(intake.vault.audit_entries(action_prefix="referral."), key=lambda e: e.seq)
    assert [e.action for e in entries] == ["referral.added"] * 2 + ["referral.updated"] * 3
    mine = [e for e in entries if e.subject == referral.referral_id]
    assert [e.details["status"] for e in mine] == ["sent", "acknowledged", "accepted", "closed"]
    assert all(e.details["case_id"] == case_id for e in mine)
    for entry in entries:
        text = str(entry.details)
        assert "Investigation" not in text
        assert "Telegram" not in text
        assert "DIICOT" not in text
    # The command line shows 8 hex digits; they find the referral.
    assert intake.referrals.find(referral.referral_id[:8]).referral_id == referral.referral_id


def test_unchanged_update_adds_nothing(intake: Intake, case_id: str) -> None:
    referral = intake.referrals.add(case_id, "Police", date(2026, 3, 2))
    before = len(intake.vault.audit_entries())
    intake.referrals.update(referral.referral_id, status="sent")
    assert len(intake.vault.audit_entries()) == before
    assert len(intake.referrals.history(referral.referral_id)) == 1


def test_refusals(intake: Intake, case_id: str) -> None:
    with pytest.raises(InvalidReferralError):
        intake.referrals.add(case_id, "   ", date(2026, 3, 2))
    referral = intake.referrals.add(case_id, "Police", date(2026, 3, 2))
    with pytest.raises(InvalidReferralError):
        intake.referrals.update(referral.referral_id, status="lost")
    with pytest.raises(ReferralNotFoundError):
        intake.referrals.get("0" * 32)
    with pytest.raises(ReferralNotFoundError):
        intake.referrals.find("abc")  # too short to be told apart
    with pytest.raises((DatabaseError, ImmutableRecordError)):
        raw_change(intake.vault, "DELETE FROM referral_events")
