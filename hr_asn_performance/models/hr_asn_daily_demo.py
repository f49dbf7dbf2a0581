import datetime
import io

from odoo import api, fields, models

DEMO = "hr_asn_performance.hr_asn_demo_"
# the demo logins whose units get a month of aktivitas harian and briefings (scripts/demo_logins.txt)
DEMO_LOGINS = ("bkpsdm", "admin_dinkes", "kadis_kesehatan", "kabid_yankes", "kasi_yankes", "pegawai", "lurah",
               "kabid_kesmas", "perawat")
# what a day's work reads like in a Perangkat Daerah, whatever its field (cycled, deterministic)
ACTIVITY_TEXTS = (
    "Menyusun draf laporan kegiatan minggu ini dan mengirimkannya kepada atasan langsung.",
    "Rapat koordinasi dengan tim untuk membagi tugas pelaksanaan kegiatan bulan ini.",
    "Memverifikasi data dan dokumen pendukung yang masuk dari unit pelaksana.",
    "Menginput dan memutakhirkan data kegiatan pada aplikasi pelaporan.",
    "Menyiapkan bahan paparan capaian kinerja untuk rapat pimpinan.",
    "Pendampingan teknis kepada petugas unit pelaksana di lapangan.",
    "Menindaklanjuti disposisi pimpinan dan menyiapkan konsep surat jawaban.",
    "Monitoring pelaksanaan kegiatan dan mencatat kendala yang ditemui.",
    "Menyusun notulen rapat dan daftar tindak lanjut hasil rapat.",
    "Mengolah rekapitulasi data bulanan dan memeriksa kelengkapannya.",
    "Konsultasi dengan bagian perencanaan tentang penyesuaian jadwal kegiatan.",
    "Mengarsipkan dokumen kegiatan dan bukti dukung secara elektronik.",
)
BRIEFING_TOPICS = (
    ("Rencana kerja pekan ini", "Pembagian tugas pekan ini dan tenggat laporan kegiatan."),
    ("Tindak lanjut rapat pimpinan", "Arahan pimpinan disampaikan; tiap seksi menyiapkan data pendukung."),
    ("Disiplin dan pelayanan", "Pengingat jam layanan, kerapian, dan penanganan keluhan masyarakat."),
    ("Pelaporan realisasi bulanan", "Realisasi bulan berjalan beserta bukti dukung dilengkapi tepat waktu."),
    ("Evaluasi kegiatan kemarin", "Kendala lapangan dibahas; disepakati perbaikan alur kerja."),
)
# every so many attendance lines of the month, somebody away with the reason the recap keeps (seed 002)
AWAY = (
    (11, "leave", "Cuti tahunan (surat izin cuti terlampir)"),
    (17, "sick", "Sakit, surat keterangan dokter"),
    (23, "duty", "Perjalanan dinas, Surat Perintah Tugas"),
    (41, "absent", False),
)


