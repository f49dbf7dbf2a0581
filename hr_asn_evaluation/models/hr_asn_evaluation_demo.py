import datetime
import itertools

from odoo import Command, api, fields, models

from ..rules import evaluation as rules

DEMO = "hr_asn_performance.hr_asn_demo_"
# Predikat the demo hands out, best first (Sangat Kurang is left to the tests: nobody in the demo city).
DEMO_PREDIKATS = ("sangat_baik", "baik", "butuh_perbaikan", "kurang")
# (rating hasil kerja, rating perilaku kerja) tried per predikat, first the plain one (national_rules.md §2)
RATING_CHOICES = {
    "sangat_baik": (("diatas", "diatas"),),
    "baik": (("sesuai", "sesuai"), ("diatas", "sesuai"), ("sesuai", "diatas")),
    "butuh_perbaikan": (("dibawah", "sesuai"), ("dibawah", "diatas")),
    "kurang": (("sesuai", "dibawah"), ("diatas", "dibawah")),
    "sangat_kurang": (("dibawah", "dibawah"),),
}
NOTES = {
    "sangat_baik": ("Seluruh IKI tercapai melampaui target dengan bukti dukung lengkap; perilaku kerja menjadi "
                    "teladan tim.", "Diusulkan masuk kelompok rencana suksesi dan pengembangan kompetensi "
                    "(Pasal 32)."),
    "baik": ("IKI tercapai sesuai target dan dilaporkan tepat waktu.",
             "Pertahankan konsistensi pelaporan realisasi beserta bukti dukung."),
    "butuh_perbaikan": ("Sebagian IKI belum mencapai target bulan ini; bukti dukung belum lengkap.",
                        "Bimbingan kinerja bersama Pejabat Penilai setiap dua minggu dan rencana perbaikan "
                        "untuk bulan berikutnya."),
    "kurang": ("Target tercapai, namun perilaku kerja belum sesuai ekspektasi (ketepatan waktu, kolaborasi).",
               "Konseling kinerja dan pemantauan perilaku kerja oleh Pejabat Penilai."),
    "sangat_kurang": ("Target dan perilaku kerja di bawah ekspektasi.", "Konseling kinerja (Pasal 34)."),
}
# Dinas Kesehatan's criteria scores per month, by age (0 = the month just over); cycled further back
DINKES_SCORES = (
    {"rencana_aksi": 86.0, "iku": 80.0, "penyerapan_anggaran": 78.5, "p3dn": 82.0},   # 81.95 Baik
    {"rencana_aksi": 84.0, "iku": 82.0, "penyerapan_anggaran": 80.0, "p3dn": 85.0},   # 82.3 Baik
    {"rencana_aksi": 88.0, "iku": 85.0, "penyerapan_anggaran": 76.0, "p3dn": 80.0},   # 82.1 Baik
    {"rencana_aksi": 95.0, "iku": 92.0, "penyerapan_anggaran": 90.0, "p3dn": 88.0},   # 92 Istimewa
    {"rencana_aksi": 80.0, "iku": 78.0, "penyerapan_anggaran": 74.0, "p3dn": 80.0},   # 77.4 Baik
)
DINKES_YEAR_SCORES = {"rencana_aksi": 90.0, "iku": 86.0, "penyerapan_anggaran": 88.5, "p3dn": 84.0}  # 88.4 Baik


