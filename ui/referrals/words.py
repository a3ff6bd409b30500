"""Words shared by the referrals' and tasks' screens and the command line: referral statuses
and days in the interface language. Qt-free (``ui/cli*.py`` use it too)."""

from __future__ import annotations

import logging
from datetime import date

from intake.referrals import ReferralStatus
from resources import i18n
from resources.i18n import NC_, pgettext

log = logging.getLogger(__name__)

STATUS_CONTEXT = "ReferralStatus"
STATUS_WORDS: dict[ReferralStatus, str] = {
    ReferralStatus.SENT: NC_("ReferralStatus", "sent"),
    ReferralStatus.ACKNOWLEDGED: NC_("ReferralStatus", "acknowledged"),
    ReferralStatus.ACCEPTED: NC_("ReferralStatus", "accepted"),
    ReferralStatus.DECLINED: NC_("ReferralStatus", "declined"),
    ReferralStatus.CLOSED: NC_("ReferralStatus", "closed"),
}


def status_words(status: ReferralStatus) -> str:
    return pgettext(STATUS_CONTEXT, STATUS_WORDS[status])


def local_day(value: date | None) -> str:
    """A day as the user writes it (Babel's medium date in the interface language)."""
    if value is None:
        return "—"
    from babel.core import UnknownLocaleError
    from babel.dates import format_date  # Babel only once a day is shown

    try:
        return str(format_date(value, format="medium", locale=i18n.current().language))
    except (UnknownLocaleError, ValueError):
        return value.isoformat()
