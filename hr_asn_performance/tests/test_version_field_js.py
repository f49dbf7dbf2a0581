"""The backend half of issue 13's concurrent edits (static/src/js/version_field.js), with Odoo's own
HOOT unit test runner in headless Chrome (as web/tests/test_js.py runs the suite): only this addon's
tests (static/tests/version_field.test.js), filtered by their name."""
from odoo.tests import HttpCase, tagged

from odoo.addons.web.tests.test_js import unit_test_error_checker


@tagged("post_install", "-at_install")
class TestVersionFieldJs(HttpCase):
    def test_version_field_hoot(self):
        self.browser_js("/web/tests?headless&loglevel=2&preset=desktop&timeout=15000&filter=hr_asn_performance",
                        "", "", login="admin", timeout=600, success_signal="[HOOT] test suite succeeded",
                        error_checker=unit_test_error_checker)
