from odoo import api, models


class HrAsn360LockMixin(models.AbstractModel):
    """Records frozen with their round: a round's questions once it opens, its answers once it closes,
    its results ever after (Semarang's practice: results of a semester never change afterwards)."""

    _name = "hr.asn360.lock.mixin"
    _description = "Frozen with its 360 round"

    def _check_lock(self):
        """Raise when these records may no longer change; each model says when."""
        raise NotImplementedError

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_lock()
        return records

    def write(self, vals):
        self._check_lock()
        res = super().write(vals)
        self._check_lock()
        return res

    def unlink(self):
        self._check_lock()
        return super().unlink()
