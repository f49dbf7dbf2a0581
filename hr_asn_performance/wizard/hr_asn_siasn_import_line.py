from odoo import fields, models

KINDS = [
    ("rejected", "Rejected"),
    ("new", "New"),
    ("moved", "Moved (another unit)"),
    ("promoted", "Promoted (golongan or jabatan)"),
    ("changed", "Changed (name or status)"),
    ("unchanged", "Unchanged"),
]


class HrAsnSiasnImportLine(models.TransientModel):
    """One row of the SIASN file in the preview: what applying it does, or why it is rejected."""

    _name = "hr.asn.siasn.import.line"
    _description = "Import from SIASN: Preview Line"
    _order = "kind_sequence, line_no"

    wizard_id = fields.Many2one("hr.asn.siasn.import", required=True, ondelete="cascade", index=True)
    line_no = fields.Integer(string="Line", readonly=True)
    nip = fields.Char(string="NIP", readonly=True)
    name = fields.Char(readonly=True)
    kind = fields.Selection(KINDS, string="What Happens", required=True, readonly=True)
    kind_sequence = fields.Integer(readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    changes = fields.Text(readonly=True)
    reason = fields.Text(string="Why Rejected", readonly=True)
