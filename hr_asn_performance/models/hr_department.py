from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import asn_data, siasn_import
from .hr_employee import skip_recompute


class HrDepartment(models.Model):
    """Perangkat Daerah and their units, as Perwal Bekasi 38/2023 Lampiran II names them.

    A department with ``asn_opd_kind`` is a Perangkat Daerah (one of the 13 kinds of Lampiran II); the
    departments below it are its units (``asn_unit_kind``). The unit's head is its ``manager_id``.
    """

    _inherit = "hr.department"

    asn_opd_kind = fields.Selection(
        list(asn_data.OPD_KINDS),
        string="Perangkat Daerah Kind",
        tracking=True,
        help="Set on a Perangkat Daerah: the section of Lampiran II that decides its assessors.",
    )
    asn_unit_kind = fields.Selection(
        list(asn_data.UNIT_KINDS),
        string="Unit Kind",
        tracking=True,
        help="Kind of this unit inside its Perangkat Daerah, as Lampiran II names it.",
    )
    asn_function_code = fields.Selection(
        list(asn_data.FUNCTION_CODES),
        string="Function in Lampiran II",
        help="For units Lampiran II names by function (Dinas Pendidikan: Seksi SD, Bidang GTK ...).",
    )
    asn_opd_id = fields.Many2one(
        "hr.department",
        string="Perangkat Daerah",
        compute="_compute_asn_opd_id",
        store=True,
        recursive=True,
        index=True,
    )
    asn_head_title = fields.Char(
        string="Head's Position", help="Name of the head's position, e.g. Kepala Dinas Kesehatan."
    )
    asn_acting_ids = fields.One2many("hr.asn.acting.assignment", "department_id", string="Plt/Plh")
    asn_acting_id = fields.Many2one(
        "hr.asn.acting.assignment", string="Current Plt/Plh", compute="_compute_asn_acting_id"
    )
    asn_is_vacant = fields.Boolean(string="Vacant", compute="_compute_asn_acting_id")
    # issue 12: core's total_employee counts the department's own employees only (a Perangkat Daerah:
    # just its head); a Perangkat Daerah's people work in its units
    asn_employee_count = fields.Integer(string="Employees (with its units)", compute="_compute_asn_employee_count")
    # issue 14: the unit's id in BKN's SIASN (unor), by which the import from SIASN finds it
    asn_unor_code = fields.Char(
        string="SIASN Unor Code", index=True, copy=False, tracking=True,
        help="The code of this unit (unor) in SIASN: the import from SIASN places employees by it.",
    )

    _sql_constraints = [
        ("asn_unor_code_company_uniq", "unique(asn_unor_code, company_id)",
         "Another unit of this Pemda has this SIASN unor code."),
    ]

    @api.depends("asn_opd_kind", "parent_id.asn_opd_id")
    def _compute_asn_opd_id(self):
        for department in self:
            department.asn_opd_id = department if department.asn_opd_kind else department.parent_id.asn_opd_id

    @api.depends("manager_id", "asn_acting_ids.date_from", "asn_acting_ids.date_to")
    def _compute_asn_acting_id(self):
        by_department = self.env["hr.asn.acting.assignment"]._current_by_department(self)
        for department in self:
            department.asn_acting_id = by_department.get(department.id, False)
            department.asn_is_vacant = not department.manager_id and not department.asn_acting_id

    def _compute_asn_employee_count(self):
        """Employees of the department and of every unit below it: one grouped count for the whole
        subtree of the batch, summed along ``parent_path`` (as core's total_employee, within the
        allowed companies)."""
        counts = self.env["hr.employee"].sudo()._read_group(
            [("department_id", "child_of", self.ids), ("company_id", "in", self.env.companies.ids)],
            ["department_id"], ["__count"])
        for department in self:
            prefix = department.parent_path
            department.asn_employee_count = sum(
                count for unit, count in counts if prefix and (unit.parent_path or "").startswith(prefix))

    @api.constrains("asn_unor_code")
    def _check_asn_unor_code(self):
        for department in self.filtered("asn_unor_code"):
            code = department.asn_unor_code
            if len(code) > siasn_import.CELL_MAX["unor"] or code != code.strip() or not code.isprintable():
                raise ValidationError(_(
                    "The SIASN unor code of %(unit)s has at most %(limit)s characters, without spaces around it.",
                    unit=department.name, limit=siasn_import.CELL_MAX["unor"]))

    @api.constrains("asn_opd_kind", "asn_unit_kind", "parent_id", "company_id")
    def _check_asn_kind(self):
        setda = self.filtered(lambda d: d.asn_opd_kind == "setda")
        if setda and self.search_count(
            [("asn_opd_kind", "=", "setda"), ("company_id", "in", setda.company_id.ids)]
        ) > len(setda.company_id):
            raise ValidationError(_("A Pemda has one Sekretariat Daerah: its head is the Sekretaris Daerah "
                                    "(Lampiran II row 1.a)."))
        for department in self:
            if department.asn_opd_kind and department.asn_unit_kind:
                raise ValidationError(
                    _("%s is either a Perangkat Daerah or a unit inside one, not both.", department.name)
                )
            if department.asn_unit_kind and not department.asn_opd_id:
                raise ValidationError(
                    _("The unit %s must sit inside a Perangkat Daerah (set its parent department).",
                      department.name)
                )
            if department.asn_opd_kind == "kelurahan" and department.parent_id.asn_opd_id.asn_opd_kind not in (
                False, "kecamatan"
            ):
                raise ValidationError(
                    _("The Kelurahan %s belongs under a Kecamatan (Lampiran II row 12.a: the Camat assesses "
                      "the Lurah).", department.name)
                )

    # ------------------------------------------------------------------------------------------
    # Keeping the assessors in step with the organisation
    # ------------------------------------------------------------------------------------------
    _ASN_ORG_FIELDS = {"parent_id", "manager_id", "asn_opd_kind", "asn_unit_kind", "asn_function_code",
                       "active", "company_id"}

    @api.model_create_multi
    def create(self, vals_list):
        departments = super().create(vals_list)
        departments._asn_recompute_scope()
        return departments

    def write(self, vals):
        if not self._ASN_ORG_FIELDS & set(vals):
            return super().write(vals)
        before = self._asn_scope_roots()
        res = super().write(vals)
        (before | self._asn_scope_roots())._asn_recompute_scope(roots_known=True)
        return res

    def _asn_scope_roots(self):
        """The Perangkat Daerah whose employees a change to these departments can affect."""
        departments = self.sudo().with_context(active_test=False)
        roots = departments.asn_opd_id | departments.filtered(lambda d: not d.asn_opd_id).master_department_id
        return roots.with_env(self.env)  # the caller's: whether it may defer the recompute is theirs

    def _asn_recompute_scope(self, roots_known=False):
        """Recompute the assessors of the employees these departments (or their Perangkat Daerah) hold.

        A change inside the Sekretariat Daerah reaches every employee (the Sekda is atasan of many),
        so it recomputes the whole company.
        """
        if skip_recompute(self.env) or not self:
            return
        roots = self if roots_known else self._asn_scope_roots()
        if any(root.asn_opd_kind == "setda" for root in roots):
            self.env["hr.employee"]._asn_recompute_assessors()
        else:
            self.env["hr.employee"]._asn_recompute_assessors(roots)
