"""Aktivitas harian and dialog kinerja on the SKP, its months and their lines (issue 14): the month's
activities shown beside its realisasi as supporting evidence (Pasal 16), a revision taking them over as
it takes over the months (Pasal 13(2))."""
from odoo import api, fields, models


class HrAsnSkp(models.Model):
    _inherit = "hr.asn.skp"

    # not ``activity_ids``: that is mail.activity.mixin's (the SKP's to-dos)
    daily_activity_ids = fields.One2many("hr.asn.skp.activity", "skp_id", string="Aktivitas Harian")
    dialog_ids = fields.One2many("hr.asn.skp.dialog", "skp_id", string="Dialog Kinerja")
    daily_activity_count = fields.Integer(string="Number of Aktivitas Harian", compute="_compute_daily_counts")
    dialog_count = fields.Integer(string="Number of Dialog Kinerja", compute="_compute_daily_counts")

    @api.depends_context("uid")
    def _compute_daily_counts(self):
        """What the reader may see (their record rules), one grouped count per model."""
        counts = {}
        for model in ("hr.asn.skp.activity", "hr.asn.skp.dialog"):
            Model = self.env[model]
            counts[model] = dict(Model._read_group([("skp_id", "in", self.ids)], ["skp_id"], ["__count"])) \
                if Model.has_access("read") else {}
        for skp in self:
            skp.daily_activity_count = counts["hr.asn.skp.activity"].get(skp, 0)
            skp.dialog_count = counts["hr.asn.skp.dialog"].get(skp, 0)

    def action_open_daily_activities(self):
        self.ensure_one()
        return dict(self._asn_list_action(self.env._("Aktivitas Harian"), "hr.asn.skp.activity",
                                          [("skp_id", "=", self.id)], {"default_skp_id": self.id}),
                    view_mode="list,calendar,pivot,form")

    def action_open_dialogs(self):
        self.ensure_one()
        return self._asn_list_action(self.env._("Dialog Kinerja"), "hr.asn.skp.dialog", [("skp_id", "=", self.id)],
                                     {"default_skp_id": self.id})

    def _asn_carry_over(self, revision):
        """The activities and dialogs of the year move to the revision with its months, re-pointed to the
        copies of their IKI and RHK (as the superuser: the workflow moves them past the parent links)."""
        iki_map = {iki.origin_id.id: iki.id for iki in revision.iki_ids if iki.origin_id}
        rhk_map = {rhk.origin_id.id: rhk.id for rhk in revision.rhk_ids if rhk.origin_id}
        activities = self.sudo().daily_activity_ids
        dialogs = self.sudo().dialog_ids
        res = super()._asn_carry_over(revision)
        for iki_id, group in activities.grouped("iki_id").items():
            group.write({"skp_id": revision.id, "iki_id": iki_map.get(iki_id.id, iki_id.id)})
        for rhk_id, group in dialogs.grouped("rhk_id").items():
            group.write({"skp_id": revision.id, "rhk_id": rhk_map.get(rhk_id.id, rhk_id.id)})
        return res


class HrAsnSkpMonth(models.Model):
    _inherit = "hr.asn.skp.month"

    daily_activity_ids = fields.One2many("hr.asn.skp.activity", "month_id", string="Aktivitas Harian")
    daily_activity_count = fields.Integer(string="Number of Aktivitas Harian", compute="_compute_daily_activity_stats")
    daily_activity_hours = fields.Float(string="Hours of Aktivitas Harian", digits=(16, 2),
                                        compute="_compute_daily_activity_stats")

    @api.depends("daily_activity_ids.duration")
    def _compute_daily_activity_stats(self):
        rows = self.env["hr.asn.skp.activity"].sudo()._read_group(
            [("month_id", "in", self.ids)], ["month_id"], ["__count", "duration:sum"])
        stats = {month: (count, hours) for month, count, hours in rows}
        for month in self:
            month.daily_activity_count, month.daily_activity_hours = stats.get(month, (0, 0.0))

    def _asn_activity_sections(self):
        """{month id: [section]}: the month's activities under the IKI line they serve, in the order of the
        lines (Pasal 16: the month's realisasi and its supporting evidence), then those of an IKI the month
        has no line for (an RHK taken over after they were logged) in a section without a line. A section is
        ``{"line": month line or None, "iki": IKI, "activities": activities by date, "hours": their sum}``.
        Read as the reader may (record rules): one search and one read of the evidence links for all the
        months, whatever the number of activities."""
        activities = self.env["hr.asn.skp.activity"].search_fetch(
            [("month_id", "in", self.ids)], ["month_id", "iki_id", "date", "duration", "name", "state"],
            order="date, id")
        activities.fetch(["attachment_ids"])
        by_month = activities.grouped("month_id")
        result = {}
        for month in self:
            by_iki = by_month.get(month, activities.browse()).grouped("iki_id")
            sections = []
            for line in month.line_ids:
                group = by_iki.pop(line.iki_id, activities.browse())
                sections.append({"line": line, "iki": line.iki_id, "activities": group,
                                 "hours": sum(group.mapped("duration"))})
            for iki, group in by_iki.items():
                sections.append({"line": None, "iki": iki, "activities": group, "hours": sum(group.mapped("duration"))})
            result[month.id] = sections
        return result

    def _get_report_base_filename(self):
        """The month's record as a file: ``Realisasi Maret 2026 - <employee>``."""
        self.ensure_one()
        return "Realisasi %s - %s" % (self.name, self.skp_id.employee_name or self.employee_id.name)

    def action_open_daily_activities(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "name": self.name, "res_model": "hr.asn.skp.activity",
                "view_mode": "list,calendar,pivot,form", "domain": [("month_id", "=", self.id)],
                "context": {"create": False}}


class HrAsnSkpMonthLine(models.Model):
    _inherit = "hr.asn.skp.month.line"

    daily_activity_count = fields.Integer(string="Number of Aktivitas Harian", compute="_compute_daily_activity_stats")
    daily_activity_hours = fields.Float(string="Hours of Aktivitas Harian", digits=(16, 2),
                                        compute="_compute_daily_activity_stats",
                                        help="Aktivitas Harian logged for this IKI in this month.")

    def _compute_daily_activity_stats(self):
        """Per IKI and month: the activities logged for it, one grouped count for the batch."""
        rows = self.env["hr.asn.skp.activity"].sudo()._read_group(
            [("month_id", "in", self.month_id.ids), ("iki_id", "in", self.iki_id.ids)],
            ["month_id", "iki_id"], ["__count", "duration:sum"])
        stats = {(month.id, iki.id): (count, hours) for month, iki, count, hours in rows}
        for line in self:
            line.daily_activity_count, line.daily_activity_hours = stats.get(
                (line.month_id.id, line.iki_id.id), (0, 0.0))
