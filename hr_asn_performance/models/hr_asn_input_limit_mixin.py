from odoo import _, api, models
from odoo.exceptions import ValidationError

from ..rules import skp as skp_rules


class HrAsnInputLimitMixin(models.AbstractModel):
    """What a person (or an RPC caller) may type into the SKP models, whatever screen it comes from
    (issue 9, finding 10: a 1 MB paste was stored, ``Infinity`` and 400-digit targets gave HTTP 500).
    The limits are data in ``rules/skp.py``: LINE_MAX, STATEMENT_MAX, NOTE_MAX for free text,
    MAX_AMOUNT for numbers. A model names its fields in ``_asn_text_limits`` ({field: maximum}) and
    ``_asn_amount_fields``: texts are checked as a constraint, numbers before Odoo converts them, on
    create and write, with a translated message; no ``size=``, with which Odoo would cut the text
    without a word. The sign of a number stays the model's own rule (a target above zero, a realisasi
    not below)."""

    _name = "hr.asn.input.limit.mixin"
    _description = "Input of limited length and size"

    _asn_text_limits = {}
    _asn_amount_fields = ()

    def _asn_label(self, name):
        return self._fields[name]._description_string(self.env)

    @api.constrains(lambda self: list(self._asn_text_limits))
    def _check_text_length(self):
        for record in self:
            for name, limit in record._asn_text_limits.items():
                try:
                    skp_rules.check_text(record[name], limit)
                except skp_rules.SkpRuleError as error:
                    raise ValidationError(_("%(field)s is too long: %(length)s characters, at most %(limit)s.",
                                            field=self._asn_label(name), length=error.args[1], limit=limit)) \
                        from error

    def _asn_check_amounts(self, vals):
        """Before Odoo converts them (NaN and infinities crash its rounding with ValueError): the
        numbers of ``vals`` are finite and within MAX_AMOUNT."""
        for name in set(self._asn_amount_fields) & set(vals):
            try:
                skp_rules.check_amount(float(vals[name] or 0.0))
            except (TypeError, ValueError) as error:  # SkpRuleError is a ValueError
                if isinstance(error, skp_rules.SkpRuleError) and error.args[0] == "too_large":
                    raise ValidationError(_("%(field)s is too large: at most %(maximum)s.",
                                            field=self._asn_label(name),
                                            maximum=skp_rules.format_amount(skp_rules.MAX_AMOUNT))) from error
                raise ValidationError(_("%(field)s is not a number.", field=self._asn_label(name))) from error

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._asn_check_amounts(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._asn_check_amounts(vals)
        return super().write(vals)
