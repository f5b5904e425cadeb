"""One row of the evidence register, validated: what a file is, what it supports, how long it counts."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, field_validator, model_validator

from selfassess.messages import t
from selfassess.models import OptDate, OptText, ReqText
from selfassess.values import add_months, is_period, parse_expiry, parse_period_months, split_list


class EvidenceItem(BaseModel):
    """One row of the evidence register: a file (or folder, or web page) and what it supports."""

    # Cells arrive as text or numbers (Excel ids); pydantic turns them into stripped text
    # natively, which matters for registers of 100,000 rows.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True, str_strip_whitespace=True)

    id: ReqText
    title: ReqText
    file: OptText = None
    url: OptText = None
    snapshot: OptDate = None
    kind: ReqText
    owner: OptText = None
    issued: OptDate = None
    valid_until: Annotated[dt.date | None, BeforeValidator(parse_expiry)] = None  # or a period: see _expiry
    validity: OptText = None
    language: OptText = None
    criteria: Annotated[tuple[str, ...], BeforeValidator(split_list)] = ()
    programmes: Annotated[tuple[str, ...], BeforeValidator(split_list)] = ()  # empty: institution-wide
    note: OptText = None

    @model_validator(mode="before")
    @classmethod
    def _expiry(cls, data: Any) -> Any:
        # "Срок действия: 3 года" says how long the item counts, not until when: its validity.
        if isinstance(data, dict):
            until = data.get("valid_until")
            if until.__class__ is str and is_period(until.strip()):
                validity = data.get("validity")
                if validity is not None and str(validity).strip() not in ("", until.strip()):
                    raise ValueError(
                        t(
                            "the expiry column holds a period ({period}) and the validity column another "
                            "({validity}); keep one of the two",
                            period=repr(until.strip()),
                            validity=repr(str(validity).strip()),
                        )
                    )
                data = {**data, "validity": until.strip()}
                del data["valid_until"]
        return data

    @field_validator("validity")
    @classmethod
    def _period(cls, value: str | None) -> str | None:
        parse_period_months(value)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> EvidenceItem:
        if not self.file and not self.url:
            raise ValueError(t("give the file (or folder) or the web address (url)"))
        if self.url and not self.snapshot:
            raise ValueError(t("a web page needs the date it was captured (snapshot)"))
        if self.validity and not self.issued:
            raise ValueError(t("a validity period needs the issued date to count from"))
        if self.valid_until and self.issued and self.valid_until < self.issued:
            raise ValueError(
                t(
                    "valid until {valid_until} is before issued {issued}: one of the two dates is wrong",
                    valid_until=self.valid_until.isoformat(),
                    issued=self.issued.isoformat(),
                )
            )
        return self

    @cached_property
    def expires(self) -> dt.date | None:
        """Return the last day the item is valid: valid_until, or issued + validity."""
        if self.valid_until:
            return self.valid_until
        months = parse_period_months(self.validity)
        if months and self.issued:
            return add_months(self.issued, months)
        return None
