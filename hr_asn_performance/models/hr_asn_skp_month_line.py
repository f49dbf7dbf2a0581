from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import skp as skp_rules
from .hr_asn_version_mixin import VERSION_FIELD

# What the employee may change on a month's line, by stage.
TARGET_FIELDS = {"target_value", "target_text"}
REALISASI_FIELDS = {"realisasi", "realisasi_value", "attachment_ids", "note"}


class HrAsnSkpMonthLine(models.Model):
    """One IKI in one month: the month's target and its realisasi with bukti dukung (Pasal 16)."""

    _name = "hr.asn.skp.month.line"
    _description = "SKP: Monthly Target and Realisasi of an IKI"
    _inherit = ["hr.asn.input.limit.mixin", "hr.asn.version.mixin"]
    _order = "month_id, iki_id"
    _asn_text_limits = {"target_text": skp_rules.STATEMENT_MAX, "realisasi": skp_rules.NOTE_MAX,
                        "note": skp_rules.NOTE_MAX}
    _asn_amount_fields = ("target_value", "realisasi_value")

    month_id = fields.Many2one("hr.asn.skp.month", required=True, ondelete="cascade", index=True)
    skp_id = fields.Many2one(related="month_id.skp_id", store=True, index=True)
    iki_id = fields.Many2one("hr.asn.skp.iki", string="IKI", required=True, ondelete="cascade", index=True)
    rhk_id = fields.Many2one(related="iki_id.rhk_id")
    target_value = fields.Float(string="Month's Target", digits=(16, 2))
    target_text = fields.Char(string="Month's Target (qualitative)")
    realisasi = fields.Text()
    realisasi_value = fields.Float(string="Realisasi (number)", digits=(16, 2))
    attachment_ids = fields.Many2many("ir.attachment", "hr_asn_skp_month_line_attachment_rel", "line_id",
                                      "attachment_id", string="Bukti Dukung")
    note = fields.Text()
    # what the leader reads in full (issue 12: a list cut "Tersusunnya lap..."): the texts as Text fields
    # (they wrap in a list), the unit beside the numbers, the running capaian against the yearly target
    approach = fields.Selection(related="month_id.approach")
    rhk_name = fields.Text(related="iki_id.rhk_id.name", string="Rencana Hasil Kerja")
    iki_name = fields.Text(related="iki_id.name", string="Indikator Kinerja Individu")
    target_unit = fields.Char(related="iki_id.target_unit", string="Unit of the Target")
    yearly_target = fields.Char(related="iki_id.target_display", string="Yearly Target")
    realisasi_to_date = fields.Float(string="Realisasi up to this Month", digits=(16, 2),
                                     compute="_compute_capaian")
    capaian_percent = fields.Float(string="Capaian so far (%)", digits=(16, 2), compute="_compute_capaian")
    capaian_display = fields.Char(string="Capaian so far", compute="_compute_capaian",
                                  help="The realisasi of this and the earlier months against the IKI's yearly "
                                       "target (kuantitatif IKI).")

    _sql_constraints = [("iki_unique", "UNIQUE(month_id, iki_id)", "An IKI appears once in a month.")]

    @api.depends("realisasi_value", "month_id.month", "iki_id.target_value")
    def _compute_capaian(self):
        """Pasal 16 (monthly documentation, rules/skp.py running_capaian): per kuantitatif IKI, the realisasi
        of the months up to this one against the yearly target; one query for the whole batch."""
        rows = self.sudo().search_fetch([("iki_id", "in", self.iki_id.ids)], ["iki_id", "month_id", "realisasi_value"])
        by_iki = {}
        for row in rows:
            by_iki.setdefault(row.iki_id.id, []).append((row.month_id.month, row.realisasi_value, row.id))
        for line in self:
            iki = line.iki_id
            if line.month_id.approach != "kuantitatif" or not iki:
                line.realisasi_to_date = line.capaian_percent = 0.0
                line.capaian_display = False
                continue
            # the line's own value as being typed, the other months' as stored
            values = [value for number, value, row_id in by_iki.get(iki.id, [])
                      if number <= line.month_id.month and row_id != line._origin.id]
            values.append(line.realisasi_value)
            total, percent = skp_rules.running_capaian(iki.target_value, values)
            line.realisasi_to_date = total
            line.capaian_percent = percent or 0.0
            line.capaian_display = iki._asn_capaian_text(total, percent)

    @api.constrains("target_value", "realisasi_value")
    def _check_values(self):
        """Targets and realisasi are amounts of results (Pasal 8(2)-(3)): never below zero."""
        for line in self:
            if line.target_value < 0 or line.realisasi_value < 0:
                raise ValidationError(_("Targets and realisasi cannot be negative (%s).", line.iki_id.name))

    def write(self, vals):
        # the checks of Pasal 16 run for everybody but the superuser (issue 9, finding 1); the month, the
        # IKI and the SKP of a line never change (finding 4)
        if not self.env.su:
            self.month_id._check_open_for_entry()
            if REALISASI_FIELDS & set(vals):
                today = fields.Date.context_today(self)
                for month in self.month_id:
                    month._asn_check_month_begun(today)
            if TARGET_FIELDS & set(vals) and self.month_id.filtered(lambda m: m.state != "open"):
                raise UserError(_("The targets of a reported month can no longer change."))
            # issue 12: a reported month is what the leader reviews (Pasal 17(1): pemantauan); it
            # changes only once the leader reopens it (action_reopen, with the reason)
            reported = self.month_id.filtered(lambda m: m.state == "reported")
            if REALISASI_FIELDS & set(vals) and reported:
                raise UserError(_("%s is reported and waits for the review of your Pejabat Penilai Kinerja: its "
                                  "realisasi can no longer change. Ask them to reopen it to correct it.",
                                  reported[0].name))
            # the version the form was rendered with (hr.asn.version.mixin): compared, never written
            if set(vals) - TARGET_FIELDS - REALISASI_FIELDS - {VERSION_FIELD}:
                raise UserError(_("Only the month's targets and realisasi can be changed here."))
        return super().write(vals)

    def _asn_version_label(self):
        return _("The line \"%(iki)s\" of %(month)s", iki=self.iki_id.name, month=self.month_id.name)

    @api.model_create_multi
    def create(self, vals_list):
        """A month's lines are its SKP's IKI, opened with the month (``_asn_open_months``, as the superuser):
        a user adds none (issue 9, finding 4: an IKI of another SKP)."""
        if not self.env.su:
            raise AccessError(_("The lines of a month are opened with it, one per IKI of the SKP."))
        return super().create(vals_list)
