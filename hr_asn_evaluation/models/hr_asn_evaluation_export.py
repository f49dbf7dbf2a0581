"""The period's XLSX exports for payroll and BKPSDM (issue 11 items 8-10, 14): the TPP basis per Perangkat
Daerah (Pasal 33; national_rules.md §7), the ranking (Pasal 31) and the angka kredit of Jabatan Fungsional
(§4). Each runs as a background job (hr.asn.job) whose result is the XLSX attachment; the rows come from
the ``get_*`` data methods below, read as the user who asked (their record rules decide which rows: BKPSDM
the Pemda, an Admin Kepegawaian OPD their Perangkat Daerah), and the writer only writes (STYLE.md)."""
import base64
import io
import re

import xlsxwriter

from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.hr_asn_performance.rules import asn_data

from .hr_asn_evaluation_period import HrAsnEvaluationPeriod as BasePeriod

SET_STATES = ("ditetapkan", "diterima", "dilaporkan")
_lt = LazyTranslate(__name__)
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# (code, label) of each column, in order: the code row (row 4) is what a payroll import reads.
TPP_COLUMNS = (
    ("opd", _lt("Perangkat Daerah")),
    ("nip", _lt("NIP")),
    ("name", _lt("Name")),
    ("golongan", _lt("Golongan")),
    ("pangkat", _lt("Pangkat/Gol. Ruang")),
    ("jabatan", _lt("Jabatan")),
    ("unit", _lt("Unit Kerja")),
    ("year", _lt("Year")),
    ("month", _lt("Month")),
    ("period", _lt("Periode")),
    ("predikat", _lt("Predikat Code")),
    ("predikat_label", _lt("Predikat")),
    ("tpp_percent", _lt("TPP (%)")),
    ("state", _lt("State Code")),
    ("state_label", _lt("State")),
    ("keberatan", _lt("Keberatan")),
)
RANKING_COLUMNS = (
    ("rank_city", _lt("Rank in the Pemda")),
    ("rank_opd", _lt("Rank in Perangkat Daerah")),
    ("rank_unit", _lt("Rank in Unit")),
    ("rank_team", _lt("Rank in Team")),
    ("nip", _lt("NIP")),
    ("name", _lt("Name")),
    ("opd", _lt("Perangkat Daerah")),
    ("unit", _lt("Unit Kerja")),
    ("penilai", _lt("Pejabat Penilai Kinerja")),
    ("predikat", _lt("Predikat")),
    ("rating_hasil", _lt("Rating Hasil Kerja")),
    ("rating_perilaku", _lt("Rating Perilaku Kerja")),
    ("capaian_pct", _lt("Realisasi vs Target (%)")),
    ("score_360", _lt("360 Score")),
    ("state", _lt("State")),
)
ANGKA_KREDIT_COLUMNS = (
    ("nip", _lt("NIP")),
    ("name", _lt("Name")),
    ("opd", _lt("Perangkat Daerah")),
    ("jabatan", _lt("Jabatan")),
    ("jenjang", _lt("Jenjang Code")),
    ("jenjang_label", _lt("Jenjang")),
    ("period", _lt("Periode")),
    ("predikat", _lt("Predikat")),
    ("state", _lt("State")),
    ("angka_kredit", _lt("Angka Kredit of the Period")),
    ("angka_kredit_year", _lt("Accumulated in the Year")),
)


def write_workbook(sheets):
    """Write ``sheets`` (dicts: name, title, notes (list of str), columns ((code, label), ...), rows (lists))
    as one workbook: the title in row 1, the notes from row 2, the column codes and labels on the two rows
    after them, then the rows. Returns the bytes. It only writes what it is given."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    title_format = workbook.add_format({"bold": True, "font_size": 13})
    note_format = workbook.add_format({"italic": True, "font_color": "#9C0006"})
    code_format = workbook.add_format({"font_color": "#808080", "font_size": 8})
    head_format = workbook.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1, "text_wrap": True})
    number_format = workbook.add_format({"num_format": "0.000"})
    for sheet_vals in sheets:
        sheet = workbook.add_worksheet(sheet_vals["name"])
        sheet.write(0, 0, sheet_vals["title"], title_format)
        row = 1
        for note in sheet_vals.get("notes") or ():
            sheet.write(row, 0, note, note_format)
            row += 1
        columns = sheet_vals["columns"]
        sheet.write_row(row, 0, [code for code, _label in columns], code_format)
        sheet.write_row(row + 1, 0, [label for _code, label in columns], head_format)
        for index, values in enumerate(sheet_vals["rows"], start=row + 2):
            for col, value in enumerate(values):
                if value is None or value is False:
                    continue
                if isinstance(value, float):
                    sheet.write_number(index, col, value, number_format)
                else:
                    sheet.write(index, col, value)
        sheet.freeze_panes(row + 2, 0)
        sheet.set_column(0, len(columns), 16)
    workbook.close()
    return output.getvalue()


def sheet_names(names):
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique (case-insensitively)."""
    seen, result = set(), []
    for name in names:
        base = re.sub(r"[\[\]:*?/\\]", " ", name or "-").strip()[:31] or "-"
        candidate, number = base, 1
        while candidate.lower() in seen:
            number += 1
            suffix = " (%s)" % number
            candidate = base[:31 - len(suffix)] + suffix
        seen.add(candidate.lower())
        result.append(candidate)
    return result


