from odoo import models


class HrAsn360ReadGuardMixin(models.AbstractModel):
    """Who rated whom is read through more doors than ``read``: ``web_read``/``read`` (``_read_format``),
    ``copy``/``copy_data`` and exports each read the fields their own way (issue 9, finding 2). A model
    names its guarded fields in ``_guarded_fields`` and says in ``_guard_read(fnames)`` who may read them;
    every door calls it."""

    _name = "hr.asn360.read.guard.mixin"
    _description = "Guarded reads of who rated whom"

    _guarded_fields = frozenset()

    def _guard_read(self, fnames):
        raise NotImplementedError

    def _read_format(self, fnames, load="_classic_read"):
        self._guard_read(fnames)
        return super()._read_format(fnames, load=load)

    def copy_data(self, default=None):
        self._guard_read(self._guarded_fields)
        return super().copy_data(default=default)

    def export_data(self, fields_to_export):
        self._guard_read({path.split("/")[0].split(".")[0] for path in fields_to_export})
        return super().export_data(fields_to_export)
