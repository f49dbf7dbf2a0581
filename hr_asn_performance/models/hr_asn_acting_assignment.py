from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import periods


class HrAsnActingAssignment(models.Model):
    """A Plt (pelaksana tugas) or Plh (pelaksana harian) acting for the head of a unit.

    Perwal Bekasi 38/2023 Pasal 26(2): a PNS appointed Plt or Plh is Pejabat Penilai Kinerja for the post.
    """

    _name = "hr.asn.acting.assignment"
    _description = "Plt/Plh Assignment"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    employee_id = fields.Many2one("hr.employee", string="Acting Official", required=True, tracking=True, index=True)
    department_id = fields.Many2one(
        "hr.department", string="Acting Head of", required=True, tracking=True, index=True,
    )
    kind = fields.Selection(
        [("plt", "Plt (Pelaksana Tugas)"), ("plh", "Plh (Pelaksana Harian)")],
        required=True,
        default="plt",
        tracking=True,
    )
    date_from = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    date_to = fields.Date(tracking=True)
    reference = fields.Char(string="Decree (SK/Surat Perintah)")
    company_id = fields.Many2one(related="department_id.company_id", store=True)
    is_current = fields.Boolean(compute="_compute_is_current", search="_search_is_current")

    @api.depends("date_from", "date_to")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for assignment in self:
            assignment.is_current = periods.covers(assignment.date_from, assignment.date_to, today)

    def _search_is_current(self, operator, value):
        today = fields.Date.context_today(self)
        return periods.domain("date_from", "date_to", today, inside=(operator == "=") == bool(value))

    @api.depends("employee_id", "department_id", "kind")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for assignment in self:
            assignment.display_name = "%s %s: %s" % (
                labels.get(assignment.kind, "").split(" ")[0],
                assignment.department_id.name or "",
                assignment.employee_id.name or "",
            )

    @api.constrains("date_from", "date_to", "employee_id", "department_id")
    def _check_dates(self):
        for assignment in self:
            if assignment.date_to and assignment.date_to < assignment.date_from:
                raise ValidationError(_("A Plt/Plh assignment cannot end before it starts."))
            if assignment.department_id.manager_id == assignment.employee_id:
                raise ValidationError(
                    _("%(employee)s already heads %(unit)s and cannot act for it.",
                      employee=assignment.employee_id.name, unit=assignment.department_id.name)
                )

    @api.model
    def _current_by_department(self, departments):
        """{department id: the Plt/Plh acting for its head today}: a Plt wins over a Plh, the latest
        appointment over older ones; an archived acting official acts no more (Pasal 26(2))."""
        assignments = self.sudo().search_fetch(
            [("department_id", "in", departments.ids), ("is_current", "=", True)],
            ["employee_id", "department_id", "kind", "date_from"],
            order="date_from, id",
        ).filtered(lambda assignment: assignment.employee_id.active)
        acting = {}
        for assignment in assignments:
            current = acting.get(assignment.department_id.id)
            if not current or current.kind != "plt" or assignment.kind == "plt":
                acting[assignment.department_id.id] = assignment
        return acting

    @api.model_create_multi
    def create(self, vals_list):
        assignments = super().create(vals_list)
        assignments.department_id._asn_recompute_scope()
        return assignments

    def write(self, vals):
        departments = self.department_id
        res = super().write(vals)
        (departments | self.department_id)._asn_recompute_scope()
        return res

    def unlink(self):
        departments = self.department_id
        res = super().unlink()
        departments._asn_recompute_scope()
        return res
