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
    approach = fields.Selection(related="skp_id.approach")
    rhk_name = fields.Text(related="rhk_id.name", string="Rencana Hasil Kerja")
    # the running capaian (Pasal 16, rules/skp.py running_capaian): kuantitatif IKI only
    realisasi_total = fields.Float(string="Realisasi So Far", digits=(16, 2), compute="_compute_capaian")
    capaian_percent = fields.Float(string="Capaian (%)", digits=(16, 2), compute="_compute_capaian")
    capaian_display = fields.Char(string="Realisasi against the Yearly Target", compute="_compute_capaian")

    @api.depends("target_value", "target_unit", "target_text", "skp_id.approach")
    def _compute_target_display(self):
        for iki in self:
            if iki.skp_id.approach == "kuantitatif":
                value = skp_rules.format_quantity(iki.target_value)
                iki.target_display = " ".join(filter(None, [value, iki.target_unit]))
            else:
                iki.target_display = iki.target_text or ""

    def _compute_capaian(self):
        """The realisasi of every month so far against the yearly target; one query for the batch."""
        totals = dict(self.env["hr.asn.skp.month.line"].sudo()._read_group(
            [("iki_id", "in", self.ids)], ["iki_id"], ["realisasi_value:sum"]))
        for iki in self:
            total, percent = skp_rules.running_capaian(iki.target_value, [totals.get(iki, 0.0)])
            quantitative = iki.skp_id.approach == "kuantitatif"
            iki.realisasi_total = total if quantitative else 0.0
            iki.capaian_percent = (percent or 0.0) if quantitative else 0.0
            iki.capaian_display = iki._asn_capaian_text(total, percent) if quantitative else False

    def _asn_capaian_text(self, total, percent):
        """``5 of 12 dokumen (41,67%)`` in the reader's language; no percentage without a target."""
        self.ensure_one()
        unit = self.target_unit or ""
        if percent is None:
            return " ".join(filter(None, [skp_rules.format_quantity(total), unit]))
        return self.env._("%(done)s of %(target)s (%(percent)s%%)", done=skp_rules.format_quantity(total),
                          target=" ".join(filter(None, [skp_rules.format_quantity(self.target_value), unit])),
                          percent=skp_rules.format_quantity(percent))

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
