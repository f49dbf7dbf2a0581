from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    asn_eval_cadence = fields.Selection(related="company_id.asn_eval_cadence", readonly=False)
    asn_curve_scope = fields.Selection(related="company_id.asn_curve_scope", readonly=False)
    asn_curve_enforcement = fields.Selection(related="company_id.asn_curve_enforcement", readonly=False)
    asn_objection_days = fields.Integer(related="company_id.asn_objection_days", readonly=False)
    asn_rollup_policy = fields.Selection(related="company_id.asn_rollup_policy", readonly=False)
    asn_eval_deadline_days = fields.Integer(related="company_id.asn_eval_deadline_days", readonly=False)
