from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from odoo.addons.hr_asn_performance.models.hr_asn_skp_content_mixin import check_writable

from ..rules import capaian as capaian_rules
from ..rules import evaluation as evaluation_rules

# What a user may write (STYLE.md "Trust"; the SKP's whitelist): the period, the unit, the mode, the basis
# and the scored lines. The state, the score, the revenue profile and the Pemda are the workflow's and the
# computation's; the capaian itself only in manual mode (checked in write).
USER_WRITABLE_FIELDS = frozenset({"department_id", "year", "period_kind", "period", "mode", "basis", "capaian",
                                  "line_ids"})
PERIOD_KINDS = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]
MODES = [("computed", "Computed from Criteria"), ("manual", "Set by BKPSDM")]
STATES = [("draft", "Draft"), ("set", "Ditetapkan")]
ADMIN_GROUP = "hr_asn_performance.group_hr_asn_performance_admin"


class HrAsnCapaianOrganisasi(models.Model):
    """Capaian kinerja organisasi of a Perangkat Daerah (or a unit) for a month, a quarter or the year
    (Perwal Bekasi 38/2023 Pasal 24(1)a, 25(1)a). BKPSDM either sets it with its basis (manual) or scores
    Semarang's criteria (seed 002) and the capaian follows from the weighted score and the score bands
    (computed). Set (ditetapkan) it is locked; BKPSDM may reopen it. Evaluations read it through
    ``_asn_capaian_for``: a unit without its own takes its Perangkat Daerah's."""

    _name = "hr.asn.capaian.organisasi"
    _description = "Capaian Kinerja Organisasi"
    _inherit = ["mail.thread"]
    _order = "year desc, period_kind, period desc, department_id"
    _check_company_auto = True

    def _default_year(self):
        return fields.Date.context_today(self).year

    def _default_period(self):
        return (fields.Date.context_today(self).month - 1) // 3 + 1

    department_id = fields.Many2one("hr.department", string="Perangkat Daerah / Unit", required=True,
                                    index=True, tracking=True, check_company=True)
    opd_id = fields.Many2one(related="department_id.asn_opd_id", string="Perangkat Daerah", store=True, index=True)
    company_id = fields.Many2one("res.company", string="Pemda", compute="_compute_company_id", store=True,
                                 index=True, precompute=True)
    year = fields.Integer(required=True, default=lambda self: self._default_year(), tracking=True)
    period_kind = fields.Selection(PERIOD_KINDS, required=True, default="quarter",
                                   tracking=True)
    period = fields.Integer(required=True, default=lambda self: self._default_period(), tracking=True,
                            help="Month 1-12, quarter 1-4, or 0 for the year.")
    period_label = fields.Char(compute="_compute_period", store=True)
    date_from = fields.Date(compute="_compute_period", store=True, string="From")
    date_to = fields.Date(compute="_compute_period", store=True, string="To")
    mode = fields.Selection(MODES, required=True, default="computed", tracking=True)
    has_revenue_target = fields.Boolean(
        string="Revenue Target", readonly=True,
        help="Whether the unit had a revenue target when its criteria were loaded: decides the weights.")
    line_ids = fields.One2many("hr.asn.capaian.organisasi.line", "capaian_id", string="Criteria")
    weight_total = fields.Float(string="Total Weight (%)", digits=(5, 2), compute="_compute_score", store=True)
    score = fields.Float(digits=(5, 2), compute="_compute_score", store=True, tracking=True,
                         help="Weighted score of the criteria (0-100).")
    capaian = fields.Selection(list(capaian_rules.CAPAIAN), string="Capaian Kinerja Organisasi",
                               compute="_compute_capaian", store=True, readonly=False, tracking=True)
    basis = fields.Text(tracking=True, help="What the capaian rests on; required when BKPSDM sets it by hand.")
    uses_assumed = fields.Boolean(string="Uses Assumed Defaults", compute="_compute_uses_assumed",
                                  help="The score or the capaian rests on weights or bands marked as assumed.")
    state = fields.Selection(STATES, required=True, default="draft", readonly=True, tracking=True, index=True)
    set_date = fields.Date(readonly=True, copy=False)
    set_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        ("period_unique", "unique(department_id, year, period_kind, period)",
         "A unit has one capaian kinerja organisasi per period."),
    ]

    # ------------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------------
    @api.depends("department_id")
    def _compute_company_id(self):
        for capaian in self:
            capaian.company_id = capaian.department_id.company_id or self.env.company

    @api.depends("year", "period_kind", "period")
    def _compute_period(self):
        for capaian in self:
            if capaian_rules.validate_period(capaian.year, capaian.period_kind, capaian.period):
                capaian.date_from = capaian.date_to = capaian.period_label = False
                continue
            capaian.date_from, capaian.date_to = evaluation_rules.period_bounds(
                capaian.year, capaian.period_kind, capaian.period)
            capaian.period_label = evaluation_rules.period_label(capaian.period_kind, capaian.period, capaian.year)

    @api.depends("department_id.name", "period_label")
    def _compute_display_name(self):
        for capaian in self:
            capaian.display_name = " - ".join(filter(None, [capaian.department_id.name, capaian.period_label]))

    @api.depends("line_ids.score", "line_ids.weight")
    def _compute_score(self):
        for capaian in self:
            weights = {line.id: line.weight for line in capaian.line_ids}
            capaian.weight_total = capaian_rules.round_score(sum(weights.values()))
            try:
                capaian.score = capaian_rules.weighted_score(
                    {line.id: line.score for line in capaian.line_ids}, weights)
            except ValueError:
                capaian.score = 0.0

    @api.depends("mode", "score", "weight_total")
    def _compute_capaian(self):
        computed = self.filtered(lambda capaian: capaian.mode == "computed")
        bands = self.env["hr.asn.capaian.band"]._asn_bands() if computed else ()
        for capaian in computed:  # in manual mode BKPSDM's value stays
            valid = capaian.line_ids and capaian.weight_total == capaian_rules.TOTAL
            capaian.capaian = capaian_rules.capaian_for_score(capaian.score, bands) if valid else False

    @api.depends("mode", "line_ids.assumed")
    def _compute_uses_assumed(self):
        computed = self.filtered(lambda capaian: capaian.mode == "computed")
        bands_assumed = bool(computed) and bool(self.env["hr.asn.capaian.band"].sudo().search_count(
            [("assumed", "=", True)], limit=1))
        for capaian in self:
            capaian.uses_assumed = capaian in computed and (bands_assumed or any(capaian.line_ids.mapped("assumed")))

    # ------------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------------
    @api.constrains("year", "period_kind", "period")
    def _check_period(self):
        for capaian in self:
            problem = capaian_rules.validate_period(capaian.year, capaian.period_kind, capaian.period)
            if problem == "year":
                raise ValidationError(self.env._("The year must lie between %(first)s and %(last)s, not %(year)s.",
                                                 first=capaian_rules.YEAR_MIN, last=capaian_rules.YEAR_MAX,
                                                 year=capaian.year))
            if problem:
                raise ValidationError(self.env._(
                    "The period must be a month from 1 to 12, a quarter from 1 to 4, or 0 for the year; "
                    "%(period)s is none of them for a %(kind)s.", period=capaian.period,
                    kind=dict(self._fields["period_kind"]._description_selection(self.env)).get(
                        capaian.period_kind, capaian.period_kind)))

    @api.constrains("mode", "capaian", "basis")
    def _check_manual(self):
        for capaian in self.filtered(lambda capaian: capaian.mode == "manual"):
            if not capaian.capaian or not (capaian.basis or "").strip():
                raise ValidationError(self.env._(
                    "%s: a capaian set by BKPSDM needs both the capaian and the basis it rests on.",
                    capaian.display_name))

    # ------------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_writable(self, vals, USER_WRITABLE_FIELDS)
            if vals.get("period_kind") == "year":
                vals.setdefault("period", 0)
            self._check_capaian_vals(vals, vals.get("mode") or "computed")
        records = super().create(vals_list)
        records.sudo()._asn_sync_lines()
        return records

    def write(self, vals):
        self.check_access("write")  # who may not write learns nothing about the state
        if not self.env.su:
            check_writable(self, vals, USER_WRITABLE_FIELDS)
            locked = self.filtered(lambda capaian: capaian.state == "set")
            if locked:
                raise UserError(self.env._("%s is set and can no longer be changed. BKPSDM may reopen it.",
                                           locked[0].display_name))
            for capaian in self:
                self._check_capaian_vals(vals, vals.get("mode") or capaian.mode)
        res = super().write(vals)
        if {"department_id", "mode"} & set(vals):
            self.sudo()._asn_sync_lines()
        return res

    def _check_capaian_vals(self, vals, mode):
        """In computed mode the capaian follows from the score: nobody writes it (only the superuser)."""
        if "capaian" in vals and mode != "manual" and not self.env.su:
            raise AccessError(self.env._("The capaian follows from the scored criteria; switch to the mode "
                                         "\"Set by BKPSDM\" to set it by hand, with its basis."))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if not self.env.su and self.filtered(lambda capaian: capaian.state == "set"):
            raise UserError(self.env._("A set capaian kinerja organisasi cannot be deleted; BKPSDM may reopen it."))

    # ------------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------------
    def _check_capaian_update(self):
        """Only BKPSDM sets, reopens and reloads (Pasal 24(1)a: the organisation's capaian is set for the
        Pemda, not by the OPD itself). Skipped for the superuser only, never for a context key."""
        self.check_access("read")
        if self.env.su or self.env.user.has_group(ADMIN_GROUP):
            return
        raise AccessError(self.env._("Only BKPSDM sets or reopens a capaian kinerja organisasi."))

    def action_set(self):
        """Set (menetapkan) the capaian: locked from now on, read by the evaluations of the period."""
        self._check_capaian_update()
        if self.filtered(lambda capaian: capaian.state != "draft"):
            raise UserError(self.env._("Only a draft capaian kinerja organisasi can be set."))
        for capaian in self.filtered(lambda capaian: capaian.mode == "computed"):
            if not capaian.line_ids:
                raise UserError(self.env._("%s has no scored criteria.", capaian.display_name))
            if capaian.weight_total != capaian_rules.TOTAL:
                raise ValidationError(self.env._(
                    "%(capaian)s: the weights of its criteria sum to %(total)s%%, not 100%%. Correct the "
                    "criteria's weights and reload them.", capaian=capaian.display_name, total=capaian.weight_total))
            if not capaian.capaian:
                raise ValidationError(self.env._(
                    "%(capaian)s: no score band reaches the score %(score)s; the lowest band must start at 0.",
                    capaian=capaian.display_name, score=capaian.score))
        self.sudo().write({"state": "set", "set_date": fields.Date.context_today(self), "set_by_id": self.env.uid})
        return True

    def action_reopen(self):
        """BKPSDM reopens a set capaian to correct it (the change stays in the chatter)."""
        self._check_capaian_update()
        if self.filtered(lambda capaian: capaian.state != "set"):
            raise UserError(self.env._("Only a set capaian kinerja organisasi can be reopened."))
        self.sudo().write({"state": "draft", "set_date": False, "set_by_id": False})
        return True

    def action_load_criteria(self):
        """Reload the criteria and their weights for the unit's current kind (revenue target or not), and
        apply the current score bands."""
        self._check_capaian_update()
        if self.filtered(lambda capaian: capaian.state != "draft"):
            raise UserError(self.env._("The criteria of a set capaian kinerja organisasi stay as they were set."))
        self.sudo()._asn_sync_lines(refresh_profile=True)
        # the score bands may have changed too: the capaian of a computed draft follows the current ones
        self.env.add_to_compute(self._fields["capaian"], self.filtered(lambda capaian: capaian.mode == "computed"))
        return True

    # ------------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------------
    def _asn_sync_lines(self, refresh_profile=False):
        """Draft capaian in computed mode get one line per applicable active criterion with its weight; a
        line whose criterion no longer applies (the revenue one without a target) goes. As the superuser:
        the caller checked the role. ``refresh_profile``: read the unit's revenue target again (it is also
        read on create and when the unit changes)."""
        drafts = self.filtered(lambda capaian: capaian.state == "draft")
        for capaian in drafts:
            if refresh_profile or capaian.has_revenue_target != capaian.department_id.asn_has_revenue_target:
                capaian.has_revenue_target = capaian.department_id.asn_has_revenue_target
        computed = drafts.filtered(lambda capaian: capaian.mode == "computed")
        if not computed:
            return
        Criterion = self.env["hr.asn.capaian.criterion"]
        applicable = {profile: Criterion._asn_profile_weights(profile) for profile in capaian_rules.PROFILES}
        new_lines = []
        for capaian in computed:
            criteria = applicable[capaian_rules.profile_of(capaian.has_revenue_target)]
            stale = capaian.line_ids.filtered(lambda line, criteria=criteria: line.criterion_id not in criteria)
            stale.unlink()
            present = capaian.line_ids.criterion_id
            new_lines += [{"capaian_id": capaian.id, "criterion_id": criterion.id}
                          for criterion in criteria if criterion not in present]
        self.env["hr.asn.capaian.organisasi.line"].create(new_lines)
        computed.line_ids._asn_refresh_weight()

    @api.model
    def _asn_capaian_for(self, departments, year, period_kind, period):
        """{department id: the set capaian kinerja organisasi that applies, or an empty recordset}.

        Fallback (documented rule): for each period, most specific first — a month, then its quarter, then
        the year (rules.capaian.fallback_periods) — the unit's own set capaian, else its Perangkat Daerah's
        (hr.department.asn_opd_id). So a unit's own month beats its OPD's month, which beats the unit's
        quarter. Only set (ditetapkan) capaian count; drafts never do. One search for every department and
        period; runs with the caller's access (every employee of the Pemda reads set capaian)."""
        problem = capaian_rules.validate_period(year, period_kind, period)
        if problem:
            raise ValidationError(self.env._("No such period: %(kind)s %(period)s of %(year)s.",
                                             kind=period_kind, period=period, year=year))
        chain = capaian_rules.fallback_periods(period_kind, period)
        opd_of = {department.id: department.asn_opd_id.id for department in departments}
        candidates = set(departments.ids) | {opd for opd in opd_of.values() if opd}
        period_domain = expression.OR([[("period_kind", "=", kind), ("period", "=", number)]
                                       for kind, number in chain])
        found = self.search(expression.AND([
            [("department_id", "in", list(candidates)), ("year", "=", year), ("state", "=", "set")], period_domain]))
        by_key = {(capaian.department_id.id, capaian.period_kind, capaian.period): capaian for capaian in found}
        result = {}
        for department in departments:
            result[department.id] = next(
                (by_key[key] for kind, number in chain for key in ((department.id, kind, number),
                                                                   (opd_of[department.id], kind, number))
                 if key in by_key), self.browse())
        return result
