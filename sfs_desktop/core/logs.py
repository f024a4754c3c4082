"""The program's log: a rotating file under the data dir, scrubbed of personal data.

Code never logs ID numbers, phones or names on purpose; the redaction filter is the last line
of defence for what slips through (an exception message quoting a value, say): anything
shaped like an ID number or a mobile number is replaced before the record is written.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

_PATTERNS = [
    (re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"), "[身份证号]"),
    (re.compile(r"(?<!\d)\d{15}(?!\d)"), "[证件号]"),
    (re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"), "[手机号]"),
]
LOGGER = "sfs_desktop"


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = redact(message), None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def setup(log_dir: Path, level: int = logging.INFO) -> Path:
    """Log to log_dir/sfs-desktop.log (5 × 2 MiB); idempotent. Returns the log file path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "sfs-desktop.log"
    logger = logging.getLogger(LOGGER)
    for h in list(logger.handlers):
        if getattr(h, "_sfs", False):
            if Path(h.baseFilename) == path:
                return path
            logger.removeHandler(h)
            h.close()
    handler = RotatingFileHandler(path, maxBytes=2 * 1024 * 1024, backupCount=5, encoding="utf-8")
    handler._sfs = True  # type: ignore[attr-defined]
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    return path
