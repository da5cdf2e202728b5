"""Keep personal links out of the application's logs.

A resident's status link and a colleague's enrolment link carry their secret in the URL path, and
Django logs request paths (the development server's request lines, "Not Found" warnings, error
reports). This filter masks those secrets in every record the project's handlers write, so a log
file, an error tracker or a colleague reading over a shoulder never sees a working link.
"""

import logging
import re

SECRET_IN_PATH = re.compile(r"(/(?:mijn-initiatief|inloggen/link)/)[^/\s?#\"']+")
MASK = r"\1…"


def mask_secrets(text: str) -> str:
    return SECRET_IN_PATH.sub(MASK, text)


class SecretPathFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask_secrets(record.msg)
        if record.args:
            if isinstance(record.args, dict):
                record.args = {k: mask_secrets(v) if isinstance(v, str) else v for k, v in record.args.items()}
            else:
                record.args = tuple(mask_secrets(v) if isinstance(v, str) else v for v in record.args)
        return True
