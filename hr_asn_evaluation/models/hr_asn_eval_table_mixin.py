from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class HrAsnEvalTableMixin(models.AbstractModel):
    """An editable rule table of the evaluation, one per company (Pemda).

    The rules live in ``rules/evaluation.py`` as plain tuples; these models hold each company's copy so that
    BKPSDM can edit it. ``_asn_table(company)`` hands the rule functions the company's rows in the rules'
    own shape, read in one query. A company without rows of its own follows the shipped default of the
    rules module (none for TPP: national_rules.md §7).

    Every change is validated on the table it would leave behind, before anything is written: the rows
    of the company after the create, write or unlink, checked by the rules' ``validate_table_*``. A refused
    change writes nothing.
    """

    _name = "hr.asn.eval.table.mixin"
    _description = "Evaluation Rule Table"
    _order = "sequence, id"

    # fields that make one row of the rule table, in the order the row is built from
    _asn_row_fields = ()

    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, ondelete="cascade", default=lambda self: self.env.company
    )

    # ------------------------------------------------------------------------------------------------
    # hooks of each table
    # ------------------------------------------------------------------------------------------------
    @api.model
    def _asn_default_rows(self):
        """The shipped default table (a tuple of rule rows), () if there is none."""
        return ()

    @api.model
    def _asn_row(self, values):
        """One rule row from a dict of field values (selection codes, numbers, booleans); by default the
        values of ``_asn_row_fields`` in their order."""
        return tuple(values[fname] for fname in self._asn_row_fields)

    @api.model
    def _asn_row_vals(self, row):
        """The field values of one record from one rule row (the inverse of ``_asn_row``)."""
        return dict(zip(self._asn_row_fields, row, strict=True))

    @api.model
    def _asn_validate(self, rows):
        """The rules' problems of ``rows`` (one company's table): a list of ``(code, where, value)``."""
        return []

    @api.model
    def _asn_row_label(self, row):
        """How a person recognises ``row`` in the list (problems name the row by it)."""
        return str(row)

    @api.model
    def _asn_value_label(self, value):
        """A code of the table (predikat, rating, capaian, jenjang, a cell ...) as a person reads it."""
        return str(value)

    @api.model
    def _asn_selection_label(self, fname, value):
        return dict(self._fields[fname]._description_selection(self.env)).get(value, value)

    @api.model
    def _asn_problems(self, rows):
        """Why ``rows`` (rule rows of one company) cannot be saved: a list of translated sentences."""
        texts = []
        for code, where, value in self._asn_validate(rows):
            if isinstance(where, int) and not isinstance(where, bool) and 1 <= where <= len(rows):
                row = self._asn_row_label(rows[where - 1])
            else:
                row = self._asn_value_label(where)
            shown = self._asn_value_label(value)
            if code == "duplicate":
                text = self.env._("%(value)s appears more than once.", value=shown)
            elif code == "missing":
                text = self.env._("%(value)s is missing.", value=shown)
            elif code.startswith("unknown_"):
                text = self.env._("%(row)s: unknown value %(value)s.", row=row, value=shown)
            elif code == "bad_op":
                text = self.env._("%(row)s: unknown operator %(value)s.", row=row, value=shown)
            elif code == "bad_percent":
                text = self._asn_bad_percent_text(row, value)
            elif code == "bad_min_team":
                text = self.env._(
                    "%(row)s: the minimum team size %(value)s is not a whole number of at least 1.",
                    row=row,
                    value=shown,
                )
            elif code == "bad_coefficient":
                text = self.env._("%(row)s: the coefficient %(value)s is not above 0.", row=row, value=shown)
            elif code == "infeasible":
                text = self.env._(
                    "Under capaian %(capaian)s no team of %(count)s employees can comply.", capaian=row, count=value
                )
            else:
                text = self.env._("%(row)s is not well formed.", row=row)
            texts.append(text)
        return texts

    @api.model
    def _asn_bad_percent_text(self, row, value):
        return self.env._("%(row)s: the percentage %(value)s is not between 0 and 100.", row=row, value=value)

    # ------------------------------------------------------------------------------------------------
    # CRUD: validate the table that would result
    # ------------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        defaults = self.default_get(["company_id", *self._asn_row_fields])
        added = [{**defaults, **vals} for vals in vals_list]
        self._asn_check_result(added=added)
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        if {"company_id", *self._asn_row_fields} & set(vals):
            self._asn_check_result(changed={record.id: vals for record in self})
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self._asn_check_result(removed=set(self.ids))
        return super().unlink()

    def _asn_check_result(self, added=(), changed=None, removed=()):
        """Validate each company's table as the change would leave it; raise before anything is written."""
        changed = changed or {}
        fnames = ["company_id", *self._asn_row_fields]
        touched_ids = set(changed) | set(removed)
        company_ids = {self._asn_company_id(vals.get("company_id")) for vals in added}
        company_ids |= {self._asn_company_id(vals["company_id"]) for vals in changed.values() if "company_id" in vals}
        touched = self.sudo().browse(touched_ids)
        company_ids |= set(touched.company_id.ids)
        company_ids.discard(False)
        if not company_ids:
            return
        if not self.env.su and company_ids - set(self.env.companies.ids):
            # as the multi-company record rule would, but before the table of another Pemda is read
            raise AccessError(self.env._("You cannot change the rule tables of another company."))
        current = self.sudo().search_fetch([("company_id", "in", list(company_ids))], fnames, order=self._order)
        by_company = {company_id: [] for company_id in company_ids}
        for record in current:
            if record.id in removed:
                continue
            values = {fname: record._asn_value(fname) for fname in fnames}
            if record.id in changed:
                values.update(self._asn_plain(changed[record.id]))
            by_company.setdefault(values["company_id"], []).append(values)
        for vals in added:
            values = self._asn_plain(vals)
            by_company.setdefault(values.get("company_id"), []).append(values)
        companies = self.env["res.company"].sudo().browse(company_ids)
        for company in companies:
            rows = tuple(self._asn_row(values) for values in by_company.get(company.id, ()))
            if not rows:
                continue  # no table of its own: the company follows the shipped default
            problems = self._asn_problems(rows)
            if problems:
                raise ValidationError(
                    _(
                        "The table %(table)s of %(company)s cannot be saved:\n%(problems)s",
                        table=self._description,
                        company=company.name,
                        problems="\n".join("- %s" % problem for problem in problems),
                    )
                )

    @api.model
    def _asn_company_id(self, value):
        if isinstance(value, models.BaseModel):
            return value.id
        return value or self.env.company.id

    def _asn_value(self, fname):
        value = self[fname]
        return value.id if isinstance(value, models.BaseModel) else value

    @api.model
    def _asn_plain(self, vals):
        """Field values as ``_asn_row`` reads them: ids for relations, False/0 as the ORM would store them."""
        plain = {}
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if field is None:
                continue
            if fname == "company_id":
                plain[fname] = self._asn_company_id(value)
            elif field.type in ("float", "integer"):
                plain[fname] = value or 0
            elif field.type == "boolean":
                plain[fname] = bool(value)
            else:
                plain[fname] = value or False
        return plain

    # ------------------------------------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------------------------------------
    @api.model
    def _asn_table(self, company):
        """The company's table as the rule functions take it: a tuple of plain rows, in one query.

        Call it once per company and pass the tuple on (never inside a loop over records). A company
        without rows of its own gets the shipped default.
        """
        company.ensure_one()
        fnames = ["company_id", *self._asn_row_fields]
        records = self.sudo().search_fetch([("company_id", "=", company.id)], fnames, order=self._order)
        if not records:
            return self._asn_default_rows()
        return tuple(self._asn_row({fname: record._asn_value(fname) for fname in fnames}) for record in records)

    @api.model
    def _asn_load_defaults(self, companies):
        """Give each of ``companies`` that has no rows yet the shipped default table."""
        return self._asn_load_rows(companies, self._asn_default_rows())

    @api.model
    def _asn_load_rows(self, companies, rows, extra_vals=None):
        """Create ``rows`` (rule rows) as the table of each of ``companies`` that has none yet, as the
        superuser (the callers check who may); each company's table is validated as a whole."""
        if not rows or not companies:
            return self.browse()
        Table = self.sudo()
        present = set(Table.search([("company_id", "in", companies.ids)]).company_id.ids)
        vals_list = [
            {**self._asn_row_vals(row), **(extra_vals or {}), "sequence": sequence, "company_id": company.id}
            for company in companies
            if company.id not in present
            for sequence, row in enumerate(rows, start=1)
        ]
        return Table.create(vals_list).with_env(self.env)

    def action_reset_to_default(self):
        """Button: replace the current company's rows by the shipped default (BKPSDM only: the ACL)."""
        self.check_access("create")
        company = self.env.company
        self.search([("company_id", "=", company.id)]).unlink()
        self._asn_load_defaults(company)
        return {"type": "ir.actions.client", "tag": "reload"}
