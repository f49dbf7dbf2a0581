from odoo import fields, models

from ..rules import asn_data
from .hr_employee import ASSESSOR_SOURCES, HrEmployee


class HrEmployeePublic(models.Model):
    """The ASN data every colleague may see: it is printed on every SKP (Lampiran I) anyway.

    Every field hr_asn adds to hr.employee is either mirrored here or carries a group (core's
    hr/tests/test_self_user_access.py test_employee_fields_groups); stored ones are columns of this view.
    """

    _inherit = "hr.employee.public"

    nip = fields.Char(string="NIP", readonly=True)
    asn_unit_name = fields.Char(related="department_id.name", string="Unit Kerja")
    asn_status = fields.Selection(list(asn_data.ASN_STATUSES), string="ASN Status", readonly=True)
    asn_golongan = fields.Selection(asn_data.golongan_selection(), string="Pangkat/Golongan", readonly=True)
    asn_position_kind = fields.Selection(list(asn_data.POSITION_KINDS), string="Kind of Position", readonly=True)
    asn_jenjang = fields.Selection(list(asn_data.JENJANG), string="Jenjang", readonly=True)
    asn_special_role = fields.Selection(list(asn_data.SPECIAL_ROLES), string="Lampiran II Special Case",
                                        readonly=True)
    # Tugas belajar decides the SKP format (Pasal 14) and leaves the 360 rating: not a secret
    tb_date_from = fields.Date(string="Tugas Belajar From", readonly=True)
    tb_date_to = fields.Date(string="Tugas Belajar To", readonly=True)
    on_tugas_belajar = fields.Boolean(compute="_compute_on_tugas_belajar",
                                      search="_search_on_tugas_belajar")
    pejabat_penilai_id = fields.Many2one("hr.employee.public", string="Pejabat Penilai Kinerja", readonly=True)
    pejabat_penilai_official = fields.Char(string="Pejabat Penilai Kinerja (Head of Region)", readonly=True)
    atasan_pejabat_penilai_id = fields.Many2one("hr.employee.public",
                                                readonly=True)
    atasan_pejabat_penilai_official = fields.Char(string="Atasan Pejabat Penilai (Head of Region)", readonly=True)
    lampiran2_row_id = fields.Many2one("hr.asn.lampiran2.row", string="Lampiran II Row", readonly=True)
    lampiran2_row = fields.Char(string="Lampiran II", readonly=True)
    assessor_flags = fields.Char(readonly=True)
    assessor_source = fields.Selection(ASSESSOR_SOURCES, string="Assessor Decided By", readonly=True)
    assessor_reason = fields.Text(related="employee_id.assessor_reason", string="Why this Assessor")
    assessee_ids = fields.One2many("hr.employee.public", "pejabat_penilai_id", string="Assessed Employees",
                                   readonly=True)

    # the same period rule as on the employee (Pasal 14), over the mirrored dates
    _compute_on_tugas_belajar = HrEmployee._compute_on_tugas_belajar
    _search_on_tugas_belajar = HrEmployee._search_on_tugas_belajar
