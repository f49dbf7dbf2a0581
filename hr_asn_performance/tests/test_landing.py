"""Where a civil servant lands after logging in (no page asked for): an employee on the portal home with
the SKP first, a Pejabat Penilai Kinerja on the SKPs that wait for them, administrators in the backend."""
from odoo.tests import HttpCase, tagged

from ..controllers.home import EMPLOYEE_LANDING, LEADER_LANDING
from .common import HrAsnRoleUsersCase


@tagged("post_install", "-at_install")
class TestLanding(HttpCase, HrAsnRoleUsersCase):
    def login(self, user, redirect=None):
        """Log in through the login form, as a browser does; the URL the browser ends on."""
        self.url_open("/web/session/logout")
        page = self.url_open("/web/login")
        csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        data = {"login": user.login, "password": user.login, "csrf_token": csrf}
        if redirect:
            data["redirect"] = redirect
        response = self.url_open("/web/login", data=data)
        self.assertEqual(response.status_code, 200)
        return response.url.split(self.base_url(), 1)[1]

    def test_employee_lands_on_portal_home_with_skp_first(self):
        self.assertEqual(self.login(self.user_pegawai), EMPLOYEE_LANDING)
        home = self.url_open(EMPLOYEE_LANDING).text
        self.assertIn('href="/my/skp"', home)
        self.assertLess(home.index('href="/my/skp"'), home.index('href="/my/skp/feedback"'))

    def test_leader_lands_on_what_waits_for_them(self):
        self.assertEqual(self.login(self.user_penilai), LEADER_LANDING)

    def test_administrators_land_in_the_backend(self):
        for user in (self.user_admin, self.user_admin_opd):
            self.assertEqual(self.login(user), "/odoo", user.login)

    def test_a_page_asked_for_wins(self):
        self.assertEqual(self.login(self.user_pegawai, redirect="/my/account"), "/my/account")
