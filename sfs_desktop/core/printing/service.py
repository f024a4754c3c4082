"""Printing as a recorded act: serial number, the PDF kept as a record, print log and audit.

Everything happens inside the caller's write transaction, rendering included: if the
render fails, no serial number is consumed and nothing is logged. A reprint of the same form
for the same record keeps its first serial number (a document has one number for life).
The PDF is stored by hash among the attachments, append-only, so a later template change does
not rewrite what was issued.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from sqlmodel import Session, select

from sfs_desktop.core import codes
from sfs_desktop.core.attachments import store_blob
from sfs_desktop.core.db.synced import current_actor
from sfs_desktop.core.documents import PrintLog, next_serial
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.printing.output import write_pdf
from sfs_desktop.core.printing.render import render as render_pdf, render_many
from sfs_desktop.core.printing.templates import get
from sfs_desktop.core.security.access import Principal, check_record, require, require_committee_scope
from sfs_desktop.core.station.models import Station


@dataclass(frozen=True)
class Loaded:
    """What a source finds for a record: where it lives, what the form prints, and its year."""

    table: str | None
    record_id: str | None
    context: Mapping[str, Any]
    year: int
    serial: str | None = None  # a number the record already holds (given when the act happened: a 外出证明's
    # on approval, from :func:`allocate_serial`); None: the print service numbers a numbered form at its first print


Source = Callable[[Session, str | None], Loaded]
_SOURCES: dict[str, Source] = {}
NO_REPRINT = {"certificate.station_setup"}  # carries the recovery key, which exists only at set-up


def record(session: Session, model, ref: str | None, what: str):
    """The live row a source prints, by record id; a missing or deleted one refused in Chinese."""
    if not ref:
        raise UserError(f"请指定{what}（记录编号）")
    row = session.get(model, ref)
    if row is None or row.deleted:
        raise UserError(f"找不到{what}“{ref}”")
    return row


def source(template_id: str) -> Callable[[Source], Source]:
    """Declare how a template finds its record by id or document number (a decorator)."""

    def deco(fn: Source) -> Source:
        _SOURCES[template_id] = fn
        return fn

    return deco


@dataclass(frozen=True)
class PrintResult:
    path: Path | None  # where the user asked for a clear copy; None: kept encrypted only
    pages: int
    serial: str | None
    sha256: str
    copies: int
    reprint: bool
    data: bytes = field(default=b"", repr=False)  # the PDF, for a preview in memory
    form_id: str = ""
    record_table: str | None = None
    record_id: str | None = None
    log_id: str = ""

    def save_copy(self, session: Session, who: Principal, out: Path) -> Path:
        """另存为: the clear copy the user asked for, audited; the document now exists outside."""
        mark_delivered(session, who, self.log_id)
        return save_copy(session, who, self.form_id, self.record_table, self.record_id, self.data, out)


def mark_delivered(session: Session, who: Principal, log_id: str) -> None:
    """A previewed document was printed on paper or saved: from now on it counts as printed (the
    卷宗 contents list), not merely looked at."""
    require(who, "print")
    log = session.get(PrintLog, log_id) if log_id else None
    if log is not None and not log.delivered:
        log.delivered = True
        session.add(log)
        session.flush()


def station(session: Session) -> Station:
    row = session.exec(select(Station).where(Station.deleted == False)).first()  # noqa: E712
    if row is None:
        raise UserError("数据库中没有本所信息，请先完成初始化")
    return row


def serial_prefix(session: Session) -> str:
    """桃 + the township's first character (灰山港镇 → 桃灰), unless the county set one."""
    configured = codes.param(session, "print.serial_prefix", "")
    if configured:
        return configured
    township = station(session).township_name or ""
    return "桃" + (township[:1] or "")


def allocate_serial(session: Session, template_id: str, year: int) -> str:
    """The next number of a numbered form, in the caller's transaction: what a first print does, and what an
    act that issues the document (approving a leave issues its 外出证明) calls so the paper bears the same number."""
    template = get(template_id)
    if not template.numbered:
        raise ValueError(f"template {template_id} carries no number")
    prefix = serial_prefix(session)
    return template.serial(year, prefix, next_serial(session, template_id, year, prefix))


