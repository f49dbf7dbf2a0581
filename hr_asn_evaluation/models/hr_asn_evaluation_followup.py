from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.hr_asn_performance.models.hr_asn_skp_content_mixin import check_writable

FOLLOWUP_KINDS = [("penghargaan", "Penghargaan"), ("sanksi", "Sanksi")]
# Perwal Bekasi 38/2023 Pasal 32(1) a-b; Kota Semarang also uses the 360 result in its talent management
# (seed 000: "Indikator penilaian pada Manajemen Talenta").
PENGHARGAAN_TYPES = [
    ("suksesi", "Priority for the Succession Group (Pasal 32(1)a)"),
    ("kompetensi", "Priority for Competence Development (Pasal 32(1)b)"),
    ("talenta", "Talent Pool (Manajemen Talenta)"),
]
SET_STATES = ("ditetapkan", "diterima", "dilaporkan")
# What the one who decided may still correct; the evaluation, the employee and who decided are the record's.
WRITABLE_FIELDS = {"kind", "penghargaan_type", "legal_basis", "description", "date"}


class HrAsnEvaluationFollowup(models.Model):
    """Tindak lanjut of an evaluation (Perwal Bekasi 38/2023 Pasal 28 d-e): a penghargaan (Pasal 32:
    priority for the succession group or for competence development; Semarang's talent pool) or a sanksi
    (Pasal 34: given on the evaluation's result, by the rules of the peraturan perundang-undangan it
    names). Recorded by BKPSDM, the Admin Kepegawaian of the employee's Perangkat Daerah or the
    evaluation's Pejabat Penilai Kinerja, only on a set (ditetapkan) evaluation, never by the employee."""

    _name = "hr.asn.evaluation.followup"
    _description = "Tindak Lanjut of an Evaluation"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    evaluation_id = fields.Many2one("hr.asn.evaluation", required=True, index=True,
                                    ondelete="restrict", check_company=True,
                                    domain="[('state', 'in', ('ditetapkan', 'diterima', 'dilaporkan'))]")
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(related="evaluation_id.employee_id", store=True, index=True)
    employee_name = fields.Char(related="evaluation_id.employee_name", string="Employee Name")
    employee_nip = fields.Char(related="evaluation_id.employee_nip")
    opd_id = fields.Many2one(related="evaluation_id.opd_id", store=True, index=True)
    period_label = fields.Char(related="evaluation_id.period_label")
    predikat = fields.Selection(related="evaluation_id.predikat")
    employee_user_id = fields.Many2one(related="evaluation_id.employee_user_id", store=True, index=True)
    penilai_user_id = fields.Many2one(related="evaluation_id.penilai_user_id", store=True, index=True)
    atasan_user_id = fields.Many2one(related="evaluation_id.atasan_user_id", store=True, index=True)
    kind = fields.Selection(FOLLOWUP_KINDS, required=True, default="penghargaan", tracking=True)
    penghargaan_type = fields.Selection(PENGHARGAAN_TYPES, string="Penghargaan", tracking=True)
    legal_basis = fields.Char(tracking=True,
                              help="The regulation the penghargaan or sanksi follows (Pasal 32(2), 34(2)).")
    description = fields.Text(required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    decided_by_id = fields.Many2one("res.users", readonly=True,
                                    default=lambda self: self.env.user)

    _sql_constraints = [
        ("penghargaan_type_required", "CHECK(kind != 'penghargaan' OR penghargaan_type IS NOT NULL)",
         "A penghargaan says which one (Pasal 32(1)): the succession group, competence development or the "
         "talent pool."),
    ]

    @api.depends("kind", "employee_name", "period_label")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for followup in self:
            followup.display_name = "%s: %s (%s)" % (kinds.get(followup.kind, ""), followup.employee_name or "",
                                                     followup.period_label or "")

    # ------------------------------------------------------------------------------------------
    # CRUD: who may decide, checked here once (never by a context key)
    # ------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if self.env.su:
            return super().create(vals_list)
        for vals in vals_list:
            check_writable(self, vals, WRITABLE_FIELDS | {"evaluation_id"})
        evaluations = self.env["hr.asn.evaluation"].browse(
            [vals.get("evaluation_id") for vals in vals_list if vals.get("evaluation_id")])
        self._check_followup_update(evaluations)
        for vals in vals_list:
            vals["decided_by_id"] = self.env.uid
        return super(HrAsnEvaluationFollowup, self.sudo()).create(vals_list).with_env(self.env)

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        check_writable(self, vals, WRITABLE_FIELDS)
        self._check_followup_update(self.evaluation_id)
        return super(HrAsnEvaluationFollowup, self.sudo()).write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_by_bkpsdm(self):
        if not self.env.su and not self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin"):
            raise AccessError(_("Only the BKPSDM administrator deletes a tindak lanjut."))

    @api.model
    def _check_followup_update(self, evaluations):
        """BKPSDM for the whole Pemda, the Admin Kepegawaian OPD for their Perangkat Daerah, the Pejabat
        Penilai Kinerja of the evaluation; only on a set evaluation (Pasal 28: the tindak lanjut follows the
        result); never the employee on their own evaluation."""
        if self.env.su:
            return
        evaluations.check_access("read")
        user = self.env.user
        is_admin = user.has_group("hr_asn_performance.group_hr_asn_performance_admin")
        admin_departments = user.asn_admin_department_ids if user.has_group(
            "hr_asn_performance.group_hr_asn_performance_admin_opd") else self.env["hr.department"]
        admin_opds = self.env["hr.department"].sudo().search([("id", "child_of", admin_departments.ids)]) \
            if admin_departments else admin_departments
        for evaluation in evaluations.sudo():
            if evaluation.employee_user_id == user:
                raise AccessError(_("Nobody records a tindak lanjut on their own evaluation (%s).",
                                    evaluation.display_name))
            if evaluation.state not in SET_STATES:
                raise UserError(_("%s is not set (ditetapkan) yet: a penghargaan or sanksi follows a set "
                                  "evaluation.", evaluation.display_name))
            if is_admin or evaluation.penilai_user_id == user or evaluation.opd_id in admin_opds:
                continue
            raise AccessError(_("You may not record a tindak lanjut on %s: it is for BKPSDM, the Admin "
                                "Kepegawaian of its Perangkat Daerah and its Pejabat Penilai Kinerja.",
                                evaluation.display_name))


class HrAsnEvaluation(models.Model):
    """The evaluation's tindak lanjut, for its smart button (kept beside the follow-up model)."""

    _inherit = "hr.asn.evaluation"

    followup_ids = fields.One2many("hr.asn.evaluation.followup", "evaluation_id", string="Tindak Lanjut",
                                   readonly=True)
    followup_count = fields.Integer(string="Tindak Lanjut Count", compute="_compute_followup_count")

    def _compute_followup_count(self):
        counts = dict(self.env["hr.asn.evaluation.followup"]._read_group(
            [("evaluation_id", "in", self.ids)], ["evaluation_id"], ["__count"]))
        for evaluation in self:
            evaluation.followup_count = counts.get(evaluation, 0)

    def action_open_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_asn_evaluation.hr_asn_evaluation_followup_action")
        action.update({
            "domain": [("evaluation_id", "=", self.id)],
            "context": {"default_evaluation_id": self.id},
        })
        return action
