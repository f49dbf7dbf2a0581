from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..rules import skp as skp_rules
from .hr_asn_skp_content_mixin import check_entry_date, check_writable

# What the leader writes on create (issue 9, finding 6); the leader, the revision opened and the related
# employee are set by the follow-up itself, and a follow-up never changes afterwards.
FOLLOWUP_CREATE_FIELDS = {"skp_id", "date", "progress", "action", "rhk_id", "note"}


class HrAsnSkpFollowup(models.Model):
    """Tindak lanjut of the feedback (Pasal 20-21): apresiasi or a new assignment when the employee
    progresses; otherwise adjusted expectations or resources (a new revision of the SKP, Pasal 20(4)-(5)),
    bimbingan or konseling kinerja; as a last step the leader takes an RHK over, with the note the
    evaluation reads (Pasal 20(6)-(8))."""

    _name = "hr.asn.skp.followup"
    _description = "Follow-up of Umpan Balik Berkelanjutan"
    _inherit = ["hr.asn.input.limit.mixin"]
    _order = "date desc, id desc"
    _asn_text_limits = {"note": skp_rules.NOTE_MAX}

    skp_id = fields.Many2one("hr.asn.skp", string="SKP", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    leader_id = fields.Many2one("hr.employee", readonly=True,
                                default=lambda self: self.env.user.employee_id)
    date = fields.Date(required=True, default=fields.Date.context_today)
    progress = fields.Boolean(string="Shows Progress",
                              help="Pasal 20(1): whether the employee shows progress in their performance.")
    action = fields.Selection(list(skp_rules.FOLLOWUP_ACTIONS), required=True)
    rhk_id = fields.Many2one("hr.asn.skp.rhk", string="RHK", domain="[('skp_id', '=', skp_id)]")
    note = fields.Text(required=True)
    revision_id = fields.Many2one("hr.asn.skp", string="Revision Opened", readonly=True)
    # the SKP's tab in full (issue 12: "Cara Pe..." cut): the outcome in one column, the RHK's text wrapping
    outcome = fields.Char(string="Progress and Follow-up", compute="_compute_outcome")
    rhk_name = fields.Text(related="rhk_id.name", string="Rencana Hasil Kerja")

    @api.depends("progress", "action")
    def _compute_outcome(self):
        actions = dict(self._fields["action"]._description_selection(self.env))
        for followup in self:
            progress = self.env._("Shows progress") if followup.progress else self.env._("No progress")
            followup.outcome = " · ".join(filter(None, (progress, actions.get(followup.action))))

    @api.model_create_multi
    def create(self, vals_list):
        skps = self.env["hr.asn.skp"].browse([vals.get("skp_id") for vals in vals_list])
        skps._check_skp_update("followup")
        for vals, skp in zip(vals_list, skps, strict=True):
            check_writable(self, vals, FOLLOWUP_CREATE_FIELDS)
            skp = skp.sudo()
            if skp.state != "set":
                raise UserError(_("Follow-up is for a set SKP; %s is not set.", skp.display_name))
            check_entry_date(self, vals.get("date"), skp)
            earlier = skp.followup_ids.filtered(lambda f: f.action in skp_rules.NO_PROGRESS_ACTIONS)
            try:
                skp_rules.check_followup(vals.get("action"), vals.get("progress", False), bool(earlier))
            except skp_rules.SkpRuleError as error:
                raise UserError(self._asn_rule_message(error.args[0])) from error
            rhk = self.env["hr.asn.skp.rhk"].sudo().browse(vals.get("rhk_id"))
            if vals.get("action") == "pengambilalihan" and rhk.skp_id != skp:
                raise UserError(_("Name the RHK of this SKP that the leader takes over."))
            if rhk and rhk.skp_id != skp:
                raise UserError(_("A follow-up names an RHK of the same SKP."))
            vals["leader_id"] = self.env.user.employee_id.id
        followups = super(HrAsnSkpFollowup, self.sudo()).create(vals_list)
        for followup in followups:
            if followup.action == "pengambilalihan":
                followup.rhk_id._asn_take_over(followup.note, followup.leader_id)
            elif followup.action in skp_rules.REVISING_ACTIONS:
                followup.revision_id = followup.skp_id.action_new_revision(
                    _("%(action)s: %(note)s", action=followup._asn_action_label(), note=followup.note))
        followups.skp_id._asn_log([(followup.skp_id, self.env._("Follow-up (%(action)s): %(note)s",
                                                                 action=followup._asn_action_label(),
                                                                 note=followup.note))
                                   for followup in followups])
        return followups.with_env(self.env)

    def write(self, vals):
        if not self.env.su:
            raise UserError(_("A follow-up stays as recorded; add a new one instead."))
        return super().write(vals)

    def _asn_action_label(self):
        return dict(self._fields["action"]._description_selection(self.env))[self.action]

    @api.model
    def _asn_rule_message(self, key):
        return {
            "needs_progress": _("Apresiasi and penugasan baru follow progress (Pasal 20(2))."),
            "needs_no_progress": _("Adjustments, pembinaan and takeover follow a lack of progress (Pasal 20(3), (6))."),
            "takeover_too_early": _("The leader takes an RHK over only after adjusting expectations or resources, "
                                    "or after bimbingan or konseling, did not help (Pasal 20(6))."),
        }[key]
