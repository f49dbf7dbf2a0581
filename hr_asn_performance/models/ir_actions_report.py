import functools
import logging
import subprocess

from odoo import api, models
from odoo.tools import pdf

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)


@functools.cache
def _wkhtmltopdf_takes_several_documents():
    """Only a wkhtmltopdf built against its patched Qt renders several input documents at once; the
    build Debian ships refuses them ("does not support more than one input document", exit 1)."""
    try:
        version = subprocess.run([_get_wkhtmltopdf_bin(), "--version"], capture_output=True, text=True,
                                 timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return True  # Odoo itself reports a missing or broken binary
    return "patched qt" in version.lower()


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def _run_wkhtmltopdf(self, bodies, report_ref=False, header=None, footer=None, landscape=False,
                         specific_paperformat_args=None, set_viewport_size=False):
        """Print from a list (several SKPs, several 360 results) with any wkhtmltopdf: without patched
        Qt each record is rendered alone and the PDFs are merged, in order, into one document."""
        if len(bodies) < 2 or _wkhtmltopdf_takes_several_documents():
            return super()._run_wkhtmltopdf(bodies, report_ref=report_ref, header=header, footer=footer,
                                            landscape=landscape, specific_paperformat_args=specific_paperformat_args,
                                            set_viewport_size=set_viewport_size)
        _logger.info("wkhtmltopdf without patched Qt: rendering %d documents one by one", len(bodies))
        return pdf.merge_pdf([
            super(IrActionsReport, self)._run_wkhtmltopdf(
                [body], report_ref=report_ref, header=header, footer=footer, landscape=landscape,
                specific_paperformat_args=specific_paperformat_args, set_viewport_size=set_viewport_size)
            for body in bodies
        ])
