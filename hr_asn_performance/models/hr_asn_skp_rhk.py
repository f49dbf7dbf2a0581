from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import skp as skp_rules

TAKEOVER_FIELDS = {"taken_over", "takeover_note", "taken_over_by_id", "taken_over_date"}


class HrAsnSkpRhk(models.Model):
    """Rencana Hasil Kerja (Pasal 8(1)): an outcome, output or service the employee will deliver,
    utama or tambahan, with the leader or team who assigned it; for JA/JF the superior's RHK it
    intervenes (cascading, Lampiran I format 4 column 2)."""

    _name = "hr.asn.skp.rhk"
    _description = "Rencana Hasil Kerja (RHK)"
    _inherit = ["hr.asn.skp.content.mixin", "hr.asn.input.limit.mixin"]
    _order = "skp_id, kind desc, sequence, id"
    _asn_text_limits = {"name": skp_rules.STATEMENT_MAX, "assigned_by": skp_rules.LINE_MAX,
                        "takeover_note": skp_rules.NOTE_MAX}

    skp_id = fields.Many2one("hr.asn.skp", string="SKP", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection([("utama", "Utama"), ("tambahan", "Tambahan")], required=True, default="utama")
    name = fields.Text(string="Rencana Hasil Kerja", required=True)
    assigned_by = fields.Char(
                              help="The leader's position or the team (Tim Kerja) who assigned this result "
                                   "(Lampiran I: \"disertai dengan Jabatan Pimpinan/Tim Kerja yang memberikan "
                                   "penugasan\").")
    parent_rhk_id = fields.Many2one("hr.asn.skp.rhk", string="Intervenes RHK of the Superior", index=True,
                                    ondelete="restrict",
                                    domain="[('id', 'in', parent_rhk_allowed_ids)]")
    parent_rhk_allowed_ids = fields.Many2many("hr.asn.skp.rhk", string="Superior's RHK to Choose From",
                                              compute="_compute_parent_rhk_allowed_ids")
    child_rhk_ids = fields.One2many("hr.asn.skp.rhk", "parent_rhk_id", string="Cascaded To")
    iki_ids = fields.One2many("hr.asn.skp.iki", "rhk_id", string="Indikator Kinerja Individu", copy=True)
    origin_id = fields.Many2one("hr.asn.skp.rhk", string="Copied From", readonly=True, copy=False)
    approach = fields.Selection(related="skp_id.approach")
    parent_rhk_name = fields.Text(related="parent_rhk_id.name", string="Intervenes")
    # the IKI with their targets, to read in the SKP's list before setting it (issue 12: truncated tags)
    iki_summary = fields.Text(string="IKI and Targets", compute="_compute_iki_summary")
    # Pasal 20(6)-(8): the leader takes the RHK over with a note the evaluation reads.
    # A revision keeps them (copied): the evaluation reads the note whatever revision it reads.
    taken_over = fields.Boolean(string="Taken Over by the Leader", readonly=True)
    takeover_note = fields.Text(readonly=True)
    taken_over_by_id = fields.Many2one("hr.employee", readonly=True)
    taken_over_date = fields.Date(readonly=True)

    # what a user writes (issue 9, finding 6); never the takeover (Pasal 20(6)-(8): a follow-up of the
    # Pejabat Penilai Kinerja does it, as the superuser) nor, after create, the SKP (finding 4)
    _skp_user_fields = frozenset({"sequence", "kind", "name", "assigned_by", "parent_rhk_id", "iki_ids"})
    _skp_workflow_fields = frozenset(TAKEOVER_FIELDS)

    def write(self, vals):
        if TAKEOVER_FIELDS & set(vals) and not self.env.su:
            raise AccessError(_("An RHK is taken over through a follow-up of the Pejabat Penilai Kinerja."))
        return super().write(vals)

    def copy_data(self, default=None):
        """A revision (as the superuser) keeps the takeover; a user's copy of a draft RHK starts without it."""
        vals_list = super().copy_data(default=default)
        if not self.env.su:
            for vals in vals_list:
                for name in TAKEOVER_FIELDS:
                    vals.pop(name, None)
        return vals_list

    @api.depends("iki_ids.name", "iki_ids.target_display")
    def _compute_iki_summary(self):
        for rhk in self:
            rhk.iki_summary = "\n".join(
                self.env._("• %(iki)s — Target: %(target)s", iki=iki.name, target=iki.target_display or "-")
                for iki in rhk.iki_ids) or False

    @api.depends("skp_id.pejabat_penilai_id", "skp_id.year")
    def _compute_parent_rhk_allowed_ids(self):
        candidates = self._asn_parent_candidates(self.skp_id)
        for rhk in self:
            rhk.parent_rhk_allowed_ids = candidates.get(rhk.skp_id.id, self.browse())

    @api.model
    def _asn_parent_candidates(self, skps):
        """{skp id: RHK of the Pejabat Penilai Kinerja's set SKP of the same year} (Lampiran I format 4)."""
        assessors = skps.sudo().pejabat_penilai_id
        rows = self.sudo().search([("skp_id.employee_id", "in", assessors.ids), ("skp_id.state", "=", "set"),
                                   ("skp_id.year", "in", list(set(skps.mapped("year"))))])
        by_key = defaultdict(list)
        for row in rows:
            by_key[row.skp_id.employee_id.id, row.skp_id.year].append(row.id)
        return {skp.id: self.browse(by_key[skp.sudo().pejabat_penilai_id.id, skp.year]) for skp in skps}

    @api.constrains("parent_rhk_id", "skp_id")
    def _check_parent_rhk(self):
        candidates = self._asn_parent_candidates(self.filtered("parent_rhk_id").skp_id)
        for rhk in self.filtered("parent_rhk_id"):
            if rhk.parent_rhk_id.sudo() not in candidates.get(rhk.skp_id.id, self.browse()).sudo():
                raise ValidationError(_(
                    "The RHK \"%(rhk)s\" can only intervene an RHK of the set SKP %(year)s of its Pejabat "
                    "Penilai Kinerja (%(penilai)s).",
                    rhk=rhk.name, year=rhk.skp_id.year,
                    penilai=rhk.skp_id.pejabat_penilai_id.name or rhk.skp_id.pejabat_penilai_official or "-",
                ))

    def _asn_take_over(self, note, leader=None):
        """Pasal 20(6)-(8), called by a follow-up of kind pengambilalihan."""
        if not (note or "").strip():
            raise UserError(_("Taking an RHK over needs the note that the employee could not complete it "
                              "(Pasal 20(7))."))
        if self.filtered("taken_over"):
            raise UserError(_("The RHK \"%s\" was already taken over.", self.filtered("taken_over")[0].name))
        self.sudo().write({  # the follow-up checked the leader's role (_check_skp_update("followup"))
            "taken_over": True,
            "takeover_note": note,
            "taken_over_by_id": leader.id if leader else False,
            "taken_over_date": fields.Date.context_today(self),
        })
        self.skp_id._asn_log([(rhk.skp_id, self.env._("RHK taken over by the leader: %(rhk)s. Note: %(note)s",
                                                      rhk=rhk.name, note=note)) for rhk in self])
