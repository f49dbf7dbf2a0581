import io

from odoo import _, models
from odoo.exceptions import AccessError


class HrAsn360Round(models.Model):
    _inherit = "hr.asn360.round"

    def _get_xlsx_columns(self):
        """Columns of the talent-management export: fixed data, then one mean per BerAKHLAK value."""
        self.ensure_one()
        columns = [_("NIP"), _("Name"), _("Pangkat/Golongan"), _("Position"), _("Unit"), _("Perangkat Daerah")]
        columns += [question.name for question in self.question_ids]
        columns += [_("Score"), _("Rank in Unit"), _("Suggested Rating"), _("Raters"), _("Gaps")]
        return columns

    def _get_xlsx_rows(self):
        """One row per rated employee, read in a fixed number of queries."""
        self.ensure_one()
        ratings = dict(self.env["hr.asn360.result"]._fields["rating"]._description_selection(self.env))
        golongan = dict(self.env["hr.employee"]._fields["asn_golongan"]._description_selection(self.env))
        codes = self.question_ids.mapped("value_code")
        rows = []
        for result in self.result_ids.sorted(lambda r: (r.opd_id.name or "", r.department_id.name or "", -r.score)):
            employee = result.employee_id
            means = {line.value_code: line.mean for line in result.line_ids if line.role == "all"}
            rows.append(
                [employee.nip or "", employee.name, golongan.get(employee.asn_golongan, ""), employee.job_title or "",
                 result.department_id.name or "", result.opd_id.name or ""]
                + [round(means.get(code, 0.0), 2) for code in codes]
                + [round(result.score, 2), result.rank_in_unit, ratings.get(result.rating, ""), result.rater_count,
                   result.gap_note or ""]
            )
        return rows

    def _export_xlsx(self):
        """The whole round as an XLSX workbook (bytes), for talent management (Admin BKPSDM only)."""
        self.ensure_one()
        if not self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin"):
            raise AccessError(_("Only Admin BKPSDM exports the results of a round."))
        import xlsxwriter

        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(_("Results")[:31])
        bold = workbook.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1, "text_wrap": True})
        number = workbook.add_format({"num_format": "0.00"})
        sheet.write(0, 0, self.name, workbook.add_format({"bold": True, "font_size": 13}))
        columns = self._get_xlsx_columns()
        sheet.write_row(2, 0, columns, bold)
        for index, row in enumerate(self._get_xlsx_rows(), start=3):
            for col, value in enumerate(row):
                if isinstance(value, float):
                    sheet.write_number(index, col, value, number)
                else:
                    sheet.write(index, col, value)
        sheet.freeze_panes(3, 2)
        sheet.set_column(0, 0, 20)
        sheet.set_column(1, 1, 32)
        sheet.set_column(2, len(columns), 14)
        workbook.close()
        return output.getvalue()

    def action_export_xlsx(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": "/hr_asn_360/round/%s/xlsx" % self.id, "target": "self"}
