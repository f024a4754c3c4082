"""The database file is encrypted, opens only with its key, and one program owns a data dir."""

import gc
import sqlite3
import time
import weakref

import pytest

from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.engine import is_encrypted_file, open_engine
from sfs_desktop.core.errors import UserError


def test_file_on_disk_is_encrypted(station_paths):
    assert is_encrypted_file(station_paths.database)
    assert not station_paths.database.read_bytes().startswith(b"SQLite format 3")


def test_plain_sqlite_cannot_read_it(station_paths):
    conn = sqlite3.connect(station_paths.database)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_wrong_key_is_refused_clearly(station_paths):
    with pytest.raises(UserError, match="密钥不正确"):
        open_engine(station_paths.database, b"\x01" * 32)


def test_keyfile_holds_no_key_in_clear(station_paths, station_db):
    raw = station_db.engine.url.password  # x'<hex>'
    assert raw[2:-1] not in station_paths.keyfile.read_text()


def test_second_instance_on_same_data_dir_is_refused(station_paths, station_db):
    key = bytes.fromhex(station_db.engine.url.password[2:-1])
    with pytest.raises(UserError, match="正被另一个"):
        Database(station_paths, key)


def test_uninitialised_dir_is_refused(tmp_path):
    from sfs_desktop.paths import DataPaths

    with pytest.raises(UserError, match="尚未初始化"):
        Database(DataPaths.resolve(tmp_path / "empty"), b"\x00" * 32)
    assert not (tmp_path / "empty" / "sfs.db").exists()


def test_wal_and_foreign_keys_are_on(station_db):
    with station_db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_backup_restore_round_trip_keeps_digest_and_starts_new_epoch(station_paths, station_db, tmp_path):
    from sfs_desktop.core.db import database as dbmod
    from sfs_desktop.core.people.models import Person

    station_db.write(lambda s: s.add(Person(name="孙己")))
    before = station_db.digest()
    target = station_db.backup(tmp_path / "b.db")
    assert is_encrypted_file(target)
    key = bytes.fromhex(station_db.engine.url.password[2:-1])
    station_db.write(lambda s: s.add(Person(name="周庚")))  # made after the backup: the restore undoes it
    assert station_db.digest() != before
    epoch = station_db.node().epoch
    station_db.close()
    dbmod.restore(station_paths, key, target, "admin")
    db = Database(station_paths, key)
    try:
        assert db.digest() == before
        assert db.node().epoch == epoch + 1
        assert db.check() == []
    finally:
        db.close()


def test_county_supplied_holidays_drive_due_dates(station_db):
    from datetime import date

    from sfs_desktop.core import calendar
    from sfs_desktop.core.codes import HolidayDay

    # An invented 2031 holiday on a Monday: a one-day period from the Friday before ends Tuesday.
    station_db.write(lambda s: s.add(HolidayDay(day=date(2031, 3, 3), kind="holiday", note="测试")))
    station_db.refresh_calendar()
    assert calendar.due_date(date(2031, 2, 28), 1, "workday") == date(2031, 3, 4)


def test_the_writer_lets_go_of_a_job_once_it_is_done(station_db):
    """A job's closure (a dialog, an import's rows) must not stay alive on the writer thread until
    the next write, nor in a reference cycle the collector frees on whichever thread it runs: it
    would be freed there, off the UI thread, at some later moment."""
    class Held:
        pass

    gc.disable()  # what frees the job must be its last reference going, not a collection
    try:
        for refuse in (False, True):
            held = Held()
            gone = weakref.ref(held)

            def job(_s, held=held):
                if refuse:
                    raise UserError("拒绝")

            try:
                station_db.write(job)
            except UserError:
                pass
            del held, job
            deadline = time.monotonic() + 5
            while gone() is not None and time.monotonic() < deadline:
                time.sleep(0.01)
            assert gone() is None, refuse
    finally:
        gc.enable()


def test_close_waits_for_a_read_on_another_thread_and_refuses_reads_after(station_paths):
    """A page's read that outlives its window (a thread still counting the dashboard) finishes
    before the database closes; work arriving later is refused in words, never run on a closed one."""
    import threading

    from sfs_desktop.core.db.synced import LocalNode
    from tests.conftest import open_dir

    db = open_dir(station_paths)
    inside, release, seen = threading.Event(), threading.Event(), []

    def reader():
        with db.read() as s:
            inside.set()
            release.wait(10)
            seen.append(s.get(LocalNode, 1).node_id)  # the connection still works: close has waited

    t = threading.Thread(target=reader)
    t.start()
    assert inside.wait(10)
    closer = threading.Thread(target=db.close)
    closer.start()
    closer.join(0.3)
    assert closer.is_alive()  # waiting for the read
    release.set()
    t.join(10)
    closer.join(10)
    assert not closer.is_alive() and seen == ["430922101"]
    with pytest.raises(UserError, match="数据库已关闭"):
        with db.read():
            pass
