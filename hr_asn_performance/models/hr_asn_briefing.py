from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import briefing as briefing_rules
from ..rules import periods
from ..rules import skp as skp_rules


class HrAsnBriefing(models.Model):
    """A unit's briefing (Kota Semarang's practice, seed 002 "Pengisian Briefing"): held by the head of the
    unit or the Plt/Plh acting for them, on a date, with a topic, notes and the attendance of the unit's
    people. Whoever missed it on leave, sick or on official travel is recorded as present with a note (seed
    002: "tetap diinput hadir namun diberi keterangan")."""

    _name = "hr.asn.briefing"
    _description = "Briefing"
    _inherit = ["mail.thread", "hr.asn.input.limit.mixin"]
    _order = "date desc, unit_id"
    _asn_text_limits = {"topic": skp_rules.LINE_MAX, "notes": skp_rules.NOTE_MAX}

    unit_id = fields.Many2one("hr.department", required=True, index=True, tracking=True,
                              ondelete="cascade")
    opd_id = fields.Many2one(related="unit_id.asn_opd_id", string="Perangkat Daerah", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    leader_id = fields.Many2one("hr.employee", string="Led By", required=True, index=True, tracking=True,
                                default=lambda self: self.env.user.employee_id,
                                help="The head of the unit, or the Plt/Plh acting for them on that date.")
    topic = fields.Char(required=True, tracking=True)
    notes = fields.Text()
    attendance_ids = fields.One2many("hr.asn.briefing.attendance", "briefing_id")
    attendee_count = fields.Integer(string="People", compute="_compute_counts", store=True)
    present_count = fields.Integer(string="Present", compute="_compute_counts", store=True,
                                   help="Present, including those on leave, sick or on official travel (with a note).")
    absent_count = fields.Integer(string="Absent", compute="_compute_counts", store=True)

    _sql_constraints = [
        ("unit_date_unique", "UNIQUE(unit_id, date)", "A unit has one briefing a day."),
    ]

    @api.depends("attendance_ids.status")
    def _compute_counts(self):
        for briefing in self:
            statuses = briefing.attendance_ids.mapped("status")
            briefing.attendee_count = len(statuses)
            briefing.absent_count = statuses.count("absent")
            briefing.present_count = len(statuses) - briefing.absent_count

    @api.depends("unit_id", "date")
    def _compute_display_name(self):
        for briefing in self:
            briefing.display_name = _("Briefing %(unit)s, %(date)s", unit=briefing.unit_id.name or "",
                                      date=briefing.date and fields.Date.to_string(briefing.date) or "")

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        if any(briefing.date > today for briefing in self):
            raise ValidationError(_("A briefing is recorded once it has been held: its date cannot be in the future."))

    @api.constrains("unit_id", "leader_id", "date")
    def _check_leader(self):
        heads = self._asn_heads()
        for briefing in self:
            if briefing.leader_id not in heads[briefing.id]:
                raise ValidationError(_(
                    "%(leader)s does not lead %(unit)s on %(date)s: a briefing is led by the head of the unit or "
                    "the Plt/Plh acting for them.", leader=briefing.leader_id.name, unit=briefing.unit_id.name,
                    date=fields.Date.to_string(briefing.date)))

    def _asn_heads(self):
        """{briefing id: the employees who may lead it}: the unit's head and the Plt/Plh assignments covering
        the briefing's date (Perwal Bekasi 38/2023 Pasal 26 for Plt/Plh)."""
        assignments = self.env["hr.asn.acting.assignment"].sudo().search_fetch(
            [("department_id", "in", self.unit_id.ids)], ["department_id", "employee_id", "date_from", "date_to"])
        heads = {}
        for briefing in self:
            acting = assignments.filtered(lambda a, b=briefing: a.department_id == b.unit_id and periods.covers(
                a.date_from, a.date_to, b.date))
            heads[briefing.id] = briefing.unit_id.sudo().manager_id | acting.employee_id
        return heads

    @api.model_create_multi
    def create(self, vals_list):
        briefings = super().create(vals_list)
        briefings.filtered(lambda b: not b.attendance_ids)._asn_fill_attendance()
        return briefings

    def write(self, vals):
        if {"unit_id", "date"} & set(vals) and self.attendance_ids and not self.env.su:
            raise UserError(_("The unit and the date of a briefing with attendance cannot change: "
                              "delete it and record it again."))
        return super().write(vals)

    def action_fill_attendance(self):
        """Adds whoever of the unit is not listed yet (a person who joined the unit after it was recorded)."""
        self._asn_fill_attendance()
        return True

    def _asn_fill_attendance(self):
        """One line per active ASN of the unit not listed yet, but the leader: present, or on leave where Odoo's
        Time Off has an approved leave covering the date (its type as the note)."""
        people = self.env["hr.employee"].sudo().search_fetch(
            [("department_id", "in", self.unit_id.ids), ("asn_status", "!=", False)], ["department_id"],
            order="name")
        leaves = self._asn_leaves(people)
        vals_list = []
        for briefing in self:
            listed = briefing.attendance_ids.employee_id | briefing.leader_id
            for person in people.filtered(lambda p, b=briefing: p.department_id == b.unit_id) - listed:
                status, note = leaves.get((person.id, briefing.date), ("present", False))
                vals_list.append({"briefing_id": briefing.id, "employee_id": person.id, "status": status, "note": note})
        return self.env["hr.asn.briefing.attendance"].create(vals_list)

    def _asn_leaves(self, people):
        """{(employee id, date): (status, note)} of the approved leaves of ``people`` on the briefings' dates,
        where Odoo's Time Off (hr_holidays) is installed; empty without it."""
        if "hr.leave" not in self.env or not self or not people:
            return {}
        dates = set(self.mapped("date"))
        leaves = self.env["hr.leave"].sudo().search_fetch([
            ("employee_id", "in", people.ids), ("state", "=", "validate"),
            ("request_date_from", "<=", max(dates)), ("request_date_to", ">=", min(dates)),
        ], ["employee_id", "request_date_from", "request_date_to", "holiday_status_id"])
        found = {}
        for leave in leaves:
            for day in dates:
                if leave.request_date_from <= day <= leave.request_date_to:
                    found[leave.employee_id.id, day] = (
                        briefing_rules.leave_status(leave.holiday_status_id.name), leave.holiday_status_id.name)
        return found
