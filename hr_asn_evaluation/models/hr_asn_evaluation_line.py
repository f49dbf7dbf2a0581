from odoo import fields, models

from odoo.addons.hr_asn_performance.rules import skp as skp_rules


class HrAsnEvaluationLine(models.Model):
    """One IKI of the evaluated SKP as the evaluation reads it (Lampiran I, EVALUASI KINERJA PEGAWAI:
    HASIL KERJA, REALISASI BERDASARKAN BUKTI DUKUNG, UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG),
    with the takeover note of Pasal 20(7)-(8). Written by the evaluation only, as the superuser."""

    _name = "hr.asn.evaluation.line"
    _description = "Evaluation: Hasil Kerja"
    _order = "evaluation_id, sequence, id"

    evaluation_id = fields.Many2one("hr.asn.evaluation", required=True, ondelete="cascade", index=True,
                                    readonly=True)
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    sequence = fields.Integer(readonly=True)
    rhk_id = fields.Many2one("hr.asn.skp.rhk", string="RHK", readonly=True, ondelete="set null")
    iki_id = fields.Many2one("hr.asn.skp.iki", string="IKI", readonly=True, ondelete="set null")
    kind = fields.Selection([("utama", "Utama"), ("tambahan", "Tambahan")], readonly=True)
    rhk_name = fields.Text(string="Rencana Hasil Kerja", readonly=True)
    parent_rhk_name = fields.Text(string="RHK Pimpinan yang Diintervensi", readonly=True)
    assigned_by = fields.Char(readonly=True)
    iki_name = fields.Text(string="Indikator Kinerja Individu", readonly=True)
    aspect = fields.Selection(list(skp_rules.IKI_ASPECTS), string="Aspek", readonly=True)
    target_display = fields.Char(string="Target", readonly=True)
    period_target = fields.Float(string="Target of the Period", digits=(16, 2), readonly=True)
    realisasi_value = fields.Float(string="Realisasi (number)", digits=(16, 2), readonly=True)
    capaian_pct = fields.Float(string="Realisasi vs Target (%)", digits=(16, 2), readonly=True)
    realisasi = fields.Text(string="Realisasi Berdasarkan Bukti Dukung", readonly=True)
    attachment_count = fields.Integer(string="Bukti Dukung", readonly=True)
    feedback = fields.Text(string="Umpan Balik Berkelanjutan", readonly=True)
    taken_over = fields.Boolean(string="Taken Over by the Leader", readonly=True)
    takeover_note = fields.Text(readonly=True)
