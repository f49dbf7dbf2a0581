from odoo import _, fields, models, tools

from ..rules import briefing as briefing_rules


class HrAsnBriefingRecap(models.Model):
    """The monthly attendance recap per unit and person: briefings held, attended (noted absences
    included, seed 002), noted, absent. A database view over hr.asn.briefing.attendance."""

    _name = "hr.asn.briefing.recap"
    _inherit = ["hr.asn.xlsx.mixin"]
    _description = "Briefing Attendance Recap"
    _auto = False
    _order = "month desc, unit_id, employee_name"
    _depends = {
        "hr.asn.briefing.attendance": ["briefing_id", "employee_id", "employee_name", "date", "unit_id", "opd_id",
                                       "company_id", "status", "is_present"],
    }
    _asn_xlsx_route = "/hr_asn_performance/briefing/xlsx"
    XLSX_FIELDS = ("month", "unit_id", "employee_name", "nip", "held", "present", "noted", "absent", "rate")

    month = fields.Date(readonly=True, help="First day of the month.")
    unit_id = fields.Many2one("hr.department", readonly=True)
    opd_id = fields.Many2one("hr.department", string="Perangkat Daerah", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    employee_name = fields.Char(string="Name", readonly=True)
    nip = fields.Char(related="employee_id.nip", string="NIP")
    held = fields.Integer(string="Briefings", readonly=True, help="Briefings of the unit the person was listed at.")
    present = fields.Integer(readonly=True, help="Present, including noted absences.")
    noted = fields.Integer(string="Leave, Sick or Travel", readonly=True,
                           help="Recorded present with a note: on leave, sick or on official travel.")
    absent = fields.Integer(readonly=True)
    rate = fields.Float(string="Attendance (%)", readonly=True, aggregator="avg", digits=(5, 1))

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        noted = tuple(briefing_rules.NOTED_STATUSES)
        self.env.cr.execute("""
            CREATE VIEW hr_asn_briefing_recap AS (
                SELECT min(a.id) AS id,
                       date_trunc('month', a.date)::date AS month,
                       a.unit_id, a.opd_id, a.company_id, a.employee_id, a.employee_name,
                       count(*) AS held,
                       count(*) FILTER (WHERE a.is_present) AS present,
                       count(*) FILTER (WHERE a.status IN %s) AS noted,
                       count(*) FILTER (WHERE NOT a.is_present) AS absent,
                       round(100.0 * count(*) FILTER (WHERE a.is_present) / count(*), 1) AS rate
                  FROM hr_asn_briefing_attendance a
              GROUP BY date_trunc('month', a.date), a.unit_id, a.opd_id, a.company_id, a.employee_id,
                       a.employee_name
            )""", (noted,))

    def _asn_xlsx_data(self):
        """The rows of the recap for the XLSX (controllers/compliance.py ``write_workbook``): one per person and
        month, with a total per month and unit."""
        rows = [[fields.Date.to_string(r.month)[:7], r.unit_id.name, r.employee_name, r.nip or "", r.held, r.present,
                 r.noted, r.absent, float(r.rate)] for r in self]
        totals = []
        for month, unit, held, present, noted, absent in self._read_group(
                [("id", "in", self.ids)], ["month:month", "unit_id"],
                ["held:sum", "present:sum", "noted:sum", "absent:sum"], order="month:month desc, unit_id"):
            rate = briefing_rules.attendance_rate(present, held)
            totals.append([fields.Date.to_string(month)[:7], unit.name, _("Total"), "", held, present, noted, absent,
                           float(rate or 0.0)])
        return {
            "title": _("Briefing attendance recap: %s", ", ".join(self.company_id.mapped("name"))),
            "sheet": _("Briefing"),
            "columns": [self._fields[name]._description_string(self.env) for name in self.XLSX_FIELDS],
            "rows": rows,
            "totals": totals,
            # month, unit, name, NIP (18 digits), then the counts and the rate
            "widths": [9, 40, 32, 21] + [10] * (len(self.XLSX_FIELDS) - 4),
        }
