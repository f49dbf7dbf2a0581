from odoo import _, api, models
from odoo.exceptions import UserError


class HrAsnSkpContentMixin(models.AbstractModel):
    """Parts of an SKP's text (RHK, IKI, perilaku, Lampiran SKP): they change only while the SKP is a
    draft. Pasal 13(3): once the employee signs and the Pejabat Penilai Kinerja sets it, the SKP is
    the agreed document; changes during the year make a new revision (Pasal 13(2), 20(4)-(5))."""

    _name = "hr.asn.skp.content.mixin"
    _description = "Part of an SKP's text"

    # states of the SKP in which the part may change
    _skp_editable_states = ("draft",)

    def _check_skp_editable(self):
        if self.env.context.get("hr_asn_skp_unlock"):
            return
        locked = self.skp_id.filtered(lambda skp: skp.state not in self._skp_editable_states)
        if locked:
            raise UserError(_(
                "%(skp)s is %(state)s and can no longer be changed. Ask for a new revision to change it.",
                skp=locked[0].display_name,
                state=dict(locked[0]._fields["state"]._description_selection(self.env))[locked[0].state],
            ))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_skp_editable()
        return records

    def write(self, vals):
        self.check_access("write")
        self._check_skp_editable()
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self._check_skp_editable()
        return super().unlink()
