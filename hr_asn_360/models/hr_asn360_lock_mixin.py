from odoo import api, models

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG


def trusted_unlink(records):
    """``records`` for unlink(), without an uninstall flag that an RPC caller could set.

    Odoo skips the ``@api.ondelete(at_uninstall=False)`` checks when the context holds
    MODULE_UNINSTALL_FLAG (odoo/models.py ``unlink``); uninstalling runs as superuser, an RPC caller never
    does, so the flag counts only with ``env.su`` (issue 9 finding 1).
    """
    if records.env.context.get(MODULE_UNINSTALL_FLAG) and not records.env.su:
        return records.with_context(**{MODULE_UNINSTALL_FLAG: False})
    return records


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

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        """Frozen records are not deleted, not even as superuser; uninstalling the module still removes
        them (at_uninstall=False)."""
        self._check_lock()

    def unlink(self):
        return super(HrAsn360LockMixin, trusted_unlink(self)).unlink()
