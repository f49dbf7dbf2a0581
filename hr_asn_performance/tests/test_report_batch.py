"""Printing from a list (/report/pdf/.../13,14): several SKPs selected in the list print as one PDF, in the
order chosen, with any wkhtmltopdf (Debian's, built without patched Qt, refuses several documents in one run)."""
import io
import re

from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import HrAsnSkpCase

REPORT = "hr_asn_performance.report_skp"


# Not frozen in time: wkhtmltopdf fetches the report's assets from the test server, whose waits never end
# when freezegun stops its clock; nothing asserted here depends on the date (the SKP year is explicit).
@tagged("post_install", "-at_install")
class TestReportBatch(HttpCase, HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        staff = [key for key in cls.emp if key.startswith("S.")][:20]
        cls.skps = cls.Skp.browse([cls.make_skp(key).id for key in staff])

    def print_pdf(self, skps):
        """The PDF that ``/report/pdf/<report>/<ids>`` sends for ``skps``: a real wkhtmltopdf run, as the
        Admin BKPSDM of the test Pemda. Called here rather than through the URL: wkhtmltopdf fetches the
        report's assets from the test server, which serves one request at a time."""
        content, kind = self.env["ir.actions.report"].with_user(self.user_admin).with_context(
            force_report_rendering=True)._render_qweb_pdf(REPORT, skps.ids)
        self.assertEqual(kind, "pdf")
        return PdfFileReader(io.BytesIO(content))

    def page_texts(self, reader):
        return [" ".join(reader.getPage(number).extractText().split()) for number in range(reader.numPages)]

    def front_pages(self, pages):
        """Numbers of the pages that open an SKP (its title, not the Lampiran's)."""
        return [number for number, text in enumerate(pages)
                if "SASARAN KINERJA PEGAWAI" in text.replace("LAMPIRAN SASARAN KINERJA PEGAWAI", "")]

    def assertNames(self, text, name):
        self.assertRegex(text, r"(?<![\w.])%s(?![\w.])" % re.escape(name))

    def test_two_skps_print_as_one_pdf(self):
        alone = [self.page_texts(self.print_pdf(skp)) for skp in self.skps[:2]]
        together = self.page_texts(self.print_pdf(self.skps[:2]))
        self.assertEqual(together, alone[0] + alone[1], "each SKP whole, in the order selected")

    def test_twenty_skps_print_as_one_pdf(self):
        pages = self.page_texts(self.print_pdf(self.skps))
        fronts = self.front_pages(pages)
        self.assertEqual(len(fronts), 20, "one SKP per record")
        for skp, number in zip(self.skps, fronts, strict=True):
            self.assertNames(pages[number], skp.employee_id.name)
