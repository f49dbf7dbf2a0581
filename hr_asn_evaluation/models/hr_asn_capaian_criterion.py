from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import capaian as capaian_rules


class HrAsnCapaianCriterion(models.Model):
    """A criterion of the capaian kinerja organisasi with its weight for each kind of Perangkat Daerah
    (Kota Semarang, "Kriteria" and "Bobot Penilaian Kinerja Organisasi Periodik", seed 002; see
    rules/capaian.py). Weights the seed does not print are defaults marked ``assumed``."""

    _name = "hr.asn.capaian.criterion"
    _description = "Criterion of Capaian Kinerja Organisasi"
    _order = "sequence, id"

    name = fields.Char(required=True)
    code = fields.Char(required=True, help="Technical code, unique.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    revenue_only = fields.Boolean(
        string="Only with a Revenue Target",
        help="Scored only for a Perangkat Daerah that has a revenue target (realisasi target pendapatan).",
    )
    weight_with_revenue = fields.Float(
        string="Weight with Revenue Target (%)", digits=(5, 2),
        help="Weight in percent for a Perangkat Daerah with a revenue target; the weights sum to 100.",
    )
    weight_without_revenue = fields.Float(
        string="Weight without Revenue Target (%)", digits=(5, 2),
        help="Weight in percent for a Perangkat Daerah without a revenue target; the weights sum to 100.",
    )
    assumed = fields.Boolean(
        help="The default weights of this criterion are assumed (the source does not print them): "
             "confirm or change them.",
    )
    source = fields.Char(help="Where the criterion and its weights come from.")
    description = fields.Text()

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a criterion must be unique."),
    ]

    @api.constrains("weight_with_revenue", "weight_without_revenue", "revenue_only")
    def _check_weights(self):
        for criterion in self:
            for weight in (criterion.weight_with_revenue, criterion.weight_without_revenue):
                if not capaian_rules.valid_score(weight):
                    raise ValidationError(self.env._(
                        "The weight of %(criterion)s must lie between 0 and 100 percent, not %(weight)s.",
                        criterion=criterion.name, weight=weight))
            if criterion.revenue_only and criterion.weight_without_revenue:
                raise ValidationError(self.env._(
                    "%s counts only with a revenue target: its weight without one is 0.", criterion.name))

    @api.model
    def _asn_profile_weights(self, profile):
        """{criterion: weight} of the active criteria that apply to ``profile`` (rules.PROFILES)."""
        criteria = self.sudo().search([])
        if profile == capaian_rules.WITHOUT_REVENUE:
            criteria = criteria.filtered(lambda criterion: not criterion.revenue_only)
        field = "weight_with_revenue" if profile == capaian_rules.WITH_REVENUE else "weight_without_revenue"
        return {criterion: criterion[field] for criterion in criteria}

    @api.model
    def _asn_weight_problems(self):
        """{profile: total} of the profiles whose active weights do not sum to 100 (empty: all valid)."""
        return capaian_rules.validate_weights({
            profile: {criterion.code: weight for criterion, weight in self._asn_profile_weights(profile).items()}
            for profile in capaian_rules.PROFILES
        })
