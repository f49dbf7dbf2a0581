from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import skp as skp_rules
from .hr_asn_skp_content_mixin import check_entry_date, check_writable

# What the giver may write (issue 9, finding 6): the feedback itself; on create also whom it goes to, in
# whose name and when (checked below). The source, the giver's user, and the related employee (written
# through to the SKP, as the superuser!) are set here only; the SKP and the day never change (finding 4).
FEEDBACK_USER_FIELDS = {"kind", "mode", "topic", "rhk_id", "behavior_value", "name", "giver_name"}
FEEDBACK_CREATE_FIELDS = FEEDBACK_USER_FIELDS | {"skp_id", "giver_id", "date", "submit_token"}


class HrAsnSkpFeedback(models.Model):
    """Umpan Balik Berkelanjutan (Pasal 17-19): the record of feedback an employee receives on an RHK
    or a BerAKHLAK value, from their leaders, peers, subordinates or other parties; berkala or
    insidentil, given directly or not. Kept as given: the evaluation reads it (Lampiran I, "UMPAN BALIK
    BERKELANJUTAN BERDASARKAN BUKTI DUKUNG")."""

    _name = "hr.asn.skp.feedback"
    _description = "Umpan Balik Berkelanjutan"
    _inherit = ["hr.asn.input.limit.mixin"]
    _order = "date desc, id desc"
    _asn_text_limits = {"name": skp_rules.NOTE_MAX, "giver_name": skp_rules.LINE_MAX}

    skp_id = fields.Many2one("hr.asn.skp", string="SKP", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True, string="Employee")
    giver_id = fields.Many2one("hr.employee", string="Given By", index=True,
                               default=lambda self: self.env.user.employee_id)
    giver_user_id = fields.Many2one("res.users", string="Giver's User", default=lambda self: self.env.user,
                                    readonly=True, index=True)
    giver_name = fields.Char(string="Other Party", help="Name of a party outside the Pemda (Pasal 18(2)c).")
    source = fields.Selection(list(skp_rules.FEEDBACK_SOURCES), string="Given As", readonly=True)
    kind = fields.Selection(list(skp_rules.FEEDBACK_KINDS), required=True, default="insidentil")
    mode = fields.Selection(list(skp_rules.FEEDBACK_MODES), string="Given", required=True, default="langsung")
    topic = fields.Selection([("rhk", "Rencana Hasil Kerja"), ("perilaku", "Perilaku Kerja")], required=True,
                             default="rhk")
    rhk_id = fields.Many2one("hr.asn.skp.rhk", string="RHK", domain="[('skp_id', '=', skp_id)]")
    behavior_value = fields.Selection(list(skp_rules.BERAKHLAK_VALUES), string="Core Value")
    date = fields.Date(required=True, default=fields.Date.context_today)
    name = fields.Text(string="Feedback", required=True)
    submit_token = fields.Char(readonly=True, copy=False,
                               help="The portal form's one-time key: a double submit stores one feedback.")
    # what the SKP's tab shows in full (issue 12: "Diberika..." cut): who, how and about what, each in one column
    giver_label = fields.Char(string="From", compute="_compute_labels")
    manner = fields.Char(string="As, Kind, Given", compute="_compute_labels")
    about = fields.Text(compute="_compute_labels")

    _sql_constraints = [
        # issue 9, finding 9: two concurrent posts of one form (a double click) store one record
        ("submit_token_unique", "UNIQUE(giver_user_id, submit_token)", "This Umpan Balik is already recorded."),
    ]

    @api.depends("giver_id", "giver_name", "source", "kind", "mode", "topic", "rhk_id", "behavior_value")
    def _compute_labels(self):
        labels = {name: dict(self._fields[name]._description_selection(self.env))
                  for name in ("source", "kind", "mode", "behavior_value")}
        for feedback in self:
            giver = feedback.sudo().giver_id
            feedback.giver_label = giver.name or feedback.giver_name or ""
            feedback.manner = " · ".join(filter(None, (labels[name].get(feedback[name])
                                                       for name in ("source", "kind", "mode"))))
            feedback.about = (feedback.sudo().rhk_id.name if feedback.topic == "rhk"
                              else labels["behavior_value"].get(feedback.behavior_value)) or False

    @api.constrains("topic", "rhk_id", "behavior_value", "skp_id")
    def _check_topic(self):
        for feedback in self:
            if feedback.topic == "rhk" and (not feedback.rhk_id or feedback.rhk_id.skp_id != feedback.skp_id):
                raise ValidationError(_("Feedback on a Rencana Hasil Kerja names an RHK of the same SKP."))
            if feedback.topic == "perilaku" and not feedback.behavior_value:
                raise ValidationError(_("Feedback on perilaku kerja names the BerAKHLAK value."))

    @api.model_create_multi
    def create(self, vals_list):
        """Created as superuser once checked (the giver cannot read the SKP they give feedback to):
        the access right to give feedback, the giver is the user, same Pemda, a set SKP, some text."""
        self.check_access("create")
        skps = self.env["hr.asn.skp"].sudo().browse([vals.get("skp_id") for vals in vals_list])
        for vals, skp in zip(vals_list, skps, strict=True):
            check_writable(self, vals, FEEDBACK_CREATE_FIELDS)
            if not (vals.get("name") or "").strip():
                raise UserError(_("Write the feedback."))
            if skp.state != "set":
                raise UserError(_("Feedback goes to a set SKP (Pasal 16-17: after penetapan); %s is not set.",
                                  skp.display_name))
            check_entry_date(self, vals.get("date"), skp)
            giver = self.env["hr.employee"].sudo().browse(vals.get("giver_id") or self.env.user.employee_id.id)
            if not self.env.su and giver and giver.user_id != self.env.user:
                raise AccessError(_("You can only give feedback in your own name."))
            if giver == skp.employee_id:
                raise UserError(_("Feedback comes from others; write your own notes in the realisasi."))
            if not self.env.su and (not giver or giver.company_id != skp.company_id):
                raise AccessError(_("Feedback is given by an employee of the same Pemda, within the Pemda of the "
                                    "employee."))
            vals["giver_id"] = giver.id
            vals["giver_user_id"] = self.env.uid
            vals["source"] = self._asn_source(giver, skp.employee_id) if giver else "pihak_lain"
        feedback = super(HrAsnSkpFeedback, self.sudo() if not self.env.su else self).create(vals_list)
        # issue 12: the employee learns of it by e-mail (and on the portal's to-dos)
        self.env["hr.asn.skp"]._asn_mail("hr_asn_performance.mail_template_feedback_received", feedback)
        return feedback.with_env(self.env)

    def write(self, vals):
        if not self.env.su and self.filtered(lambda f: f.giver_user_id != self.env.user):
            raise AccessError(_("Only who gave the feedback can change it."))
        if {"skp_id", "giver_id", "giver_user_id", "source", "submit_token"} & set(vals) and not self.env.su:
            raise AccessError(_("The SKP and the giver of a feedback cannot change."))
        check_writable(self, vals, FEEDBACK_USER_FIELDS)
        return super().write(vals)

    @api.model
    def _asn_source(self, giver, employee):
        """Pasal 18: the giver's relation to the employee, from the assessors Lampiran II gives."""
        giver, employee = giver.sudo(), employee.sudo()
        leaders = (employee.pejabat_penilai_id | employee.atasan_pejabat_penilai_id).ids
        return skp_rules.feedback_source(giver.id, employee.id, giver.pejabat_penilai_id.id,
                                         employee.pejabat_penilai_id.id, leaders)

    @api.model
    def _asn_give(self, employee, vals):
        """Give feedback to ``employee`` on their current set SKP (portal and colleagues, who cannot
        read that SKP): the SKP is looked up here, the giver is the current user."""
        skp = self.env["hr.asn.skp"]._asn_current_for(employee)
        if not skp:
            raise UserError(_("%s has no set SKP for today: feedback cannot be recorded.", employee.name))
        return self.create(dict(vals, skp_id=skp.id))