def print_document(session: Session, who: Principal, template_id: str, record_ref: str | None, out: Path | None,
                   *, blob_root: Path, preview: bool = False) -> PrintResult:
    """Render, number, keep (encrypted) and log one document. With `out`, a clear copy is also
    written there — the user's own save, audited as an export; without it the PDF stays in memory
    (`PrintResult.data`) for the preview.

    Who may: the 打印 permission (not 只读); a 调解员 only documents of their own committee's cases."""
    require(who, "print")
    if template_id in NO_REPRINT:
        raise UserError("站点设置证书载有恢复密钥，只能在初始化时打印（init --certificate），不能补打")
    template = get(template_id)
    loader = _SOURCES.get(template_id)
    if loader is None:
        raise UserError(f"“{template.title}”需要在相应业务页面中填写后打印，不能直接从命令行打印")
    loaded = loader(session, record_ref)
    if loaded.table is not None and loaded.record_id is not None:
        check_record(session, who, loaded.table, loaded.record_id)
    require_committee_scope(session, who, loaded.table, loaded.record_id, "打印")
    previous = None
    if loaded.record_id is not None:
        previous = session.exec(
            select(PrintLog).where(PrintLog.form_id == template_id, PrintLog.record_id == loaded.record_id,
                                   PrintLog.serial_no != None)  # noqa: E711
            .order_by(PrintLog.printed_at)
        ).first()
    serial = previous.serial_no if previous else loaded.serial
    if serial is None and template.numbered:
        serial = allocate_serial(session, template_id, loaded.year)
    buffer = io.BytesIO()
    result = render_pdf(template, loaded.context, buffer, serial=serial)
    data = buffer.getvalue()
    digest = store_blob(blob_root, data)
    path = write_pdf(data, Path(out)) if out is not None else None
    log = PrintLog(form_id=template_id, record_table=loaded.table, record_id=loaded.record_id, serial_no=serial,
                   copies=result.copies, pages=result.pages, printed_by=current_actor(), pdf_sha256=digest,
                   delivered=not preview or path is not None)  # a preview is not yet a printed document
    session.add(log)
    _audit(session, template_id, loaded)
    if path is not None:
        _audit(session, template_id, loaded, "export")
    session.flush()
    return PrintResult(Path(path) if path else None, result.pages, serial, digest, result.copies,
                       previous is not None, data, template_id, loaded.table, loaded.record_id, log.id)


class BatchCancelled(UserError):
    """The person stopped a batch: the transaction rolls back, no number is used, nothing is logged."""


@dataclass(frozen=True)
class BatchPrinted:
    documents: tuple[PrintResult, ...]  # one per record, each numbered, kept, logged and audited
    path: Path | None  # the one PDF of them all, written where the person asked
    data: bytes = field(default=b"", repr=False)  # that PDF, for the preview

    @property
    def pages(self) -> int:
        return sum(d.pages for d in self.documents)


def print_batch(session: Session, who: Principal, template_id: str, record_refs: Sequence[str], out: Path | None,
                *, blob_root: Path, progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> BatchPrinted:
    """Print one form for many records (every 聘书 of a committee, the work cards of the staff):
    each record goes through :func:`print_document` — its number, its kept copy, its print-log line
    and its audit entry — then the documents are laid out once more as one PDF to print, with the
    same numbers (page numbers restart per document). `out`: where that PDF is written (audited
    as an export per record); None keeps it in memory for the preview.

    `progress(done, total)` after each record; `cancel()` turning true raises
    :class:`BatchCancelled` inside the caller's transaction, so the batch leaves no trace."""
    require(who, "print")
    refs = list(record_refs)
    if not refs:
        raise UserError("没有选择要打印的记录")
    template = get(template_id)
    documents, contexts = [], []
    for i, ref in enumerate(refs):
        if cancel is not None and cancel():
            raise BatchCancelled("已取消批量打印，没有编号，也没有记录")
        result = print_document(session, who, template_id, ref, None, blob_root=blob_root)
        documents.append(result)
        contexts.append(_SOURCES[template_id](session, ref).context)
        if progress is not None:
            progress(i + 1, len(refs))
    buffer = io.BytesIO()
    render_many(template, contexts, buffer, serials=[d.serial for d in documents])
    data = buffer.getvalue()
    path = write_pdf(data, Path(out)) if out is not None else None
    if path is not None:
        for d in documents:
            _audit(session, template_id, Loaded(d.record_table, d.record_id, {}, 0), "export")
    session.flush()
    return BatchPrinted(tuple(documents), Path(path) if path else None, data)


def save_copy(session: Session, who: Principal, template_id: str, table: str | None, record_id: str | None,
              data: bytes, out: Path) -> Path:
    """A printed document leaves the data dir in clear only here (另存为): written and audited."""
    require(who, "print")
    path = write_pdf(data, Path(out))
    _audit(session, template_id, Loaded(table, record_id, {}, 0), "export")
    return Path(path)


def _audit(session: Session, template_id: str, loaded: Loaded, action: str = "print") -> None:
    """Every print is a disclosure: it goes to the audit chain when the security layer is present."""
    try:
        from sfs_desktop.core.security import audit
    except ImportError:
        return
    audit.record(session, current_actor(), action, table=loaded.table, record_id=loaded.record_id,
                 fields=(template_id,))


# --- sources of the built-in certificates ---------------------------------------------------

@source("certificate.work_card")
def _work_card(session: Session, ref: str | None) -> Loaded:
    from sfs_desktop.core.station.models import Staff

    if not ref:
        raise UserError("请指定工作人员（记录编号或姓名）")
    staff = session.get(Staff, ref) or session.exec(
        select(Staff).where(Staff.name == ref, Staff.deleted == False)).first()  # noqa: E712
    if staff is None:
        raise UserError(f"找不到工作人员“{ref}”")
    st = station(session)
    today = date.today()
    return Loaded("staff", staff.id, {
        "name": staff.name, "unit": st.name, "post": codes.code_name(session, "staff_post", staff.post),
        "issuer": bureau(st.name),
        "issued_on": today, "valid_until": date(today.year + 3, today.month, min(today.day, 28)), "photo": None,
    }, today.year)


def bureau(station_name: str) -> str:
    """The issuing bureau of a station's documents: 桃江县司法局××司法所 → 桃江县司法局."""
    head, sep, _rest = station_name.partition("司法局")
    return head + sep if sep else station_name
