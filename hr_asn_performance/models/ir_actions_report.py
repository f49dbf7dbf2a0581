import functools
import logging
import re
import subprocess

import lxml.html

from odoo import api, models
from odoo.tools import pdf

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)

# Reports whose pages run no script of their own (issue 13: one SKP's PDF took 2.5 s, of which 2 s were
# waits): wkhtmltopdf prints them without Odoo's --javascript-delay (report.print_delay, 1000 ms unless set),
# which it waits on the body and again on the header and the footer; the footer's page numbers are filled
# by Odoo's subst() on load, which wkhtmltopdf waits for anyway. Their footer has inline styles only (see
# report_asn_footer), so it is printed without the report's stylesheets, which wkhtmltopdf would fetch and
# parse for it; an empty header (these reports have none) is not printed at all.
LIGHT_REPORTS = frozenset({"hr_asn_performance.report_skp", "hr_asn_performance.report_skp_month"})
STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>")
# What the stylesheets gave the footer page (Bootstrap's container and reboot, Odoo's reset), measured to
# print the same footer, pixel for pixel, with the report's paper format.
LIGHT_FOOTER_STYLE = ("<style>body { margin: 0; padding: 0 16px; line-height: 1.5; font-size: 1rem; } "
                      "td { padding: 0; }</style>")


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


def _is_empty_header(header):
    """Whether Odoo's header page holds no header (``minimal_layout_report_headers`` empty)."""
    if not header:
        return True
    nodes = lxml.html.fromstring(header).xpath("//div[@id='minimal_layout_report_headers']")
    return bool(nodes) and not len(nodes[0]) and not (nodes[0].text or "").strip()


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _build_wkhtmltopdf_args(self, paperformat_id, landscape, specific_paperformat_args=None,
                                set_viewport_size=False):
        args = super()._build_wkhtmltopdf_args(paperformat_id, landscape,
                                               specific_paperformat_args=specific_paperformat_args,
                                               set_viewport_size=set_viewport_size)
        if self._asn_is_light() and "--javascript-delay" in args:
            args[args.index("--javascript-delay") + 1] = "0"
        return args

    def _asn_is_light(self):
        return len(self) == 1 and self.sudo().report_name in LIGHT_REPORTS

    @api.model
    def _run_wkhtmltopdf(self, bodies, report_ref=False, header=None, footer=None, landscape=False,
                         specific_paperformat_args=None, set_viewport_size=False):
        """Print from a list (several SKPs, several 360 results) with any wkhtmltopdf: without patched
        Qt each record is rendered alone and the PDFs are merged, in order, into one document. The reports
        of LIGHT_REPORTS are printed by their own record (whose wkhtmltopdf arguments have no script delay),
        without an empty header and with a footer free of stylesheets."""
        printer = self
        report = self._get_report(report_ref) if report_ref else self
        if report._asn_is_light():
            printer = report.with_env(self.env)
            header = None if _is_empty_header(header) else header
            if footer:
                footer = STYLESHEET.sub("", footer).replace("<head>", "<head>" + LIGHT_FOOTER_STYLE, 1)
        if len(bodies) < 2 or _wkhtmltopdf_takes_several_documents():
            return super(IrActionsReport, printer)._run_wkhtmltopdf(
                bodies, report_ref=report_ref, header=header, footer=footer, landscape=landscape,
                specific_paperformat_args=specific_paperformat_args, set_viewport_size=set_viewport_size)
        _logger.info("wkhtmltopdf without patched Qt: rendering %d documents one by one", len(bodies))
        return pdf.merge_pdf([
            super(IrActionsReport, printer)._run_wkhtmltopdf(
                [body], report_ref=report_ref, header=header, footer=footer, landscape=landscape,
                specific_paperformat_args=specific_paperformat_args, set_viewport_size=set_viewport_size)
            for body in bodies
        ])
