from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# The seven BerAKHLAK core values (Kota Semarang, seed 000), in questionnaire order.
VALUE_CODES = [
    ("berorientasi_pelayanan", "Berorientasi Pelayanan"),
    ("akuntabel", "Akuntabel"),
    ("kompeten", "Kompeten"),
    ("harmonis", "Harmonis"),
    ("loyal", "Loyal"),
    ("adaptif", "Adaptif"),
    ("kolaboratif", "Kolaboratif"),
]


class HrAsn360Question(models.Model):
    """The questionnaire BKPSDM keeps: one question per core value (seed 000). Each round copies it when
    it opens, so that later edits never change a round's questions."""

    _name = "hr.asn360.question"
    _description = "360° Questionnaire: BerAKHLAK Value"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    value_code = fields.Selection(VALUE_CODES, string="Core Value", required=True)
    name = fields.Char(string="Value", required=True)
    question = fields.Text(required=True,
                           help="The statement the rater gives 1 to 5 stars: 1 is the least fitting, 5 the "
                                "most fitting.")
    active = fields.Boolean(default=True)

    @api.constrains("value_code", "active")
    def _check_one_question_per_value(self):
        codes = self.filtered("active").mapped("value_code")
        if not codes:
            return
        groups = self._read_group([("value_code", "in", codes), ("active", "=", True)], ["value_code"], ["__count"])
        doubled = [code for code, count in groups if count > 1]
        if doubled:
            labels = dict(self._fields["value_code"]._description_selection(self.env))
            raise ValidationError(_("The questionnaire asks one question per core value; %s has more than one.",
                                    ", ".join(labels[code] for code in doubled)))
