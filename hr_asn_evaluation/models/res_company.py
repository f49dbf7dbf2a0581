from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..rules import evaluation as rules

# the rule tables every Pemda gets a copy of (the TPP table is the Pemda's own: none is shipped)
ASN_EVAL_TABLES = ("hr.asn.kuadran", "hr.asn.curve.rule", "hr.asn.angka.kredit.percent",
                   "hr.asn.angka.kredit.coefficient", "hr.asn.siasn.code")
# settings only BKPSDM changes
ASN_EVAL_SETTINGS = ("asn_eval_cadence", "asn_curve_scope", "asn_curve_enforcement", "asn_objection_days",
                     "asn_rollup_policy", "asn_eval_deadline_days", "asn_siasn_url", "asn_siasn_username",
                     "asn_siasn_secret", "asn_siasn_max_attempts", "asn_siasn_retry_minutes")
# who reads and writes the push to SIASN (its credentials): BKPSDM and the system administrators
SIASN_GROUPS = "hr_asn_performance.group_hr_asn_performance_admin,base.group_system"


class ResCompany(models.Model):
    _inherit = "res.company"

    # Perwal Bekasi 38/2023 Pasal 24(2): the periodic evaluation is monthly; Lampiran I also prints quarters.
    asn_eval_cadence = fields.Selection(
        [("month", "Monthly"), ("quarter", "Quarterly")],
        string="Periodic Evaluation",
        default="month",
        required=True,
    )
    # national_rules.md §3: the pola distribusi of a team; warn with a justification rather than block.
    asn_curve_scope = fields.Selection(
        [("team", "Employees of one Pejabat Penilai Kinerja"), ("opd", "Employees of one Perangkat Daerah")],
        string="Pola Distribusi Over",
        default="team",
        required=True,
    )
    asn_curve_enforcement = fields.Selection(
        [("warn", "Warn, with a required justification"), ("block", "Block the evaluation")],
        string="Pola Distribusi Not Followed",
        default="warn",
        required=True,
    )
    # national_rules.md §5 (PP 30/2019 Pasal 59): the keberatan within 14 days of receiving the result.
    asn_objection_days = fields.Integer(string="Keberatan Window (Days)", default=rules.DEFAULT_OBJECTION_DAYS)
    # national_rules.md §6: no national rule for the annual predikat; "take the last periodic result".
    asn_rollup_policy = fields.Selection(
        list(rules.ROLLUP_POLICIES),
        string="Suggested Annual Predikat",
        default=rules.DEFAULT_ROLLUP_POLICY,
        required=True,
    )
    # Assumed: Pasal 24 sets no day for the periodic rating; 10 days after the period is this suite's default.
    asn_eval_deadline_days = fields.Integer(
        string="Rating Due (Days After the Period)",
        default=10,
        help="Assumed default: Perwal Bekasi 38/2023 Pasal 24 sets no day for the periodic rating.",
    )

    # The push of results to SIASN's web service (issue 14 item 5; national_rules.md §8): an optional endpoint
    # of the Pemda; its credentials are read by BKPSDM and the system administrators only, never logged.
    asn_siasn_url = fields.Char(string="SIASN Endpoint", groups=SIASN_GROUPS,
                                help="The web service that receives the results (HTTPS). Empty: no push.")
    asn_siasn_username = fields.Char(string="SIASN Client ID", groups=SIASN_GROUPS)
    asn_siasn_secret = fields.Char(string="SIASN Secret", groups=SIASN_GROUPS,
                                   help="With a client id: HTTP Basic; alone: a Bearer token.")
    asn_siasn_max_attempts = fields.Integer(string="SIASN Attempts", default=5, groups=SIASN_GROUPS,
                                            help="Tries of a record before it is marked failed.")
    asn_siasn_retry_minutes = fields.Integer(string="SIASN First Retry (Minutes)", default=5, groups=SIASN_GROUPS,
                                             help="The wait after the first failure; it doubles after each.")

    @api.constrains("asn_siasn_max_attempts", "asn_siasn_retry_minutes", "asn_siasn_url")
    def _check_asn_siasn(self):
        for company in self.sudo():
            if not 1 <= company.asn_siasn_max_attempts <= 20:
                raise ValidationError(self.env._("A record is tried between 1 and 20 times."))
            if not 1 <= company.asn_siasn_retry_minutes <= 1440:
                raise ValidationError(self.env._("The first retry waits between 1 and 1440 minutes."))
            if company.asn_siasn_url and not company.asn_siasn_url.startswith(("https://", "http://")):
                raise ValidationError(self.env._("The SIASN endpoint is an http(s):// address."))

    @api.constrains("asn_objection_days", "asn_eval_deadline_days")
    def _check_asn_eval_days(self):
        for company in self:
            if not 1 <= company.asn_objection_days <= 365:
                raise ValidationError(self.env._("The keberatan window must lie between 1 and 365 days."))
            if not 0 <= company.asn_eval_deadline_days <= 365:
                raise ValidationError(self.env._("The rating must be due between 0 and 365 days after the period."))

    @api.model_create_multi
    def create(self, vals_list):
        if any(set(ASN_EVAL_SETTINGS) & set(vals) for vals in vals_list):
            self._check_asn_eval_settings_update()
        companies = super().create(vals_list)
        self._asn_eval_load_defaults(companies)
        return companies

    def write(self, vals):
        settings = {fname: value for fname, value in vals.items() if fname in ASN_EVAL_SETTINGS}
        if not settings or self.env.su:
            return super().write(vals)
        self._check_asn_eval_settings_update()
        # BKPSDM holds no right on companies as such: once the role check passed, its settings are
        # written as the superuser, anything else with the caller's own rights
        others = {fname: value for fname, value in vals.items() if fname not in settings}
        self.sudo().write(settings)
        return super().write(others) if others else True

    def _check_asn_eval_settings_update(self):
        """The evaluation settings are BKPSDM's (Admin BKPSDM) of their own Pemda, whatever other rights on
        companies one has (Odoo's Access Rights group alone does not do)."""
        if self.env.su:
            return
        if not self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin"):
            raise AccessError(self.env._("Only BKPSDM (Admin BKPSDM) changes the settings of the evaluation."))
        if self - self.env.user.company_ids:
            raise AccessError(self.env._("You cannot change the evaluation settings of another company."))

    @api.model
    def _asn_eval_load_defaults(self, companies=None):
        """Give each of ``companies`` (all of them by default, as the data file does) the shipped rule
        tables it has none of: kuadran, pola distribusi, angka kredit. No TPP table (national_rules.md §7)."""
        companies = companies.sudo() if companies is not None else self.sudo().search([])
        for model in ASN_EVAL_TABLES:
            self.env[model]._asn_load_defaults(companies)
        return True
