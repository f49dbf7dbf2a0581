"""Portal of the Evaluasi Kinerja Pegawai (issue 11, must-have 12; keberatan of must-have 7): the employee
reads their evaluations on a phone, signs a set one as received (diterima, Lampiran I: "7. Pegawai yang
Dinilai"), files a keberatan to the Atasan Pejabat Penilai Kinerja within the window (Perwal Bekasi 38/2023
Pasal 30; national_rules.md §5) and follows its decision, and downloads the document.

Access: these pages are the employee's own. The record rules decide who may read an evaluation
(``_document_check_access``), and of those readers only the evaluated employee (``is_mine``: the user of the
evaluation's snapshot) reaches a page here: the Pejabat Penilai Kinerja, its atasan, an Admin Kepegawaian
OPD and BKPSDM read evaluations in the backend, not here, and cannot act through these URLs. Nothing is
read as the superuser; every write is the model's own method called as the user, so
``hr.asn.evaluation._check_evaluation_update`` and the keberatan rules guard the portal as they guard RPC,
inside one savepoint: a refusal is shown on the page (in the user's language) and nothing is written.
The id in the URL is the only one used: a form field naming another evaluation is ignored. Anything else
redirects to /my.
"""
from psycopg2.errors import UniqueViolation

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import format_date

from odoo.addons.hr_asn_performance.rules import skp as skp_rules
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

EVALUATION_REPORT = "hr_asn_evaluation.hr_asn_evaluation_report"
REFUSALS = (AccessError, MissingError, UserError, ValidationError)
SET_STATES = ("ditetapkan", "diterima", "dilaporkan")


