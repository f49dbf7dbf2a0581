"""Portal of the 360° rating: raters rate on a phone, employees read their published results.

Access: only the rater reaches an assignment's form: logged in as the rater's user, or holding the
assignment's own access token (the per-rater link of the invitation, as survey.user_input does, compared
with consteq). Being able to read the assignment (Admin BKPSDM, Admin Kepegawaian OPD) is not enough to
see its stars or to answer it (issue 9 finding 2). The rated employee reaches only their own published
result. Anything else redirects to /my.
"""
from werkzeug.exceptions import Forbidden
from werkzeug.urls import url_encode

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.hr_asn360_assignment import COMMENT_MAX

# the columns of a result, in order: the groups of raters (rules/scoring.py), "others" for merged groups
PORTAL_ROLES = ("atasan", "peer", "subordinate", "others")


class Asn360Portal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "perilaku360_count" in counters:
            Assignment = request.env["hr.asn360.assignment"]
            values["perilaku360_count"] = (
                Assignment.search_count(self._asn360_todo_domain()) if Assignment.has_access("read") else 0
            )
        if "perilaku360_result_count" in counters:
            # its own card on /my: a published result is reachable when nothing is left to rate (issue 12)
            Result = request.env["hr.asn360.result"]
            values["perilaku360_result_count"] = (
                Result.search_count(self._asn360_result_domain()) if Result.has_access("read") else 0
            )
        return values

    def _asn360_result_domain(self):
        """My published results (the record rules say the same; the employees are read as sudo since a
        portal user cannot read hr.employee)."""
        return [("employee_id", "in", request.env.user.sudo().employee_ids.ids), ("round_state", "=", "published"),
                ("is_rated", "=", True)]

    def _asn360_my_domain(self):
        return [("is_mine", "=", True), ("round_id.state", "in", ("open", "closed", "published"))]

    def _asn360_todo_domain(self):
        return [("is_mine", "=", True), ("round_id.state", "=", "open"), ("state", "!=", "submitted")]

    @http.route(["/my/perilaku360", "/my/perilaku360/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_perilaku360(self, page=1, **kw):
        """My ratings, a page of ``_items_per_page`` at a time with Odoo's portal pager (nothing is
        silently left out), grouped by round; the progress counts every rating of the round."""
        Assignment = request.env["hr.asn360.assignment"]
        domain = self._asn360_my_domain()
        pager = portal_pager(url="/my/perilaku360", total=Assignment.search_count(domain), page=page,
                             step=self._items_per_page)
        assignments = Assignment.search(domain, order="round_id, state, id", limit=self._items_per_page,
                                        offset=pager["offset"])
        rounds = assignments.round_id
        results = request.env["hr.asn360.result"].search(self._asn360_result_domain())
        values = self._prepare_portal_layout_values()
        values.update({
            "assignments": assignments,
            "rounds": rounds,
            "progress": self._asn360_progress(domain, rounds),
            "results": results,
            "pager": pager,
            "page_name": "perilaku360",
        })
        return request.render("hr_asn_360.portal_my_perilaku360", values)

    def _asn360_progress(self, domain, rounds):
        """{round id: (submitted, total)} over all of my ratings in ``rounds`` (one grouped read)."""
        progress = dict.fromkeys(rounds.ids, (0, 0))
        for round_, state, count in request.env["hr.asn360.assignment"]._read_group(
                domain + [("round_id", "in", rounds.ids)], ["round_id", "state"], ["__count"]):
            submitted, total = progress[round_.id]
            progress[round_.id] = (submitted + (count if state == "submitted" else 0), total + count)
        return progress

    def _asn360_assignment(self, assignment_id, access_token):
        """The assignment the visitor may rate, as sudo: decided first, on the rater or the token only."""
        assignment = request.env["hr.asn360.assignment"].sudo().browse(assignment_id).exists()
        if not assignment:
            raise MissingError(_("This rating does not exist any more."))
        is_rater = assignment.rater_user_id and assignment.rater_user_id.id == request.env.uid
        has_token = bool(access_token and assignment.access_token
                         and consteq(assignment.access_token, access_token))
        if not (is_rater or has_token):
            raise AccessError(_("Only the rater can open this rating."))
        return assignment

    def _asn360_render_form(self, assignment, access_token, stars, comment, error=None, saved=None):
        values = self._prepare_portal_layout_values()
        values.update({
            "assignment": assignment,
            "stars": stars,
            "comment": comment,
            "comment_max": COMMENT_MAX,
            "comment_hint": _("At most %(max)s characters.", max=COMMENT_MAX),
            "access_token": access_token,
            "error": error,
            "saved": saved,
            "page_name": "perilaku360_form",
        })
        return request.render("hr_asn_360.portal_perilaku360_form", values)

    @http.route(["/my/perilaku360/<int:assignment_id>"], type="http", auth="public", website=True,
                methods=["GET"])
    def portal_perilaku360_form(self, assignment_id, access_token=None, saved=None, **kw):
        try:
            assignment = self._asn360_assignment(assignment_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        stars = {answer.question_id.id: answer.stars for answer in assignment.answer_ids}
        return self._asn360_render_form(assignment, access_token, stars, assignment.comment or "", saved=saved)

    @http.route(["/my/perilaku360/<int:assignment_id>"], type="http", auth="public", website=True,
                methods=["POST"])
    def portal_perilaku360_post(self, assignment_id, access_token=None, **post):
        try:
            assignment = self._asn360_assignment(assignment_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = {"comment": post.get("comment") or ""}
        for question in assignment.round_id.question_ids:
            raw = post.get("q_%s" % question.id)
            if raw:
                try:
                    values[question.id] = int(raw)
                except ValueError:
                    values[question.id] = 0  # refused by the 1-5 check with its message
        url = "/my/perilaku360/%s" % assignment.id
        query = {"access_token": access_token} if access_token else {}
        try:
            assignment.action_save_answers(values)
            if post.get("submit"):
                assignment.action_submit()
        except (UserError, ValidationError) as error:
            # nothing is stored, and the form comes back with what was typed (issue 9 finding 10)
            request.env.cr.rollback()
            typed = {key: stars for key, stars in values.items() if key != "comment"}
            return self._asn360_render_form(assignment, access_token, typed, values["comment"], error=error.args[0])
        query["saved"] = "submitted" if post.get("submit") else "draft"
        return request.redirect(url + "?" + url_encode(query))

    @http.route(["/my/perilaku360/result/<int:result_id>"], type="http", auth="user", website=True)
    def portal_perilaku360_result(self, result_id, report_type=None, download=False, **kw):
        try:
            result = self._document_check_access("hr.asn360.result", result_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if result.round_id.state != "published":
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(model=result, report_type=report_type,
                                     report_ref="hr_asn_360.action_report_hr_asn360_result", download=download)
        values = self._prepare_portal_layout_values()
        lines = result._get_report_lines()
        # only the groups shown for this employee get a column (on a phone "All" stays in view)
        shown_roles = [role for role in PORTAL_ROLES if any(line["roles"].get(role) for line in lines)]
        values.update({"result": result, "lines": lines, "shown_roles": shown_roles,
                       "page_name": "perilaku360_result"})
        return request.render("hr_asn_360.portal_perilaku360_result", values)


class Asn360Export(http.Controller):
    @http.route(["/hr_asn_360/round/<int:round_id>/xlsx"], type="http", auth="user")
    def export_round_xlsx(self, round_id, **kw):
        """The round's XLSX, refused (403 with the reason) exactly where the form's button is: not Admin
        BKPSDM, or the round not closed yet (round._check_export)."""
        round_ = request.env["hr.asn360.round"].browse(round_id).exists()
        if not round_:
            raise request.not_found()
        try:
            round_.check_access("read")
            content = round_._export_xlsx()
        except (AccessError, UserError) as error:
            raise Forbidden(error.args[0]) from None
        filename = "%s.xlsx" % round_.name
        return request.make_response(content, headers=[
            ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("Content-Disposition", http.content_disposition(filename)),
        ])
