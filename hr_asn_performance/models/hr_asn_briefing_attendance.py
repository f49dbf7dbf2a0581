from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import briefing as briefing_rules
from ..rules import skp as skp_rules


class HrAsnBriefingAttendance(models.Model):
    """One person at one briefing: present, present with a note (leave, sick, official travel: seed 002,
    rules/briefing.py) or absent."""

    _name = "hr.asn.briefing.attendance"
    _description = "Briefing Attendance"
    _inherit = ["hr.asn.input.limit.mixin"]
    _order = "briefing_id desc, employee_name, id"
    _asn_text_limits = {"note": skp_rules.LINE_MAX}

    briefing_id = fields.Many2one("hr.asn.briefing", required=True, index=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    employee_name = fields.Char(related="employee_id.name", store=True, string="Name")
    nip = fields.Char(related="employee_id.nip", string="NIP")
    date = fields.Date(related="briefing_id.date", store=True, index=True)
    unit_id = fields.Many2one(related="briefing_id.unit_id", store=True, index=True)
    opd_id = fields.Many2one(related="briefing_id.opd_id", store=True, string="Perangkat Daerah")
    company_id = fields.Many2one(related="briefing_id.company_id", store=True)
    status = fields.Selection(list(briefing_rules.STATUSES), required=True, default="present")
    is_present = fields.Boolean(string="Counted Present", compute="_compute_is_present", store=True,
                                help="Present, or away on leave, sick or on official travel (recorded present "
                                     "with a note, as Kota Semarang requires).")
    note = fields.Char(help="Required when away on leave, sick or on official travel: the reason, e.g. the "
                            "leave's letter or the travel order.")

    _sql_constraints = [
        ("employee_unique", "UNIQUE(briefing_id, employee_id)", "A person is listed once per briefing."),
    ]

    @api.depends("status")
    def _compute_is_present(self):
        for line in self:
            line.is_present = briefing_rules.is_present(line.status)

    @api.constrains("status", "note")
    def _check_note(self):
        for line in self:
            if line.status in briefing_rules.NOTED_STATUSES and not (line.note or "").strip():
                raise ValidationError(_(
                    "%(employee)s is recorded present while away (%(status)s): give the reason as a note.",
                    employee=line.employee_id.name,
                    status=dict(self._fields["status"]._description_selection(self.env))[line.status]))

    @api.constrains("employee_id", "briefing_id")
    def _check_employee_unit(self):
        for line in self:
            unit = line.briefing_id.unit_id
            if not line.employee_id.sudo().department_id or not line.employee_id.sudo().department_id.parent_path \
                    .startswith(unit.sudo().parent_path or "-"):
                raise ValidationError(_("%(employee)s does not work in %(unit)s or a unit below it.",
                                        employee=line.employee_id.name, unit=unit.name))
