from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    asn_region_head_title = fields.Selection(related="company_id.asn_region_head_title", readonly=False)
    asn_region_head_name = fields.Char(related="company_id.asn_region_head_name", readonly=False)
    asn_sekda_id = fields.Many2one(related="company_id.asn_sekda_id")
    asn_plan_day = fields.Integer(related="company_id.asn_plan_day", readonly=False)
    asn_realisasi_day = fields.Integer(related="company_id.asn_realisasi_day", readonly=False)
    asn_sign_place = fields.Char(related="company_id.asn_sign_place", readonly=False)
    asn_reminder_days = fields.Integer(related="company_id.asn_reminder_days", readonly=False)
    asn_review_days = fields.Integer(related="company_id.asn_review_days", readonly=False)
