from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import skp as skp_rules


class HrAsnSkpIki(models.Model):
    """Indikator Kinerja Individu and target of an RHK (Pasal 8(2)-(3)): the aspek measured, a
    numeric target with its unit (kuantitatif) or a statement (kualitatif), and for JPT the
    perspektif (Lampiran I formats 1-2)."""

    _name = "hr.asn.skp.iki"
    _description = "Indikator Kinerja Individu (IKI)"
    _inherit = ["hr.asn.skp.content.mixin", "hr.asn.input.limit.mixin"]
    _order = "skp_id, rhk_id, sequence, id"
    _asn_text_limits = {"name": skp_rules.STATEMENT_MAX, "target_unit": skp_rules.LINE_MAX,
                        "target_text": skp_rules.STATEMENT_MAX}
    _asn_amount_fields = ("target_value",)

    rhk_id = fields.Many2one("hr.asn.skp.rhk", string="RHK", required=True, ondelete="cascade", index=True)
    skp_id = fields.Many2one(related="rhk_id.skp_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    aspect = fields.Selection(list(skp_rules.IKI_ASPECTS), string="Aspek", required=True, default="kuantitas")
    name = fields.Text(string="Indikator Kinerja Individu", required=True)
    target_value = fields.Float(string="Target", digits=(16, 2))
    target_unit = fields.Char(string="Unit of the Target", help="e.g. dokumen, laporan, persen, hari")
    target_text = fields.Char(string="Target (qualitative)")
    perspective = fields.Selection(list(skp_rules.PERSPECTIVES), string="Perspektif")
    origin_id = fields.Many2one("hr.asn.skp.iki", string="Copied From", readonly=True, copy=False)
    target_display = fields.Char(string="Target as Printed", compute="_compute_target_display")

    @api.depends("target_value", "target_unit", "target_text", "skp_id.approach")
    def _compute_target_display(self):
        for iki in self:
            if iki.skp_id.approach == "kuantitatif":
                value = ("%g" % iki.target_value).replace(".", ",")
                iki.target_display = " ".join(filter(None, [value, iki.target_unit]))
            else:
                iki.target_display = iki.target_text or ""

    @api.constrains("target_value", "target_unit", "target_text")
    def _check_target(self):
        """Pasal 8(3): kuantitatif states a number above zero and its unit; kualitatif a statement."""
        for iki in self:
            if iki.target_value < 0:
                raise ValidationError(_("The target of \"%s\" cannot be negative.", iki.name))

    def _asn_check_target_complete(self):
        for iki in self:
            if iki.skp_id.approach == "kuantitatif":
                if iki.target_value <= 0 or not (iki.target_unit or "").strip():
                    raise ValidationError(_("The IKI \"%s\" needs a target above zero and its unit "
                                            "(pendekatan kuantitatif).", iki.name))
            elif not (iki.target_text or "").strip() and iki.target_value <= 0:
                raise ValidationError(_("The IKI \"%s\" needs a target.", iki.name))

    # what a user writes (issue 9, finding 6); never the RHK after create, nor the SKP (related: it would
    # move the RHK) (finding 4)
    _skp_user_fields = frozenset({"sequence", "aspect", "name", "target_value", "target_unit", "target_text",
                                  "perspective"})
    _skp_parent_fields = frozenset({"rhk_id"})

    def copy_data(self, default=None):
        """A revision (as the superuser) remembers the IKI each copy comes from, to carry the months over."""
        vals_list = super().copy_data(default=default)
        if self.env.su:
            for iki, vals in zip(self, vals_list, strict=True):
                vals["origin_id"] = iki.id
        return vals_list
