"""Finding a quote of the bank by its id - and saying so when the id given is a vlog's, the easy mix-up: `vlogkit
bank approve` takes the quote ids `vlogkit bank list` prints, not the vlog ids of `vlogkit list`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vlogkit.domain import Quote
from vlogkit.errors import N_, NotFoundError

if TYPE_CHECKING:
    from vlogkit.services.bank import BankService


def get_quote(bank: BankService, qid: str) -> Quote:
    try:
        return bank.repo.get(qid)
    except NotFoundError as missing:
        try:
            vlog = bank.app.vlogs.get(qid)
        except NotFoundError:
            raise missing from None
        ids = sorted(q.id for q in bank.of_vlog(vlog.id))
        if ids:
            raise NotFoundError(N_("'{qid}' is a vlog, not a quote: its quotes in the bank are {ids} (`vlogkit bank "
                                   "list` shows every quote with its id)."), qid=qid, ids=", ".join(ids)) from None
        raise NotFoundError(N_("'{qid}' is a vlog, not a quote, and none of its lines is in the bank yet: `vlogkit "
                               "bank add {qid} --candidate 1` saves its best line."), qid=qid) from None


__all__ = ["get_quote"]
