from odoo import fields, models

from .res_company import SIASN_GROUPS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    asn_eval_cadence = fields.Selection(related="company_id.asn_eval_cadence", readonly=False)
    asn_curve_scope = fields.Selection(related="company_id.asn_curve_scope", readonly=False)
    asn_curve_enforcement = fields.Selection(related="company_id.asn_curve_enforcement", readonly=False)
    asn_objection_days = fields.Integer(related="company_id.asn_objection_days", readonly=False)
    asn_rollup_policy = fields.Selection(related="company_id.asn_rollup_policy", readonly=False)
    asn_eval_deadline_days = fields.Integer(related="company_id.asn_eval_deadline_days", readonly=False)
    asn_siasn_url = fields.Char(related="company_id.asn_siasn_url", readonly=False, groups=SIASN_GROUPS)
    asn_siasn_username = fields.Char(related="company_id.asn_siasn_username", readonly=False, groups=SIASN_GROUPS)
    asn_siasn_secret = fields.Char(related="company_id.asn_siasn_secret", readonly=False, groups=SIASN_GROUPS)
    asn_siasn_max_attempts = fields.Integer(related="company_id.asn_siasn_max_attempts", readonly=False,
                                            groups=SIASN_GROUPS)
    asn_siasn_retry_minutes = fields.Integer(related="company_id.asn_siasn_retry_minutes", readonly=False,
                                             groups=SIASN_GROUPS)
