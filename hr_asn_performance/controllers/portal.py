"""Portal of the SKP: employees draft, submit and document their Sasaran Kinerja Pegawai (often on a phone).

Access: the record rules decide. The employee works on their own SKP; their Pejabat Penilai Kinerja (and
its atasan) may read it here and act from the backend; a valid access token opens an SKP read-only.
Reading the superior's set SKP for cascading is not enough to open it here. Colleagues cannot read
each other's SKP, so the pages that give Umpan Balik Berkelanjutan look up who may receive it, and the
names of their RHK, as the superuser and hand the templates plain values (names only). Every write runs
as the logged-in user, so the rules and the models' checks guard the portal as they guard RPC; each POST
writes inside one savepoint, so a refused entry leaves nothing half-written. Anything else redirects
to /my.

Double submits (issue 9, finding 9): "Create my SKP" leads to the SKP already open for the year, and the
database keeps one open SKP per period (``hr_asn_skp_one_open_skp``) when two requests race; a feedback
form carries a one-time key stored with the feedback (unique per giver), so a double click stores one
Umpan Balik and both answers show the same success. Bad input (finding 10) gets the rule's message on
the page that was sent, with what was typed kept: numbers through ``rules/skp.py`` ``parse_target``, bukti
dukung through ``check_bukti`` (types and size the form announces), text lengths through the models.

Concurrent edits (issue 13): the SKP's forms carry the version of the SKP they were rendered with
(``asn_version``), the month's form the version of each line (``version_<line id>``); a POST over a
version somebody else saved meanwhile is refused (``hr.asn.version.mixin``) and the page shows the
stored data afresh with the message. Serialization failures (two requests writing one row) are not
caught here: they leave the route, and Odoo retries the whole request (odoo/service/model.py).
"""
import datetime
import uuid

from psycopg2.errors import UniqueViolation

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.fields import Command
from odoo.http import request
from odoo.osv import expression
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.hr_asn_version_mixin import VERSION_FIELD, is_version_conflict
from ..rules import skp as skp_rules

SKP_REPORT = "hr_asn_performance.hr_asn_skp_report"
MONTH_REPORT = "hr_asn_performance.hr_asn_skp_month_report"
REFUSALS = (AccessError, MissingError, UserError, ValidationError)
# a search by name or NIP shows this many and says "type more" when more match (nothing else is cut off)
FEEDBACK_SEARCH_LIMIT = 20
BUKTI_TYPES = ", ".join(ext.lstrip(".").upper() for ext in skp_rules.BUKTI_EXTENSIONS)


