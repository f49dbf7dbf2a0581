from odoo.http import request

from odoo.addons.portal.controllers.web import Home

GROUP = "hr_asn_performance.group_hr_asn_performance_"
LEADER_LANDING = "/odoo/action-hr_asn_performance.hr_asn_skp_review_action"
EMPLOYEE_LANDING = "/my"


class AsnHome(Home):
    def _login_redirect(self, uid, redirect=None):
        """Where a civil servant lands after logging in, when no page was asked for: an employee on the
        portal home, their SKP first (made for a phone); a Pejabat Penilai Kinerja on what waits for
        them (SKPs to set, months to review, Umpan Balik to follow up); administrators (OPD, BKPSDM, HR,
        Odoo) in the backend as usual."""
        if not redirect:
            redirect = self._asn_landing(request.env["res.users"].sudo().browse(uid))
        return super()._login_redirect(uid, redirect=redirect)

    @staticmethod
    def _asn_landing(user):
        if not user._is_internal() or not user.has_group(GROUP + "employee"):
            return None
        if user.has_group(GROUP + "admin_opd") or user.has_group("hr.group_hr_user"):
            return None
        return LEADER_LANDING if user.has_group(GROUP + "penilai") else EMPLOYEE_LANDING
