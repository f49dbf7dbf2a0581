from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

VERSION_FIELD = "asn_version"


def is_version_conflict(error):
    """Whether ``error`` is the refusal of ``_asn_version_bump`` (a plain UserError, so that the web
    client shows its usual warning; the portal shows the page afresh with it)."""
    return getattr(error, "asn_version_conflict", False)


class HrAsnVersionMixin(models.AbstractModel):
    """Concurrent edits never lose data silently (issue 13, Must have 4). A record counts its changes
    in ``asn_version``: every write adds one, in one UPDATE for the whole batch. A form carries the
    version it was rendered with (the portal in a hidden input, the backend form through
    ``static/src/js/version_field.js``) and sends it with the save as ``asn_version``; when somebody
    else saved the record meanwhile, the stored version is another one and the save is refused with a
    translated "reload" message, before anything of it is written.

    Race-free: the check is the UPDATE itself (``... WHERE asn_version = %s``). Of two transactions
    holding the same version, the second waits on the row lock of the first; once the first commits,
    PostgreSQL refuses it (REPEATABLE READ: concurrent update), Odoo retries the whole request
    (odoo/service/model.py ``retrying``), and the retry reads the new version and is refused.

    ``asn_version`` is never written as such (by nobody, the superuser included): it is taken out of
    the values, only compared; no context key skips the comparison. A save without it (RPC, imports,
    the workflow) is not compared but still counts, so the forms open elsewhere learn of it."""

    _name = "hr.asn.version.mixin"
    _description = "Record refusing a save based on an outdated version"

    asn_version = fields.Integer(string="Version", default=1, readonly=True, copy=False, aggregator=False,
                                 help="Counts the saves of the record: a form sends the version it shows, "
                                      "and a save over a newer version is refused.")

    def _asn_version_bump(self, expected=None):
        """Add one to the version of ``self`` in one UPDATE; with ``expected``, only where the stored
        version is ``expected``, else UserError (nothing of the save is written: the caller's
        transaction or savepoint is rolled back)."""
        ids = tuple({record_id for record_id in self._ids if isinstance(record_id, int)})  # stored records only
        if not ids:
            return
        query = SQL("UPDATE %s SET asn_version = COALESCE(asn_version, 0) + 1 WHERE id IN %s",
                    SQL.identifier(self._table), ids)
        if expected is not None:
            query = SQL("%s AND COALESCE(asn_version, 0) = %s", query, expected)
        self.env.cr.execute(query)
        self.invalidate_recordset([VERSION_FIELD])
        if expected is not None and self.env.cr.rowcount != len(ids):
            # who may not write the record learns nothing of it (the write would refuse them anyway)
            self.check_access("write")
            error = UserError(_(
                "%s was changed by someone else meanwhile. Reload the page to see their changes, then make "
                "yours again: nothing of this save was stored.", self[:1]._asn_version_label()))
            error.asn_version_conflict = True
            raise error

    def _asn_version_label(self):
        """How the refusal names the record."""
        return self.display_name

    @api.model
    def _asn_version_value(self, value):
        """The version a form sent, as an int; anything else is refused (a form never sends it)."""
        try:
            return int(value)
        except (TypeError, ValueError) as error:
            raise UserError(_("The form sent an invalid version: reload the page.")) from error

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.pop(VERSION_FIELD, None)  # a new record counts from 1, whatever is sent
        return super().create(vals_list)

    def write(self, vals):
        if VERSION_FIELD in vals:
            vals = dict(vals)
            expected = self._asn_version_value(vals.pop(VERSION_FIELD))
        else:
            expected = None
        self._asn_version_bump(expected)
        if not vals:
            return True
        return super().write(vals)