class HrAsnEvaluationDemo(models.AbstractModel):
    """The evaluation demo of Kota Mekarsari (demo/hr_asn_evaluation_demo.xml), built on today's date."""

    _name = "hr.asn.evaluation.demo"
    _description = "Evaluation Demo Loader"

    @api.model
    def _asn_demo_load(self):
        """Run the real workflow of a closed previous year and of this year's months that are over.

        - Previous year (today's year - 1): an SKP for each member of the demo teams, copied from this
          year's (RHK cascaded to the assessor's copy), submitted, set and closed at the end of the year
          (hr.asn.skp action_submit / action_set / _asn_close, as the superuser); its twelve months
          evaluated as below, then its annual evaluations (the roll-up of those months proposed, the
          Pejabat Penilai deciding) rated, set, received and reported (dilaporkan) in January.
        - Each month (the previous year's, then this year's that are over): the capaian kinerja
          organisasi set by BKPSDM (Dinas Kesehatan computed from scored criteria, the other Perangkat
          Daerah by hand with a basis), the teams and evaluations generated, the ratings written as each
          team's Pejabat Penilai Kinerja (BKPSDM for the Wali Kota and for assessors without a login) with
          predikat that follow the pola distribusi, the teams set, received as the employee, reported by
          BKPSDM.
        - The story of the last months ("last month" = the month just over):
          two months before last, kabid.yankes' keberatan rejected by BKPSDM (for the Wali Kota);
          the month before last, pegawai's keberatan upheld by kabid.yankes, her team not reported yet
          (one member has not signed);
          last month, kasi.yankes' team waits for kasi.yankes (pegawai draft, the other one dinilai), the
          Kepala Dinas' team for kadis.kesehatan (draft), kabid.yankes set his team against the curve with
          a justification, kasi.yankes objected and kadis.kesehatan has that keberatan to decide, lurah has
          his evaluation to sign, the small teams are received;
          the Wali Kota's team of the last two months is rated by BKPSDM but not set (late).
        - Every period ranked (Pasal 31); TPP percentage and angka kredit follow from the set predikat.

        Deterministic (no randomness); dates are moved back to where a real year has them, never after
        today. In January "last month" is the previous December and the annual evaluations wait to be
        rated (generated, draft). Skipped when the Pemda already has evaluation periods (it loads once).
        The chatter speaks the demo users' language (Indonesian), without a "created" note per record."""
        bkpsdm = self.env.ref(DEMO + "user_bkpsdm")
        loader = self.with_context(lang=bkpsdm.lang or self.env.lang, mail_create_nolog=True)
        env = loader.env
        today = fields.Date.context_today(loader)
        company = env.ref("base.main_company")
        Period = env["hr.asn.evaluation.period"].sudo()
        if Period.search_count([("company_id", "=", company.id)], limit=1):
            return False
        demo = {
            "today": today,
            "users": {login: env.ref(DEMO + "user_" + login.replace(".", "_")) for login in (
                "bkpsdm", "kadis.kesehatan", "kabid.yankes", "kasi.yankes", "pegawai", "lurah")},
            "dinkes": env.ref(DEMO + "dept_dinkes"),
            "kuadran": env["hr.asn.kuadran"].sudo()._asn_table(company),
            "curve": env["hr.asn.curve.rule"].sudo()._asn_table(company) or rules.DEFAULT_CURVE,
        }
        loader._asn_demo_previous_skps(company, today.year - 1, bkpsdm)
        # every month of the previous year, then its annual evaluation, then this year's months that are over
        months = [(today.year - 1, month) for month in range(1, 13)]
        months += [(today.year, month) for month in range(1, today.month)]
        periods = Period.create([{"company_id": company.id, "kind": "periodic", "period_kind": "month",
                                  "year": year, "period": month} for year, month in months])
        annual = Period.create({"company_id": company.id, "kind": "annual", "year": today.year - 1})
        for index, period in enumerate(periods):
            loader._asn_demo_period(period, len(periods) - 1 - index, demo)
            if (period.year, period.period) == (annual.year, 12):
                # in January the Pejabat Penilai are still to rate the year; later it is closed
                loader._asn_demo_period(annual, None, demo, rate=today.month > 1)
        for period in periods | annual:
            period._asn_rank()
        return True

    @api.model
    def _asn_demo_period(self, period, age, demo, rate=True):
        """One period through the workflow; ``age`` is how many months ago it ended (None: the year);
        without ``rate`` its evaluations are only generated."""
        users = demo["users"]
        teams = period._asn_make_teams()
        self._asn_demo_capaian(period, teams, demo["dinkes"], age, users["bkpsdm"])
        teams._asn_generate()
        if not rate:
            return
        roles = self._asn_demo_roles(teams, users, age)
        self._asn_demo_rate(period, teams - roles["unrated"], roles, demo)
        to_set = teams - roles["unrated"]
        if age == 0:
            to_set -= roles["kasi"]
        to_set -= roles["walikota"]
        for team in to_set:
            if team == roles["against_curve"] and team.violations:
                team.with_user(team.penilai_user_id).write({"justification": (
                    "Seluruh anggota tim memenuhi atau melampaui target IKI bulan ini dengan bukti dukung "
                    "lengkap (laporan akreditasi puskesmas dan rujukan terverifikasi); tidak ada pegawai "
                    "yang layak diberi predikat Butuh Perbaikan.")})
            team.with_user(team.penilai_user_id or users["bkpsdm"]).action_set()
        objections = self._asn_demo_objections(teams, users, age)
        self._asn_demo_sign(to_set, roles, users, age)
        end = period.date_to
        # days after the end of the period: rated, set, keberatan filed, decided, signed, reported
        offsets = zip(("rate", "set", "object", "decide", "accept", "report"),
                      (9, 10, 12, 15, 17, 30) if age is None else (2, 3, 5, 8, 10, 20), strict=True)
        self._asn_demo_dates(teams, objections, {
            name: min(end + datetime.timedelta(days=days), demo["today"]) for name, days in offsets})

    @api.model
    def _asn_demo_roles(self, teams, users, age):
        """The demo logins' teams of the period and the predikat the story needs (``forced``)."""
        def team_of(user):
            return teams.filtered(lambda team: team.penilai_user_id == user)

        evaluations = teams.evaluation_ids
        mine = {login: evaluations.filtered(lambda e, user=user: e.employee_user_id == user)
                for login, user in users.items()}
        roles = {"age": age, "kasi": team_of(users["kasi.yankes"]), "mine": mine, "forced": {},
                 "unrated": team_of(users["kadis.kesehatan"]) if age == 0 else teams.browse(),
                 "against_curve": team_of(users["kabid.yankes"]) if age == 0 else teams.browse(),
                 # BKPSDM rates for the Wali Kota but has not set the last two months: late on the dashboard
                 "walikota": teams.filtered(lambda team: not team.pejabat_penilai_id)[:1] if age in (0, 1)
                 else teams.browse()}
        if age == 1:  # pegawai's keberatan, upheld
            roles["forced"][mine["pegawai"].id] = "butuh_perbaikan"
        if age == 2:  # kabid.yankes' keberatan, rejected
            roles["forced"][mine["kabid.yankes"].id] = "baik"
        if roles["against_curve"]:  # nobody Butuh Perbaikan under capaian Baik: needs a justification
            members = roles["against_curve"].evaluation_ids.sorted(lambda e: (e.employee_name or "", e.id))
            roles["forced"].update({evaluation.id: predikat for evaluation, predikat in zip(
                members, ("baik", "sangat_baik", "baik"), strict=False)})
            roles["forced"][mine["kasi.yankes"].id] = "baik"
        return roles

    @api.model
    def _asn_demo_rate(self, period, teams, roles, demo):
        """The ratings, written as each team's Pejabat Penilai Kinerja (BKPSDM where there is no login)."""
        users = demo["users"]
        for team in teams:
            members = team.evaluation_ids.sorted(lambda e: (e.employee_name or "", e.id))
            if team == roles["kasi"] and roles["age"] == 0:  # last month: pegawai is left to rate
                members = members - roles["mine"]["pegawai"]
            picked = self._asn_demo_predikats(team, members, roles["forced"], demo["curve"],
                                              keep_curve=team != roles["against_curve"], salt=period.period)
            rater = team.penilai_user_id or users["bkpsdm"]
            for index, (evaluation, predikat) in enumerate(zip(members, picked, strict=True)):
                choices = [pair for pair in RATING_CHOICES[predikat]
                           if rules.predikat(pair[0], pair[1], demo["kuadran"]) == predikat]
                hasil, perilaku = choices[(index + period.period) % len(choices)]
                catatan, rekomendasi = NOTES[predikat]
                values = {"rating_hasil": hasil, "rating_perilaku": perilaku, "catatan": catatan,
                          "rekomendasi": rekomendasi}
                if period.kind == "annual":
                    values["keterangan"] = "Dinilai berdasarkan SKP tahun %s yang telah ditutup." % period.year
                evaluation.with_user(rater).write(values)

    @api.model
    def _asn_demo_objections(self, teams, users, age):
        """Keberatan (Pasal 30), filed by the employee and decided by the Atasan Pejabat Penilai Kinerja:
        upheld two months back, rejected three months back, pending last month."""
        objections = self.env["hr.asn.evaluation.objection"]
        evaluations = teams.evaluation_ids

        def file(login, reason):
            user = users[login]
            return evaluations.filtered(lambda e: e.employee_user_id == user).with_user(user).action_object(reason)

        if age == 1:
            objection = file("pegawai", "Realisasi cakupan rujukan berjenjang bulan ini 96% dari target, bukti "
                                        "dukung laporan P-Care sudah saya unggah; mohon rating hasil kerja "
                                        "ditinjau kembali.")
            objection.with_user(users["kabid.yankes"]).write({
                "decision": "Bukti dukung laporan P-Care menunjukkan target tercapai; rating hasil kerja menjadi "
                            "Sesuai Ekspektasi.", "new_rating_hasil": "sesuai"})
            objection.with_user(users["kabid.yankes"]).action_uphold()
            objections |= objection
        if age == 2:
            objection = file("kabid.yankes", "Program penurunan waktu tunggu rujukan selesai lebih cepat dari "
                                             "jadwal; predikat Sangat Baik lebih sesuai.")
            objection.with_user(users["bkpsdm"]).write({
                "decision": "Capaian sesuai target, tidak melampaui: rating hasil kerja Sesuai Ekspektasi sudah "
                            "tepat. Keberatan ditolak (diputus BKPSDM atas nama Wali Kota)."})
            objection.with_user(users["bkpsdm"]).action_reject()
            objections |= objection
        if age == 0:
            objections |= file("kasi.yankes", "Seluruh IKI Seksi Pelayanan Kesehatan Primer dan Rujukan melampaui "
                                              "target bulan ini (rujukan balik 100%); mohon rating hasil kerja "
                                              "Diatas Ekspektasi.")
        return objections

    @api.model
    def _asn_demo_sign(self, teams, roles, users, age):
        """Received as the employee (BKPSDM records a paper signature) and reported by BKPSDM (Pasal 29),
        but for what the story leaves open."""
        signing = teams.evaluation_ids.filtered(lambda e: e.state == "ditetapkan" and e.objection_state != "submitted")
        if age == 0:  # lurah has his evaluation to sign
            signing = signing.filtered(lambda e: e.employee_user_id != users["lurah"])
        if age == 1:  # one of pegawai's team has not signed yet
            signing = signing.filtered(lambda e: e.team_id != roles["kasi"] or e.employee_user_id)
        for user in signing.employee_user_id:
            signing.filtered(lambda e, user=user: e.employee_user_id == user).with_user(user).action_accept()
        signing.filtered(lambda e: not e.employee_user_id).with_user(users["bkpsdm"]).action_accept()
        if age is None or age >= 1:
            reported = teams.evaluation_ids.filtered(lambda e: e.state == "diterima")
            if age == 1:
                reported = reported.filtered(lambda e: e.team_id != roles["kasi"])
            reported.with_user(users["bkpsdm"]).action_report()

    @api.model
    def _asn_demo_predikats(self, team, members, forced, curve, keep_curve=True, salt=0):
        """Predikat for ``members`` (in order): mostly Baik, a rotating Sangat Baik or Butuh Perbaikan, and
        ``forced`` ones kept; then the closest assignment that follows the curve of the team's capaian."""
        natural = []
        for index, evaluation in enumerate(members):
            rotation = (index + salt) % 5
            proposed = evaluation.hint_predikat if evaluation.hint_predikat in DEMO_PREDIKATS else False
            natural.append(forced.get(evaluation.id) or proposed or (
                "sangat_baik" if rotation == 0 else "butuh_perbaikan" if rotation == 3 else "baik"))
        if not keep_curve or not team.capaian or len(members) != len(team.evaluation_ids) or len(members) > 6:
            return natural
        others = team.evaluation_ids - members
        best = None
        for combo in itertools.product(DEMO_PREDIKATS, repeat=len(members)):
            counts = dict.fromkeys(rules.PREDIKAT_CODES, 0)
            for code in combo:
                counts[code] += 1
            for evaluation in others:
                if evaluation.predikat:
                    counts[evaluation.predikat] += 1
            if rules.curve_violations(team.capaian, counts, curve):
                continue
            # fewest changes first; among equals the change falls on the member whose turn it is
            cost = sum((10 if members[index].id in forced else 1 + ((index - salt) % len(members)) / 100)
                       * abs(DEMO_PREDIKATS.index(code) - DEMO_PREDIKATS.index(natural[index]))
                       for index, code in enumerate(combo))
            if best is None or cost < best[0]:
                best = (cost, combo)
        return list(best[1]) if best else natural

    @api.model
    def _asn_demo_capaian(self, period, teams, dinkes, age, bkpsdm):
        """Capaian kinerja organisasi of the teams' Perangkat Daerah for the period, set by BKPSDM: Dinas
        Kesehatan's computed from its scored criteria, the others' set by hand with their basis."""
        kind, number = period._asn_kind_number()
        Capaian = self.env["hr.asn.capaian.organisasi"].with_user(bkpsdm)
        opds = teams.opd_id | teams.department_id.asn_opd_id
        records = Capaian.browse()
        for opd in opds:
            values = {"department_id": opd.id, "year": period.year, "period_kind": kind, "period": number}
            if opd == dinkes:
                record = Capaian.create(dict(values, mode="computed"))
                scores = DINKES_YEAR_SCORES if age is None else DINKES_SCORES[age % len(DINKES_SCORES)]
                for line in record.line_ids:
                    line.write({"score": scores.get(line.criterion_id.code, 80.0),
                                "note": "Laporan e-SAKIP dan e-Monev %s" % period.period_label.title()})
            else:
                capaian = "istimewa" if number % 3 == 2 else "baik"
                record = Capaian.create(dict(values, mode="manual", capaian=capaian, basis=(
                    "Laporan capaian kinerja %s: Rencana Aksi dan IKU tercapai %s target, penyerapan "
                    "anggaran sesuai rencana kas (evaluasi BKPSDM dan Bagian Organisasi).")
                    % (period.period_label.title(), "melampaui" if capaian == "istimewa" else "sesuai")))
            records |= record
        records.action_set()
        return records

    @api.model
    def _asn_demo_dates(self, teams, objections, dates):
        """Move the workflow dates of a period back to when a real year has them (none after today)."""
        evaluations = teams.evaluation_ids.sudo().with_context(tracking_disable=True)
        evaluations.filtered("rate_date").write({"rate_date": dates["rate"]})
        done = evaluations.filtered("set_date")
        done.write({"set_date": dates["set"], "objection_deadline": dates["set"] + datetime.timedelta(
            days=teams.company_id[:1].asn_objection_days or 14)})
        done.filtered("accept_date").write({"accept_date": dates["accept"]})
        done.filtered("report_date").write({"report_date": dates["report"]})
        teams.filtered("set_date").sudo().write({"set_date": dates["set"]})
        objections = objections.sudo().with_context(tracking_disable=True)
        for objection in objections:
            objection.write({"date": dates["object"], "deadline": objection.evaluation_id.objection_deadline})
        objections.filtered("decided_date").write({"decided_date": dates["decide"]})
        capaian = teams.capaian_id.sudo().with_context(tracking_disable=True)
        capaian.write({"set_date": min(teams.period_id[:1].date_to + datetime.timedelta(days=1), dates["set"])})

    @api.model
    def _asn_demo_previous_skps(self, company, year, bkpsdm):
        """SKPs of ``year`` for the employees with a set SKP this year, copied from it (the RHK cascaded to
        the copy of the assessor's RHK), submitted, set and closed at the end of that year; months reviewed
        with a realisasi. Level by level from the top, as the cascade needs the assessor's set SKP. An
        employee whose RHK intervenes an RHK of someone who is no longer their assessor is left out."""
        Skp = self.env["hr.asn.skp"].sudo()
        current = Skp.search([("company_id", "=", company.id), ("year", "=", year + 1),
                              ("state", "in", ("set", "closed"))], order="employee_id, date_from, revision, id")
        pending = {}
        for skp in current:
            pending[skp.employee_id] = skp  # ordered: the latest SKP of the year
        rhk_map, created = {}, Skp.browse()
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        while pending:
            ready = [skp for skp in pending.values() if skp.employee_id.pejabat_penilai_id not in pending]
            if not ready:
                break
            vals_list, sources = [], []
            for skp in ready:
                del pending[skp.employee_id]
                commands, rhks = [], skp.rhk_ids.sorted(lambda rhk: (rhk.sequence, rhk.id))
                for rhk in rhks:
                    parent = rhk_map.get(rhk.parent_rhk_id.id) if rhk.parent_rhk_id else False
                    if rhk.parent_rhk_id and (not parent or self.env["hr.asn.skp.rhk"].browse(parent)
                                              .skp_id.employee_id != skp.employee_id.pejabat_penilai_id):
                        break
                    values = rhk.copy_data({"parent_rhk_id": parent, "taken_over": False,
                                            "takeover_note": False, "taken_over_by_id": False,
                                            "taken_over_date": False})[0]
                    values.pop("skp_id", None)
                    for iki in values.get("iki_ids", []):
                        iki[2].pop("origin_id", None)
                    commands.append(Command.create(values))
                else:
                    vals_list.append({
                        "employee_id": skp.employee_id.id, "year": year, "approach": skp.approach,
                        "perjanjian_kerja_ref": skp.perjanjian_kerja_ref,
                        "rhk_ids": commands,
                        "behavior_ids": [Command.create({"sequence": b.sequence, "value": b.value,
                                                         "special_expectation": b.special_expectation})
                                         for b in skp.behavior_ids],
                        "support_ids": [Command.create({"sequence": s.sequence, "kind": s.kind, "name": s.name})
                                        for s in skp.support_ids],
                    })
                    sources.append(rhks)
            skps = Skp.with_context(mail_create_nolog=True, tracking_disable=True).create(vals_list)
            for skp, rhks in zip(skps, sources, strict=True):
                rhk_map.update(zip(rhks.ids, skp.rhk_ids.sorted("id").ids, strict=True))
            skps.action_submit()
            for user in skps.pejabat_penilai_id.user_id:  # set by the Pejabat Penilai, else BKPSDM
                skps.filtered(lambda skp, user=user: skp.pejabat_penilai_id.user_id == user).with_user(
                    user).action_set()
            skps.filtered(lambda skp: skp.state == "submitted").with_user(bkpsdm).action_set()
            created |= skps
        months = created.month_ids.sudo().with_context(tracking_disable=True)
        months.line_ids.write({"realisasi": "Terlaksana sesuai rencana; laporan dan bukti dukung terunggah."})
        for number in range(1, 13):
            first = datetime.date(year, number, 1)
            after = (first + datetime.timedelta(days=31)).replace(day=1)  # the first of the next month
            months.filtered(lambda month, number=number: month.month == number).write({
                "state": "reviewed", "plan_date": first + datetime.timedelta(days=1),
                "report_date": after + datetime.timedelta(days=2), "review_date": after + datetime.timedelta(days=8)})
        created.with_context(tracking_disable=True).write({"submit_date": start + datetime.timedelta(days=14),
                                                           "set_date": start + datetime.timedelta(days=20)})
        created._asn_close("year_end", end)
        created.activity_unlink(["mail.mail_activity_data_todo"])
        return created
