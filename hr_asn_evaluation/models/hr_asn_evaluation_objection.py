from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_asn_performance.models.hr_asn_skp_content_mixin import check_writable
from odoo.addons.hr_asn_performance.rules import skp as skp_rules

from ..rules import evaluation as rules

STATES = [("submitted", "Pending"), ("upheld", "Upheld"), ("rejected", "Rejected")]
# What the Atasan Pejabat Penilai writes while deciding.
DECIDER_FIELDS = {"decision", "new_rating_hasil", "new_rating_perilaku"}


class HrAsnEvaluationObjection(models.Model):
    """Keberatan (Perwal Bekasi 38/2023 Pasal 30; national_rules.md §5, PP 30/2019 Pasal 59): the employee
    objects with reasons to the evaluation's Atasan Pejabat Penilai Kinerja within the Pemda's window
    (default 14 days after it was set); the atasan upholds (the ratings and so the predikat change, with
    reasons) or rejects it; the decision is final and the whole trail is kept."""

    _name = "hr.asn.evaluation.objection"
    _description = "Keberatan"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.asn.input.limit.mixin"]
    _order = "date desc, id desc"
    _rec_name = "evaluation_id"

    evaluation_id = fields.Many2one("hr.asn.evaluation", required=True, index=True, readonly=True,
                                    ondelete="cascade")
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True, index=True)
    period_id = fields.Many2one(related="evaluation_id.period_id", store=True)
    employee_id = fields.Many2one(related="evaluation_id.employee_id", store=True, index=True)
    opd_id = fields.Many2one(related="evaluation_id.opd_id", store=True)
    employee_user_id = fields.Many2one("res.users", string="Employee's User", readonly=True, index=True)
    penilai_user_id = fields.Many2one("res.users", string="Pejabat Penilai's User", readonly=True, index=True)
    atasan_user_id = fields.Many2one("res.users", string="Decided By (Atasan)", readonly=True, index=True)
    atasan_name = fields.Char(string="Atasan Pejabat Penilai Kinerja", readonly=True)
    reason = fields.Text(string="Reasons", required=True, readonly=True)
    date = fields.Date(string="Filed On", readonly=True)
    deadline = fields.Date(string="Window Until", readonly=True)
    state = fields.Selection(STATES, default="submitted", required=True, readonly=True, tracking=True, index=True)
    original_rating_hasil = fields.Selection(list(rules.RATINGS), string="Rating Hasil Kerja Objected To",
                                             readonly=True)
    original_rating_perilaku = fields.Selection(list(rules.RATINGS), string="Rating Perilaku Kerja Objected To",
                                                readonly=True)
    original_predikat = fields.Selection(list(rules.PREDIKATS), string="Predikat Objected To", readonly=True)
    decision = fields.Text(string="Decision and Reasons")
    new_rating_hasil = fields.Selection(list(rules.RATINGS), string="New Rating Hasil Kerja")
    new_rating_perilaku = fields.Selection(list(rules.RATINGS), string="New Rating Perilaku Kerja")
    new_predikat = fields.Selection(list(rules.PREDIKATS), string="Predikat After the Decision", readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_date = fields.Date(readonly=True)
    is_decider = fields.Boolean(compute="_compute_is_decider")

    _sql_constraints = [
        ("evaluation_unique", "UNIQUE(evaluation_id)",
         "An evaluation takes one keberatan: the decision on it is final (Pasal 30)."),
    ]

    @api.depends_context("uid")
    def _compute_is_decider(self):
        for objection in self:
            objection.is_decider = objection._asn_may_decide()

    def _asn_may_decide(self):
        """The atasan of the evaluation's snapshot; where the atasan is the head of region (no user),
        BKPSDM records the decision for them."""
        if self.env.su:
            return True
        if self.atasan_user_id:
            return self.atasan_user_id == self.env.user
        return self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(_("A keberatan is filed from the evaluation (the employee's button or portal)."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_writable(self, vals, DECIDER_FIELDS)
            for objection in self:
                if objection.state != "submitted":
                    raise UserError(_("The keberatan is decided; the decision is final (Pasal 30)."))
                if not objection._asn_may_decide():
                    raise AccessError(_("Only the Atasan Pejabat Penilai Kinerja decides this keberatan."))
            if vals.get("decision"):
                self._asn_check_text(vals["decision"])
            return super(HrAsnEvaluationObjection, self.sudo()).write(vals)
        return super().write(vals)

    @api.model
    def _asn_check_text(self, text):
        try:
            skp_rules.check_text(text, skp_rules.NOTE_MAX)
        except ValueError:
            raise ValidationError(_("The text is too long: at most %s characters.", skp_rules.NOTE_MAX)) from None

    # ------------------------------------------------------------------------------------------
    # Filing (the employee) and deciding (the atasan)
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_file(self, evaluations, reason):
        """The employee files a keberatan on their own set evaluation, within the window."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Say why you object to the evaluation."))
        self._asn_check_text(reason)
        evaluations._check_evaluation_update("object")
        today = fields.Date.context_today(self)
        vals_list = []
        for evaluation in evaluations.sudo():
            if evaluation.state not in ("ditetapkan", "diterima"):
                raise UserError(_("A keberatan is filed against a set evaluation (%s is not).",
                                  evaluation.display_name))
            if evaluation.objection_ids:
                raise UserError(_("%s already has a keberatan; its decision is final (Pasal 30).",
                                  evaluation.display_name))
            if not rules.check_objection_window(evaluation.set_date, today,
                                                evaluation.company_id.asn_objection_days or 14):
                raise UserError(_("The window for a keberatan on %(evaluation)s closed on %(deadline)s.",
                                  evaluation=evaluation.display_name, deadline=evaluation.objection_deadline))
            vals_list.append({
                "evaluation_id": evaluation.id,
                "employee_user_id": evaluation.employee_user_id.id,
                "penilai_user_id": evaluation.penilai_user_id.id,
                "atasan_user_id": evaluation.atasan_user_id.id,
                "atasan_name": evaluation.atasan_name or evaluation.atasan_pejabat_penilai_official,
                "reason": reason,
                "date": today,
                "deadline": evaluation.objection_deadline,
                "original_rating_hasil": evaluation.rating_hasil,
                "original_rating_perilaku": evaluation.rating_perilaku,
                "original_predikat": evaluation.predikat,
            })
        objections = self.sudo().with_context(mail_create_nolog=True).create(vals_list)
        objections.evaluation_id._message_log_batch(
            bodies=dict.fromkeys(objections.evaluation_id.ids, _("Keberatan filed: %s", reason)))
        objections._asn_notify_decider()
        return objections.with_env(self.env)  # the caller's rights, not the superuser's

    def _asn_notify_decider(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        admins = self.env.ref("hr_asn_performance.group_hr_asn_performance_admin").users
        vals_list = []
        for objection in self:
            user = objection.atasan_user_id or admins.filtered(lambda u, c=objection.company_id: c in u.company_ids)[:1]
            if not user:
                continue
            env = self.with_context(lang=user.lang).env
            vals_list.append({
                "res_model_id": model_id, "res_id": objection.id, "activity_type_id": todo.id, "user_id": user.id,
                "summary": env._("Decide the keberatan of %s", objection.evaluation_id.employee_name),
                "date_deadline": fields.Date.context_today(self),
            })
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(vals_list)

    def _asn_check_decide(self):
        for objection in self:
            if objection.state != "submitted":
                raise UserError(_("The keberatan is decided; the decision is final (Pasal 30)."))
            if not objection._asn_may_decide():
                raise AccessError(_("Only the Atasan Pejabat Penilai Kinerja decides this keberatan."))
            if not (objection.decision or "").strip():
                raise UserError(_("Write the decision and its reasons first."))

    def action_uphold(self):
        """The atasan upholds the keberatan: the evaluation takes the new ratings and so the predikat of the
        kuadran; the first ratings stay on the keberatan."""
        self._asn_check_decide()
        today = fields.Date.context_today(self)
        for objection in self.sudo():
            hasil = objection.new_rating_hasil or objection.original_rating_hasil
            perilaku = objection.new_rating_perilaku or objection.original_rating_perilaku
            if (hasil, perilaku) == (objection.original_rating_hasil, objection.original_rating_perilaku):
                raise UserError(_("Upholding a keberatan changes a rating: choose the new rating hasil kerja "
                                  "or rating perilaku kerja."))
            evaluation = objection.evaluation_id
            evaluation.write({"rating_hasil": hasil, "rating_perilaku": perilaku})
            objection.write({"state": "upheld", "decided_by_id": self.env.uid, "decided_date": today,
                             "new_predikat": evaluation.predikat})
            evaluation._asn_after_set()
            evaluation._message_log_batch(bodies={evaluation.id: _(
                "Keberatan upheld by %(user)s: predikat %(before)s becomes %(after)s. %(decision)s",
                user=self.env.user.name, before=objection._asn_label("original_predikat"),
                after=objection._asn_label("new_predikat"), decision=objection.decision)})
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_reject(self):
        """The atasan rejects the keberatan: the evaluation stays as set."""
        self._asn_check_decide()
        today = fields.Date.context_today(self)
        for objection in self.sudo():
            objection.write({"state": "rejected", "decided_by_id": self.env.uid, "decided_date": today,
                             "new_predikat": objection.original_predikat, "new_rating_hasil": False,
                             "new_rating_perilaku": False})
            objection.evaluation_id._message_log_batch(bodies={objection.evaluation_id.id: _(
                "Keberatan rejected by %(user)s: %(decision)s", user=self.env.user.name,
                decision=objection.decision)})
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def _asn_label(self, field):
        return dict(self._fields[field]._description_selection(self.env)).get(self[field], "")
