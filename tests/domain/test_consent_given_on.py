"""The one rule for the day a consent was given (vlogkit.domain.consent.given_on_problem)."""

from __future__ import annotations

import datetime as dt

from vlogkit.domain.consent import Consent, ConsentScope, given_on_problem

TODAY = dt.date(2026, 11, 30)
E, I, N = ConsentScope.EXTERNAL, ConsentScope.INTERNAL, ConsentScope.NONE  # noqa: E741


def test_a_past_day_and_today_may_be_recorded() -> None:
    assert given_on_problem(E, dt.date(2026, 10, 15), dt.date(2027, 6, 30), TODAY) is None
    assert given_on_problem(I, TODAY, None, TODAY) is None
    assert given_on_problem(E, dt.date(2026, 6, 30), dt.date(2026, 6, 30), TODAY) is None  # given on its last day


def test_a_future_day_is_refused_with_today_named() -> None:
    p = given_on_problem(E, dt.date(2026, 12, 1), None, TODAY)
    assert p is not None and p.code == "future" and p.limit == TODAY
    assert given_on_problem(N, dt.date(2026, 12, 1), None, TODAY) is not None  # a withdrawal neither


def test_a_day_after_the_expiry_is_refused() -> None:
    p = given_on_problem(I, dt.date(2026, 10, 2), dt.date(2026, 10, 1), TODAY)
    assert p is not None and p.code == "after_expiry" and p.limit == dt.date(2026, 10, 1)


def test_an_old_form_cannot_bring_back_a_consent_withdrawn_later() -> None:
    history = (Consent(E, dt.date(2026, 9, 1)), Consent(N, dt.date(2026, 11, 20)))
    p = given_on_problem(E, dt.date(2026, 11, 1), None, TODAY, history)
    assert p is not None and p.code == "before_withdrawal" and p.limit == dt.date(2026, 11, 20)
    assert given_on_problem(E, dt.date(2026, 11, 20), None, TODAY, history) is None  # given again that day
    assert given_on_problem(N, dt.date(2026, 11, 1), None, TODAY, history) is None  # withdrawing is never refused


def test_a_record_dated_today_by_default_may_note_an_expiry_already_past() -> None:
    """No stated day: the record is dated the day of the change - "it ended on 2026-11-01" recorded today."""
    assert given_on_problem(E, None, dt.date(2026, 11, 1), TODAY) is None
