"""设置 › 无人值守运行 (issue 19): the switch stores and deletes the key through core, stays
disabled with the notice where no credential store exists, and shows a stale key as broken."""

from keyring.backends import fail

from sfs_desktop.core.security import admin, credstore, unattended
from sfs_desktop.core.security.session import login
from sfs_desktop.ui.settings_page import SettingsPage
from tests.conftest import ADMIN
from tests.keyrings import MemoryKeyring, using


def _page(qtbot, app, settle):
    page = SettingsPage(app)
    qtbot.addWidget(page)
    settle()
    box = page.unattended
    box.page = page  # keeps the page alive as long as the test holds the box
    return box


def test_switch_on_off_and_broken(qtbot, app_session, settle, tmp_path):
    with using(MemoryKeyring()) as store:
        box = _page(qtbot, app_session, settle)
        assert box.switch.isEnabled() and not box.switch.isChecked()
        assert "未开启" in box.state.text()
        box.switch.click()
        settle()
        assert box.switch.isChecked() and "已开启" in box.state.text() and ADMIN in box.state.text()
        assert unattended.status(app_session.paths).state == unattended.ON and len(store.store) == 1
        box.switch.click()
        settle()
        assert not box.switch.isChecked() and store.store == {}

        box.switch.click()
        settle()
        admin.set_password(app_session, ADMIN, "Another-pass-2025")  # the stored key is now stale
        box.refresh()
        settle()
        assert not box.switch.isChecked() and box.switch.isEnabled()
        assert "已失效" in box.state.text() and "密码已更改" in box.state.text()
        box.window().resize(900, 760)
        box.window().grab().save(str(tmp_path / "unattended-broken.png"))
        box.switch.click()  # the 所长 turns it on again
        settle()
        assert box.switch.isChecked() and "已开启" in box.state.text()


def test_no_credential_store_disables_the_switch_with_the_notice(qtbot, app_session, settle, tmp_path):
    with using(fail.Keyring()):
        box = _page(qtbot, app_session, settle)
        assert not box.switch.isEnabled() and not box.switch.isChecked()
        assert box.state.text() == credstore.NOTICE
        box.window().resize(900, 760)
        box.window().grab().save(str(tmp_path / "unattended-none.png"))


def test_staff_see_the_state_but_cannot_switch(qtbot, app_session, settle):
    with using(MemoryKeyring()):
        admin.add_user(app_session, "clerk", "staff", "Staff-pass-2024")
        paths = app_session.paths
        app_session.close()
        clerk = login(paths, "clerk", "Staff-pass-2024")
        try:
            box = _page(qtbot, clerk, settle)
            assert not box.switch.isEnabled() and "未开启" in box.state.text()
            box.toggle(True)  # even if the switch were reached: core refuses
            settle()
            assert "无权" in box.state.text() and not box.switch.isChecked()
        finally:
            clerk.close()
