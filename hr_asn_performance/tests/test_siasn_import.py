"""Import of the organisation from SIASN-shaped data (issue 14, item 4), through the wizard as BKPSDM."""
import base64
import csv
import io

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import HrAsnSkpCase

HEADER = ("NIP", "NAMA", "STATUS", "GOLONGAN", "JABATAN", "JENIS JABATAN", "UNOR")
KIND_LABELS = {"jpt": "JPT", "administrator": "Administrator", "pengawas": "Pengawas", "pelaksana": "Pelaksana",
               "fungsional": "Fungsional"}
DINAS = ("H.dinas", "H.dsek", "S.dsek", "H.dsub", "S.dsub", "H.dbid", "S.dbid", "H.dseksi", "S.dseksi")


@tagged("post_install", "-at_install")
class TestSiasnImport(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for key, unit in cls.units.items():
            unit.asn_unor_code = "U-%s" % key
        cls.Import = cls.env["hr.asn.siasn.import"].with_user(cls.user_admin)
        cls.new_nip = cls.make_nip(777)

    # ------------------------------------------------------------------ helpers
    def row(self, key, **changes):
        """The SIASN row of ``self.emp[key]`` as the database holds it, with ``changes``."""
        employee = self.emp[key]
        values = {"nip": employee.nip, "name": employee.name, "status": (employee.asn_status or "").upper(),
                  "golongan": (employee.asn_golongan or "").removeprefix("pppk_"), "jabatan": employee.job_title or "",
                  "kind": KIND_LABELS.get(employee.asn_position_kind, ""),
                  "unor": employee.department_id.asn_unor_code}
        values.update(changes)
        return [values[key] for key in ("nip", "name", "status", "golongan", "jabatan", "kind", "unor")]

    def dinas_rows(self, **changes_by_key):
        return [self.row(key, **changes_by_key.get(key, {})) for key in DINAS]

    @staticmethod
    def csv_file(rows, header=HEADER, encoding="utf-8", delimiter=";"):
        stream = io.StringIO()
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
        return base64.b64encode(stream.getvalue().encode(encoding))

    def preview(self, rows=None, file=None):
        wizard = self.Import.create({"file": file or self.csv_file(rows), "filename": "siasn.csv"})
        wizard.action_preview()
        return wizard

    def counts(self, wizard):
        return {kind: wizard["count_%s" % kind]
                for kind in ("new", "moved", "promoted", "changed", "unchanged", "rejected")}

    def line(self, wizard, nip):
        return wizard.line_ids.filtered(lambda line: line.nip == nip)

    def changing_rows(self):
        """Mutation of the staff of the Seksi to the Sub Bagian, a new jabatan for the Kepala Seksi, a
        golongan up for the staff of the Sub Bagian, a new CPNS in the Seksi; the rest as it is."""
        return self.dinas_rows(**{
            "S.dseksi": {"unor": "U-dsub"},
            "H.dseksi": {"jabatan": "Kepala Seksi Pelayanan Kesehatan"},
            "S.dsub": {"golongan": "II/d"},
        }) + [[self.new_nip, "Rina Oktaviani", "CPNS", "II/a", "Pengadministrasi Perkantoran", "Pelaksana",
               "U-dseksi"]]

    # ------------------------------------------------------------------ tests
    def test_import_moves_promotes_and_creates_through_the_mutation_flow(self):
        with freeze_time("2026-01-10"):
            skp = self.make_staff_skp()
        with freeze_time("2026-06-15"):
            wizard = self.preview(self.changing_rows())
            self.assertEqual(self.counts(wizard), {"new": 1, "moved": 1, "promoted": 2, "changed": 0,
                                                   "unchanged": 6, "rejected": 0})
            moved = self.line(wizard, self.emp["S.dseksi"].nip)
            self.assertEqual(moved.kind, "moved")
            self.assertIn("Unit dseksi → ", moved.changes)
            self.assertIn("Unit dsub", moved.changes)
            self.assertEqual(self.emp["S.dseksi"].department_id, self.units["dseksi"], "a preview writes nothing")
            wizard.invalidate_recordset()
            self.assertEqual(wizard.line_ids[:1].kind, "new", "the preview lists what changes first")
            wizard.action_apply()
        self.assertEqual(wizard.state, "done")
        staff, kasi = self.emp["S.dseksi"], self.emp["H.dseksi"]
        self.assertEqual(staff.department_id, self.units["dsub"])
        self.assertAssessors(staff, "H.dsub", "H.dsek")
        self.assertEqual((skp.state, skp.closing_reason, skp.date_to.isoformat()), ("closed", "mutation", "2026-06-14"))
        self.assertEqual((skp.next_ids.state, skp.next_ids.department_id), ("draft", self.units["dsub"]))
        self.assertEqual(skp.next_ids.pejabat_penilai_id, self.emp["H.dsub"])
        self.assertEqual(kasi.job_title, "Kepala Seksi Pelayanan Kesehatan")
        self.assertEqual((self.kasi.state, self.kasi.closing_reason), ("closed", "promotion"))
        self.assertEqual(self.kasi.next_ids.employee_jabatan, "Kepala Seksi Pelayanan Kesehatan")
        self.assertEqual(self.emp["S.dsub"].asn_golongan, "II/d")
        new = self.env["hr.employee"].search([("nip", "=", self.new_nip), ("company_id", "=", self.company.id)])
        self.assertEqual((new.name, new.asn_status, new.asn_golongan, new.asn_position_kind, new.department_id),
                         ("Rina Oktaviani", "cpns", "II/a", "pelaksana", self.units["dseksi"]))
        self.assertAssessors(new, "H.dseksi", "H.dbid")

    def test_same_file_twice_changes_nothing(self):
        rows = self.changing_rows()
        with freeze_time("2026-06-15"):
            self.preview(rows).action_apply()
            self.env.cr.precommit.run()  # tracking messages
            messages = self.env["mail.message"].search_count([("model", "=", "hr.employee")])
            skps = self.env["hr.asn.skp"].search_count([])
            second = self.preview(rows)
            self.assertEqual(self.counts(second), {"new": 0, "moved": 0, "promoted": 0, "changed": 0,
                                                   "unchanged": 10, "rejected": 0})
            second.action_apply()
            self.env.cr.precommit.run()
        self.assertEqual(self.env["mail.message"].search_count([("model", "=", "hr.employee")]), messages)
        self.assertEqual(self.env["hr.asn.skp"].search_count([]), skps)
        self.assertEqual(self.env["hr.employee"].search_count([("nip", "=", self.new_nip)]), 1)

    def test_rejected_rows_stop_the_whole_file(self):
        rows = self.changing_rows()
        for key, change in (("S.dbid", {"unor": "X-99"}), ("S.dsek", {"status": "Honorer"}),
                            ("H.dsek", {"name": "x" * 201})):
            rows[DINAS.index(key)] = self.row(key, **change)
        rows += [["12345", "Budi", "PNS", "III/a", "Analis", "Pelaksana", "U-dseksi"],
                 [self.make_nip(778), "Siti", "PPPK", "IX", "Perawat", "Fungsional", "U-dseksi"]]
        with freeze_time("2026-06-15"):
            wizard = self.preview(rows)
            self.assertEqual(wizard.count_rejected, 5)
            reasons = {line.nip: line.reason for line in wizard.line_ids.filtered(lambda line: line.kind == "rejected")}
            self.assertIn("no unit has the SIASN unor code X-99", reasons[self.emp["S.dbid"].nip])
            self.assertIn("The NIP 12345 of Budi is not valid: a NIP has 18 digits, this one has 5", reasons["12345"])
            self.assertIn("status Honorer is not PNS, CPNS or PPPK", reasons[self.emp["S.dsek"].nip])
            self.assertIn("is the PNS form, which does not fit status PPPK", reasons[self.make_nip(778)])
            self.assertIn("NAMA is too long: 201 characters, at most 200", reasons[self.emp["H.dsek"].nip])
            with self.assertRefused(UserError, "5 rows are rejected"):
                wizard.action_apply()
        self.assertEqual(self.emp["S.dseksi"].department_id, self.units["dseksi"])
        self.assertEqual(self.emp["S.dsub"].asn_golongan, "II/c")
        self.assertFalse(self.env["hr.employee"].search([("nip", "=", self.new_nip)]))

    def test_duplicate_nip_in_the_file(self):
        rows = self.dinas_rows() + [self.row("S.dseksi", unor="U-dsub")]
        wizard = self.preview(rows)
        self.assertEqual(wizard.count_rejected, 2)
        self.assertIn("is also on line 11 of the file", self.line(wizard, self.emp["S.dseksi"].nip)[0].reason)

    def test_organisation_changed_since_preview_writes_nothing(self):
        with freeze_time("2026-06-15"):
            wizard = self.preview(self.changing_rows())
            self.emp["S.dseksi"].department_id = self.units["dbid"]  # somebody moved her meanwhile
            with self.assertRefused(UserError, "changed since the preview"):
                wizard.action_apply()
        self.assertEqual(self.emp["S.dseksi"].department_id, self.units["dbid"])
        self.assertEqual(self.emp["S.dsub"].asn_golongan, "II/c")

    def test_encodings(self):
        rows = self.dinas_rows(**{"S.dseksi": {"name": "Désirée Ng"}})
        with self.assertRefused(UserError, "The file is not UTF-8 text (byte 0xe9 at position"):
            self.preview(file=self.csv_file(rows, encoding="latin-1"))
        with self.assertRefused(UserError, "UTF-16 text without its byte order mark"):
            self.preview(file=self.csv_file(rows, encoding="utf-16-le"))
        for encoding in ("utf-8-sig", "utf-16"):
            wizard = self.preview(file=self.csv_file(rows, encoding=encoding, delimiter="\t"))
            self.assertEqual((wizard.count_changed, wizard.count_rejected), (1, 0), encoding)
            self.assertIn("Désirée Ng", self.line(wizard, self.emp["S.dseksi"].nip).changes)

    def test_malformed_and_too_large_files(self):
        with self.assertRefused(UserError, "lacks the column(s) GOLONGAN, JABATAN, JENIS JABATAN, UNOR"):
            self.preview(file=self.csv_file([["1", "A", "PNS"]], header=["NIP", "NAMA", "STATUS"]))
        with self.assertRefused(UserError, "old Excel workbook (.xls)"):
            self.preview(file=base64.b64encode(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100))
        with self.assertRefused(UserError, "cannot be read as CSV or XLSX"):
            self.preview(file=base64.b64encode(b"PK\x03\x04garbage"))
        with self.assertRefused(UserError, "The file is empty"):
            self.preview(file=base64.b64encode(b"\n"))
        with self.assertRefused(UserError, "more than 25000 rows"):
            self.preview(self.dinas_rows() * 5556)  # 50,004 rows

    def test_xlsx(self):
        import openpyxl

        book = openpyxl.Workbook()
        book.active.append(HEADER)
        for row in self.dinas_rows(**{"S.dseksi": {"unor": "U-dsub"}}):
            book.active.append(row)
        book.active.append([int(self.new_nip), "Rina", "CPNS", "II/a", "Analis", "Pelaksana", "U-dseksi"])
        stream = io.BytesIO()
        book.save(stream)
        wizard = self.preview(file=base64.b64encode(stream.getvalue()))
        self.assertEqual((wizard.count_moved, wizard.count_unchanged, wizard.count_rejected), (1, 8, 1))
        self.assertIn("stored as a number", wizard.line_ids.filtered(lambda line: line.kind == "rejected").reason)

    def test_only_bkpsdm_imports(self):
        file = self.csv_file(self.dinas_rows())
        for user in (self.user_admin_opd, self.user_penilai, self.user_pegawai):
            with self.assertRaises(AccessError):
                self.env["hr.asn.siasn.import"].with_user(user).create({"file": file})
        wizard = self.preview(self.dinas_rows())
        with self.assertRaises(AccessError):
            wizard.with_user(self.user_admin_opd).action_preview()

    def test_unor_code_unique_per_pemda(self):
        with self.assertRefused(Exception, "asn_unor_code_company_uniq"), self.cr.savepoint(), \
                mute_logger("odoo.sql_db"):
            self.units["dsub"].asn_unor_code = "U-dseksi"
            self.env.flush_all()
        with self.assertRefused(Exception, "at most 64 characters"):
            self.units["dsub"].asn_unor_code = "U" * 65

    def test_preview_queries_do_not_grow_with_the_rows(self):
        """A set operation: the employees by NIP, the units with a code, the lines in one create."""
        def queries(rows):
            wizard = self.Import.create({"file": self.csv_file(rows)})
            self.env.flush_all()
            start = self.cr.sql_log_count
            wizard.action_preview()
            self.env.flush_all()
            return self.cr.sql_log_count - start, len(wizard.line_ids)

        queries([self.row("S.dseksi")])  # warm the caches (field labels, selections, access rules)
        few = queries([self.row(key, golongan="III/a") for key in DINAS[:3]])
        many = queries([self.row(key, golongan="III/a") for key in self.emp])
        self.assertGreater(many[1], 10 * few[1])
        # Odoo inserts the lines 100 at a time (models.INSERT_BATCH_SIZE): one INSERT more per 100 lines
        self.assertEqual(many[0], few[0] + (many[1] - 1) // 100)
