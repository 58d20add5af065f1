"""Logging filters that keep personal data out of the logs.

Residents type what troubles them into the search box ("ik kan mijn huur niet betalen").
Those words must not end up in server logs, so query strings are cut from every record.
"""

from __future__ import annotations

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"']*")


class StripQueryStrings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "?" in message:
            record.msg = QUERY_STRING.sub("?…", message)
            record.args = ()
        return True
