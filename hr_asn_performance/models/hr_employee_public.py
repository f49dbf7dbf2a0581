from odoo import fields, models

from ..rules import asn_data
from .hr_employee import ASSESSOR_SOURCES


class HrEmployeePublic(models.Model):
    """The ASN data every colleague may see: it is printed on every SKP (Lampiran I) anyway."""

    _inherit = "hr.employee.public"

    nip = fields.Char(string="NIP", readonly=True)
    asn_status = fields.Selection(list(asn_data.ASN_STATUSES), string="ASN Status", readonly=True)
    asn_golongan = fields.Selection(asn_data.golongan_selection(), string="Pangkat/Golongan", readonly=True)
    asn_position_kind = fields.Selection(list(asn_data.POSITION_KINDS), string="Kind of Position", readonly=True)
    asn_jenjang = fields.Selection(list(asn_data.JENJANG), string="Jenjang", readonly=True)
    pejabat_penilai_id = fields.Many2one("hr.employee.public", string="Pejabat Penilai Kinerja", readonly=True)
    pejabat_penilai_official = fields.Char(string="Pejabat Penilai Kinerja (Head of Region)", readonly=True)
    atasan_pejabat_penilai_id = fields.Many2one("hr.employee.public", string="Atasan Pejabat Penilai",
                                                readonly=True)
    atasan_pejabat_penilai_official = fields.Char(string="Atasan Pejabat Penilai (Head of Region)", readonly=True)
    lampiran2_row = fields.Char(string="Lampiran II", readonly=True)
    assessor_source = fields.Selection(ASSESSOR_SOURCES, string="Assessor Decided By", readonly=True)
    assessor_reason = fields.Text(related="employee_id.assessor_reason", string="Why this Assessor")
