from odoo import api, fields, models, tools

KINDS = [
    ("skp", "SKP to Set"),
    ("month", "Realisasi to Review"),
    ("feedback", "Umpan Balik to Follow Up"),
]


class HrAsnSkpReview(models.Model):
    """What waits for a Pejabat Penilai Kinerja, in one list (issue 12): the SKPs submitted to them to set
    or return (Pasal 13(3)), the months whose realisasi was reported to review (Pasal 16-17: pemantauan),
    and the Umpan Balik their employees received from others since the leader's last tindak lanjut
    (Pasal 20(1): the leader follows the feedback up). A row waits for the SKP's Pejabat Penilai Kinerja
    and for the employee's current one (Pasal 26: after a Plt/Plh change the new one acts), as
    ``hr.asn.skp._check_skp_update`` lets both act. Read-only: a database view over the records."""

    _name = "hr.asn.skp.review"
    _description = "SKP: What Waits for the Pejabat Penilai Kinerja"
    _auto = False
    _order = "since, id"
    _rec_name = "name"
    # what the view reads: flushed before it is searched
    _depends = {
        "hr.asn.skp": ["state", "employee_id", "company_id", "department_id", "deadline", "submit_date",
                       "employee_name", "employee_nip", "employee_unit", "pejabat_penilai_id"],
        "hr.employee": ["active", "name", "user_id", "pejabat_penilai_id"],
        "hr.asn.skp.month": ["skp_id", "state", "report_date", "review_deadline"],
        "hr.asn.skp.feedback": ["skp_id", "source", "date"],
        "hr.asn.skp.followup": ["skp_id", "date"],
    }

    kind = fields.Selection(KINDS, string="To Do", readonly=True)
    name = fields.Char(string="What", compute="_compute_name")
    skp_id = fields.Many2one("hr.asn.skp", string="SKP", readonly=True)
    month_id = fields.Many2one("hr.asn.skp.month", readonly=True)
    feedback_id = fields.Many2one("hr.asn.skp.feedback", string="Umpan Balik", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    employee_name = fields.Char(readonly=True)
    employee_nip = fields.Char(string="NIP", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    unit_name = fields.Char(string="Unit Kerja", readonly=True)
    since = fields.Date(string="Waiting Since", readonly=True)
    deadline = fields.Date(readonly=True, help="SKP: to be set by (Pasal 13(1)); month: the realisasi day.")
    penilai_user_id = fields.Many2one("res.users", string="Pejabat Penilai Kinerja of the SKP", readonly=True)
    current_penilai_user_id = fields.Many2one("res.users", string="Current Pejabat Penilai Kinerja", readonly=True)
    detail = fields.Text(compute="_compute_name")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE OR REPLACE VIEW hr_asn_skp_review AS (
                WITH skp AS (
                    SELECT s.id, s.state, s.employee_id, s.company_id, s.department_id, s.deadline, s.submit_date,
                           COALESCE(s.employee_name, e.name) AS employee_name, s.employee_nip,
                           s.employee_unit AS unit_name, pp.user_id AS penilai_user_id,
                           cp.user_id AS current_penilai_user_id
                      FROM hr_asn_skp s
                      JOIN hr_employee e ON e.id = s.employee_id AND e.active
                 LEFT JOIN hr_employee pp ON pp.id = s.pejabat_penilai_id
                 LEFT JOIN hr_employee cp ON cp.id = e.pejabat_penilai_id
                     WHERE s.state IN ('submitted', 'set', 'closed')
                )
                SELECT skp.id * 3 AS id, 'skp' AS kind, skp.id AS skp_id, NULL::integer AS month_id,
                       NULL::integer AS feedback_id, skp.submit_date AS since, skp.deadline AS deadline,
                       skp.employee_id, skp.employee_name, skp.employee_nip, skp.company_id, skp.department_id,
                       skp.unit_name, skp.penilai_user_id, skp.current_penilai_user_id
                  FROM skp
                 WHERE skp.state = 'submitted'
                UNION ALL
                SELECT m.id * 3 + 1, 'month', skp.id, m.id, NULL, m.report_date, m.review_deadline,
                       skp.employee_id, skp.employee_name, skp.employee_nip, skp.company_id, skp.department_id,
                       skp.unit_name, skp.penilai_user_id, skp.current_penilai_user_id
                  FROM hr_asn_skp_month m
                  JOIN skp ON skp.id = m.skp_id AND skp.state IN ('set', 'closed')
                 WHERE m.state = 'reported'
                UNION ALL
                SELECT f.id * 3 + 2, 'feedback', skp.id, NULL, f.id, f.date, NULL,
                       skp.employee_id, skp.employee_name, skp.employee_nip, skp.company_id, skp.department_id,
                       skp.unit_name, skp.penilai_user_id, skp.current_penilai_user_id
                  FROM hr_asn_skp_feedback f
                  JOIN skp ON skp.id = f.skp_id AND skp.state = 'set'
                 WHERE f.source IS DISTINCT FROM 'pimpinan'
                   AND NOT EXISTS (SELECT 1 FROM hr_asn_skp_followup fu
                                    WHERE fu.skp_id = f.skp_id AND fu.date >= f.date)
            )
        """)

    @api.depends("kind", "skp_id", "month_id", "feedback_id")
    def _compute_name(self):
        """As the superuser: the record rules let only the SKP's assessors read a row."""
        for row in self:
            records = row.sudo()
            row.detail = False
            if row.kind == "skp":
                row.name = records.skp_id.name
            elif row.kind == "month":
                row.name = self.env._("Realisasi %s", records.month_id.name)
            else:
                feedback = records.feedback_id
                row.name = self.env._("Umpan Balik from %(giver)s (%(manner)s)", giver=feedback.giver_label,
                                      manner=feedback.manner)
                row.detail = feedback.name

    def action_open_record(self):
        """A row opens what it is about: the SKP to set, the month to review, the SKP whose Umpan Balik
        waits for a tindak lanjut (its Umpan Balik and Tindak Lanjut tabs)."""
        self.ensure_one()
        if self.kind == "month":
            return {"type": "ir.actions.act_window", "res_model": "hr.asn.skp.month", "res_id": self.month_id.id,
                    "view_mode": "form", "views": [(False, "form")]}
        return {"type": "ir.actions.act_window", "res_model": "hr.asn.skp", "res_id": self.skp_id.id,
                "view_mode": "form", "views": [(False, "form")]}
