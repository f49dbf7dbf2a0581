from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import skp as skp_rules


class ResCompany(models.Model):
    _inherit = "res.company"

    # The region's officials (Perwal Bekasi 38/2023 Lampiran II names the Wali Kota and the Sekretaris
    # Daerah as assessors; a Kabupaten has a Bupati).
    asn_region_head_title = fields.Selection(
        [("wali_kota", "Wali Kota"), ("bupati", "Bupati")],
        string="Head of Region Title",
        default="wali_kota",
    )
    asn_region_head_name = fields.Char(string="Head of Region")
    asn_sekda_id = fields.Many2one(
        "hr.employee",
        string="Sekretaris Daerah",
        compute="_compute_asn_sekda_id",
        help="Head of the Perangkat Daerah of kind Sekretariat Daerah (Lampiran II row 1.a).",
    )

    # SKP (Perwal Bekasi 38/2023 Pasal 16: monthly documentation). Kota Semarang's timeline (seed 002):
    # the month's targets by the 2nd, its realisasi by the 3rd of the next month.
    asn_plan_day = fields.Integer(string="Monthly Targets Due On Day", default=2)
    asn_realisasi_day = fields.Integer(string="Realisasi Due On Day of the Next Month", default=3)
    asn_reminder_days = fields.Integer(
        string="Remind Days Before a Monthly Deadline", default=skp_rules.DEFAULT_REMINDER_DAYS,
        help="E-mail the employee this many days before the month's targets or realisasi are due, once per "
             "deadline; 0: no reminder.")
    # Assumed: neither Perwal Bekasi 38/2023 nor Semarang's notes set a day for the leader's review of a month;
    # 7 days after the realisasi is due (or after it was reported, when later) is this suite's default.
    asn_review_days = fields.Integer(
        string="Review Due (Days After the Realisasi)", default=skp_rules.DEFAULT_REVIEW_DAYS,
        help="Assumed default: the regulation sets no day for the Pejabat Penilai's review of a reported month. "
             "The review is due this many days after the realisasi day, or after the month was reported "
             "when that is later.")
    asn_sign_place = fields.Char(string="Place of Signature", help="Printed above the signatures of the SKP, "
                                                                    "e.g. Bekasi; empty: the company's city.")

    @api.constrains("asn_plan_day", "asn_realisasi_day")
    def _check_asn_days(self):
        for company in self:
            if not (1 <= company.asn_plan_day <= 28 and 1 <= company.asn_realisasi_day <= 28):
                raise ValidationError(_("The monthly due days of the SKP must lie between 1 and 28."))

    @api.constrains("asn_reminder_days")
    def _check_asn_reminder_days(self):
        for company in self:
            if not 0 <= company.asn_reminder_days <= 28:
                raise ValidationError(_("Reminders go out between 0 (none) and 28 days before a monthly deadline."))

    @api.constrains("asn_review_days")
    def _check_asn_review_days(self):
        for company in self:
            if not 0 <= company.asn_review_days <= 28:
                raise ValidationError(_("A month's review is due between 0 and 28 days after its realisasi."))

    def _compute_asn_sekda_id(self):
        setda = self.env["hr.department"].sudo().search(
            [("asn_opd_kind", "=", "setda"), ("company_id", "in", self.ids)], order="id"
        )
        by_company = {}
        for department in setda:
            by_company.setdefault(department.company_id.id, department.manager_id)
        for company in self:
            company.asn_sekda_id = by_company.get(company.id, False)

    def _asn_region_head_label(self):
        """``Wali Kota Mekarsari (Name)``: how the region's head is named where it assesses."""
        self.ensure_one()
        title = dict(self._fields["asn_region_head_title"]._description_selection(self.env)).get(
            self.asn_region_head_title or "wali_kota"
        )
        return "%s (%s)" % (title, self.asn_region_head_name) if self.asn_region_head_name else title

    def write(self, vals):
        res = super().write(vals)
        if {"asn_region_head_title", "asn_region_head_name"} & set(vals):
            self.env["hr.employee"]._asn_recompute_assessors()
        return res
