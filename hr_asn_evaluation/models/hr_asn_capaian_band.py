from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import capaian as capaian_rules


class HrAsnCapaianBand(models.Model):
    """The minimum score of each capaian kinerja organisasi (rules/capaian.py DEFAULT_BANDS). No source
    prints these bands: the defaults are marked ``assumed`` and BKPSDM sets the Pemda's own."""

    _name = "hr.asn.capaian.band"
    _description = "Score Band of Capaian Kinerja Organisasi"
    _order = "min_score desc, id"
    _rec_name = "capaian"

    capaian = fields.Selection(list(capaian_rules.CAPAIAN), required=True)
    min_score = fields.Float(
        string="Minimum Score", digits=(5, 2), required=True,
        help="A weighted score of at least this, and below the better capaian's minimum, takes this capaian.",
    )
    assumed = fields.Boolean(help="An assumed default: no source prints the score bands. Confirm or change it.")

    _sql_constraints = [
        ("capaian_unique", "unique(capaian)", "Each capaian has one score band."),
    ]

    @api.constrains("capaian", "min_score")
    def _check_table(self):
        problems = capaian_rules.validate_bands(self._asn_bands())
        if problems:
            raise ValidationError(self.env._(
                "The score bands of capaian kinerja organisasi need a minimum from 0 to 100 for each capaian, "
                "a higher minimum for a better capaian, and a lowest band starting at 0 (so that every score "
                "has a capaian)."))

    @api.model
    def _asn_bands(self):
        """The band table as the rules take it: ((capaian, minimum), ...)."""
        return tuple((band.capaian, band.min_score) for band in self.sudo().search([]))
