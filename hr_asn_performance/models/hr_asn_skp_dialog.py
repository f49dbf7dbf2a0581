import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

from ..rules import activity as activity_rules
from ..rules import skp as skp_rules
from .hr_asn_skp_content_mixin import check_writable

# What the leader writes on a dialog (STYLE.md "Trust"); on create also the SKP. Who held it (the leader,
# the employee) and who may read it besides them (the Atasan Pejabat Penilai) are set by the dialog itself
# and never change.
DIALOG_USER_FIELDS = {"date", "kind", "rhk_id", "notes"}
DIALOG_CREATE_FIELDS = DIALOG_USER_FIELDS | {"skp_id"}
# the SKP states in which a dialog is held: while it is drafted (Pasal 6(2)), submitted and set
DIALOG_SKP_STATES = ("draft", "submitted", "set")


class HrAsnSkpDialog(models.Model):
    """Dialog kinerja between a leader and an employee (Perwal Bekasi 38/2023): planning, to set and
    clarify the Ekspektasi while the SKP is drafted (Pasal 6(2)); monitoring, on the feedback and its
    follow-up (Pasal 17, 20); coaching, bimbingan or konseling kinerja (Pasal 21). Kota Semarang keeps
    them in its own application (seed 002). Dated, on the SKP and an RHK, with the agreed actions as
    activities (an owner, a due date). Read by the two parties and the employee's Atasan Pejabat
    Penilai only, and by BKPSDM (security/hr_asn_skp_dialog_security.xml); written by the leader."""

    _name = "hr.asn.skp.dialog"
    _description = "Dialog Kinerja"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.asn.input.limit.mixin"]
    _order = "date desc, id desc"
    _asn_text_limits = {"notes": skp_rules.NOTE_MAX}
    # who reads a dialog may answer in its chatter and mark their agreed actions done
    _mail_post_access = "read"

    name = fields.Char(compute="_compute_name")
    skp_id = fields.Many2one("hr.asn.skp", string="SKP", required=True, ondelete="cascade", index=True,
                             domain="[('state', 'in', %s)]" % (DIALOG_SKP_STATES,))
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True)
    leader_id = fields.Many2one("hr.employee", readonly=True, index=True,
                                default=lambda self: self.env.user.employee_id)
    atasan_id = fields.Many2one("hr.employee", string="Atasan Pejabat Penilai", readonly=True, index=True,
                                help="Reads the dialog with the two parties.")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    kind = fields.Selection(list(activity_rules.DIALOG_KINDS), required=True, default="monitoring", tracking=True)
    rhk_id = fields.Many2one("hr.asn.skp.rhk", string="RHK", domain="[('skp_id', '=', skp_id)]")
    notes = fields.Text(required=True)
    is_leader = fields.Boolean(compute="_compute_is_leader")

    @api.depends("kind", "employee_id", "date")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for dialog in self:
            dialog.name = self.env._("Dialog Kinerja %(kind)s: %(employee)s, %(date)s",
                                     kind=kinds.get(dialog.kind, ""), employee=dialog.sudo().employee_id.name or "",
                                     date=format_date(self.env, dialog.date) if dialog.date else "")

    @api.depends_context("uid")
    def _compute_is_leader(self):
        for dialog in self:
            dialog.is_leader = dialog.sudo().leader_id.user_id == self.env.user

    @api.constrains("rhk_id", "skp_id")
    def _check_rhk(self):
        for dialog in self:
            if dialog.rhk_id and dialog.rhk_id.skp_id != dialog.skp_id:
                raise ValidationError(_("A dialog names an RHK of the same SKP."))

    def _asn_check_date(self):
        """Held on a day that has come; planning starts with the draft, before the year (Pasal 6(4): from
        the unit's draft perjanjian kinerja), so from 1 January of the year before the SKP's (assumed: the
        Perwal gives no earliest day)."""
        if self.env.su:
            return
        today = fields.Date.context_today(self)
        for dialog in self:
            earliest = datetime.date(dialog.sudo().skp_id.year - 1, 1, 1)
            if dialog.date > today:
                raise ValidationError(_("A dialog is recorded once it was held: %s has not come yet.",
                                        format_date(self.env, dialog.date)))
            if dialog.date < earliest:
                raise ValidationError(_("The dialog's date lies too far before %(skp)s (from %(date)s).",
                                        skp=dialog.skp_id.display_name, date=format_date(self.env, earliest)))

    @api.model_create_multi
    def create(self, vals_list):
        """Recorded by the leader: a Pejabat Penilai Kinerja of the SKP or its atasan (Pasal 6(2), 17(1):
        Pimpinan). The leader is the user, the atasan is the employee's Atasan Pejabat Penilai."""
        skps = self.env["hr.asn.skp"].browse([vals.get("skp_id") for vals in vals_list])
        me = self.env.user.employee_id
        for vals, skp in zip(vals_list, skps, strict=True):
            if not self.env.su:
                check_writable(self, vals, DIALOG_CREATE_FIELDS)
                skp.check_access("read")
                if not skp.is_assessor or skp.is_mine or not me:
                    raise AccessError(_("A dialog kinerja is recorded by the employee's Pejabat Penilai Kinerja "
                                        "or its atasan."))
                vals["leader_id"] = me.id
            skp = skp.sudo()
            if skp.state not in DIALOG_SKP_STATES:
                raise UserError(_("%s is closed: hold the dialog on the employee's current SKP.", skp.display_name))
            vals.setdefault("leader_id", me.id or skp.pejabat_penilai_id.id)
            vals["atasan_id"] = (skp.employee_id.atasan_pejabat_penilai_id or skp.atasan_pejabat_penilai_id).id
            if not (vals.get("notes") or "").strip():
                raise UserError(_("Write what the dialog was about."))
        dialogs = super(HrAsnSkpDialog, self.sudo().with_context(mail_create_nosubscribe=True)).create(vals_list)
        dialogs.with_env(self.env)._asn_check_date()  # as the user: skipped for the superuser only
        for dialog in dialogs:
            partners = (dialog.leader_id.user_id | dialog.employee_id.user_id).partner_id
            dialog.message_subscribe(partner_ids=partners.ids)
        return dialogs.with_env(self.env)

    def write(self, vals):
        self.check_access("write")
        if not self.env.su:
            check_writable(self, vals, DIALOG_USER_FIELDS)
            if set(vals) & DIALOG_USER_FIELDS and self.filtered(lambda dialog: not dialog.is_leader):
                raise AccessError(_("Only the leader who held the dialog changes it."))
        res = super().write(vals)
        if "date" in vals:
            self._asn_check_date()
        return res

    def action_agree(self, summary, user, date_deadline, note=None):
        """An action agreed in the dialog: a to-do for its owner (the leader or the employee), due on
        ``date_deadline``; it shows in the owner's activities and on the dialog. Only the leader adds them."""
        if not self.env.su and self.filtered(lambda dialog: not dialog.is_leader):
            raise AccessError(_("Only the leader who held the dialog records its agreed actions."))
        if not (summary or "").strip():
            raise UserError(_("Say what was agreed."))
        if not date_deadline:
            raise UserError(_("Give the agreed action a due date."))
        activities = self.env["mail.activity"]
        for dialog in self.sudo():
            if user not in (dialog.leader_id.user_id | dialog.employee_id.user_id):
                raise UserError(_("An agreed action is owned by the leader or the employee of the dialog."))
            activities |= dialog.activity_schedule("mail.mail_activity_data_todo", date_deadline=date_deadline,
                                                   summary=summary.strip()[:skp_rules.LINE_MAX], note=note or "",
                                                   user_id=user.id)
        return activities.with_env(self.env)
