"""Aktivitas harian on the portal (issue 14; made for a phone): a day's list and a quick-add form under the
SKP, ``/my/skp/<id>/activities?date=YYYY-MM-DD``.

Who may act is decided first: the SKP's own employee (``_skp_check_mine``: another user's URL, an SKP that
is not theirs, an activity id of another SKP are sent to /my). Their Pejabat Penilai Kinerja and its
atasan may read the day's list; the review is the backend's batch action. The writes then run as the
logged-in user, so the model's checks (own SKP, set, not in the future, month not closed, 24 hours a day)
and the record rules guard the portal as they guard RPC; each POST runs inside one savepoint, so a refused
entry leaves nothing half-written. Only the evidence files are read as the superuser, after the checks.
"""
import datetime

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.fields import Command
from odoo.http import request

from .portal import REFUSALS, SkpPortal


class SkpActivityPortal(SkpPortal):
    @staticmethod
    def _activity_day(raw, default):
        """The day of the URL or form (ISO), else ``default``; a malformed one is refused."""
        raw = (raw or "").strip()
        if not raw:
            return default
        try:
            return datetime.date.fromisoformat(raw[:10])
        except ValueError as error:
            raise UserError(_("\"%s\" is not a date.", raw[:20])) from error

    @staticmethod
    def _activity_hours(raw):
        """Hours typed on a phone: ``1,5``, ``1.5`` or ``1:30``."""
        text = (raw or "").strip().replace(" ", "")
        try:
            if ":" in text:
                hours, _sep, minutes = text.partition(":")
                value = int(hours or 0) + int(minutes or 0) / 60.0
            else:
                value = float(text.replace(",", "."))
        except ValueError as error:
            raise UserError(_("The hours are not a number: \"%s\". Write e.g. 1,5 or 1:30.", text[:20])) from error
        if value != value or value in (float("inf"), float("-inf")):  # NaN, infinities
            raise UserError(_("The hours are not a number: \"%s\". Write e.g. 1,5 or 1:30.", text[:20]))
        return round(value, 2)

    def _activity_render(self, skp, skp_sudo, day, error=None, form=None, done=None):
        Activity = request.env["hr.asn.skp.activity"]
        today = fields.Date.context_today(request.env.user)
        activities = Activity.sudo().search([("skp_id", "=", skp_sudo.id), ("date", "=", day)], order="id")
        is_mine = skp.is_mine
        month = skp_sudo.month_ids.filtered(lambda m: (m.year, m.month) == (day.year, day.month))[:1]
        values = self._prepare_portal_layout_values()
        values.update({
            "skp": skp_sudo,
            "day": day,
            "today": today,
            "previous_day": day - datetime.timedelta(days=1),
            "next_day": day + datetime.timedelta(days=1) if day < today else False,
            "activities": activities,
            "total_hours": sum(activities.mapped("duration")),
            "month": month,
            "is_mine": is_mine,
            "can_add": is_mine and skp_sudo.state == "set" and day <= today and month.state != "reviewed"
            and skp_sudo.date_from <= day <= skp_sudo.date_to,
            "can_submit": is_mine and bool(activities.filtered(lambda a: a.state in ("draft", "commented"))),
            "ikis": skp_sudo.iki_ids.filtered(lambda iki: not iki.rhk_id.taken_over),
            "error": error,
            "done": done,
            "form": form or {},
            "page_name": "skp_activities",
        })
        return request.render("hr_asn_performance.portal_skp_activities", values)

    @http.route(["/my/skp/<int:skp_id>/activities"], type="http", auth="user", website=True, methods=["GET"])
    def portal_skp_activities(self, skp_id, date=None, **kw):
        try:
            skp, skp_sudo = self._skp_check_access(skp_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            day = self._activity_day(date, fields.Date.context_today(request.env.user))
        except UserError:
            return request.redirect("/my/skp/%s/activities" % skp_sudo.id)
        return self._activity_render(skp, skp_sudo, day, done=kw.get("done"))

    def _activity_post(self, skp_id, post, write, lookup=None):
        """Run ``write(skp, day, activity)`` as the user on their own SKP (decided first) in a savepoint."""
        try:
            skp = self._skp_check_mine(skp_id)
            activity = self._skp_part(skp.sudo().daily_activity_ids, lookup) if lookup else None
        except (AccessError, MissingError):
            return request.redirect("/my")
        today = fields.Date.context_today(request.env.user)
        try:
            day = self._activity_day(post.get("date"), today)
        except UserError as error:
            return self._activity_render(skp, skp.sudo(), today, error=error.args[0], form=post)
        try:
            with request.env.cr.savepoint():
                done = write(skp, day, request.env["hr.asn.skp.activity"].browse(activity.id) if activity else None)
        except REFUSALS as error:
            skp.invalidate_recordset()
            return self._activity_render(skp, skp.sudo(), day, error=error.args[0], form=post)
        return request.redirect("/my/skp/%s/activities?date=%s&done=%s" % (skp.id, day.isoformat(), done))

    @http.route(["/my/skp/<int:skp_id>/activities/add"], type="http", auth="user", website=True, methods=["POST"])
    def portal_skp_activity_add(self, skp_id, **post):
        def write(skp, day, _activity):
            name = (post.get("name") or "").strip()
            if not name:
                raise UserError(_("Write what you did."))
            iki_id = self._skp_id(post.get("iki_id"))
            if not iki_id:
                raise UserError(_("Choose the IKI the activity serves."))
            activity = request.env["hr.asn.skp.activity"].create({
                "skp_id": skp.id, "date": day, "duration": self._activity_hours(post.get("duration")),
                "name": name, "iki_id": iki_id,
            })
            uploads = [(upload.filename, self._skp_bukti(upload))
                       for upload in request.httprequest.files.getlist("evidence") if upload and upload.filename]
            if uploads:
                attachments = request.env["ir.attachment"].create([{
                    "name": filename, "raw": raw, "res_model": activity._name, "res_id": activity.id,
                } for filename, raw in uploads])
                activity.write({"attachment_ids": [Command.link(attachment.id) for attachment in attachments]})
            return "added"
        return self._activity_post(skp_id, post, write)

    @http.route(["/my/skp/<int:skp_id>/activities/<int:activity_id>/delete"], type="http", auth="user",
                website=True, methods=["POST"])
    def portal_skp_activity_delete(self, skp_id, activity_id, **post):
        def write(skp, day, activity):
            activity.unlink()
            return "deleted"
        return self._activity_post(skp_id, post, write, lookup=activity_id)

    @http.route(["/my/skp/<int:skp_id>/activities/submit"], type="http", auth="user", website=True,
                methods=["POST"])
    def portal_skp_activity_submit(self, skp_id, **post):
        def write(skp, day, _activity):
            activities = request.env["hr.asn.skp.activity"].search([
                ("skp_id", "=", skp.id), ("date", "=", day), ("state", "in", ("draft", "commented"))])
            if not activities:
                raise UserError(_("Nothing to submit on this day."))
            activities.action_submit()
            return "submitted"
        return self._activity_post(skp_id, post, write)
