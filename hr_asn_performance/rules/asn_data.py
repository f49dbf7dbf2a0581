"""Reference lists of ASN data (UU 20/2023 on ASN, PP 11/2017 jo. PP 17/2020 on PNS management,
Perpres 98/2020 on PPPK salary grades, and the jenjang of jabatan fungsional of PermenPANRB 1/2023).

Plain data: the Odoo side turns these into selection values.
"""

ASN_STATUSES = (("pns", "PNS"), ("cpns", "CPNS"), ("pppk", "PPPK"))

# Pangkat and golongan ruang of PNS (PP 99/2000 jo. PP 12/2002), lowest to highest.
PNS_GOLONGAN = (
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
)

# Golongan of PPPK (Perpres 98/2020): I to XVII, no pangkat names.
PPPK_GOLONGAN = tuple(
    (numeral, "PPPK %s" % numeral)
    for numeral in (
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
        "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
    )
)


def golongan_selection():
    """Selection values: PNS as ``I/a`` "I/a - Juru Muda", PPPK as ``pppk_V`` "PPPK V"."""
    return [(code, "%s - %s" % (code, name)) for code, name in PNS_GOLONGAN] + [
        ("pppk_%s" % numeral, label) for numeral, label in PPPK_GOLONGAN
    ]


def golongan_fits_status(golongan, status):
    """PNS and CPNS hold a PNS golongan, PPPK a PPPK golongan."""
    if not golongan or not status:
        return True
    return golongan.startswith("pppk_") == (status == "pppk")


# Kinds of position (UU 20/2023 Pasal 13-19; PermenPANRB 6/2022 uses them to pick the SKP format).
POSITION_KINDS = (
    ("jpt", "JPT (Jabatan Pimpinan Tinggi)"),
    ("administrator", "Administrator"),
    ("pengawas", "Pengawas"),
    ("pelaksana", "Pelaksana"),
    ("fungsional", "Fungsional"),
)

# Jenjang (PermenPANRB 1/2023): keahlian and keterampilan for JF, and the JPT levels.
JENJANG = (
    ("ahli_pertama", "Ahli Pertama"),
    ("ahli_muda", "Ahli Muda"),
    ("ahli_madya", "Ahli Madya"),
    ("ahli_utama", "Ahli Utama"),
    ("pemula", "Pemula"),
    ("terampil", "Terampil"),
    ("mahir", "Mahir"),
    ("penyelia", "Penyelia"),
    ("jpt_pratama", "JPT Pratama"),
    ("jpt_madya", "JPT Madya"),
)
JENJANG_BY_KIND = {
    "fungsional": {"ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama", "pemula", "terampil", "mahir", "penyelia"},
    "jpt": {"jpt_pratama", "jpt_madya"},
}

# The 13 kinds of Perangkat Daerah of Perwal Bekasi 38/2023 Lampiran II, in its order.
OPD_KINDS = (
    ("setda", "Sekretariat Daerah"),
    ("setwan", "Sekretariat DPRD"),
    ("inspektorat", "Inspektorat Daerah"),
    ("dinas", "Dinas"),
    ("dinas_uptd", "Dinas yang memiliki UPTD"),
    ("dinas_pendidikan", "Dinas Pendidikan"),
    ("badan", "Badan"),
    ("badan_upt", "Badan yang memiliki UPTD/UPT"),
    ("satpol_pp", "Satuan Polisi Pamong Praja"),
    ("rsud", "RSUD"),
    ("kecamatan", "Kecamatan"),
    ("kelurahan", "Kelurahan"),
    ("bpbd", "Pelaksana BPBD"),
)

# Kinds of unit inside a Perangkat Daerah, as Lampiran II names them.
UNIT_KINDS = (
    ("asisten", "Asisten Daerah"),
    ("staf_ahli", "Staf Ahli"),
    ("sekretariat", "Sekretariat"),
    ("bagian", "Bagian"),
    ("sub_bagian", "Sub Bagian"),
    ("bidang", "Bidang"),
    ("sub_bidang", "Sub Bidang"),
    ("seksi", "Seksi"),
    ("uptd", "UPTD/UPT"),
    ("sub_bagian_tu", "Sub Bagian Tata Usaha UPTD/UPT"),
    ("inspektur_pembantu", "Inspektur Pembantu"),
    ("tk_paud", "TK/PAUD/PNF"),
    ("sdn", "SD Negeri"),
    ("smpn", "SMP Negeri"),
    ("upp", "Unit Pelayanan Pendidikan (UPP)"),
    ("wakil_direktur", "Wakil Direktur"),
    ("instalasi", "Instalasi/Unit"),
)

# Employees Lampiran II singles out whatever their unit (6.h, 6.o-q).
SPECIAL_ROLES = (
    ("pengawas_sekolah", "Pengawas/Penilik Sekolah"),
    ("diperbantukan_tk", "Kepala Sekolah/Guru TK/PAUD/PNF diperbantukan/dipekerjakan"),
    ("diperbantukan_sd", "Kepala Sekolah/Guru SD diperbantukan/dipekerjakan"),
    ("diperbantukan_smp", "Kepala Sekolah/Guru SMP diperbantukan/dipekerjakan"),
)

# Function codes Lampiran II section 6 names units by (Dinas Pendidikan).
FUNCTION_CODES = (
    ("seksi_gtk_paud", "Seksi GTK PAUD"),
    ("bidang_paud_dikmas", "Bidang PAUD dan Pendidikan Masyarakat"),
    ("seksi_sd", "Seksi SD"),
    ("bidang_dikdas", "Bidang Pendidikan Dasar"),
    ("seksi_smp", "Seksi SMP"),
    ("seksi_ptk_smp", "Seksi Pendidik dan Tenaga Kependidikan SMP"),
    ("bidang_gtk", "Bidang Pendidik dan Tenaga Kependidikan"),
)
