from odoo import fields, models

from ..rules import skp as skp_rules


class HrAsnSkpSupport(models.Model):
    """A line of the Lampiran SKP: dukungan sumber daya (Pasal 10), skema pertanggungjawaban
    (Pasal 11) or konsekuensi (Pasal 12)."""

    _name = "hr.asn.skp.support"
    _description = "Lampiran SKP line"
    _inherit = ["hr.asn.skp.content.mixin", "hr.asn.input.limit.mixin"]
    _order = "skp_id, kind, sequence, id"
    _skp_user_fields = frozenset({"sequence", "kind", "name"})  # issue 9, finding 6
    _asn_text_limits = {"name": skp_rules.STATEMENT_MAX}

    skp_id = fields.Many2one("hr.asn.skp", string="SKP", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(list(skp_rules.SUPPORT_KINDS), required=True, default="sumber_daya")
    name = fields.Text(string="Description", required=True)
