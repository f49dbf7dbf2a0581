from odoo import fields, models

from ..rules import evaluation as rules

RATING_SELECTION = list(rules.RATINGS)


class HrAsnEvaluationComponent(models.Model):
    """One SKP of the year inside the annual evaluation (Pasal 25; national_rules.md §6): an employee who
    changed unit or position is evaluated on each SKP of the year, and the annual result combines them
    by the Pemda's roll-up policy; the Pejabat Penilai of the last SKP decides."""

    _name = "hr.asn.evaluation.component"
    _description = "Annual Evaluation: SKP of the Year"
    _order = "evaluation_id, date_from, id"

    evaluation_id = fields.Many2one("hr.asn.evaluation", required=True, ondelete="cascade", index=True,
                                    readonly=True)
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    skp_id = fields.Many2one("hr.asn.skp", string="SKP", readonly=True, ondelete="set null")
    date_from = fields.Date(readonly=True)
    date_to = fields.Date(readonly=True)
    months = fields.Integer(readonly=True, aggregator=False)
    jabatan = fields.Char(readonly=True)
    unit = fields.Char(readonly=True)
    penilai_name = fields.Char(string="Pejabat Penilai Kinerja", readonly=True)
    rating_hasil = fields.Selection(RATING_SELECTION, string="Rating Hasil Kerja", readonly=True)
    rating_perilaku = fields.Selection(RATING_SELECTION, string="Rating Perilaku Kerja", readonly=True)
    predikat = fields.Selection(list(rules.PREDIKATS), readonly=True)
    source = fields.Char(string="From", readonly=True, help="The periodic evaluations this SKP's result comes from.")
