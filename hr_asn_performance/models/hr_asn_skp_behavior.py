from odoo import api, fields, models

from ..rules import skp as skp_rules

BEHAVIOURS = {code: behaviours for code, _name, behaviours in skp_rules.BERAKHLAK}


class HrAsnSkpBehavior(models.Model):
    """Perilaku kerja of an SKP: one line per BerAKHLAK value with its three standard behaviours
    (Pasal 9(3)) and the leader's Ekspektasi Khusus Pimpinan (Pasal 9(4))."""

    _name = "hr.asn.skp.behavior"
    _description = "SKP: Perilaku Kerja (BerAKHLAK)"
    _inherit = ["hr.asn.skp.content.mixin", "hr.asn.input.limit.mixin"]
    _order = "skp_id, sequence, id"
    _asn_text_limits = {"special_expectation": skp_rules.NOTE_MAX}
    # The Pejabat Penilai Kinerja clarifies the expectations while the SKP is submitted (Pasal 6(2)).
    _skp_editable_states = ("draft", "submitted")
    _skp_user_fields = frozenset({"sequence", "value", "special_expectation"})  # issue 9, finding 6

    skp_id = fields.Many2one("hr.asn.skp", string="SKP", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    value = fields.Selection(list(skp_rules.BERAKHLAK_VALUES), string="Core Value", required=True)
    behaviours = fields.Text(string="Standard Behaviours", compute="_compute_behaviours")
    special_expectation = fields.Text(string="Ekspektasi Khusus Pimpinan")

    _sql_constraints = [
        ("value_unique", "UNIQUE(skp_id, value)", "Each BerAKHLAK value appears once in an SKP."),
    ]

    @api.depends("value")
    def _compute_behaviours(self):
        for line in self:
            line.behaviours = "\n".join("- %s" % text for text in BEHAVIOURS.get(line.value, ()))
