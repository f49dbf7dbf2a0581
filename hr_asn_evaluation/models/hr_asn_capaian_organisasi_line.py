from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hr_asn_performance.models.hr_asn_skp_content_mixin import check_writable

from ..rules import capaian as capaian_rules

# What a user may write on a line (its score and note) and, on create, which criterion of which capaian
# it scores. The weight comes from the criterion and the Perangkat Daerah's profile, never from the user.
USER_WRITABLE_FIELDS = frozenset({"score", "note"})
USER_CREATE_FIELDS = USER_WRITABLE_FIELDS | {"capaian_id", "criterion_id"}


class HrAsnCapaianOrganisasiLine(models.Model):
    """The score of one criterion (Semarang seed 002) in a capaian kinerja organisasi, with its weight."""

    _name = "hr.asn.capaian.organisasi.line"
    _description = "Criterion Score of Capaian Kinerja Organisasi"
    _order = "capaian_id, sequence, id"

    capaian_id = fields.Many2one("hr.asn.capaian.organisasi", string="Capaian Kinerja Organisasi",
                                 required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="capaian_id.company_id", store=True, index=True)
    state = fields.Selection(related="capaian_id.state")
    criterion_id = fields.Many2one("hr.asn.capaian.criterion", required=True,
                                   ondelete="restrict")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    assumed = fields.Boolean(related="criterion_id.assumed", string="Assumed Weight")
    score = fields.Float(digits=(5, 2), help="Score of the criterion from 0 to 100.")
    weight = fields.Float(string="Weight (%)", digits=(5, 2), readonly=True,
                          help="From the criterion, for the Perangkat Daerah's kind (with or without a revenue "
                               "target).")
    weighted = fields.Float(string="Weighted Score", digits=(5, 2), compute="_compute_weighted")
    note = fields.Text(help="What the score rests on (data dukung).")

    _sql_constraints = [
        ("criterion_unique", "unique(capaian_id, criterion_id)", "Each criterion is scored once per capaian."),
    ]

    @api.depends("score", "weight")
    def _compute_weighted(self):
        for line in self:
            line.weighted = capaian_rules.round_score(line.score * line.weight / capaian_rules.TOTAL)

    @api.constrains("score")
    def _check_score(self):
        for line in self:
            if not capaian_rules.valid_score(line.score):
                raise ValidationError(self.env._(
                    "The score of %(criterion)s must lie between 0 and 100, not %(score)s.",
                    criterion=line.criterion_id.name, score=line.score))

    @api.constrains("criterion_id", "capaian_id")
    def _check_criterion(self):
        for line in self:
            if line.criterion_id.revenue_only and not line.capaian_id.has_revenue_target:
                raise ValidationError(self.env._(
                    "%(criterion)s is scored only for a Perangkat Daerah with a revenue target; %(unit)s has "
                    "none.", criterion=line.criterion_id.name, unit=line.capaian_id.department_id.name))

    def _check_capaian_editable(self):
        """A set capaian is locked for everybody but the superuser; BKPSDM reopens it to change it."""
        if self.env.su:
            return
        locked = self.capaian_id.filtered(lambda capaian: capaian.state == "set")
        if locked:
            raise UserError(self.env._("%s is set and can no longer be changed. BKPSDM may reopen it.",
                                       locked[0].display_name))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_writable(self, vals, USER_CREATE_FIELDS)
        lines = super().create(vals_list)
        lines._check_capaian_editable()
        lines.sudo()._asn_refresh_weight()
        return lines

    def write(self, vals):
        self.check_access("write")
        check_writable(self, vals, USER_WRITABLE_FIELDS)
        self._check_capaian_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_from_draft(self):
        self._check_capaian_editable()

    def _asn_refresh_weight(self):
        """The weight of each line from its criterion and the profile of its capaian (as the superuser)."""
        for line in self:
            field = "weight_with_revenue" if line.capaian_id.has_revenue_target else "weight_without_revenue"
            if line.weight != line.criterion_id[field]:
                line.weight = line.criterion_id[field]