class HrAsnEvaluationPeriod(models.Model):
    _inherit = "hr.asn.evaluation.period"

    # the core's job methods and the exports' (hr.asn.job runs only the methods listed here)
    _asn_job_methods = BasePeriod._asn_job_methods | {
        "_asn_job_export_tpp", "_asn_job_export_ranking", "_asn_job_export_angka_kredit"}

    # ------------------------------------------------------------------------------------------
    # Buttons: queue the export, open the job (its result is the file)
    # ------------------------------------------------------------------------------------------
    def action_export_tpp(self):
        return self._asn_enqueue_export("_asn_job_export_tpp", _("TPP basis of %s (XLSX)"))

    def action_export_ranking(self):
        return self._asn_enqueue_export("_asn_job_export_ranking", _("Ranking of %s (XLSX)"))

    def action_export_angka_kredit(self):
        return self._asn_enqueue_export("_asn_job_export_angka_kredit", _("Angka kredit of %s (XLSX)"))

    def _asn_enqueue_export(self, method, name):
        self.ensure_one()
        self._check_export_access()
        job = self.env["hr.asn.job"]._asn_enqueue(self, method, name % self.name, batch_size=1)
        return {"type": "ir.actions.act_window", "res_model": "hr.asn.job", "res_id": job.id,
                "view_mode": "form", "views": [(False, "form")], "target": "current"}

    def _check_export_access(self):
        """BKPSDM (the Pemda) and the Admin Kepegawaian OPD (the rows of their Perangkat Daerah, by the
        evaluation's record rules) export; nobody else. Checked again when the job runs, as its user."""
        self.check_access("read")
        if self.env.su or self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin_opd"):
            return
        raise AccessError(_("Only BKPSDM and the Admin Kepegawaian of a Perangkat Daerah export the TPP basis, "
                            "the ranking and the angka kredit."))

    # ------------------------------------------------------------------------------------------
    # Job methods (one period per batch): the XLSX as an attachment only its requester reads
    # ------------------------------------------------------------------------------------------
    def _asn_job_export_tpp(self):
        return self._asn_export_xlsx("_asn_tpp_sheets", "TPP")

    def _asn_job_export_ranking(self):
        return self._asn_export_xlsx("_asn_ranking_sheets", "Pemeringkatan")

    def _asn_job_export_angka_kredit(self):
        return self._asn_export_xlsx("_asn_angka_kredit_sheets", "Angka Kredit")

    def _asn_export_xlsx(self, sheets_method, prefix):
        """One XLSX per period from its ``sheets_method`` (the data), in the requester's language."""
        periods = self.with_context(lang=self.env.user.lang)  # the job runs as its requester
        attachments = self.env["ir.attachment"]
        for record in periods:
            record._check_export_access()
            content = write_workbook(getattr(record, sheets_method)())
            # res_model without res_id: only its creator (the requester) and the system read it
            # (ir.attachment.check), not every reader of the period or of the job
            attachments |= self.env["ir.attachment"].create({
                "name": "%s %s.xlsx" % (prefix, record.period_label),
                "datas": base64.b64encode(content),
                "mimetype": XLSX_MIMETYPE,
                "res_model": self._name,
                "res_id": False,
            })
        return attachments

    # ------------------------------------------------------------------------------------------
    # Data methods (public: payroll may call them over RPC; record rules decide the rows)
    # ------------------------------------------------------------------------------------------
    def _asn_evaluations(self, domain=()):
        """The period's evaluations the current user may read (no sudo: record rules apply)."""
        self.ensure_one()
        return self.env["hr.asn.evaluation"].search([("period_id", "=", self.id), *domain],
                                                     order="opd_id, employee_name, id")

    def _asn_columns(self, columns):
        """(code, label) with the label in the user's language."""
        return [(code, label._translate(self.env.lang or "en_US")) for code, label in columns]

    def _asn_labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def get_tpp_basis(self):
        """The TPP basis (Pasal 33; national_rules.md §7) of these monthly or quarterly periods: a list of
        dicts, one per employee and month, keyed as TPP_COLUMNS (see readme/USAGE.md). A quarter's
        predikat is the predikat of each of its three months. ``tpp_percent`` is None until the
        evaluation is set (ditetapkan), and 0.0 when the Pemda has no TPP table (no national one)."""
        self._check_export_access()
        rows = []
        predikats = self._asn_labels("hr.asn.evaluation", "predikat")
        states = self._asn_labels("hr.asn.evaluation", "state")
        golongan = {}
        for period in self:
            if period.kind != "periodic":
                raise UserError(_("The TPP basis is monthly: export it from a monthly or quarterly period, not "
                                  "from %s.", period.name))
            evaluations = period._asn_evaluations()
            golongan.update({employee.id: employee.asn_golongan
                             for employee in evaluations.employee_id.sudo()})
            for evaluation in evaluations:
                final = evaluation.state in SET_STATES
                for month in range(evaluation.date_from.month, evaluation.date_to.month + 1):
                    rows.append({
                        "opd": evaluation.opd_id.name or "",
                        "opd_id": evaluation.opd_id.id,
                        "nip": evaluation.employee_nip or "",
                        "name": evaluation.employee_name or "",
                        "golongan": golongan.get(evaluation.employee_id.id) or "",
                        "pangkat": evaluation.employee_pangkat or "",
                        "jabatan": evaluation.employee_jabatan or "",
                        "unit": evaluation.employee_unit or "",
                        "year": evaluation.year,
                        "month": month,
                        "period": evaluation.period_label or "",
                        "predikat": evaluation.predikat or "",
                        "predikat_label": predikats.get(evaluation.predikat, ""),
                        "tpp_percent": float(evaluation.tpp_percent) if final else None,
                        "state": evaluation.state,
                        "state_label": states.get(evaluation.state, ""),
                        "keberatan": evaluation.objection_state if evaluation.objection_state != "none" else "",
                    })
        return rows

    def _asn_tpp_notes(self):
        Rate = self.env["hr.asn.tpp.rate"].sudo()
        if not Rate._asn_table(self.company_id):
            return [_("No TPP table for %s: every TPP (%%) is 0 (there is no national table, "
                      "national_rules.md §7).", self.company_id.name)]
        notes = [_("TPP (%%) from the TPP table of %s; empty until the evaluation is set (ditetapkan). "
                   "One row per employee and month.", self.company_id.name)]
        if Rate._asn_illustrative(self.company_id):
            notes.insert(0, _("ILLUSTRATIVE TPP TABLE: an example, not a regulation of this Pemda - "
                              "do not pay from it."))
        if self.period_kind == "quarter":
            notes.append(_("Quarterly cadence: each month of the quarter carries the quarter's predikat."))
        return notes

    def _asn_tpp_sheets(self):
        """One sheet per Perangkat Daerah (sheet name: its name), the same columns on each."""
        self.ensure_one()
        rows = self.get_tpp_basis()
        notes = self._asn_tpp_notes()
        columns = self._asn_columns(TPP_COLUMNS)
        by_opd = {}
        for row in rows:
            by_opd.setdefault(row["opd_id"], []).append(row)
        opds = list(by_opd) or [False]
        names = sheet_names([by_opd[opd][0]["opd"] if opd in by_opd else "TPP" for opd in opds])
        return [{
            "name": name,
            "title": _("DASAR PEMBAYARAN TPP - %(period)s - %(opd)s", period=self.period_label,
                       opd=by_opd[opd][0]["opd"] if opd in by_opd else "-"),
            "notes": notes,
            "columns": columns,
            "rows": [[row[code] for code, _label in TPP_COLUMNS] for row in by_opd.get(opd, [])],
        } for opd, name in zip(opds, names, strict=True)]

    def get_ranking(self):
        """Pemeringkatan (Pasal 31) of these periods as dicts keyed as RANKING_COLUMNS, best first (the
        ranks are the ones action_rank computed: rules.rank_key's tie rule; equal figures share a rank)."""
        self._check_export_access()
        predikats = self._asn_labels("hr.asn.evaluation", "predikat")
        ratings = self._asn_labels("hr.asn.evaluation", "rating_hasil")
        states = self._asn_labels("hr.asn.evaluation", "state")
        rows = []
        for period in self:
            if not period.ranked_date:
                raise UserError(_("%s is not ranked yet: rank it first (Pasal 31).", period.name))
            evaluations = period._asn_evaluations([("rank_city", ">", 0)]).sorted(
                lambda e: (e.rank_city, e.employee_name or "", e.id))
            for evaluation in evaluations:
                rows.append({
                    "rank_city": evaluation.rank_city, "rank_opd": evaluation.rank_opd,
                    "rank_unit": evaluation.rank_unit, "rank_team": evaluation.rank_team,
                    "nip": evaluation.employee_nip or "", "name": evaluation.employee_name or "",
                    "opd": evaluation.opd_id.name or "", "unit": evaluation.employee_unit or "",
                    "penilai": evaluation.penilai_name or evaluation.pejabat_penilai_official or "",
                    "predikat": predikats.get(evaluation.predikat, ""),
                    "rating_hasil": ratings.get(evaluation.rating_hasil, ""),
                    "rating_perilaku": ratings.get(evaluation.rating_perilaku, ""),
                    "capaian_pct": float(evaluation.hint_capaian_pct) if evaluation.hint_capaian_pct else None,
                    "score_360": float(evaluation.hint_360_score) if evaluation.hint_360_score else None,
                    "state": states.get(evaluation.state, ""),
                })
        return rows

    def _asn_ranking_sheets(self):
        self.ensure_one()
        return [{
            "name": "Pemeringkatan",
            "title": _("PEMERINGKATAN KINERJA PEGAWAI - %s", self.period_label),
            "notes": [_("Ranked by predikat, then rating hasil kerja, rating perilaku kerja, realisasi vs target "
                        "(%) and the 360 score; equal figures share a rank (1, 1, 3)."),
                      _("Ranked on %s.", fields.Datetime.to_string(self.ranked_date))],
            "columns": self._asn_columns(RANKING_COLUMNS),
            "rows": [[row[code] for code, _label in RANKING_COLUMNS] for row in self.get_ranking()],
        }]

    def get_angka_kredit(self):
        """Angka kredit (national_rules.md §4) of the Jabatan Fungsional of these periods: dicts keyed as
        ANGKA_KREDIT_COLUMNS; ``angka_kredit`` is None until the evaluation is set; ``angka_kredit_year`` is
        what the employee's set periodic evaluations of the year give up to the end of the period."""
        self._check_export_access()
        predikats = self._asn_labels("hr.asn.evaluation", "predikat")
        states = self._asn_labels("hr.asn.evaluation", "state")
        jenjang = dict(asn_data.JENJANG)
        rows = []
        for period in self:
            evaluations = period._asn_evaluations([("position_kind", "=", "fungsional")])
            accumulated = dict(self.env["hr.asn.evaluation"].sudo()._read_group(
                [("employee_id", "in", evaluations.employee_id.ids), ("year", "=", period.year),
                 ("kind", "=", "periodic"), ("state", "in", SET_STATES), ("date_to", "<=", period.date_to)],
                ["employee_id"], ["angka_kredit:sum"]))
            for evaluation in evaluations:
                final = evaluation.state in SET_STATES
                rows.append({
                    "nip": evaluation.employee_nip or "", "name": evaluation.employee_name or "",
                    "opd": evaluation.opd_id.name or "", "jabatan": evaluation.employee_jabatan or "",
                    "jenjang": evaluation.jenjang or "", "jenjang_label": jenjang.get(evaluation.jenjang, ""),
                    "period": evaluation.period_label or "",
                    "predikat": predikats.get(evaluation.predikat, ""),
                    "state": states.get(evaluation.state, ""),
                    "angka_kredit": float(evaluation.angka_kredit) if final else None,
                    "angka_kredit_year": float(accumulated.get(evaluation.employee_id, 0.0)),
                })
        return rows

    def _asn_angka_kredit_sheets(self):
        self.ensure_one()
        return [{
            "name": "Angka Kredit",
            "title": _("ANGKA KREDIT JABATAN FUNGSIONAL - %s", self.period_label),
            "notes": [_("Angka kredit = months / 12 x the predikat's percentage x the jenjang's annual coefficient "
                        "(national_rules.md §4), rounded to 3 decimals.")],
            "columns": self._asn_columns(ANGKA_KREDIT_COLUMNS),
            "rows": [[row[code] for code, _label in ANGKA_KREDIT_COLUMNS] for row in self.get_angka_kredit()],
        }]
