from odoo import _, api, fields, models
from odoo.tools import SQL

from ..rules import asn_data

# What "an SKP set for the year" means here: an SKP in force (ditetapkan, Pasal 13(1)-(3)) or one closed
# at the end of its year. A revision stays set until its replacement is set (models/hr_asn_skp.py,
# action_set); one closed by a mutation or a new position no longer counts: the employee needs the SKP of
# the new position set by the end of the month it starts in (Pasal 13(2); Semarang seed 002).
SET_SKP_SQL = "(state = 'set' OR (state = 'closed' AND closing_reason = 'year_end'))"
SET_SKP_DOMAIN = ["|", ("state", "=", "set"), "&", ("state", "=", "closed"), ("closing_reason", "=", "year_end")]

# The ratios, weighted when rows are grouped (a Pemda's share of set SKPs is not the mean of its
# Perangkat Daerah's shares): field -> (numerator, denominator), as purchase_stock's vendor delay report.
RATES = {
    "set_rate": ("with_set_skp_count", "headcount"),
    "plan_on_time_rate": ("plan_on_time_count", "plan_due_count"),
    "report_on_time_rate": ("report_on_time_count", "report_due_count"),
    "review_on_time_rate": ("review_on_time_count", "review_due_count"),
}


class HrAsnCompliance(models.Model):
    """Compliance per Perangkat Daerah and year, for BKPSDM and each Admin Kepegawaian OPD: headcount,
    employees without a set SKP (with those who have none at all), SKPs by state, the months' targets
    and realisasi entered on time and the leader's reviews (Perwal Bekasi 38/2023 Pasal 13 and 16-17;
    Kota Semarang, seed 002: targets by the 2nd of the month, realisasi by the 3rd of the next).

    One SQL query over the live tables (``_table_query``, evaluated at each read with today's date),
    grouped in the database: no Python loop over employees. Headcount and set SKPs count the active ASN
    (PNS, CPNS, PPPK) by their current Perangkat Daerah; SKPs and months by the Perangkat Daerah of the
    SKP (a mutated employee's earlier months stay with the Perangkat Daerah they worked in). A month is
    due for realisasi after its realisasi day, for review on its ``review_deadline`` (the later of that day
    and the day it was reported, plus the Pemda's review days): the deadline of the leader's to-do
    (``hr.asn.skp.month.action_report``)."""

    _name = "hr.asn.compliance"
    _inherit = ["hr.asn.xlsx.mixin"]
    _description = "Kinerja ASN Compliance per Perangkat Daerah"
    _auto = False
    _order = "year desc, opd_id"
    _rec_name = "opd_id"
    _depends = {
        "hr.employee": ["active", "asn_status", "department_id"],
        "hr.department": ["asn_opd_id", "asn_opd_kind", "company_id"],
        "hr.asn.skp": ["employee_id", "year", "state", "closing_reason", "opd_id", "deadline"],
        "hr.asn.skp.month": ["skp_id", "year", "state", "plan_date", "plan_deadline", "plan_entered_late",
                             "report_date", "realisasi_deadline", "report_entered_late", "review_date",
                             "review_deadline"],
    }

    opd_id = fields.Many2one("hr.department", string="Perangkat Daerah", readonly=True)
    opd_kind = fields.Selection(list(asn_data.OPD_KINDS), string="Perangkat Daerah Kind", readonly=True)
    company_id = fields.Many2one("res.company", string="Pemda", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    headcount = fields.Integer(readonly=True, help="Active ASN (PNS, CPNS, PPPK) of the Perangkat Daerah today.")
    with_set_skp_count = fields.Integer(string="With a Set SKP", readonly=True)
    without_set_skp_count = fields.Integer(
        string="Without a Set SKP", readonly=True,
        help="Employees of the headcount without an SKP set (ditetapkan) for the year, "
             "including those without any SKP.")
    set_rate = fields.Float(string="SKP Set (%)", digits=(16, 1), readonly=True, aggregator="avg")
    skp_draft_count = fields.Integer(string="SKP Draft", readonly=True)
    skp_submitted_count = fields.Integer(string="SKP Diajukan", readonly=True)
    skp_set_count = fields.Integer(string="SKP Ditetapkan", readonly=True)
    skp_closed_count = fields.Integer(string="SKP Closed", readonly=True)
    skp_overdue_count = fields.Integer(string="SKP Overdue", readonly=True,
                                       help="Draft or submitted SKPs past their deadline (Pasal 13(1)).")
    plan_on_time_count = fields.Integer(string="Targets on Time", readonly=True)
    plan_late_count = fields.Integer(string="Targets Late", readonly=True)
    plan_missing_count = fields.Integer(string="Targets Missing", readonly=True)
    plan_due_count = fields.Integer(string="Months Due for Targets", readonly=True)
    plan_on_time_rate = fields.Float(string="Targets on Time (%)", digits=(16, 1), readonly=True, aggregator="avg")
    report_on_time_count = fields.Integer(string="Reported on Time", readonly=True)
    report_late_count = fields.Integer(string="Reported Late", readonly=True)
    report_missing_count = fields.Integer(string="Not Reported", readonly=True,
                                          help="Months past their realisasi day without a report.")
    report_due_count = fields.Integer(string="Months Due for Realisasi", readonly=True)
    report_on_time_rate = fields.Float(string="Reported on Time (%)", digits=(16, 1), readonly=True,
                                       aggregator="avg")
    review_on_time_count = fields.Integer(string="Reviewed on Time", readonly=True)
    review_late_count = fields.Integer(string="Reviewed Late", readonly=True)
    review_missing_count = fields.Integer(string="Not Reviewed", readonly=True,
                                          help="Reported months past their review day the leader has not reviewed.")
    review_due_count = fields.Integer(string="Months Due for Review", readonly=True)
    review_on_time_rate = fields.Float(string="Reviewed on Time (%)", digits=(16, 1), readonly=True,
                                       aggregator="avg")

    @property
    def _table_query(self):
        today = fields.Date.context_today(self)
        return SQL(
            """
            WITH years AS (
                SELECT DISTINCT year FROM hr_asn_skp
                 UNION SELECT %(year)s
            ), staff AS (
                SELECT e.id AS employee_id, d.asn_opd_id AS opd_id
                  FROM hr_employee e
                  JOIN hr_department d ON d.id = e.department_id
                 WHERE e.active AND e.asn_status IS NOT NULL AND d.asn_opd_id IS NOT NULL
            ), set_skp AS (
                SELECT DISTINCT employee_id, year FROM hr_asn_skp WHERE %(set_skp)s
            ), heads AS (
                SELECT staff.opd_id, years.year, COUNT(*) AS headcount,
                       COUNT(set_skp.employee_id) AS with_set_skp_count
                  FROM staff
                 CROSS JOIN years
                  LEFT JOIN set_skp ON set_skp.employee_id = staff.employee_id AND set_skp.year = years.year
                 GROUP BY staff.opd_id, years.year
            ), skps AS (
                SELECT opd_id, year,
                       COUNT(*) FILTER (WHERE state = 'draft') AS skp_draft_count,
                       COUNT(*) FILTER (WHERE state = 'submitted') AS skp_submitted_count,
                       COUNT(*) FILTER (WHERE state = 'set') AS skp_set_count,
                       COUNT(*) FILTER (WHERE state = 'closed') AS skp_closed_count,
                       COUNT(*) FILTER (WHERE state IN ('draft', 'submitted') AND deadline < %(today)s)
                           AS skp_overdue_count
                  FROM hr_asn_skp
                 WHERE opd_id IS NOT NULL
                 GROUP BY opd_id, year
            ), months AS (
                SELECT s.opd_id, m.year,
                       COUNT(*) FILTER (WHERE m.plan_date IS NOT NULL AND NOT COALESCE(m.plan_entered_late, FALSE))
                           AS plan_on_time_count,
                       COUNT(*) FILTER (WHERE m.plan_date IS NOT NULL AND m.plan_entered_late) AS plan_late_count,
                       COUNT(*) FILTER (WHERE m.plan_date IS NULL AND m.plan_deadline < %(today)s)
                           AS plan_missing_count,
                       COUNT(*) FILTER (WHERE m.report_date IS NOT NULL
                                          AND NOT COALESCE(m.report_entered_late, FALSE)) AS report_on_time_count,
                       COUNT(*) FILTER (WHERE m.report_date IS NOT NULL AND m.report_entered_late)
                           AS report_late_count,
                       COUNT(*) FILTER (WHERE m.report_date IS NULL AND m.realisasi_deadline < %(today)s)
                           AS report_missing_count,
                       COUNT(*) FILTER (WHERE m.state = 'reviewed' AND m.review_date <= m.review_deadline)
                           AS review_on_time_count,
                       COUNT(*) FILTER (WHERE m.state = 'reviewed' AND m.review_date > m.review_deadline)
                           AS review_late_count,
                       COUNT(*) FILTER (WHERE m.state = 'reported' AND m.review_deadline < %(today)s)
                           AS review_missing_count
                  FROM hr_asn_skp_month m
                  JOIN hr_asn_skp s ON s.id = m.skp_id
                 WHERE s.opd_id IS NOT NULL
                 GROUP BY s.opd_id, m.year
            ), keys AS (
                SELECT opd_id, year FROM heads
                 UNION SELECT opd_id, year FROM skps
                 UNION SELECT opd_id, year FROM months
            ), sums AS (
                SELECT keys.opd_id, keys.year, opd.company_id, opd.asn_opd_kind AS opd_kind,
                       COALESCE(heads.headcount, 0) AS headcount,
                       COALESCE(heads.with_set_skp_count, 0) AS with_set_skp_count,
                       COALESCE(skps.skp_draft_count, 0) AS skp_draft_count,
                       COALESCE(skps.skp_submitted_count, 0) AS skp_submitted_count,
                       COALESCE(skps.skp_set_count, 0) AS skp_set_count,
                       COALESCE(skps.skp_closed_count, 0) AS skp_closed_count,
                       COALESCE(skps.skp_overdue_count, 0) AS skp_overdue_count,
                       COALESCE(months.plan_on_time_count, 0) AS plan_on_time_count,
                       COALESCE(months.plan_late_count, 0) AS plan_late_count,
                       COALESCE(months.plan_missing_count, 0) AS plan_missing_count,
                       COALESCE(months.report_on_time_count, 0) AS report_on_time_count,
                       COALESCE(months.report_late_count, 0) AS report_late_count,
                       COALESCE(months.report_missing_count, 0) AS report_missing_count,
                       COALESCE(months.review_on_time_count, 0) AS review_on_time_count,
                       COALESCE(months.review_late_count, 0) AS review_late_count,
                       COALESCE(months.review_missing_count, 0) AS review_missing_count
                  FROM keys
                  JOIN hr_department opd ON opd.id = keys.opd_id
                  LEFT JOIN heads ON heads.opd_id = keys.opd_id AND heads.year = keys.year
                  LEFT JOIN skps ON skps.opd_id = keys.opd_id AND skps.year = keys.year
                  LEFT JOIN months ON months.opd_id = keys.opd_id AND months.year = keys.year
            ), totals AS (
                SELECT sums.*,
                       headcount - with_set_skp_count AS without_set_skp_count,
                       plan_on_time_count + plan_late_count + plan_missing_count AS plan_due_count,
                       report_on_time_count + report_late_count + report_missing_count AS report_due_count,
                       review_on_time_count + review_late_count + review_missing_count AS review_due_count
                  FROM sums
            )
            SELECT opd_id::bigint * 10000 + year AS id, totals.*,
                   100.0 * with_set_skp_count / NULLIF(headcount, 0) AS set_rate,
                   100.0 * plan_on_time_count / NULLIF(plan_due_count, 0) AS plan_on_time_rate,
                   100.0 * report_on_time_count / NULLIF(report_due_count, 0) AS report_on_time_rate,
                   100.0 * review_on_time_count / NULLIF(review_due_count, 0) AS review_on_time_rate
              FROM totals
            """,
            year=today.year, today=today, set_skp=SQL(SET_SKP_SQL),
        )

    @api.depends("opd_id", "year")
    def _compute_display_name(self):
        for row in self:
            row.display_name = "%s %s" % (row.opd_id.name or "", row.year or "")

    def _read_group_select(self, aggregate_spec, query):
        """A grouped row's ratio is the ratio of its sums (see ``RATES``), whatever aggregate is asked."""
        fname = aggregate_spec.split(":")[0]
        if fname not in RATES:
            return super()._read_group_select(aggregate_spec, query)
        numerator, denominator = RATES[fname]
        return SQL("100.0 * SUM(%s) / NULLIF(SUM(%s), 0)",
                   self._field_to_sql(self._table, numerator, query),
                   self._field_to_sql(self._table, denominator, query))

    # ------------------------------------------------------------------------------------------
    # Actions: the table on the current year, then the people and documents behind a number
    # ------------------------------------------------------------------------------------------
    @api.model
    def action_open_compliance(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_performance.hr_asn_compliance_action")
        action["context"] = {"search_default_year": fields.Date.context_today(self).year}
        return action

    def _asn_staff_domain(self):
        self.ensure_one()
        return [("department_id.asn_opd_id", "=", self.opd_id.id), ("asn_status", "!=", False)]

    def _asn_open_employees(self, domain, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "hr.employee",
            "views": [(self.env.ref("hr_asn_performance.hr_asn_compliance_employee_view_list").id, "list"),
                      (False, "form")],
            "domain": domain,
            "context": {"create": False},
        }

    def action_open_headcount(self):
        self.ensure_one()
        return self._asn_open_employees(self._asn_staff_domain(), _("%(opd)s: ASN employees", opd=self.opd_id.name))

    def action_open_without_set_skp(self):
        """The employees of the headcount without a set SKP for the year: the same test as the query's,
        through the SKPs of the Perangkat Daerah's current staff (as the superuser, for their ids only:
        an SKP made in an earlier Perangkat Daerah counts; the list shows what the reader may see)."""
        self.ensure_one()
        staff = self._asn_staff_domain()
        with_set = self.env["hr.asn.skp"].sudo()._read_group(
            [("year", "=", self.year), *SET_SKP_DOMAIN, *(("employee_id." + f, op, v) for f, op, v in staff)],
            ["employee_id"])
        domain = [*staff, ("id", "not in", [employee.id for (employee,) in with_set])]
        return self._asn_open_employees(
            domain, _("%(opd)s %(year)s: without a set SKP", opd=self.opd_id.name, year=self.year))

    def _asn_open(self, xmlid, domain, name):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action.update({"domain": domain, "name": name, "context": {"create": False}})
        return action

    def action_open_skps(self):
        self.ensure_one()
        return self._asn_open("hr_asn_performance.hr_asn_skp_action",
                              [("opd_id", "=", self.opd_id.id), ("year", "=", self.year)],
                              _("%(opd)s %(year)s: SKP", opd=self.opd_id.name, year=self.year))

    def _asn_months_domain(self):
        self.ensure_one()
        return [("skp_id.opd_id", "=", self.opd_id.id), ("year", "=", self.year)]

    def action_open_months_not_reported(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        return self._asn_open(
            "hr_asn_performance.hr_asn_skp_month_action",
            [*self._asn_months_domain(), ("report_date", "=", False), ("realisasi_deadline", "<", today)],
            _("%(opd)s %(year)s: months not reported", opd=self.opd_id.name, year=self.year))

    def action_open_months_reported_late(self):
        self.ensure_one()
        return self._asn_open(
            "hr_asn_performance.hr_asn_skp_month_action",
            [*self._asn_months_domain(), ("report_date", "!=", False), ("report_entered_late", "=", True)],
            _("%(opd)s %(year)s: months reported late", opd=self.opd_id.name, year=self.year))

    def action_open_months_not_reviewed(self):
        """Reported months past their review day: GREATEST(realisasi day, report day) < today."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return self._asn_open(
            "hr_asn_performance.hr_asn_skp_month_action",
            [*self._asn_months_domain(), ("state", "=", "reported"), ("realisasi_deadline", "<", today),
             ("report_date", "<", today)],
            _("%(opd)s %(year)s: months not reviewed", opd=self.opd_id.name, year=self.year))

    # ------------------------------------------------------------------------------------------
    # XLSX (the writer only writes: controllers/compliance.py)
    # ------------------------------------------------------------------------------------------
    _asn_xlsx_route = "/hr_asn_performance/compliance/xlsx"
    XLSX_FIELDS = ("year", "opd_id", "headcount", "with_set_skp_count", "without_set_skp_count", "set_rate",
                   "skp_draft_count", "skp_submitted_count", "skp_set_count", "skp_closed_count",
                   "skp_overdue_count", "plan_on_time_count", "plan_late_count", "plan_missing_count",
                   "plan_due_count", "plan_on_time_rate", "report_on_time_count", "report_late_count",
                   "report_missing_count", "report_due_count", "report_on_time_rate", "review_on_time_count",
                   "review_late_count", "review_missing_count", "review_due_count", "review_on_time_rate")

    def _asn_xlsx_data(self):
        """The sheet of these rows in the reader's language: a dict of ``title``, ``sheet``, ``columns``,
        ``rows`` and ``totals`` (a line per year, ratios weighted as in the grouped views)."""
        measures = [name for name in self.XLSX_FIELDS if name not in ("year", "opd_id")]

        def cells(values):
            # a ratio of nothing due is no 0 %: its cell stays empty
            named = dict(zip(measures, values, strict=True))
            return [("" if not named[RATES[name][1]] else named[name] or 0.0) if name in RATES else named[name] or 0
                    for name in measures]

        rows = [[record.year, record.opd_id.name, *cells([record[name] for name in measures])]
                for record in self.sorted(lambda r: (-r.year, r.opd_id.name or ""))]
        totals = [[year, _("Total"), *cells(values)] for year, *values in self._read_group(
            [("id", "in", self.ids)], ["year"],
            ["%s:%s" % (name, "avg" if name in RATES else "sum") for name in measures], order="year desc")]
        return {
            "title": _("Kinerja ASN compliance per Perangkat Daerah: %s", ", ".join(self.company_id.mapped("name"))),
            "sheet": _("Compliance"),
            "columns": [self._fields[name]._description_string(self.env) for name in self.XLSX_FIELDS],
            "rows": rows,
            "totals": totals,
        }
