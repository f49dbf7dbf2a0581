"""Sasaran Kinerja Pegawai (SKP): the rules of planning and monthly documentation, as plain data.

Sources: Perwal Bekasi 38/2023 (adopting PermenPANRB 6/2022) Pasal 6-22 and Lampiran I formats 1-5;
Kota Semarang's monitoring notes (seed 002) for the monthly timeline. No Odoo import: the models
gather records, call these functions, and write what they return.
"""
import calendar
import datetime
import math
import os
import re

# Standar perilaku kerja: the seven BerAKHLAK values and their three behaviours each (Pasal 9(3)),
# worded as Lampiran I prints them.
BERAKHLAK = (
    ("berorientasi_pelayanan", "Berorientasi pelayanan", (
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    )),
    ("akuntabel", "Akuntabel", (
        "Melaksanakan tugas dengan jujur, bertanggungjawab, cermat, disiplin dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggungjawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    )),
    ("kompeten", "Kompeten", (
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    )),
    ("harmonis", "Harmonis", (
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    )),
    ("loyal", "Loyal", (
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, "
        "setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
        "Menjaga rahasia jabatan dan negara",
    )),
    ("adaptif", "Adaptif", (
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    )),
    ("kolaboratif", "Kolaboratif", (
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
    )),
)
BERAKHLAK_VALUES = tuple((code, name) for code, name, _behaviours in BERAKHLAK)

# Pendekatan (Pasal 8(3)).
APPROACHES = (("kualitatif", "Kualitatif"), ("kuantitatif", "Kuantitatif"))

# Lampiran I: the heading of each format, printed as is.
FORMATS = {
    "1": ("PENDEKATAN HASIL KERJA KUALITATIF", "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"),
    "2": ("PENDEKATAN HASIL KERJA KUANTITATIF", "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"),
    "3": ("PENDEKATAN HASIL KERJA KUALITATIF", "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"),
    "4": ("PENDEKATAN HASIL KERJA KUANTITATIF", "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"),
    "5": ("PENDEKATAN HASIL KERJA KUALITATIF", "BAGI PEGAWAI TUGAS BELAJAR"),
}
FORMAT_SELECTION = (
    ("1", "Format 1 - JPT / pimpinan unit kerja mandiri, kualitatif"),
    ("2", "Format 2 - JPT / pimpinan unit kerja mandiri, kuantitatif"),
    ("3", "Format 3 - Administrasi / Fungsional, kualitatif"),
    ("4", "Format 4 - Administrasi / Fungsional, kuantitatif"),
    ("5", "Format 5 - Tugas belajar"),
)

# Pasal 14(2)-(3): the hasil kerja of an employee on tugas belajar are the expected academic results
# (IPK, predikat or another evaluation of the institution) and graduating on time; other assignments
# may be added. A draft SKP of Format 5 starts with these (RHK, [(aspek, IKI)]); the targets are the
# Pejabat Penilai's and the employee's to agree.
TUGAS_BELAJAR_RHK = (
    ("Hasil evaluasi akademik sesuai ekspektasi", (
        ("kualitas", "Indeks Prestasi Kumulatif (IPK) atau predikat akademik yang dicapai"),
    )),
    ("Kelulusan tepat waktu", (
        ("waktu", "Ketepatan waktu kelulusan sesuai jadwal tugas belajar"),
    )),
)

# Aspek of an IKI (Pasal 8(2)) and perspektif of a JPT's IKI (Lampiran I formats 1-2).
IKI_ASPECTS = (("kuantitas", "Kuantitas"), ("kualitas", "Kualitas"), ("waktu", "Waktu"), ("biaya", "Biaya"))
PERSPECTIVES = (
    ("penerima_layanan", "Penerima Layanan"),
    ("proses_bisnis", "Proses Bisnis"),
    ("penguatan_internal", "Penguatan Internal"),
    ("anggaran", "Anggaran"),
)

# Lampiran SKP (Pasal 10-12), in the order Lampiran I prints them.
SUPPORT_KINDS = (
    ("sumber_daya", "DUKUNGAN SUMBER DAYA"),
    ("skema", "SKEMA PERTANGGUNGJAWABAN"),
    ("konsekuensi", "KONSEKUENSI"),
)

# Umpan Balik Berkelanjutan (Pasal 17-19).
FEEDBACK_SOURCES = (
    ("pimpinan", "Pimpinan"),
    ("rekan", "Rekan kerja setingkat"),
    ("bawahan", "Pegawai di bawahnya"),
    ("pihak_lain", "Pihak lain"),
)
FEEDBACK_KINDS = (("berkala", "Berkala"), ("insidentil", "Insidentil"))
FEEDBACK_MODES = (("langsung", "Langsung"), ("tidak_langsung", "Tidak langsung"))

# Tindak lanjut (Pasal 20-21): what a leader may do after the feedback, by whether the employee
# progresses.
FOLLOWUP_ACTIONS = (
    ("apresiasi", "Apresiasi"),                                    # Pasal 20(2)a
    ("penugasan_baru", "Penugasan baru"),                          # Pasal 20(2)b
    ("penyesuaian_ekspektasi", "Penyesuaian ekspektasi"),          # Pasal 20(3)a
    ("penyesuaian_sumber_daya", "Penyesuaian dukungan sumber daya"),  # Pasal 20(3)b
    ("bimbingan", "Bimbingan kinerja"),                            # Pasal 20(3)c, 21a
    ("konseling", "Konseling kinerja"),                            # Pasal 20(3)c, 21b
    ("pengambilalihan", "Pengambilalihan rencana hasil kerja"),    # Pasal 20(6)-(8)
)
PROGRESS_ACTIONS = frozenset({"apresiasi", "penugasan_baru"})
NO_PROGRESS_ACTIONS = frozenset({"penyesuaian_ekspektasi", "penyesuaian_sumber_daya", "bimbingan", "konseling"})
# Pasal 20(4)-(5): these go back through penetapan, i.e. a new revision of the SKP.
REVISING_ACTIONS = frozenset({"penyesuaian_ekspektasi", "penyesuaian_sumber_daya"})

# Kota Semarang (seed 002): monthly target by the 2nd of the month, realisasi by the 3rd of the next.
DEFAULT_PLAN_DAY = 2
DEFAULT_REALISASI_DAY = 3
# Days before a monthly deadline (targets, realisasi) the employee is reminded by e-mail (issue 12);
# not in the regulation: a company setting, 0 switches the reminder off.
DEFAULT_REMINDER_DAYS = 3
# Days the Pejabat Penilai has to review a reported month after its realisasi day (or after it was
# reported, when later). Assumed: neither Perwal Bekasi 38/2023 nor Semarang's notes (seed 002) set one;
# a company setting.
DEFAULT_REVIEW_DAYS = 7


# Numbers typed as targets and realisasi (Pasal 8(3)). No regulation caps them; the cap is the largest
# amount the Float(16, 2) fields keep exactly with two decimals (Odoo's rounding drifts from 13 digits
# on: 9.999.999.999.999 is stored as 9.999.999.999.999,01). It still holds an IKI of aspek biaya in
# rupiah up to Rp 999 milyar, a programme's budget; anything above is a typing error, NaN/Infinity no
# number at all.
MAX_AMOUNT = 999_999_999_999.99
AMOUNT_DECIMALS = 2

# Performance years an SKP may have. The SKP of PermenPANRB 6/2022 (adopted by Perwal Bekasi 38/2023)
# starts in 2022; older years only for history typed in by hand, of the SKP of PP 46/2011 (from 2014).
# The upper end leaves room for planning; a year beyond it, 0 or negative is a typing error.
MIN_YEAR = 2000
MAX_YEAR = 2100

# Lengths of free text (characters) in the SKP models: not in the regulation, set so that a line of
# Lampiran I (an RHK, an IKI, a target) fits the printed form and a note, a reason or an Umpan Balik a
# long paragraph, while a paste of a whole document (or a 1 MB form field) is refused.
LINE_MAX = 200        # a unit, a reference, a name: one line
STATEMENT_MAX = 1000  # an RHK, an IKI, a qualitative target, a Lampiran SKP line
NOTE_MAX = 4000       # a realisasi, a note, a reason, an Umpan Balik

# Bukti dukung (Pasal 16(3)-(4): realisasi is documented with evidence): the documents and pictures an
# office produces, and a size a phone upload reaches quickly; Odoo itself refuses form fields over
# 10 MB with a bare page, so the portal announces and checks this size before and after sending.
BUKTI_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods")
BUKTI_MAX_BYTES = 5 * 1024 * 1024


class SkpRuleError(ValueError):
    """A rule refused the data; ``args[0]`` is a message key, ``args[1:]`` its parameters."""


def skp_format(position_kind, heads_perangkat_daerah, on_tugas_belajar, approach):
    """The Lampiran I format of an SKP.

    Format 5 for a PNS on tugas belajar (Pasal 14; kualitatif only), formats 1/2 for JPT and the head
    of a unit kerja mandiri (a Perangkat Daerah), formats 3/4 for Administrasi and Fungsional (and
    pelaksana, who hold jabatan administrasi under UU 20/2023); the odd number is kualitatif.
    """
    if on_tugas_belajar:
        return "5"
    leads = position_kind == "jpt" or heads_perangkat_daerah
    base = 1 if leads else 3
    return str(base + (1 if approach == "kuantitatif" else 0))


def is_leader_format(fmt):
    """Formats 1, 2 (and 5, laid out like 1) print the perspektif; 3, 4 print the cascaded RHK."""
    return fmt in ("1", "2", "5")


def needs_cascade(fmt):
    """JA/JF formats (3 and 4) name the superior's RHK each utama RHK intervenes (Lampiran I format 4)."""
    return fmt in ("3", "4")


def parse_target(value, allow_zero=False):
    """A numeric target as typed by a person: ``"12"``, ``"12,5"``, ``"1.250,5"``. Refuses the rest.

    Pasal 8(3): a kuantitatif IKI states its target as a number; it must be above zero. A realisasi
    (``allow_zero``) may be zero, nothing achieved yet, but never negative. The number is rounded to
    the two decimals that are stored; NaN, infinities and anything above ``MAX_AMOUNT`` are refused
    (keys ``not_a_number`` and ``too_large``), so what is stored is what was typed.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        text = value.strip().replace(" ", "") if isinstance(value, str) else ""
        if not re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})*(,\d+)?|[-+]?\d+([.,]\d+)?", text, re.ASCII):
            raise SkpRuleError("not_a_number", value)
        if len(text) > 40:  # digits only, but more of them than any amount has
            raise SkpRuleError("too_large", value)
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", text):
            text = text.replace(".", "")
        number = float(text)
    if not math.isfinite(number):
        raise SkpRuleError("not_a_number", value)
    if abs(number) > MAX_AMOUNT:
        raise SkpRuleError("too_large", value)
    number = round(number, AMOUNT_DECIMALS) + 0.0  # no -0.0
    if number < 0 or (number == 0 and not allow_zero):
        raise SkpRuleError("negative" if allow_zero else "not_positive", value)
    return number


def format_amount(number):
    """A number as the portal reads it back (Indonesian notation): ``999.999.999.999,99``."""
    return f"{number:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def check_amount(number):
    """A stored target or realisasi (as the ORM got it, e.g. through RPC): a finite number within
    ``MAX_AMOUNT`` either way (keys of ``parse_target``); its sign is the caller's rule."""
    if not math.isfinite(number):
        raise SkpRuleError("not_a_number", number)
    if abs(number) > MAX_AMOUNT:
        raise SkpRuleError("too_large", number)


def check_year(year):
    """A performance year within ``MIN_YEAR``..``MAX_YEAR`` (key ``year_out_of_range``)."""
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise SkpRuleError("year_out_of_range", year, MIN_YEAR, MAX_YEAR)


def check_text(text, limit):
    """Free text of at most ``limit`` characters (key ``too_long``, with its length and the limit)."""
    if text and len(text) > limit:
        raise SkpRuleError("too_long", len(text), limit)


def check_bukti(filename, size):
    """A bukti dukung upload: one of ``BUKTI_EXTENSIONS`` (keys ``bukti_type``) and at most
    ``BUKTI_MAX_BYTES`` (``bukti_size``)."""
    extension = os.path.splitext((filename or "").strip().lower())[1]
    if extension not in BUKTI_EXTENSIONS:
        raise SkpRuleError("bukti_type", filename)
    if size > BUKTI_MAX_BYTES:
        raise SkpRuleError("bukti_size", filename, size)


def year_bounds(year):
    """The performance year: January to December (Lampiran I, "PERIODE PENILAIAN: JANUARI SD DESEMBER").
    ``check_year`` first: a year out of range raises ``SkpRuleError``."""
    check_year(year)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def skp_deadline(date_from):
    """Pasal 13(1): an SKP is set by the end of January; one that starts later in the year (a new
    position, Pasal 13(2)) by the end of the month it starts in."""
    last = calendar.monthrange(date_from.year, date_from.month)[1]
    return datetime.date(date_from.year, date_from.month, last)


def month_deadlines(year, month, plan_day=DEFAULT_PLAN_DAY, realisasi_day=DEFAULT_REALISASI_DAY):
    """(plan deadline, realisasi deadline) of a month: the plan by ``plan_day`` of the month, the
    realisasi by ``realisasi_day`` of the next month (Semarang, seed 002). Days past a short month's
    end fall on its last day."""
    def clamp(y, m, day):
        return datetime.date(y, m, min(max(day, 1), calendar.monthrange(y, m)[1]))

    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return clamp(year, month, plan_day), clamp(next_year, next_month, realisasi_day)


def review_deadline(realisasi_deadline, report_date=None, review_days=DEFAULT_REVIEW_DAYS):
    """The day a month's review is due: ``review_days`` after its realisasi day, or after the day it was
    reported when that is later (a month reported late gives its leader the same days). None without a
    realisasi day."""
    if not realisasi_deadline:
        return None
    start = max(realisasi_deadline, report_date) if report_date else realisasi_deadline
    return start + datetime.timedelta(days=max(review_days or 0, 0))


def months_of(date_from, date_to):
    """The months (1-12) an SKP period touches: each is documented (Pasal 16(3), monthly)."""
    return list(range(date_from.month, date_to.month + 1))


def report_opens(year, month, date_to=None):
    """The first day the realisasi of a month may be reported: the month's last day, or the last day of
    the SKP when its period ends earlier in that month (a mutation closes it mid-month).

    Pasal 16(3): performance is documented per month, so a month's realisasi is what the whole month
    achieved; Kota Semarang's timeline (seed 002, "Realisasi SKP bulanan adalah maksimal tanggal 3 bulan
    berikutnya") puts the report at the turn of the month, from its last day to the realisasi day of the
    next one (issue 12: December's realisasi was reported on 2 December)."""
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    if date_to and datetime.date(year, month, 1) <= date_to < last:
        return date_to
    return last


def check_report_window(year, month, date_to, today):
    """A month's realisasi is reported from ``report_opens`` on; ``SkpRuleError("report_not_open",
    opening day)`` before."""
    opens = report_opens(year, month, date_to)
    if today < opens:
        raise SkpRuleError("report_not_open", opens)


def reminder_due(deadline, today, days):
    """Whether a deadline falls within the next ``days`` days (today included); 0 days: no reminder."""
    return bool(days) and today <= deadline <= today + datetime.timedelta(days=days)


def check_realisasi_month(year, month, date_from, date_to, today):
    """Pasal 16: realisasi documents months of the SKP period that have begun."""
    first = datetime.date(year, month, 1)
    if not (date_from.replace(day=1) <= first <= date_to):
        raise SkpRuleError("outside_period", month)
    if first > today:
        raise SkpRuleError("future_month", month)


def check_followup(action, progress, earlier_no_progress_actions):
    """Pasal 20: apresiasi/penugasan baru follow progress, the adjustments and pembinaan follow its
    absence; the leader takes an RHK over only after an ayat (3) follow-up did not help (ayat 6)."""
    if action in PROGRESS_ACTIONS and not progress:
        raise SkpRuleError("needs_progress", action)
    if action in NO_PROGRESS_ACTIONS | {"pengambilalihan"} and progress:
        raise SkpRuleError("needs_no_progress", action)
    if action == "pengambilalihan" and not earlier_no_progress_actions:
        raise SkpRuleError("takeover_too_early", action)


def feedback_source(giver, employee, giver_penilai, employee_penilai, employee_leaders):
    """Pasal 18: who gives the feedback, seen from the employee: their leaders (pejabat penilai or
    its atasan), their subordinates (whom they assess), peers (same pejabat penilai), else others.
    Arguments are ids (or any comparable keys); ``employee_leaders`` a collection."""
    if giver in employee_leaders:
        return "pimpinan"
    if giver_penilai and giver_penilai == employee:
        return "bawahan"
    if giver_penilai and giver_penilai == employee_penilai:
        return "rekan"
    return "pihak_lain"


def format_quantity(number):
    """A target or realisasi as a person reads it in Indonesian: thousands with dots, a decimal comma, no
    trailing zeros (``1.250``, ``12,5``, ``0``); the unit is the caller's."""
    text = f"{round(number, 2):,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def running_capaian(target, realisasi_values):
    """Pasal 16: the realisasi documented month by month of a kuantitatif IKI (Pasal 8(3)), summed so far
    and set against the IKI's yearly target: (total, percentage of the target rounded to 2 decimals, or
    None when there is no target above zero). The evaluation's own capaian (Pasal 23(2)a) reads the same
    realisasi against the targets of its period."""
    total = round(sum(realisasi_values), 2)
    if not target or target <= 0:
        return total, None
    return total, round(total / target * 100, 2)