class EvaluationPortal(CustomerPortal):
    # ------------------------------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "evaluation_count" in counters:
            Evaluation = request.env["hr.asn.evaluation"]
            values["evaluation_count"] = (Evaluation.search_count(self._evaluation_to_sign_domain())
                                          if Evaluation.has_access("read") else 0)
        return values

    def _evaluation_my_domain(self):
        return [("employee_user_id", "=", request.env.uid)]

    def _evaluation_to_sign_domain(self):
        """Set evaluations waiting for the employee's signature (none while a keberatan awaits its decision)."""
        return self._evaluation_my_domain() + [("state", "=", "ditetapkan"), ("objection_state", "!=", "submitted")]

    def _evaluation_check_mine(self, evaluation_id):
        """The user's own evaluation, as the user; AccessError/MissingError for anybody else's, even one the
        user may read (as its Pejabat Penilai Kinerja, Admin OPD or BKPSDM)."""
        self._document_check_access("hr.asn.evaluation", evaluation_id)
        evaluation = request.env["hr.asn.evaluation"].browse(evaluation_id)
        if not evaluation.is_mine:
            raise AccessError(_("This evaluation is not yours."))
        return evaluation

    def _evaluation_report_exists(self):
        return bool(request.env.ref(EVALUATION_REPORT, raise_if_not_found=False))

    @staticmethod
    def _evaluation_can_object(evaluation, today):
        """(may file, why not): what the form offers; the model decides again when it is sent."""
        if evaluation.state not in ("ditetapkan", "diterima"):
            if evaluation.state in ("draft", "dinilai"):
                return False, _("A keberatan is filed once the evaluation is set (ditetapkan).")
            return False, _("This evaluation is reported: a keberatan is no longer possible.")
        if evaluation.objection_ids:
            return False, _("You already filed a keberatan on this evaluation; its decision is final (Pasal 30).")
        if evaluation.objection_deadline and evaluation.objection_deadline < today:
            return False, _("The window for a keberatan closed on %s.",
                            format_date(request.env, evaluation.objection_deadline))
        return True, None

    # ------------------------------------------------------------------------------------------
    # List
    # ------------------------------------------------------------------------------------------
    @http.route(["/my/evaluations", "/my/evaluations/page/<int:page>"], type="http", auth="user", website=True,
                methods=["GET"])
    def portal_my_evaluations(self, page=1, **kw):
        """The user's evaluations, newest period first, ``_items_per_page`` a page with Odoo's portal pager
        (/my/evaluations/page/N): none is silently left out."""
        Evaluation = request.env["hr.asn.evaluation"]
        can_read = Evaluation.has_access("read")
        domain = self._evaluation_my_domain()
        pager = portal_pager(url="/my/evaluations", total=Evaluation.search_count(domain) if can_read else 0,
                             page=page, step=self._items_per_page)
        evaluations = Evaluation.search(domain, order="date_to desc, kind, id desc", limit=self._items_per_page,
                                        offset=pager["offset"]) if can_read else Evaluation
        request.session["my_evaluations_history"] = evaluations.ids
        values = self._prepare_portal_layout_values()
        values.update({
            "evaluations": evaluations,
            "pager": pager,
            "to_sign": Evaluation.search_count(self._evaluation_to_sign_domain()) if can_read else 0,
            "page_name": "evaluations",
        })
        return request.render("hr_asn_evaluation.portal_my_evaluations", values)

    # ------------------------------------------------------------------------------------------
    # Detail
    # ------------------------------------------------------------------------------------------
    @http.route(["/my/evaluations/<int:evaluation_id>"], type="http", auth="user", website=True, methods=["GET"])
    def portal_evaluation_detail(self, evaluation_id, **kw):
        try:
            evaluation = self._evaluation_check_mine(evaluation_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._evaluation_render_detail(evaluation, done=kw.get("done"))

    def _evaluation_render_detail(self, evaluation, error=None, done=None):
        today = fields.Date.context_today(request.env.user)
        can_object, objection_blocked = self._evaluation_can_object(evaluation, today)
        is_set = evaluation.state in SET_STATES
        values = self._prepare_portal_layout_values()
        values.update({
            "evaluation": evaluation,
            "is_set": is_set,
            "can_accept": evaluation.state == "ditetapkan" and evaluation.objection_state != "submitted",
            "can_object": can_object,
            "objection_blocked": objection_blocked,
            "report_exists": is_set and self._evaluation_report_exists(),
            "error": error,
            "done": done,
            "page_name": "evaluation_detail",
        })
        values = self._get_page_view_values(evaluation, None, values, "my_evaluations_history", False)
        return request.render("hr_asn_evaluation.portal_evaluation_detail", values)

    @http.route(["/my/evaluations/<int:evaluation_id>/accept"], type="http", auth="user", website=True,
                methods=["POST"])
    def portal_evaluation_accept(self, evaluation_id, **post):
        """Tanda tangani / Terima: the employee signs the set evaluation as received (diterima)."""
        try:
            evaluation = self._evaluation_check_mine(evaluation_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            with request.env.cr.savepoint():
                evaluation.action_accept()
        except REFUSALS as error:
            evaluation.invalidate_recordset()
            return self._evaluation_render_detail(evaluation, error=error.args[0])
        return request.redirect("/my/evaluations/%s?done=accept" % evaluation.id)

    # ------------------------------------------------------------------------------------------
    # Keberatan (Pasal 30)
    # ------------------------------------------------------------------------------------------
    def _evaluation_render_objection(self, evaluation, error=None, reason=""):
        today = fields.Date.context_today(request.env.user)
        can_object, blocked = self._evaluation_can_object(evaluation, today)
        values = self._prepare_portal_layout_values()
        values.update({
            "evaluation": evaluation,
            "can_object": can_object,
            "blocked": blocked,
            "reason_max": skp_rules.NOTE_MAX,
            "reason": reason,
            "error": error if error != blocked else None,
            "page_name": "evaluation_objection",
        })
        return request.render("hr_asn_evaluation.portal_evaluation_objection", values)

    @http.route(["/my/evaluations/<int:evaluation_id>/objection"], type="http", auth="user", website=True,
                methods=["GET"])
    def portal_evaluation_objection_form(self, evaluation_id, **kw):
        try:
            evaluation = self._evaluation_check_mine(evaluation_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._evaluation_render_objection(evaluation)

    @http.route(["/my/evaluations/<int:evaluation_id>/objection"], type="http", auth="user", website=True,
                methods=["POST"])
    def portal_evaluation_objection(self, evaluation_id, reason=None, **post):
        """File the keberatan as the user: the model checks who, the window, a second one and the length."""
        try:
            evaluation = self._evaluation_check_mine(evaluation_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        reason = reason or ""
        try:
            with request.env.cr.savepoint():
                evaluation.action_object(reason)
        except UniqueViolation:
            # a concurrent click filed it first: its decision is final, show the trail
            request.env.invalidate_all()
            return request.redirect("/my/evaluations/%s?done=objection#keberatan" % evaluation.id)
        except REFUSALS as error:
            evaluation.invalidate_recordset()
            return self._evaluation_render_objection(evaluation, error=error.args[0], reason=reason)
        return request.redirect("/my/evaluations/%s?done=objection#keberatan" % evaluation.id)

    # ------------------------------------------------------------------------------------------
    # Document
    # ------------------------------------------------------------------------------------------
    @http.route(["/my/evaluations/<int:evaluation_id>/pdf"], type="http", auth="user", website=True,
                methods=["GET"])
    def portal_evaluation_pdf(self, evaluation_id, download=False, **kw):
        try:
            evaluation = self._evaluation_check_mine(evaluation_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if evaluation.state not in SET_STATES or not self._evaluation_report_exists():
            return request.redirect("/my/evaluations/%s" % evaluation.id)
        return self._show_report(model=evaluation, report_type="pdf", report_ref=EVALUATION_REPORT,
                                 download=download in (True, "1", "true", "True"))