class SkpPortal(CustomerPortal):
    # ------------------------------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "skp_count" in counters:
            Skp = request.env["hr.asn.skp"]
            values["skp_count"] = Skp.search_count(self._skp_my_domain()) if Skp.has_access("read") else 0
        if "skp_review_count" in counters:
            Review = request.env["hr.asn.skp.review"]
            values["skp_review_count"] = Review.search_count(self._skp_review_domain()) \
                if Review.has_access("read") else 0
        return values

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["skp_limits"] = {
            # what the forms announce and the browser enforces before sending; the server checks the same
            "line": skp_rules.LINE_MAX,
            "statement": skp_rules.STATEMENT_MAX,
            "note": skp_rules.NOTE_MAX,
            "bukti_accept": ",".join(skp_rules.BUKTI_EXTENSIONS),
            "bukti_types": BUKTI_TYPES,
            "bukti_bytes": skp_rules.BUKTI_MAX_BYTES,
            "bukti_mb": skp_rules.BUKTI_MAX_BYTES // (1024 * 1024),
        }
        return values

    def _skp_my_domain(self):
        return [("employee_id", "in", request.env.user.sudo().employee_ids.ids)]

    def _skp_check_access(self, skp_id, access_token=None):
        """(SKP as the user, SKP as superuser) of somebody who may open it here, else AccessError. The
        superuser's SKP is in the user's environment (``skp.sudo()``, not ``_document_check_access``'s
        OdooBot): the pages read the user's time zone and records once, not again for another user."""
        # the people the record rules and the roles read, in narrow queries (decides nothing; an id that
        # does not exist raises MissingError here as below)
        request.env["hr.asn.skp"].sudo().browse(skp_id)._asn_fetch_people()
        document_sudo = self._document_check_access("hr.asn.skp", skp_id, access_token)
        skp = request.env["hr.asn.skp"].browse(document_sudo.id)
        if skp.is_mine or skp.is_assessor:
            return skp, skp.sudo()
        if access_token and document_sudo.access_token and consteq(document_sudo.access_token, access_token):
            return skp, skp.sudo()
        raise AccessError(_("This SKP is not yours."))

    def _skp_check_mine(self, skp_id):
        """The user's own SKP (as the user), for the routes that write."""
        skp, _skp_sudo = self._skp_check_access(skp_id)
        if not skp.is_mine:
            raise AccessError(_("Only the employee works on their SKP here."))
        return skp

    @staticmethod
    def _skp_part(records, record_id):
        """The record ``record_id`` among ``records`` (the parts of the SKP in the URL), else MissingError."""
        part = records.filtered(lambda record: record.id == record_id)
        if not part:
            raise MissingError(_("This document does not exist."))
        return part

    @staticmethod
    def _skp_number(raw, label, allow_zero=False):
        """A number typed by a person (Indonesian or English notation), through the SKP rule."""
        text = (raw or "").strip()
        shown = text if len(text) <= 40 else text[:37] + "..."
        try:
            return skp_rules.parse_target(text, allow_zero=allow_zero)
        except skp_rules.SkpRuleError as error:
            if error.args[0] == "negative":
                raise UserError(_("%(label)s cannot be negative: \"%(value)s\".", label=label, value=shown)) \
                    from error
            if error.args[0] == "not_positive":
                raise UserError(_("%(label)s must be a number above zero: \"%(value)s\".", label=label,
                                  value=shown)) from error
            if error.args[0] == "too_large":
                raise UserError(_("%(label)s is too large: \"%(value)s\". At most %(maximum)s.", label=label,
                                  value=shown, maximum=skp_rules.format_amount(skp_rules.MAX_AMOUNT))) from error
            raise UserError(_("%(label)s is not a number: \"%(value)s\". Write digits, e.g. 12 or 12,5.",
                              label=label, value=shown)) from error

    @staticmethod
    def _skp_id(raw):
        """An id chosen in a form: a positive int or False."""
        raw = (raw or "").strip()
        if not raw:
            return False
        if not raw.isdigit():
            raise UserError(_("Choose from the list."))
        return int(raw)

    @staticmethod
    def _skp_selection(model, field):
        return request.env[model]._fields[field]._description_selection(request.env)

    def _skp_report_exists(self):
        return bool(request.env.ref(SKP_REPORT, raise_if_not_found=False))

    # ------------------------------------------------------------------------------------------
    # List and new SKP
    # ------------------------------------------------------------------------------------------
    @http.route(["/my/skp", "/my/skp/page/<int:page>"], type="http", auth="user", website=True, methods=["GET"])
    def portal_my_skp(self, page=1, **kw):
        values = self._skp_list_values(page=page)
        request.session["my_skp_history"] = values["skps"].ids
        return request.render("hr_asn_performance.portal_my_skp", values)

    def _skp_list_page(self, page):
        """(pager, SKPs of the page) of the user's SKPs, ``_items_per_page`` a page with Odoo's portal
        pager (/my/skp/page/N): none is silently left out."""
        Skp = request.env["hr.asn.skp"]
        can_read = Skp.has_access("read")
        domain = self._skp_my_domain()
        pager = portal_pager(url="/my/skp", total=Skp.search_count(domain) if can_read else 0, page=page,
                             step=self._items_per_page)
        skps = Skp.search(domain, limit=self._items_per_page, offset=pager["offset"]) if can_read else Skp
        return pager, skps

    def _skp_open_this_year(self, year):
        """Whether the user has an open SKP of ``year`` (on any page of the list)."""
        Skp = request.env["hr.asn.skp"]
        return Skp.has_access("read") and bool(Skp.search_count(
            self._skp_my_domain() + [("year", "=", year), ("state", "!=", "closed")], limit=1))

    def _skp_list_values(self, page=1, error=None):
        this_year = fields.Date.context_today(request.env.user).year
        employee = request.env.user.sudo().employee_id
        pager, skps = self._skp_list_page(page)
        values = self._prepare_portal_layout_values()
        values.update({
            "skps": skps,
            "pager": pager,
            "this_year": this_year,
            "can_start": bool(employee) and request.env.user.has_group(
                "hr_asn_performance.group_hr_asn_performance_employee")
            and not self._skp_open_this_year(this_year),
            "approaches": self._skp_selection("hr.asn.skp", "approach"),
            "can_give_feedback": bool(employee) and request.env["hr.asn.skp.feedback"].has_access("create"),
            "error": error,
            "page_name": "skp",
        })
        return values

    @http.route(["/my/skp/new"], type="http", auth="user", website=True, methods=["POST"])
    def portal_skp_new(self, approach=None, **post):
        employee = request.env.user.sudo().employee_id
        Skp = request.env["hr.asn.skp"]
        try:
            if not employee:
                raise UserError(_("Your user is not linked to an employee; ask the BKPSDM administrator."))
            if approach not in dict(skp_rules.APPROACHES):
                raise UserError(_("Choose the approach (pendekatan) of your SKP."))
            skp = self._skp_start(Skp, employee, fields.Date.context_today(request.env.user).year, approach)
        except REFUSALS as error:
            return request.render("hr_asn_performance.portal_my_skp", self._skp_list_values(error=error.args[0]))
        # a click that lost the race to another one: the list shows the SKP the other one created
        return request.redirect("/my/skp/%s" % skp.id if skp else "/my/skp")

    @staticmethod
    def _skp_start(Skp, employee, year, approach):
        """The employee's open SKP of ``year``: the one already there (a second click), else a new draft
        created as the user; None when a concurrent request created it first (the unique index refused
        this one; this transaction cannot see the other one yet)."""
        skp = Skp.search([("employee_id", "=", employee.id), ("year", "=", year), ("state", "!=", "closed")],
                         limit=1) if Skp.has_access("read") else Skp
        if skp:
            return skp
        try:
            with Skp.env.cr.savepoint():
                return Skp.create({"employee_id": employee.id, "year": year, "approach": approach})
        except UniqueViolation:
            Skp.env.invalidate_all()
            return None

    # ------------------------------------------------------------------------------------------
    # Detail
    # ------------------------------------------------------------------------------------------
    @http.route(["/my/skp/<int:skp_id>"], type="http", auth="user", website=True, methods=["GET"])
    def portal_skp_detail(self, skp_id, access_token=None, **kw):
        try:
            skp, skp_sudo = self._skp_check_access(skp_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._skp_render_detail(skp, skp_sudo, access_token=access_token, done=kw.get("done"),
                                       open_form=kw.get("open"))

    def _skp_render_detail(self, skp, skp_sudo, access_token=None, error=None, form=None, open_form=None,
                           done=None):
        is_mine = skp.is_mine
        editable = is_mine and skp_sudo.state == "draft"
        values = self._prepare_portal_layout_values()
        values.update({
            "skp": skp_sudo,
            "is_mine": is_mine,
            # the Pejabat Penilai Kinerja's buttons, for exactly who the routes let act
            "can_set": skp.is_penilai and not is_mine and skp_sudo.state == "submitted",
            "editable": editable,
            "parent_choices": (request.env["hr.asn.skp.rhk"].sudo()._asn_parent_candidates(skp_sudo)[skp_sudo.id]
                               if editable else request.env["hr.asn.skp.rhk"]),
            "needs_cascade": skp_rules.needs_cascade(skp_sudo.skp_format),
            "leader_format": skp_rules.is_leader_format(skp_sudo.skp_format),
            "quantitative": skp_sudo.approach == "kuantitatif",
            "aspects": self._skp_selection("hr.asn.skp.iki", "aspect"),
            "perspectives": self._skp_selection("hr.asn.skp.iki", "perspective"),
            "support_kinds": self._skp_selection("hr.asn.skp.support", "kind"),
            "approaches": self._skp_selection("hr.asn.skp", "approach"),
            "report_exists": self._skp_report_exists(),
            "today": fields.Date.context_today(request.env.user),
            "error": error,
            "done": done,
            "form": form or {},
            "open_form": open_form,
            "page_name": "skp_detail",
        })
        values = self._get_page_view_values(skp_sudo, access_token, values, "my_skp_history", False)
        return request.render("hr_asn_performance.portal_skp_detail", values)

    def _skp_post(self, skp_id, write, lookup=None, form=None, open_form=None, anchor=""):
        """Run ``write(skp, part)`` as the user on their own SKP inside a savepoint. ``lookup(skp)``
        finds the part named in the URL among the SKP's own (else the user is sent away). On a refusal
        the page shows the message and nothing is written; else Post/Redirect/Get."""
        try:
            skp = self._skp_check_mine(skp_id)
            part = lookup(skp) if lookup else None
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            with request.env.cr.savepoint():
                if VERSION_FIELD in request.params:
                    # the SKP as the form showed it (its parts count as the SKP's changes)
                    skp._asn_version_bump(skp._asn_version_value(request.params[VERSION_FIELD]))
                write(skp, part)
        except REFUSALS as error:
            skp.invalidate_recordset()
            if is_version_conflict(error):  # the page as stored now, not the outdated form
                form = open_form = None
            return self._skp_render_detail(skp, skp.sudo(), error=error.args[0], form=form, open_form=open_form)
        return request.redirect("/my/skp/%s?done=1%s" % (skp.id, anchor))

    @http.route(["/my/skp/<int:skp_id>/edit"], type="http", auth="user", website=True, methods=["POST"])
    def portal_skp_edit(self, skp_id, **post):
        def write(skp, part):
            vals = {}
            if post.get("approach") and post["approach"] != skp.approach:
                if post["approach"] not in dict(skp_rules.APPROACHES):
                    raise UserError(_("Choose the approach (pendekatan) of your SKP."))
                vals["approach"] = post["approach"]
            if "perjanjian_kerja_ref" in post:
                vals["perjanjian_kerja_ref"] = post["perjanjian_kerja_ref"].strip() or False
            if vals:
                skp.write(vals)
        return self._skp_post(skp_id, write, form=post)

    @http.route(["/my/skp/<int:skp_id>/rhk/add"], type="http", auth="user", website=True, methods=["POST"])
    def portal_skp_rhk_add(self, skp_id, **post):
        def write(skp, part):
            name = (post.get("name") or "").strip()
            if not name:
                raise UserError(_("Write the Rencana Hasil Kerja."))
            request.env["hr.asn.skp.rhk"].create({
                "skp_id": skp.id,
                "kind": "tambahan" if post.get("kind") == "tambahan" else "utama",
                "name": name,
                "assigned_by": (post.get("assigned_by") or "").strip() or False,
                "parent_rhk_id": self._skp_id(post.get("parent_rhk_id")),
            })
        return self._skp_post(skp_id, write, form=post, open_form="rhk", anchor="#skp_hasil_kerja")

    @http.route(["/my/skp/<int:skp_id>/rhk/<int:rhk_id>/delete"], type="http", auth="user", website=True,
                methods=["POST"])
    def portal_skp_rhk_delete(self, skp_id, rhk_id, **post):
        return self._skp_post(skp_id, lambda skp, part: part.unlink(),
                              lookup=lambda skp: self._skp_part(skp.rhk_ids, rhk_id), anchor="#skp_hasil_kerja")

    @http.route(["/my/skp/<int:skp_id>/rhk/<int:rhk_id>/iki/add"], type="http", auth="user", website=True,
                methods=["POST"])
    def portal_skp_iki_add(self, skp_id, rhk_id, **post):
        def write(skp, rhk):
            name = (post.get("name") or "").strip()
            if not name:
                raise UserError(_("Write the Indikator Kinerja Individu."))
            vals = {
                "rhk_id": rhk.id,
                "aspect": post.get("aspect") if post.get("aspect") in dict(skp_rules.IKI_ASPECTS) else "kuantitas",
                "name": name,
                "perspective": post.get("perspective") if post.get("perspective") in dict(skp_rules.PERSPECTIVES)
                else False,
            }
            if skp.approach == "kuantitatif":
                vals["target_value"] = self._skp_number(post.get("target_value"), _("The target"))
                vals["target_unit"] = (post.get("target_unit") or "").strip()
                if not vals["target_unit"]:
                    raise UserError(_("Give the unit of the target, e.g. dokumen, laporan, persen."))
            else:
                vals["target_text"] = (post.get("target_text") or "").strip()
                if not vals["target_text"]:
                    raise UserError(_("Write the target of the indicator."))
            request.env["hr.asn.skp.iki"].create(vals)
        return self._skp_post(skp_id, write, lookup=lambda skp: self._skp_part(skp.rhk_ids, rhk_id), form=post,
                              open_form="iki_%s" % rhk_id, anchor="#rhk_%s" % rhk_id)

    @http.route(["/my/skp/<int:skp_id>/iki/<int:iki_id>/delete"], type="http", auth="user", website=True,
                methods=["POST"])
    def portal_skp_iki_delete(self, skp_id, iki_id, **post):
        return self._skp_post(skp_id, lambda skp, part: part.unlink(),
                              lookup=lambda skp: self._skp_part(skp.iki_ids, iki_id), anchor="#skp_hasil_kerja")

    @http.route(["/my/skp/<int:skp_id>/support/add"], type="http", auth="user", website=True, methods=["POST"])
    def portal_skp_support_add(self, skp_id, **post):
        def write(skp, part):
            name = (post.get("name") or "").strip()
            if not name:
                raise UserError(_("Write the line of the Lampiran SKP."))
            if post.get("kind") not in dict(skp_rules.SUPPORT_KINDS):
                raise UserError(_("Choose the part of the Lampiran SKP."))
            request.env["hr.asn.skp.support"].create({"skp_id": skp.id, "kind": post["kind"], "name": name})
        return self._skp_post(skp_id, write, form=post, open_form="support", anchor="#skp_lampiran")

    @http.route(["/my/skp/<int:skp_id>/support/<int:support_id>/delete"], type="http", auth="user", website=True,
                methods=["POST"])
    def portal_skp_support_delete(self, skp_id, support_id, **post):
        return self._skp_post(skp_id, lambda skp, part: part.unlink(),
                              lookup=lambda skp: self._skp_part(skp.support_ids, support_id), anchor="#skp_lampiran")

    @http.route(["/my/skp/<int:skp_id>/submit"], type="http", auth="user", website=True, methods=["POST"])
    def portal_skp_submit(self, skp_id, **post):
        def write(skp, part):
            skp.action_submit()
        return self._skp_post(skp_id, write)

    # ------------------------------------------------------------------------------------------
    # The Pejabat Penilai Kinerja: what waits, set / return an SKP, review a month (on a phone too)
    # ------------------------------------------------------------------------------------------
    @staticmethod
    def _skp_review_domain():
        """What waits for the user as Pejabat Penilai Kinerja (hr.asn.skp.review; its record rule agrees)."""
        uid = request.env.uid
        return ["|", ("penilai_user_id", "=", uid), ("current_penilai_user_id", "=", uid)]

    @http.route(["/my/skp/review"], type="http", auth="user", website=True, methods=["GET"])
    def portal_skp_review(self, **kw):
        Review = request.env["hr.asn.skp.review"]
        rows = Review.search(self._skp_review_domain()) if Review.has_access("read") else Review
        values = self._prepare_portal_layout_values()
        values.update({
            "groups": [(kind, label, rows.filtered(lambda row, kind=kind: row.kind == kind))
                       for kind, label in self._skp_selection("hr.asn.skp.review", "kind")],
            "total": len(rows),
            "today": fields.Date.context_today(request.env.user),
            "done": kw.get("done"),
            "error": None,
            "page_name": "skp_review",
        })
        return request.render("hr_asn_performance.portal_skp_review", values)

    def _skp_check_penilai(self, skp_id, month_id=None):
        """(SKP as the user, SKP as superuser, month as superuser or None) when the user is the SKP's
        Pejabat Penilai Kinerja (the one it names or the employee's current one, Pasal 26; not its atasan,
        not the employee), the month one of that SKP's; else AccessError/MissingError. Decided as the
        user, before anything is done as the superuser."""
        skp, skp_sudo = self._skp_check_access(skp_id)
        if not skp.is_penilai:
            raise AccessError(_("Only the Pejabat Penilai Kinerja of this SKP can do this."))
        month_sudo = self._skp_part(skp_sudo.month_ids, month_id) if month_id else None
        return skp, skp_sudo, month_sudo

    def _skp_penilai_post(self, skp_id, act, month_id=None, form=None):
        """Run ``act(skp, month)``, exactly one action of the Pejabat Penilai Kinerja, as the
        superuser once ``_skp_check_penilai`` said the user may take it (its uid stays the user's: set by,
        reviewed by); a refusal shows on the page, nothing half-done; else Post/Redirect/Get."""
        try:
            skp, skp_sudo, month_sudo = self._skp_check_penilai(skp_id, month_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        # the user's environment as the superuser (not _document_check_access's OdooBot): "set by" and
        # "reviewed by" name the user
        acting_skp = skp.sudo()
        acting_month = request.env["hr.asn.skp.month"].browse(month_sudo.id).sudo() if month_sudo else None
        try:
            with request.env.cr.savepoint():
                done = act(acting_skp, acting_month)
        except REFUSALS as error:
            skp_sudo.invalidate_recordset()
            if month_sudo:
                month_sudo.invalidate_recordset()
                return self._skp_render_month(skp, skp_sudo, month_sudo, error=error.args[0], form=form)
            return self._skp_render_detail(skp, skp_sudo, error=error.args[0], form=form)
        if month_sudo:
            return request.redirect("/my/skp/%s/month/%s?done=%s" % (skp_sudo.id, month_sudo.id, done))
        return request.redirect("/my/skp/%s?done=%s" % (skp_sudo.id, done))

    @http.route(["/my/skp/<int:skp_id>/set"], type="http", auth="user", website=True, methods=["POST"])
    def portal_skp_set(self, skp_id, **post):
        def act(skp_sudo, _month):
            skp_sudo.action_set()
            return "set"
        return self._skp_penilai_post(skp_id, act)

    @http.route(["/my/skp/<int:skp_id>/return"], type="http", auth="user", website=True, methods=["POST"])
    def portal_skp_return(self, skp_id, **post):
        def act(skp_sudo, _month):
            skp_sudo.action_return((post.get("reason") or "").strip())
            return "returned"
        return self._skp_penilai_post(skp_id, act, form=post)

    @http.route(["/my/skp/<int:skp_id>/month/<int:month_id>/review"], type="http", auth="user", website=True,
                methods=["POST"])
    def portal_skp_month_review(self, skp_id, month_id, **post):
        def act(skp_sudo, month_sudo):
            month_sudo.action_review((post.get("review_note") or "").strip() or None)
            return "reviewed"
        return self._skp_penilai_post(skp_id, act, month_id=month_id, form=post)

    @http.route(["/my/skp/<int:skp_id>/pdf"], type="http", auth="user", website=True, methods=["GET"])
    def portal_skp_pdf(self, skp_id, access_token=None, download=False, **kw):
        try:
            _skp, skp_sudo = self._skp_check_access(skp_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if not self._skp_report_exists():
            return request.redirect("/my/skp/%s" % skp_sudo.id)
        return self._show_report(model=skp_sudo, report_type="pdf", report_ref=SKP_REPORT,
                                 download=download in (True, "1", "true", "True"))

    # ------------------------------------------------------------------------------------------
    # Months: targets, realisasi, bukti dukung
    # ------------------------------------------------------------------------------------------
    def _skp_check_month(self, skp_id, month_id, access_token=None):
        skp, skp_sudo = self._skp_check_access(skp_id, access_token)
        month_sudo = self._skp_part(skp_sudo.month_ids, month_id)
        return skp, skp_sudo, request.env["hr.asn.skp.month"].browse(month_sudo.id), month_sudo

    @http.route(["/my/skp/<int:skp_id>/month/<int:month_id>"], type="http", auth="user", website=True,
                methods=["GET"])
    def portal_skp_month(self, skp_id, month_id, access_token=None, **kw):
        try:
            skp, skp_sudo, _month, month_sudo = self._skp_check_month(skp_id, month_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._skp_render_month(skp, skp_sudo, month_sudo, access_token=access_token, done=kw.get("done"))

    def _skp_render_month(self, skp, skp_sudo, month_sudo, access_token=None, error=None, done=None, form=None):
        today = fields.Date.context_today(request.env.user)
        begun = datetime.date(month_sudo.year, month_sudo.month, 1) <= today
        is_mine = skp.is_mine
        months = skp_sudo.month_ids
        index = list(months).index(month_sudo)
        # the month's activities under the IKI lines they serve (one search for all of them)
        sections = month_sudo._asn_activity_sections()[month_sudo.id]
        values = self._prepare_portal_layout_values()
        values.update({
            "skp": skp_sudo,
            "month": month_sudo,
            "line_activities": {section["line"].id: section for section in sections if section["line"]},
            "other_activity_sections": [section for section in sections if not section["line"]],
            "previous_month": months[index - 1] if index > 0 else False,
            "next_month": months[index + 1] if index + 1 < len(months) else False,
            "is_mine": is_mine,
            "quantitative": skp_sudo.approach == "kuantitatif",
            "can_plan": is_mine and skp_sudo.state == "set" and month_sudo.state == "open",
            # confirmed targets are not offered for confirming again (issue 12)
            "can_confirm": is_mine and skp_sudo.state == "set" and month_sudo.state == "open"
            and not month_sudo.plan_date,
            "can_review": skp.is_penilai and not is_mine and month_sudo.state == "reported",
            # issue 12: a reported month waits for the leader unchanged (reopened, it takes entries again)
            "can_report": is_mine and skp_sudo.state == "set" and month_sudo.state == "open" and begun,
            "report_open": month_sudo.report_open_date <= today,
            "begun": begun,
            "access_token": access_token,
            "error": error,
            "done": done,
            "form": form or {},
            "page_name": "skp_month",
        })
        return request.render("hr_asn_performance.portal_skp_month", values)

    @http.route(["/my/skp/<int:skp_id>/month/<int:month_id>/pdf"], type="http", auth="user", website=True,
                methods=["GET"])
    def portal_skp_month_pdf(self, skp_id, month_id, access_token=None, download=False, **kw):
        """The month's record (realisasi and aktivitas harian) for whoever may open the month here; anybody
        else gets a 404 (a PDF link is no page to be sent on from), as does a month of another SKP."""
        try:
            _skp, _skp_sudo, _month, month_sudo = self._skp_check_month(skp_id, month_id, access_token)
        except (AccessError, MissingError):
            raise request.not_found() from None
        return self._show_report(model=month_sudo, report_type="pdf", report_ref=MONTH_REPORT,
                                 download=download in (True, "1", "true", "True"))

    @http.route(["/my/skp/<int:skp_id>/month/<int:month_id>"], type="http", auth="user", website=True,
                methods=["POST"])
    def portal_skp_month_post(self, skp_id, month_id, **post):
        try:
            skp, _skp_sudo, month, _month_sudo = self._skp_check_month(skp_id, month_id)
            if not skp.is_mine:
                raise AccessError(_("Only the employee works on their SKP here."))
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            with request.env.cr.savepoint():
                self._skp_month_write(skp, month, post)
                if post.get("action") == "confirm":
                    month.action_confirm_plan()
                elif post.get("action") == "report":
                    month.action_report()
        except REFUSALS as error:
            skp.invalidate_recordset()
            month.invalidate_recordset()
            # on a version conflict, the lines as stored now (what the other one saved), not the outdated form
            return self._skp_render_month(skp, skp.sudo(), month.sudo(), error=error.args[0],
                                          form=None if is_version_conflict(error) else post)
        return request.redirect("/my/skp/%s/month/%s?done=%s" % (skp.id, month.id, post.get("action") or "save"))

    def _skp_month_write(self, skp, month, post):
        """Write the month's lines as the user, only what changed."""
        files = request.httprequest.files
        form = request.httprequest.form
        quantitative = skp.approach == "kuantitatif"
        Attachment = request.env["ir.attachment"]
        for line in month.line_ids:
            label = line.iki_id.name
            vals = {}
            if quantitative and ("target_value_%s" % line.id) in post:
                raw = post["target_value_%s" % line.id]
                value = self._skp_number(raw, _("The target of \"%s\"", label)) if raw.strip() else 0.0
                if value != line.target_value:
                    vals["target_value"] = value
            if not quantitative and ("target_text_%s" % line.id) in post:
                text = post["target_text_%s" % line.id].strip()
                if text != (line.target_text or ""):
                    vals["target_text"] = text or False
            if ("realisasi_%s" % line.id) in post:
                text = post["realisasi_%s" % line.id].strip()
                if text != (line.realisasi or "").strip():
                    vals["realisasi"] = text or False
            if quantitative and ("realisasi_value_%s" % line.id) in post:
                raw = post["realisasi_value_%s" % line.id]
                value = self._skp_number(raw, _("The realisasi of \"%s\"", label), allow_zero=True) \
                    if raw.strip() else 0.0
                if value != line.realisasi_value:
                    vals["realisasi_value"] = value
            commands = []
            removed_ids = set(form.getlist("remove_%s" % line.id))
            removed = line.attachment_ids.filtered(lambda attachment, ids=removed_ids: str(attachment.id) in ids)
            commands += [Command.unlink(attachment.id) for attachment in removed]
            uploads = [(upload.filename, self._skp_bukti(upload)) for upload in files.getlist("bukti_%s" % line.id)
                       if upload and upload.filename]
            if uploads:
                new = Attachment.create([{
                    "name": filename,
                    "raw": raw,
                    "res_model": "hr.asn.skp.month.line",
                    "res_id": line.id,
                } for filename, raw in uploads])
                commands += [Command.link(attachment.id) for attachment in new]
            if commands:
                vals["attachment_ids"] = commands
            if vals and ("version_%s" % line.id) in post:
                vals[VERSION_FIELD] = post["version_%s" % line.id]  # the line as the form showed it
            if vals:
                line.write(vals)
            removed.filtered(lambda a, line=line: a.res_model == line._name and a.res_id == line.id).unlink()

    @staticmethod
    def _skp_bukti(upload):
        """The content of an uploaded bukti dukung, if of a type and size ``rules/skp.py`` accepts (the
        form announces both); read at most one byte past the limit."""
        raw = upload.read(skp_rules.BUKTI_MAX_BYTES + 1)
        try:
            skp_rules.check_bukti(upload.filename, len(raw))
        except skp_rules.SkpRuleError as error:
            if error.args[0] == "bukti_size":
                raise UserError(_("\"%(file)s\" is larger than %(size)s MB: send a smaller file (a scan at a "
                                  "lower resolution, a photo instead of a video).", file=upload.filename,
                                  size=skp_rules.BUKTI_MAX_BYTES // (1024 * 1024))) from error
            raise UserError(_("\"%(file)s\" cannot be a bukti dukung: send %(types)s files.", file=upload.filename,
                              types=BUKTI_TYPES)) from error
        return raw

    # ------------------------------------------------------------------------------------------
    # Umpan Balik Berkelanjutan given to colleagues (Pasal 17-19)
    # ------------------------------------------------------------------------------------------
    @staticmethod
    def _feedback_person(employee):
        """What the pages show of a colleague: nothing else of their record or SKP."""
        return {
            "id": employee.id,
            "name": employee.name,
            "jabatan": employee.job_title or employee.job_id.name or "",
            "unit": employee.department_id.name or "",
        }

    def _feedback_colleagues(self, me, employee_domain, limit=None):
        """Colleagues of ``me`` (same Pemda, not ``me``) within ``employee_domain`` who have a set SKP
        covering today: one query, as the superuser (the user cannot read their SKP)."""
        employee_domain = expression.AND([employee_domain, [("company_id", "=", me.company_id.id),
                                                            ("id", "!=", me.id)]])
        skps = request.env["hr.asn.skp"].sudo().search_fetch(
            request.env["hr.asn.skp"]._asn_current_domain() + [("employee_id", "any", employee_domain)],
            ["employee_id"], order="employee_name, id", limit=limit)
        return skps.employee_id.sorted(lambda employee: (employee.name or "").lower())

    def _feedback_groups(self, me):
        """[(key, title, [person])]: the Pejabat Penilai Kinerja and its atasan, the team the user
        assesses (if any), the colleagues with the same Pejabat Penilai Kinerja; each colleague once."""
        leaders = me.pejabat_penilai_id | me.atasan_pejabat_penilai_id
        penilai = me.pejabat_penilai_id
        domains = [[("id", "in", leaders.ids)], [("pejabat_penilai_id", "=", me.id)]]
        if penilai:
            domains.append([("pejabat_penilai_id", "=", penilai.id)])
        colleagues = self._feedback_colleagues(me, expression.OR(domains))
        groups = {"leaders": [], "team": [], "peers": []}
        for employee in colleagues:
            if employee in leaders:
                key = "leaders"
            elif employee.pejabat_penilai_id == me:
                key = "team"
            else:
                key = "peers"
            groups[key].append(self._feedback_person(employee))
        return [group for group in (
            ("leaders", _("My Pejabat Penilai Kinerja"), groups["leaders"]),
            # a team only for who assesses somebody
            ("team", _("My team"), groups["team"]) if groups["team"] or me.assessee_ids else None,
            ("peers", _("Colleagues"), groups["peers"]),
        ) if group]

    def _feedback_given(self, page=1, search=""):
        """(The Umpan Balik the user gave, read as the user (the rule on the giver), as plain values; the
        pager): ``_items_per_page`` a page with Odoo's portal pager (/my/skp/feedback/page/N), none is
        silently left out."""
        Feedback = request.env["hr.asn.skp.feedback"]
        can_read = Feedback.has_access("read")
        domain = [("giver_user_id", "=", request.env.uid)]
        pager = portal_pager(url="/my/skp/feedback", total=Feedback.search_count(domain) if can_read else 0,
                             page=page, step=self._items_per_page, url_args={"search": search} if search else None)
        if not can_read:
            return [], pager
        given = Feedback.search(domain, limit=self._items_per_page, offset=pager["offset"])
        labels = {field: dict(self._skp_selection("hr.asn.skp.feedback", field))
                  for field in ("source", "kind", "mode", "behavior_value")}
        return [{
            "date": feedback.date,
            "to": feedback.employee_id.name,
            "source": labels["source"].get(feedback.source, ""),
            "kind": labels["kind"].get(feedback.kind, ""),
            "mode": labels["mode"].get(feedback.mode, ""),
            "topic": feedback.topic,
            "about": feedback.rhk_id.name if feedback.topic == "rhk"
            else labels["behavior_value"].get(feedback.behavior_value, ""),
            "text": feedback.name,
        } for feedback in given.sudo()], pager

    @http.route(["/my/skp/feedback", "/my/skp/feedback/page/<int:page>"], type="http", auth="user", website=True,
                methods=["GET"])
    def portal_skp_feedback(self, page=1, search=None, **kw):
        me = request.env.user.sudo().employee_id
        search = (search or "").strip()[:100]
        results = []
        if me and search:
            nip = search.replace(" ", "")
            results = [self._feedback_person(employee) for employee in self._feedback_colleagues(
                me, ["|", ("name", "ilike", search), ("nip", "ilike", nip)], limit=FEEDBACK_SEARCH_LIMIT + 1)]
        given, pager = self._feedback_given(page, search)
        values = self._prepare_portal_layout_values()
        values.update({
            "me": bool(me),
            "can_give": bool(me) and request.env["hr.asn.skp.feedback"].has_access("create"),
            "groups": self._feedback_groups(me) if me else [],
            "search": search,
            "results": results[:FEEDBACK_SEARCH_LIMIT],
            "more_results": len(results) > FEEDBACK_SEARCH_LIMIT,
            "given": given,
            "pager": pager,
            "done": kw.get("done"),
            "error": None,
            "page_name": "skp_feedback",
        })
        return request.render("hr_asn_performance.portal_skp_feedback", values)

    def _feedback_employee(self, employee_id):
        """(The colleague of the URL as the superuser, if of the user's Pemda and the user may give
        feedback, else None; the user's employee)."""
        me = request.env.user.sudo().employee_id
        if not me or not request.env["hr.asn.skp.feedback"].has_access("create"):
            return None, me
        employee = request.env["hr.employee"].sudo().browse(employee_id).exists()
        if not employee or not employee.active or employee.company_id != me.company_id:
            return None, me
        return employee, me

    def _feedback_render_form(self, employee, me, error=None, form=None):
        skp = request.env["hr.asn.skp"]._asn_current_for(employee)
        Feedback = request.env["hr.asn.skp.feedback"]
        blocked = None
        if employee == me:
            blocked = _("Feedback comes from others; write your own notes in the realisasi.")
        elif not skp:
            blocked = _("%s has no set SKP for today: feedback cannot be recorded.", employee.name)
        values = self._prepare_portal_layout_values()
        values.update({
            "person": self._feedback_person(employee),
            "rhks": [(rhk.id, rhk.name) for rhk in skp.rhk_ids],
            "behavior_values": list(skp_rules.BERAKHLAK_VALUES),
            "kinds": self._skp_selection("hr.asn.skp.feedback", "kind"),
            "modes": self._skp_selection("hr.asn.skp.feedback", "mode"),
            "source": dict(self._skp_selection("hr.asn.skp.feedback", "source")).get(
                Feedback._asn_source(me, employee)) if not blocked else "",
            "blocked": blocked,
            "error": error if error != blocked else None,
            "form": form or {},
            # kept when a refused form comes back: nothing was stored under it
            "submit_token": (form or {}).get("submit_token") or uuid.uuid4().hex,
            "page_name": "skp_feedback_give",
        })
        return request.render("hr_asn_performance.portal_skp_feedback_form", values)

    @http.route(["/my/skp/feedback/<int:employee_id>"], type="http", auth="user", website=True, methods=["GET"])
    def portal_skp_feedback_form(self, employee_id, **kw):
        employee, me = self._feedback_employee(employee_id)
        if not employee:
            return request.redirect("/my/skp/feedback")
        return self._feedback_render_form(employee, me)

    def _feedback_vals(self, skp, post):
        """The values of the form, checked: ``skp`` is the colleague's current set SKP (as the
        superuser), or empty (then ``_asn_give`` refuses)."""
        about = (post.get("about") or "").strip()
        topic, _sep, choice = about.partition(":")
        vals = {}
        if topic == "rhk" and choice.isdigit():
            if skp and int(choice) not in skp.rhk_ids.ids:
                raise UserError(_("Choose one of the RHK of %s's current SKP.", skp.employee_id.name))
            vals.update(topic="rhk", rhk_id=int(choice))
        elif topic == "perilaku" and choice in dict(skp_rules.BERAKHLAK_VALUES):
            vals.update(topic="perilaku", behavior_value=choice)
        else:
            raise UserError(_("Choose what the Umpan Balik is about: an RHK or a BerAKHLAK value."))
        if post.get("kind") not in dict(skp_rules.FEEDBACK_KINDS):
            raise UserError(_("Choose berkala or insidentil."))
        if post.get("mode") not in dict(skp_rules.FEEDBACK_MODES):
            raise UserError(_("Choose langsung or tidak langsung."))
        text = (post.get("name") or "").strip()
        if not text:
            raise UserError(_("Write your Umpan Balik."))
        vals.update(kind=post["kind"], mode=post["mode"], name=text)
        return vals

    @http.route(["/my/skp/feedback/<int:employee_id>"], type="http", auth="user", website=True,
                methods=["POST"])
    def portal_skp_feedback_give(self, employee_id, **post):
        employee, me = self._feedback_employee(employee_id)
        if not employee:
            return request.redirect("/my/skp/feedback")
        skp = request.env["hr.asn.skp"]._asn_current_for(employee)
        try:
            vals = self._feedback_vals(skp, post)
            self._feedback_store(request.env["hr.asn.skp.feedback"], employee, vals, post.get("submit_token"))
        except REFUSALS as error:
            return self._feedback_render_form(employee, me, error=error.args[0], form=post)
        return request.redirect("/my/skp/feedback?done=feedback")

    @staticmethod
    def _feedback_store(Feedback, employee, vals, submit_token):
        """Give the feedback as the user (the model sets the giver and refuses what the rules refuse),
        once per form: a form whose key is already stored (a second click, or a concurrent request the
        unique constraint refused) stores nothing more. True when this call stored it."""
        token = (submit_token or "").strip()[:64] or False
        if token and Feedback.sudo().search_count([("giver_user_id", "=", Feedback.env.uid),
                                                   ("submit_token", "=", token)], limit=1):
            return False
        try:
            with Feedback.env.cr.savepoint():
                Feedback._asn_give(employee, dict(vals, submit_token=token))
        except UniqueViolation:
            Feedback.env.invalidate_all()
            return False
        return True
