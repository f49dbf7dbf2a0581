# Batch printing in a file of its own beside the evaluation model (issue 11 lays the work out so):
# pylint: disable=consider-merging-classes-inherited
import base64

from odoo import _, models
from odoo.exceptions import UserError
from odoo.tools import pdf

from .hr_asn_evaluation import HrAsnEvaluation as _BaseEvaluation

REPORT = "hr_asn_evaluation.hr_asn_evaluation_report"
# Marks the PDF of one batch of a print job, merged into one document when the job finishes.
PART_DESCRIPTION = "hr_asn_evaluation: part of a batch print"
PRINT_BATCH_SIZE = 50


class HrAsnEvaluation(models.Model):
    """Batch printing of the evaluation documents (issue 11 items 6 and 14): a whole team, Perangkat Daerah
    or period as one PDF, rendered in the background with the suite's job mechanism (hr.asn.job): each batch
    renders its documents into a part, the job's finish hook merges the parts, in order, into one PDF that
    the job offers for download. The job runs as the user who queued it: it prints what they may read."""

    _inherit = "hr.asn.evaluation"

    _asn_job_methods = frozenset(getattr(_BaseEvaluation, "_asn_job_methods", ())) | {"_asn_job_print"}

    def action_print_job(self):
        """Button: print these evaluations as one PDF in a background job; the user is told when it is ready
        (the job's message and notification) and downloads it from the job."""
        if not self:
            raise UserError(_("Select the evaluations to print."))
        self.check_access("read")
        job = self._asn_print_in_background()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "title": job.name,
                "message": _("The documents are printed in the background (%s). You are told when the PDF is "
                             "ready; download it from the job.", len(self)),
                "sticky": False,
                "next": {"type": "ir.actions.act_window", "res_model": "hr.asn.job", "res_id": job.id,
                         "views": [[False, "form"]]},
            },
        }

    def _asn_print_in_background(self, name=None, batch_size=PRINT_BATCH_SIZE):
        """Queue the print job of these evaluations, sorted as a Perangkat Daerah files them (Perangkat
        Daerah, Pejabat Penilai Kinerja, employee); returns the hr.asn.job."""
        ordered = self.sorted(lambda e: (e.sudo().opd_id.name or "", e.sudo().team_id.penilai_name or "",
                                         e.employee_name or "", e.id))
        labels = sorted(set(ordered.mapped("period_label")))
        name = name or _("Print of %(count)s evaluations %(periods)s", count=len(ordered),
                         periods=", ".join(label for label in labels if label))
        return self.env["hr.asn.job"]._asn_enqueue(ordered, "_asn_job_print", name, batch_size=batch_size)

    def _asn_job_print(self):
        """One batch of a print job: the documents of these evaluations as one PDF part (an attachment the
        job links to itself)."""
        content, _kind = self.env["ir.actions.report"]._render_qweb_pdf(REPORT, self.ids)
        return self.env["ir.attachment"].sudo().create({
            "name": "evaluasi-%s-%s.pdf" % (self[:1].id, self[-1:].id),
            "raw": content,
            "mimetype": "application/pdf",
            "description": PART_DESCRIPTION,
        })

    def _asn_job_finish(self, job):
        """After the last batch of a print job: merge its parts, in the order of the batches, into one PDF;
        the parts are removed. Jobs of other methods of this model go on to any other finish hook."""
        if job.method != "_asn_job_print":
            finish = getattr(super(), "_asn_job_finish", None)
            return finish(job) if finish else None
        Attachment = self.env["ir.attachment"].sudo()
        parts = Attachment.search([("res_model", "=", job._name), ("res_id", "=", job.id),
                                   ("description", "=", PART_DESCRIPTION)], order="id")
        if not parts:
            return None
        contents = [part.raw for part in parts]
        merged = contents[0] if len(contents) == 1 else pdf.merge_pdf(contents)
        periods = sorted(set(label for label in self.mapped("period_label") if label))
        document = Attachment.create({
            "name": "%s.pdf" % (_("Evaluasi Kinerja Pegawai %s", " ".join(periods)).strip()),
            "datas": base64.b64encode(merged),
            "mimetype": "application/pdf",
            "res_model": job._name,
            "res_id": job.id,
        })
        parts.unlink()
        return document
