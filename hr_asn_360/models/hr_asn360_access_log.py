from odoo import api, fields, models

WHAT = [
    ("raters", "Raters of an employee"),
    ("answers", "Answers of raters"),
    ("search", "Search or grouping by rater"),
]


class HrAsn360AccessLog(models.Model):
    """Every look at who rated whom (anonymity of rekan sejawat and bawahan): who looked, when, at which
    round and rated employee, at what. Written by the system only; read by Admin BKPSDM."""

    _name = "hr.asn360.access.log"
    _description = "360° Who-Rated-Whom Access Log"
    _order = "date desc, id desc"
    _log_access = True

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True,
                              ondelete="cascade")
    round_id = fields.Many2one("hr.asn360.round", readonly=True, index=True, ondelete="cascade")
    ratee_id = fields.Many2one("hr.employee", string="Rated Employee", readonly=True, index=True,
                               ondelete="cascade")
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    what = fields.Selection(WHAT, required=True, readonly=True)
    detail = fields.Char(readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True,
                                 default=lambda self: self.env.company)

    @api.model
    def _record(self, assignments, what):
        """One line per (round, rated employee) of ``assignments`` looked at by the current user."""
        pairs = {(a.round_id.id, a.ratee_id.id, a.company_id.id) for a in assignments.sudo()}
        self.sudo().create([
            {"user_id": self.env.uid, "round_id": round_id, "ratee_id": ratee_id, "what": what,
             "company_id": company_id}
            for round_id, ratee_id, company_id in sorted(pairs)
        ])

    @api.model
    def _record_search(self, domain, groupby):
        detail = "domain=%s groupby=%s" % (list(domain or []), list(groupby or []))
        self.sudo().create({"user_id": self.env.uid, "what": "search", "detail": detail[:250]})
