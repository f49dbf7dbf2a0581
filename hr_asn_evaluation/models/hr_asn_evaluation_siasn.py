"""A period's results in SIASN's shape (issue 14 item 5; national_rules.md §8): as CSV, XLSX or JSON files,
each made by a background job (hr.asn.job) like the other exports, and the optional push to the Pemda's web
service through the outbox (hr.asn.siasn.outbox). The rows are built by rules/siasn_export.py from plain data
gathered here and the company's code table (hr.asn.siasn.code). BKPSDM only."""
# The SIASN export in a file of its own beside the other exports (kept apart so that issue 14 stays additive):
# pylint: disable=consider-merging-classes-inherited
import base64

from odoo import _, fields, models
from odoo.exceptions import UserError

from ..rules import siasn_export
from .hr_asn_evaluation_export import SET_STATES, XLSX_MIMETYPE, write_workbook
from .hr_asn_evaluation_export import HrAsnEvaluationPeriod as ExportPeriod

FORMATS = {
    "csv": ("text/csv", "csv"),
    "json": ("application/json", "json"),
    "xlsx": (XLSX_MIMETYPE, "xlsx"),
}


class HrAsnEvaluationPeriod(models.Model):
    _inherit = "hr.asn.evaluation.period"

    _asn_job_methods = ExportPeriod._asn_job_methods | {
        "_asn_job_export_siasn_csv", "_asn_job_export_siasn_xlsx", "_asn_job_export_siasn_json"}

    siasn_outbox_ids = fields.One2many("hr.asn.siasn.outbox", "period_id", string="SIASN Outbox",
                                       groups="hr_asn_performance.group_hr_asn_performance_admin")
    siasn_outbox_count = fields.Integer(string="SIASN Records", compute="_compute_siasn_outbox_count",
                                        groups="hr_asn_performance.group_hr_asn_performance_admin")

    def _compute_siasn_outbox_count(self):
        counts = dict(self.env["hr.asn.siasn.outbox"].sudo()._read_group(
            [("period_id", "in", self.ids)], ["period_id"], ["__count"]))
        for period in self:
            period.siasn_outbox_count = counts.get(period, 0)

    # ------------------------------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------------------------------
    def action_export_siasn_csv(self):
        return self._asn_enqueue_siasn("_asn_job_export_siasn_csv", _("SIASN results of %s (CSV)"))

    def action_export_siasn_xlsx(self):
        return self._asn_enqueue_siasn("_asn_job_export_siasn_xlsx", _("SIASN results of %s (XLSX)"))

    def action_export_siasn_json(self):
        return self._asn_enqueue_siasn("_asn_job_export_siasn_json", _("SIASN results of %s (JSON)"))

    def _asn_enqueue_siasn(self, method, name):
        self.ensure_one()
        self._check_siasn_export()
        job = self.env["hr.asn.job"]._asn_enqueue(self, method, name % self.name, batch_size=1)
        return self._asn_open_jobs(job)

    def _check_siasn_export(self):
        """BKPSDM only (the Pemda's results go to BKN); checked again when the job runs, as its user."""
        self.check_access("read")
        self.env["hr.asn.siasn.outbox"]._check_siasn_access()

    def action_siasn_push(self):
        """Put the period's set results in the outbox (a record already there with the same content is not
        added again) and queue their sending as a background job."""
        self.ensure_one()
        self._check_siasn_export()
        if not self.env["hr.asn.siasn.outbox"]._asn_settings(self.company_id)[0]:
            raise UserError(_("Set the SIASN endpoint first (Settings > Kinerja ASN > Export to SIASN)."))
        rows, credits, evaluation_ids = self.get_siasn_rows(with_evaluations=True)
        if not rows:
            raise UserError(_("%s has no set result to send to SIASN.", self.name))
        Outbox = self.env["hr.asn.siasn.outbox"].sudo()
        keys = [row["idempotencyKey"] for row in (*rows, *credits)]
        present = set(Outbox.search([("company_id", "=", self.company_id.id),
                                     ("idempotency_key", "in", keys)]).mapped("idempotency_key"))
        labels = {"kinerja": _("Result"), "angka_kredit": _("Angka Kredit")}
        vals_list = []
        for record_type, records in (("kinerja", rows), ("angka_kredit", credits)):
            for row in records:
                if row["idempotencyKey"] in present:
                    continue
                present.add(row["idempotencyKey"])
                vals_list.append({
                    "name": "%s %s %s" % (labels[record_type], row["nipDinilai"], self.period_label),
                    "company_id": self.company_id.id, "period_id": self.id,
                    "evaluation_id": evaluation_ids.get(row["nipDinilai"]), "user_id": self.env.uid,
                    "record_type": record_type, "nip": row["nipDinilai"],
                    "idempotency_key": row["idempotencyKey"], "payload": row, "state": "pending",
                    "next_attempt": fields.Datetime.now(),
                })
        new = Outbox.create(vals_list)
        if not new:
            raise UserError(_("Every result of %s is in the SIASN outbox already, unchanged.", self.name))
        return new.with_env(self.env)._asn_queue_send()

    def action_open_siasn_outbox(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "name": _("SIASN Outbox"), "res_model": "hr.asn.siasn.outbox",
                "view_mode": "list,form", "domain": [("period_id", "=", self.id)]}

    # ------------------------------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------------------------------
    def _asn_siasn_results(self):
        """Plain data of the period's set results (as rules/siasn_export.result_row takes them) and
        {NIP: evaluation id}."""
        self.ensure_one()
        evaluations = self._asn_evaluations([("state", "in", SET_STATES), ("predikat", "!=", False)])
        penilai = evaluations.pejabat_penilai_id.sudo()
        golongan = {employee.id: employee.asn_golongan for employee in penilai}
        is_asn = {employee.id: bool(employee.asn_status) for employee in penilai}
        base_url = self.get_base_url()
        results, ids = [], {}
        for evaluation in evaluations:
            penilai_id = evaluation.pejabat_penilai_id.id
            grade = golongan.get(penilai_id) or ""
            results.append({
                "kind": evaluation.kind,
                "name": evaluation.employee_name or "",
                "nip": evaluation.employee_nip,
                "year": evaluation.year,
                "month_from": evaluation.date_from.month if evaluation.date_from else None,
                "month_to": evaluation.date_to.month if evaluation.date_to else None,
                "rating_hasil": evaluation.rating_hasil,
                "rating_perilaku": evaluation.rating_perilaku,
                "predikat": evaluation.predikat,
                "penilai_name": evaluation.penilai_name or evaluation.pejabat_penilai_official or "",
                "penilai_nip": evaluation.penilai_nip or "",
                "penilai_golongan": grade.removeprefix("pppk_"),
                "penilai_jabatan": evaluation.penilai_jabatan or evaluation.pejabat_penilai_official or "",
                "penilai_unit": evaluation.penilai_unit or "",
                # the head of region (Wali Kota, Bupati) assesses as an official, not as an ASN
                "penilai_is_asn": bool(penilai_id and is_asn.get(penilai_id)),
                "document": "%s%s" % (base_url, evaluation.access_url),
                "position_kind": evaluation.position_kind,
                "jenjang": evaluation.jenjang,
                "angka_kredit": evaluation.angka_kredit,
            })
            ids[evaluation.employee_nip] = evaluation.id
        return results, ids

    def get_siasn_rows(self, with_evaluations=False):
        """(result records, angka kredit records) of this period in SIASN's shape (rules/siasn_export.py)
        with the company's code table; BKPSDM only. A result that cannot be coded (no NIP) is a UserError
        naming the employee."""
        self.ensure_one()
        self._check_siasn_export()
        results, ids = self._asn_siasn_results()
        missing = [result["name"] for result in results if not result["nip"]]
        if missing:
            raise UserError(_("Set results of %(period)s without a NIP: %(names)s. Give these employees their NIP "
                              "before sending them to SIASN.", period=self.name, names=", ".join(missing[:20])))
        table = self.env["hr.asn.siasn.code"]._asn_table(self.company_id)
        try:
            rows, credits = siasn_export.build_rows(results, table)
        except ValueError as error:
            raise UserError(_("The results of %(period)s cannot be put in SIASN's shape: %(error)s",
                              period=self.name, error=error)) from None
        return (rows, credits, ids) if with_evaluations else (rows, credits)

    def _asn_siasn_meta(self):
        return {"period": self.period_label, "kind": self.kind, "year": self.year,
                "company": self.company_id.name,
                "source": "national_rules.md §8 (fields), §1 (rating codes); codes from the Pemda's SIASN table"}

    # ------------------------------------------------------------------------------------------
    # Job methods: one file per period, only its requester reads it
    # ------------------------------------------------------------------------------------------
    def _asn_job_export_siasn_csv(self):
        return self._asn_export_siasn("csv")

    def _asn_job_export_siasn_xlsx(self):
        return self._asn_export_siasn("xlsx")

    def _asn_job_export_siasn_json(self):
        return self._asn_export_siasn("json")

    def _asn_export_siasn(self, fmt):
        mimetype, extension = FORMATS[fmt]
        attachments = self.env["ir.attachment"]
        for period in self.with_context(lang=self.env.user.lang):
            rows, credits = period.get_siasn_rows()
            if fmt == "csv":
                content = siasn_export.to_csv(rows, credits).encode("utf-8-sig")
            elif fmt == "json":
                content = siasn_export.to_json(rows, credits, period._asn_siasn_meta()).encode()
            else:
                content = write_workbook(period._asn_siasn_sheets(rows, credits))
            attachments |= self.env["ir.attachment"].create({
                "name": "SIASN %s.%s" % (period.period_label, extension),
                "datas": base64.b64encode(content),
                "mimetype": mimetype,
                "res_model": self._name,
                "res_id": False,
            })
        return attachments

    def _asn_siasn_sheets(self, rows, credits):
        note = _("SIASN's fields as public implementations of its web service name them (national_rules.md §8, "
                 "not an official specification); the codes come from the Pemda's SIASN code table (defaults: "
                 "ratings 3/2/1 as e-Kinerja prints them, §1; kuadran codes assumed). Check them with BKN.")
        return [{
            "name": "Kinerja",
            "title": _("SIASN - RESULTS - %s", self.period_label),
            "notes": [note],
            "columns": [(name, name) for name in siasn_export.RESULT_COLUMNS],
            "rows": [[row[name] for name in siasn_export.RESULT_COLUMNS] for row in rows],
        }, {
            "name": "Angka Kredit",
            "title": _("SIASN - ANGKA KREDIT - %s", self.period_label),
            "notes": [note],
            "columns": [(name, name) for name in siasn_export.ANGKA_KREDIT_COLUMNS],
            "rows": [[row[name] for name in siasn_export.ANGKA_KREDIT_COLUMNS] for row in credits],
        }]
