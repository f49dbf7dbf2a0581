"""A small city with every kind of Perangkat Daerah and unit of Lampiran II, and the assessor that
Perwal Bekasi 38/2023 Lampiran II gives each of its posts. Plain data (no odoo import): used by the
pure-Python tests in the repository's ``tests/`` and by the Odoo tests of this addon.

``UNITS``: (key, parent key, kind, function code) where kind is ``opd:<opd kind>`` for a Perangkat
Daerah and a unit kind otherwise. Every unit has a head ``H.<key>`` and one staff member ``S.<key>``;
``SPECIALS`` adds employees Lampiran II singles out. ``CASES``: (row, employee, penilai, atasan), with
``KD`` for the Wali Kota.
"""

UNITS = (
    # 1. Sekretariat Daerah
    ("setda", None, "opd:setda", ""),
    ("asisten1", "setda", "asisten", ""),
    ("stafahli1", "setda", "staf_ahli", ""),
    ("bagian1", "asisten1", "bagian", ""),
    ("subbag1", "bagian1", "sub_bagian", ""),
    ("bagian2", "asisten1", "bagian", ""),
    # 2. Sekretariat DPRD
    ("setwan", None, "opd:setwan", ""),
    ("wbag1", "setwan", "bagian", ""),
    ("wsub1", "wbag1", "sub_bagian", ""),
    ("wbag2", "setwan", "bagian", ""),
    # 3. Inspektorat
    ("insp", None, "opd:inspektorat", ""),
    ("isek", "insp", "sekretariat", ""),
    ("isub", "isek", "sub_bagian", ""),
    ("irban1", "insp", "inspektur_pembantu", ""),
    # 4. Dinas
    ("dinas", None, "opd:dinas", ""),
    ("dsek", "dinas", "sekretariat", ""),
    ("dsub", "dsek", "sub_bagian", ""),
    ("dbid", "dinas", "bidang", ""),
    ("dseksi", "dbid", "seksi", ""),
    # 5. Dinas with UPTD
    ("du", None, "opd:dinas_uptd", ""),
    ("usek", "du", "sekretariat", ""),
    ("usub", "usek", "sub_bagian", ""),
    ("ubid", "du", "bidang", ""),
    ("useksi", "ubid", "seksi", ""),
    ("uptd1", "du", "uptd", ""),
    ("utu", "uptd1", "sub_bagian_tu", ""),
    # 6. Dinas Pendidikan
    ("pend", None, "opd:dinas_pendidikan", ""),
    ("psek", "pend", "sekretariat", ""),
    ("psub", "psek", "sub_bagian", ""),
    ("pbid_paud", "pend", "bidang", "bidang_paud_dikmas"),
    ("pseksi_paud", "pbid_paud", "seksi", "seksi_gtk_paud"),
    ("pbid_dikdas", "pend", "bidang", "bidang_dikdas"),
    ("pseksi_sd", "pbid_dikdas", "seksi", "seksi_sd"),
    ("pseksi_smp", "pbid_dikdas", "seksi", "seksi_smp"),
    ("pbid_gtk", "pend", "bidang", "bidang_gtk"),
    ("pseksi_ptk_smp", "pbid_gtk", "seksi", "seksi_ptk_smp"),
    ("tk1", "pbid_paud", "tk_paud", ""),
    ("sdn1", "pbid_dikdas", "sdn", ""),
    ("smpn1", "pbid_dikdas", "smpn", ""),
    ("upp1", "pend", "upp", ""),
    # 7. Badan
    ("bdn", None, "opd:badan", ""),
    ("bsek", "bdn", "sekretariat", ""),
    ("bsub", "bsek", "sub_bagian", ""),
    ("bbid", "bdn", "bidang", ""),
    ("bsubbid", "bbid", "sub_bidang", ""),
    # 8. Badan with UPT
    ("bu", None, "opd:badan_upt", ""),
    ("busek", "bu", "sekretariat", ""),
    ("busub", "busek", "sub_bagian", ""),
    ("bubid", "bu", "bidang", ""),
    ("busubbid", "bubid", "sub_bidang", ""),
    ("upt1", "bu", "uptd", ""),
    ("butu", "upt1", "sub_bagian_tu", ""),
    # 9. Satpol PP
    ("sp", None, "opd:satpol_pp", ""),
    ("spsek", "sp", "sekretariat", ""),
    ("spsub", "spsek", "sub_bagian", ""),
    ("spbid", "sp", "bidang", ""),
    ("spseksi", "spbid", "seksi", ""),
    # 10. RSUD
    ("rs", None, "opd:rsud", ""),
    ("wadir1", "rs", "wakil_direktur", ""),
    ("rsbag", "wadir1", "bagian", ""),
    ("rssub", "rsbag", "sub_bagian", ""),
    ("rsbid", "wadir1", "bidang", ""),
    ("rsseksi", "rsbid", "seksi", ""),
    ("inst1", "rsbid", "instalasi", ""),
    # 11. Kecamatan
    ("kec", None, "opd:kecamatan", ""),
    ("ksek", "kec", "sekretariat", ""),
    ("ksub", "ksek", "sub_bagian", ""),
    ("kseksi", "kec", "seksi", ""),
    # 12. Kelurahan (inside its Kecamatan)
    ("kel", "kec", "opd:kelurahan", ""),
    ("lsek", "kel", "sekretariat", ""),
    ("lseksi", "kel", "seksi", ""),
    # 13. BPBD
    ("bp", None, "opd:bpbd", ""),
    ("bpsek", "bp", "sekretariat", ""),
    ("bpseksi", "bp", "seksi", ""),
)