class HrAsnDailyDemo(models.AbstractModel):
    """A month of Kota Mekarsari's daily practice (issue 14 must-have 6), built on the day the demo loads."""

    _name = "hr.asn.daily.demo"
    _description = "Daily Practice Demo Loader"

    @api.model
    def _asn_demo_days(self, today):
        """The weekdays of the previous month (when it is in this year: the demo's SKP year) and of this month up
        to today: one whole month to print and recap, and the running one."""
        start = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1) if today.month > 1 \
            else today.replace(day=1)
        return [start + datetime.timedelta(days=n) for n in range((today - start).days + 1)
                if (start + datetime.timedelta(days=n)).weekday() < 5]

    @api.model
    def _asn_demo_load(self):
        """Aktivitas harian and briefings for the units of the demo logins, over ``_asn_demo_days``.

        - Aktivitas harian: every employee of those units with a set SKP logs one or two activities (1 to 4
          hours) each weekday for the IKI of their SKP in turn, every fifth with a scanned evidence file (a
          small PDF); days that already have activities (hr_asn_skp_daily_demo.xml) are left as they are.
          Written as the superuser (a past day, the months the leader has since reviewed). Then the real
          workflow: the employee submits everything but the last two days, their Pejabat Penilai Kinerja (or
          BKPSDM for an assessor without a login) accepts what is older than a week and comments on one.
          In a month the leader reviewed, the activities were accepted before the review closed it: stored
          accepted, by that leader, the day after.
        - Briefings: each of those units with a head and people of its own holds one every weekday morning but
          today, led by the head (as their login when they have one), topic and notes from a short list; the
          attendance is the unit's people (``_asn_fill_attendance``), with somebody on leave, sick or on official
          travel (present with a note) or absent every few lines, so that the monthly recap has something to show.

        Deterministic; never after today. Skipped when the units already have briefings (it loads once)."""
        bkpsdm = self.env.ref(DEMO + "user_bkpsdm")
        loader = self.sudo().with_context(lang=bkpsdm.lang or self.env.lang, mail_create_nolog=True,
                                          tracking_disable=True)
        today = fields.Date.context_today(loader)
        users = [loader.env.ref(DEMO + "user_" + login, raise_if_not_found=False) for login in DEMO_LOGINS]
        units = loader.env["hr.employee"].search([("user_id", "in", [u.id for u in users if u])]).department_id
        if not units or loader.env["hr.asn.briefing"].search_count([("unit_id", "in", units.ids)], limit=1):
            return False
        days = self._asn_demo_days(today)
        loader._asn_demo_activities(units, days, today, bkpsdm)
        loader._asn_demo_briefings(units, [day for day in days if day < today])
        return True

    @api.model
    def _asn_demo_activities(self, units, days, today, bkpsdm):
        Activity = self.env["hr.asn.skp.activity"]
        skps = self.env["hr.asn.skp"].search([("state", "=", "set"), ("employee_id.department_id", "in", units.ids),
                                              ("date_from", "<=", today), ("date_to", ">=", days[0])],
                                             order="employee_id, id")
        logged = {(a.employee_id.id, a.date) for a in Activity.search([("employee_id", "in", skps.employee_id.ids)])}
        vals_list, counter = [], 0
        for person, skp in enumerate(skps):
            ikis = skp.iki_ids.filtered(lambda iki: not iki.rhk_id.taken_over).sorted(lambda iki: (iki.rhk_id.sequence,
                                                                                                  iki.sequence, iki.id))
            if not ikis:
                continue
            for number, day in enumerate(days):
                if not (skp.date_from <= day <= skp.date_to) or (skp.employee_id.id, day) in logged:
                    continue
                for slot in range(1 + (number + person) % 2):
                    counter += 1
                    vals_list.append({
                        "skp_id": skp.id, "iki_id": ikis[(number + slot + person) % len(ikis)].id, "date": day,
                        "duration": (1.5, 2.0, 3.0, 4.0, 2.5)[(counter + person) % 5],
                        "name": ACTIVITY_TEXTS[(counter + 3 * person) % len(ACTIVITY_TEXTS)],
                    })
        activities = Activity.create(vals_list)
        self._asn_demo_evidence(activities[4::5])
        recent = today - datetime.timedelta(days=7)
        closed = activities.filtered(lambda a: a.month_id.state == "reviewed")
        for month, group in closed.grouped("month_id").items():
            group.write({"state": "accepted", "reviewed_by_id": (month.reviewed_by_id or bkpsdm).id,
                         "review_date": min(month.review_date or today, max(group.mapped("date"))
                                            + datetime.timedelta(days=1))})
        last_two = set(days[-2:])
        to_submit = (activities - closed).filtered(lambda a: a.date not in last_two)
        for skp, group in to_submit.grouped("skp_id").items():
            user = skp.employee_id.user_id
            (group.with_user(user) if user else group).action_submit()
        to_review = to_submit.filtered(lambda a: a.date < recent)
        commented = to_review[-1:]
        for skp, group in (to_review - commented).grouped("skp_id").items():
            leader = skp.pejabat_penilai_id.user_id or skp.employee_id.pejabat_penilai_id.user_id or bkpsdm
            group.with_user(leader).action_accept()
        if commented:
            skp = commented.skp_id
            leader = skp.pejabat_penilai_id.user_id or skp.employee_id.pejabat_penilai_id.user_id or bkpsdm
            commented.with_user(leader).action_comment("Lengkapi dengan foto kegiatan atau daftar hadir sebagai bukti.")
        return activities

    @api.model
    def _asn_demo_evidence(self, activities):
        """A one-page PDF as the evidence of each of ``activities`` (a scanned attendance list)."""
        self._asn_demo_attach(activities, [
            ("bukti_%s.pdf" % activity.date.isoformat(), "Daftar hadir / dokumentasi kegiatan",
             "%s, %s" % (activity.employee_id.name, activity.date.isoformat()))
            for activity in activities
        ])

    @api.model
    def _asn_demo_month_evidence(self, lines):
        """The bukti dukung of the realisasi of month ``lines`` (Pasal 16): a one-page PDF each, attached before
        the month is reported (the demo XML calls it for the lines it gave a realisasi)."""
        lines = lines.filtered("realisasi")
        self._asn_demo_attach(lines, [
            ("bukti_dukung_%s_%02d.pdf" % (line.skp_id.employee_id.nip or line.skp_id.id,
                                           line.month_id.month),
             "Bukti dukung realisasi: %s" % line.month_id.name,
             "%s: %s" % (line.skp_id.employee_id.name, (line.iki_id.name or "")[:80]))
            for line in lines
        ])

    @api.model
    def _asn_demo_attach(self, records, pages):
        """Attach to each of ``records`` a one-page PDF from ``pages``: (file name, title, subtitle) each."""
        from reportlab.pdfgen import canvas

        attachments = []
        for record, (name, title, subtitle) in zip(records, pages, strict=True):
            buffer = io.BytesIO()
            page = canvas.Canvas(buffer)
            page.drawString(72, 770, title)
            page.drawString(72, 750, subtitle)
            page.save()
            attachments.append({"name": name, "raw": buffer.getvalue(), "res_model": record._name,
                                "res_id": record.id, "mimetype": "application/pdf"})
        created = self.env["ir.attachment"].create(attachments)
        for record, attachment in zip(records, created, strict=True):
            record.attachment_ids = attachment

    @api.model
    def _asn_demo_briefings(self, units, days):
        Briefing = self.env["hr.asn.briefing"]
        briefings = Briefing.browse()
        staffed = self.env["hr.employee"].search([("department_id", "in", units.ids), ("asn_status", "!=", False)])
        for unit in units.filtered("manager_id").sorted("id"):
            head = unit.manager_id
            if not staffed.filtered(lambda person, u=unit: person.department_id == u and person != u.manager_id):
                continue  # nobody to take the attendance of (a Kepala Dinas' own unit holds only the head)
            vals_list = [{"unit_id": unit.id, "date": day, "leader_id": head.id,
                          "topic": BRIEFING_TOPICS[number % len(BRIEFING_TOPICS)][0],
                          "notes": BRIEFING_TOPICS[number % len(BRIEFING_TOPICS)][1]}
                         for number, day in enumerate(days)]
            maker = Briefing.with_user(head.user_id) if head.user_id else Briefing
            briefings |= maker.create(vals_list).sudo()
        lines = briefings.attendance_ids.sorted(lambda line: (line.briefing_id.date, line.unit_id.id, line.id))
        for number, line in enumerate(lines, start=1):
            for every, status, note in AWAY:
                if number % every == 0:
                    line.write({"status": status, "note": note})
                    break
        return briefings
