from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.models import MAGIC_COLUMNS

# Fields of the mail mixins: mail keeps its own checks on them (followers, activities, messages).
MAIL_MIXINS = ("mail.thread", "mail.activity.mixin")


def check_writable(records, vals, allowed):
    """What a user may write on ``records`` is the whitelist ``allowed`` (issue 9, finding 6; STYLE.md
    "Trust", as project.task's SELF_WRITABLE_FIELDS): workflow-owned, computed, related and snapshot
    fields, and the links to the parent record (finding 4: a rule is checked before a write, so writing
    the link would move the record out of its reach), are written by the workflow, as the superuser.
    Skipped for the superuser only, never for a context key (finding 1). An empty list of x2many
    commands changes nothing (the web client sends one for every new record)."""
    if records.env.su:
        return
    mail_fields = {name for mixin in MAIL_MIXINS for name in records.env[mixin]._fields} - set(MAGIC_COLUMNS)
    refused = sorted(
        name for name, value in vals.items()
        if name not in allowed and name not in mail_fields
        and not (name in records._fields and records._fields[name].type in ("one2many", "many2many") and not value)
    )
    if refused:
        labels = [records._fields[name]._description_string(records.env) if name in records._fields else name
                  for name in refused]
        raise AccessError(records.env._(
            "%(model)s: %(fields)s cannot be written here; they are set by its workflow only.",
            model=records._description, fields=", ".join(labels)))


def check_entry_date(records, value, skp):
    """Umpan Balik and follow-up are recorded as they happen (Pasal 17-20, during the SKP's period):
    their day lies between the start of the SKP and today (issue 9, finding 6: no 9999 or 1900)."""
    if records.env.su:
        return
    today = fields.Date.context_today(records)
    day = fields.Date.to_date(value) if value else today
    if not skp.date_from <= day <= today:
        raise ValidationError(records.env._(
            "The date %(date)s must lie between the start of %(skp)s (%(start)s) and today.",
            date=day, skp=skp.display_name, start=skp.date_from))


class HrAsnSkpContentMixin(models.AbstractModel):
    """Parts of an SKP's text (RHK, IKI, perilaku, Lampiran SKP): they change only while the SKP is a
    draft. Pasal 13(3): once the employee signs and the Pejabat Penilai Kinerja sets it, the SKP is
    the agreed document; changes during the year make a new revision (Pasal 13(2), 20(4)-(5)).

    A part is edited in the SKP's own form (backend and portal): a change of a part counts as a change
    of its SKP (``hr.asn.version.mixin``), so a form of the SKP opened before it can no longer save."""

    _name = "hr.asn.skp.content.mixin"
    _description = "Part of an SKP's text"

    # states of the SKP in which the part may change
    _skp_editable_states = ("draft",)
    # what a user may write on the part (its own text), and, on create only, the link to its parent
    _skp_user_fields = frozenset()
    _skp_parent_fields = frozenset({"skp_id"})
    # what the workflow alone writes, as the superuser, also on a locked SKP (the takeover of Pasal 20(6))
    _skp_workflow_fields = frozenset()

    def _check_skp_editable(self, vals=None):
        """The lock of Pasal 13(3), for everybody: the superuser too changes a set SKP through a revision.
        Only the workflow's own fields pass, as the superuser; no context key opens the lock (issue 9)."""
        if self.env.su and vals is not None and set(vals) <= self._skp_workflow_fields:
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
        for vals in vals_list:
            check_writable(self, vals, self._skp_user_fields | self._skp_parent_fields)
        records = super().create(vals_list)
        records._check_skp_editable()  # the parent's lock, as on write; its record rules ran on create
        records.skp_id._asn_version_bump()
        return records

    def write(self, vals):
        self.check_access("write")
        check_writable(self, vals, self._skp_user_fields)  # the parent link never moves
        self._check_skp_editable(vals)
        res = super().write(vals)
        self.skp_id._asn_version_bump()
        return res

    def unlink(self):
        skps = self.skp_id
        res = super().unlink()
        skps._asn_version_bump()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_from_editable_skp(self):
        """Parts of a locked SKP stay (Pasal 13(3)); uninstalling the addon removes them all. Runs after
        ``unlink`` checked the access rights: who may not delete learns nothing about the lock."""
        self._check_skp_editable()