# (employee key, unit key, special role)
SPECIALS = (
    ("X.pengawas", "pbid_dikdas", "pengawas_sekolah"),
    ("X.dpk_tk", "pbid_gtk", "diperbantukan_tk"),
    ("X.dpk_sd", "sdn1", "diperbantukan_sd"),
    ("X.dpk_smp", "smpn1", "diperbantukan_smp"),
)


def _dinas_like(n, opd, sek, sub, bid, low):
    """Rows a-g shared by sections 4, 5, 6, 7, 8 and 9 (their tables repeat them)."""
    return (
        (n + ".a", "H." + opd, "KD", "KD"),
        (n + ".b", "H." + sek, "H." + opd, "H.setda"),
        (n + ".c", "H." + bid, "H." + opd, "H.setda"),
        (n + ".d", "H." + sub, "H." + sek, "H." + opd),
        (n + ".e", "H." + low, "H." + bid, "H." + opd),
        (n + ".f", "S." + sub, "H." + sub, "H." + sek),
        (n + ".f", "S." + sek, "H." + sek, "H." + opd),
        (n + ".g", "S." + low, "H." + low, "H." + bid),
        (n + ".g", "S." + bid, "H." + bid, "H." + opd),
    )


CASES = (
    ("1.a", "H.setda", "KD", "KD"),
    ("1.b", "H.asisten1", "H.setda", "KD"),
    ("1.c", "H.stafahli1", "H.setda", "KD"),
    ("1.d", "H.bagian1", "H.asisten1", "H.setda"),
    ("1.e", "H.subbag1", "H.bagian1", "H.asisten1"),
    ("1.f", "S.subbag1", "H.subbag1", "H.bagian1"),
    ("1.f", "S.bagian2", "H.bagian2", "H.asisten1"),
    ("2.a", "H.setwan", "KD", "KD"),
    ("2.b", "H.wbag1", "H.setwan", "H.setda"),
    ("2.c", "H.wsub1", "H.wbag1", "H.setwan"),
    ("2.d", "S.wsub1", "H.wsub1", "H.wbag1"),
    ("2.d", "S.wbag2", "H.wbag2", "H.setwan"),
    ("3.a", "H.insp", "KD", "KD"),
    ("3.b", "H.isek", "H.insp", "H.setda"),
    ("3.c", "H.irban1", "H.insp", "H.setda"),
    ("3.d", "H.isub", "H.isek", "H.insp"),
    ("3.e", "S.isub", "H.isub", "H.isek"),
    ("3.e", "S.isek", "H.isek", "H.insp"),
    ("3.f", "S.irban1", "H.irban1", "H.insp"),
) + _dinas_like("4", "dinas", "dsek", "dsub", "dbid", "dseksi") + _dinas_like(
    "5", "du", "usek", "usub", "ubid", "useksi"
) + (
    ("5.h", "H.uptd1", "H.du", "H.setda"),
    ("5.i", "H.utu", "H.uptd1", "H.usek"),
    ("5.j", "S.uptd1", "H.uptd1", "H.usek"),
    ("5.j", "S.utu", "H.uptd1", "H.usek"),
    ("6.a", "H.pend", "KD", "KD"),
    ("6.b", "H.psek", "H.pend", "H.setda"),
    ("6.c", "H.pbid_dikdas", "H.pend", "H.setda"),
    ("6.d", "H.psub", "H.psek", "H.pend"),
    ("6.e", "H.pseksi_sd", "H.pbid_dikdas", "H.pend"),
    ("6.f", "S.psub", "H.psub", "H.psek"),
    ("6.f", "S.psek", "H.psek", "H.pend"),
    ("6.g", "S.pseksi_sd", "H.pseksi_sd", "H.pbid_dikdas"),
    ("6.g", "S.pbid_gtk", "H.pbid_gtk", "H.pend"),
    ("6.h", "X.pengawas", "H.pbid_dikdas", "H.pend"),
    ("6.i", "H.tk1", "H.pseksi_paud", "H.pbid_paud"),
    ("6.j", "H.sdn1", "H.pseksi_sd", "H.pbid_dikdas"),
    ("6.k", "H.smpn1", "H.pseksi_ptk_smp", "H.pbid_gtk"),
    ("6.l", "S.tk1", "H.tk1", "H.pseksi_paud"),
    ("6.m", "S.sdn1", "H.sdn1", "H.pseksi_sd"),
    ("6.n", "S.smpn1", "H.smpn1", "H.pseksi_smp"),
    ("6.o", "X.dpk_tk", "H.pbid_gtk", "H.pend"),
    ("6.p", "X.dpk_sd", "H.pbid_gtk", "H.pend"),
    ("6.q", "X.dpk_smp", "H.pbid_gtk", "H.pend"),
    ("6.r", "S.upp1", "H.pbid_gtk", "H.pend"),
    ("6.r", "H.upp1", "H.pbid_gtk", "H.pend"),
) + _dinas_like("7", "bdn", "bsek", "bsub", "bbid", "bsubbid") + _dinas_like(
    "8", "bu", "busek", "busub", "bubid", "busubbid"
) + (
    ("8.h", "H.upt1", "H.bu", "H.setda"),
    ("8.i", "H.butu", "H.upt1", "H.busek"),
    ("8.j", "S.upt1", "H.upt1", "H.busek"),
    ("8.j", "S.butu", "H.upt1", "H.busek"),
) + _dinas_like("9", "sp", "spsek", "spsub", "spbid", "spseksi") + (
    ("10.a", "H.rs", "KD", "KD"),
    ("10.b", "H.wadir1", "H.rs", "H.setda"),
    ("10.c", "H.rsbag", "H.wadir1", "H.rs"),
    ("10.d", "H.rsbid", "H.wadir1", "H.rs"),
    ("10.e", "H.rssub", "H.rsbag", "H.wadir1"),
    ("10.f", "H.rsseksi", "H.rsbid", "H.wadir1"),
    ("10.g", "H.inst1", "H.rsbid", "H.wadir1"),
    ("10.g", "S.inst1", "H.rsbid", "H.wadir1"),
    ("10.h", "S.rssub", "H.rsbag", "H.wadir1"),
    ("10.h", "S.rsbag", "H.rsbag", "H.wadir1"),
    ("10.i", "S.rsseksi", "H.rsbid", "H.wadir1"),
    ("10.i", "S.rsbid", "H.rsbid", "H.wadir1"),
    ("11.a", "H.kec", "KD", "KD"),
    ("11.b", "H.ksek", "H.kec", "H.setda"),
    ("11.c", "H.ksub", "H.ksek", "H.kec"),
    ("11.d", "H.kseksi", "H.ksek", "H.kec"),
    ("11.e", "S.ksub", "H.ksub", "H.ksek"),
    ("11.f", "S.kseksi", "H.kseksi", "H.ksek"),
    ("12.a", "H.kel", "H.kec", "H.setda"),
    ("12.b", "H.lsek", "H.kel", "H.ksek"),
    ("12.c", "H.lseksi", "H.kel", "H.ksek"),
    ("12.d", "S.lsek", "H.lsek", "H.kel"),
    ("12.e", "S.lseksi", "H.lseksi", "H.kel"),
    ("13.a", "H.bp", "KD", "KD"),
    ("13.b", "H.bpsek", "H.bp", "H.setda"),
    ("13.c", "H.bpseksi", "H.bp", "H.setda"),
    ("13.d", "S.bpsek", "H.bpsek", "H.bp"),
    ("13.e", "S.bpseksi", "H.bpseksi", "H.bp"),
)


def employee_keys():
    """Every employee of the city: (key, unit key, is head, special)."""
    keys = []
    for key, _parent, _kind, _code in UNITS:
        keys.append(("H." + key, key, True, ""))
        keys.append(("S." + key, key, False, ""))
    for key, unit, special in SPECIALS:
        keys.append((key, unit, False, special))
    return keys
