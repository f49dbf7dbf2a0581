from odoo import api, fields, models

from odoo.addons.hr_asn_performance.models.hr_employee import PRIVATE_GROUPS

SET_STATES = ("ditetapkan", "diterima", "dilaporkan")


class HrEmployee(models.Model):
    """The employee's evaluations and the angka kredit they earned this year (national_rules.md §4).

    Both derive from predikat, which only the employee, their assessors and the Admin Kepegawaian see:
    they carry the private group of hr_asn_performance and are not mirrored on hr.employee.public
    (STYLE.md "Access"; core's test_employee_fields_groups)."""

    _inherit = "hr.employee"

    asn_angka_kredit_year = fields.Float(
        string="Angka Kredit This Year", digits=(16, 3), compute="_compute_asn_evaluation_stats",
        groups=PRIVATE_GROUPS,
        help="Jabatan Fungsional: the sum of the angka kredit of this year's set periodic evaluations "
             "(national_rules.md §4); the annual evaluation shows the same sum and is not counted again.")
    asn_evaluation_count = fields.Integer(string="Evaluations", compute="_compute_asn_evaluation_stats",
                                          groups=PRIVATE_GROUPS)

    @api.depends_context("uid")
    def _compute_asn_evaluation_stats(self):
        """One grouped read each for the whole recordset (STYLE.md "Batch first")."""
        Evaluation = self.env["hr.asn.evaluation"].sudo()
        year = fields.Date.context_today(self).year
        credits = dict(Evaluation._read_group(
            [("employee_id", "in", self.ids), ("kind", "=", "periodic"), ("year", "=", year),
             ("state", "in", SET_STATES)], ["employee_id"], ["angka_kredit:sum"]))
        counts = dict(Evaluation._read_group([("employee_id", "in", self.ids)], ["employee_id"], ["__count"]))
        for employee in self:
            employee.asn_angka_kredit_year = credits.get(employee._origin, 0.0)
            employee.asn_evaluation_count = counts.get(employee._origin, 0)

    def action_open_asn_evaluations(self):
        """The employee's evaluations, as far as the reader's record rules let them see."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_evaluation.hr_asn_evaluation_action")
        action.update({"domain": [("employee_id", "=", self.id)], "context": {}, "name": self.name})
        return action
