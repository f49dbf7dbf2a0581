#!/usr/bin/env python3
"""Generate ``hr_asn_demo_city.xml``: the fictional Kota Mekarsari (demo data of hr_asn_performance).

Plain Python, no odoo import; deterministic (seeded random). Run it from anywhere::

    python3 hr_asn_performance/demo/generate_demo_city.py

and commit the XML it writes next to this script. The organisation below has a Perangkat Daerah of
each of the 13 kinds of Lampiran II (Perwal Bekasi 38/2023) and people in every post the table names,
so every one of its 100 rows assesses somebody. Everything is invented: the city, the people, their
NIPs, e-mail addresses and decrees.

XML ids are meant to be referenced by later demo data (SKP ...): departments are
``hr_asn_demo_dept_<key>``, employees ``hr_asn_demo_emp_<key>``; keep keys stable when editing.
Heads of units get the key given as ``head_key`` (``kadis_kesehatan``) or ``kepala_<unit key>``;
staff ``<unit key>_<n>`` unless given a key.

The demo users (``hr_asn_demo_users.xml``, hand-written, loaded first) are linked here through the
employees' ``user_id`` (``user=``/``head_user=`` below); the names given with them fix those people's
names and e-mail addresses (first.last@mekarsarikota.go.id), which the users file repeats. Everybody
else is drawn from the seeded random stream: adding a post renames people after it, XML ids stay.
"""

import datetime
import importlib.util
import os
import random
import re
import unicodedata
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "hr_asn_demo_city.xml")
MODULE = "hr_asn_performance"
SEED = 20260105
REFERENCE_YEAR = 2026  # the demo's "today": ages and years of service are counted to this year
LAST_APPOINTMENT_YEAR = 2025
DOMAIN = "mekarsarikota.go.id"


def _load_nip_rules():
    spec = importlib.util.spec_from_file_location(
        "hr_asn_nip_rules", os.path.join(HERE, os.pardir, "rules", "nip.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


nip_rules = _load_nip_rules()

# ----------------------------------------------------------------------------------------------
# The organisation
# ----------------------------------------------------------------------------------------------
# Kinds of head (asn_position_kind, jenjang, golongan choices)
JPT = ("jpt", "jpt_pratama", ("IV/c", "IV/d"))
ADM = ("administrator", None, ("IV/a", "IV/b"))
PGW = ("pengawas", None, ("III/c", "III/d"))


# a unit or employee of the demo, loaded before the Lampiran II recompute that runs once at the end
RECORD_NO_RECOMPUTE = """    <record id="%s" model="%s" context="{'hr_asn_no_recompute': True}">"""


class Unit:
    def __init__(self, key, name, kind, head=PGW, head_title=None, head_key=None, staff=(), children=(),
                 code="", head_job=None, head_edu=None, head_name=None, head_gender=None, head_user=None,
                 vacant=False, head_golongan=None, titles=None):
        self.key = key
        self.name = name
        self.kind = kind  # "opd:<kind>" or a unit kind
        self.code = code
        self.head = head
        self.head_title = head_title
        self.head_key = head_key or "kepala_%s" % key
        self.head_job = head_job  # fungsional heads: (job title for the catalogue, jenjang)
        self.head_edu = head_edu
        self.head_name = head_name
        self.head_gender = head_gender
        self.head_user = head_user
        self.head_golongan = head_golongan
        self.vacant = vacant
        self.titles = titles or {}  # academic titles of the heads of this subtree, by kind of position
        self.staff = list(staff)
        self.children = list(children)
        self.parent = None
        for child in self.children:
            child.parent = self


class S:
    """A staff member: job title (the catalogue below gives kind, jenjang, education), status."""

    def __init__(self, job, status="pns", key=None, special=None, name=None, gender=None, user=None,
                 tb=False, golongan=None, job_title=None, override=None):
        self.job = job
        self.status = status
        self.key = key
        self.special = special
        self.name = name
        self.gender = gender
        self.user = user
        self.tb = tb
        self.golongan = golongan
        self.job_title = job_title
        self.override = override


P = "pppk"
C = "cpns"

# The head's position from the unit's name; a Perangkat Daerah and a Sekretariat name theirs explicitly.
HEAD_TITLES = {
    "asisten": "%s",
    "staf_ahli": "%s",
    "bagian": "Kepala %s",
    "sub_bagian": "Kepala %s",
    "bidang": "Kepala %s",
    "sub_bidang": "Kepala %s",
    "seksi": "Kepala %s",
    "uptd": "Kepala %s",
    "inspektur_pembantu": "%s",
    "wakil_direktur": "%s",
    "instalasi": "Kepala %s",
}


def kecamatan(key, name, head_key, kelurahan, seksi, subbag, staff_sub, staff_seksi):
    return Unit(
        key, "Kecamatan %s" % name, "opd:kecamatan", ADM, "Camat %s" % name, head_key=head_key, titles=T_WILAYAH,
        children=[
            Unit(key + "_sekretariat", "Sekretariat Kecamatan %s" % name, "sekretariat", ADM,
                 "Sekretaris Kecamatan %s" % name,
                 children=[
                     Unit("%s_subbag_%s" % (key, sub_key), "Sub Bagian %s" % sub_name, "sub_bagian",
                          staff=staff_sub.get(sub_key, ()))
                     for sub_key, sub_name in subbag
                 ]),
        ] + [
            Unit("%s_seksi_%s" % (key, seksi_key), "Seksi %s" % seksi_name, "seksi",
                 staff=staff_seksi.get(seksi_key, ()))
            for seksi_key, seksi_name in seksi
        ] + kelurahan,
    )


def kelurahan(key, name, head_key, seksi, staff_sek, staff_seksi, head_name=None, head_gender=None,
              head_user=None):
    return Unit(
        key, "Kelurahan %s" % name, "opd:kelurahan", PGW, "Lurah %s" % name, head_key=head_key,
        head_golongan=("III/d",), head_name=head_name, head_gender=head_gender, head_user=head_user,
        children=[
            Unit(key + "_sekretariat", "Sekretariat Kelurahan %s" % name, "sekretariat", PGW,
                 "Sekretaris Kelurahan %s" % name, staff=staff_sek),
        ] + [
            Unit("%s_seksi_%s" % (key, seksi_key), "Seksi %s" % seksi_name, "seksi", PGW,
                 staff=staff_seksi.get(seksi_key, ()))
            for seksi_key, seksi_name in seksi
        ],
    )


# Academic titles of heads by field (Unit.titles, inherited by the units below)
T_SETWAN = {"jpt": [("", ", S.H., M.H.")]}
T_INSPEKTORAT = {"administrator": [("", ", S.E., M.Ak."), ("", ", S.E., M.M."), ("", ", S.H., M.H."),
                                   ("", ", S.STP, M.Si.")],
                 "pengawas": [("", ", S.E."), ("", ", S.Ak."), ("", ", S.AP.")]}
T_KOMINFO = {"administrator": [("", ", S.Kom., M.Kom."), ("", ", S.T., M.T."), ("", ", S.I.Kom., M.Si.")],
             "pengawas": [("", ", S.Kom."), ("", ", S.T."), ("", ", S.I.Kom.")]}
T_KESEHATAN = {"administrator": [("", ", S.K.M., M.Kes."), ("dr. ", ", M.Kes."), ("", ", S.K.M., M.K.M."),
                                 ("apt. ", ", S.Farm., M.Kes.")],
               "pengawas": [("", ", S.K.M."), ("", ", S.K.M., M.Kes."), ("", ", S.Kep., Ners"), ("apt. ", ", S.Farm."),
                            ("", ", S.E.")]}
T_PENDIDIKAN = {"administrator": [("", ", S.Pd., M.Pd."), ("", ", S.Pd., M.Si."), ("", ", S.E., M.M.")],
                "pengawas": [("", ", S.Pd."), ("", ", S.Pd., M.Pd."), ("", ", S.E."), ("", ", S.Sos.")]}
T_BKPSDM = {"jpt": [("", ", S.Sos., M.Si.")],
            "administrator": [("", ", S.Psi., M.Si."), ("", ", S.AP., M.AP."), ("", ", S.Sos., M.Si.")],
            "pengawas": [("", ", S.Psi."), ("", ", S.AP."), ("", ", S.Sos."), ("", ", S.Kom.")]}
T_PERENCANAAN = {"administrator": [("", ", S.T., M.T."), ("", ", S.E., M.Si."), ("", ", S.P.W.K., M.T.")],
                 "pengawas": [("", ", S.T."), ("", ", S.E."), ("", ", S.P.W.K.")]}
T_PENDAPATAN = {"jpt": [("", ", S.E., M.M.")],
                "administrator": [("", ", S.E., M.M."), ("", ", S.E., M.Ak."), ("", ", S.AP., M.AP.")],
                "pengawas": [("", ", S.E."), ("", ", S.Ak."), ("", ", S.AP.")]}
T_SATPOL = {"administrator": [("", ", S.STP, M.Si."), ("", ", S.H., M.H."), ("", ", S.Sos., M.Si.")],
            "pengawas": [("", ", S.H."), ("", ", S.STP"), ("", ", S.Sos.")]}
T_RSUD = {"administrator": [("dr. ", ", M.Kes."), ("", ", S.K.M., M.Kes."), ("", ", S.E., M.M.")],
          "pengawas": [("", ", S.K.M."), ("", ", S.Kep., Ners"), ("", ", S.E.")]}
T_WILAYAH = {"administrator": [("", ", S.STP, M.Si."), ("", ", S.Sos., M.Si."), ("", ", S.IP., M.Si.")],
             "pengawas": [("", ", S.STP"), ("", ", S.Sos."), ("", ", S.IP."), ("", ", S.AP.")]}
T_BENCANA = {"jpt": [("", ", S.T., M.Si.")],
             "administrator": [("", ", S.T., M.T."), ("", ", S.Sos., M.Si.")],
             "pengawas": [("", ", S.T."), ("", ", S.Sos."), ("", ", S.Si.")]}

ORGANISATION = [
    # 1. Sekretariat Daerah
    Unit("setda", "Sekretariat Daerah", "opd:setda", JPT, "Sekretaris Daerah", head_key="sekda",
         head_golongan=("IV/d",), head_edu=("S2", ("Drs. ", ", M.Si.")), children=[
             Unit("asisten_1", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "asisten", JPT,
                  head_key="asisten_1", children=[
                      Unit("setda_bag_pemerintahan", "Bagian Pemerintahan", "bagian", ADM,
                           staff=[S("Analis Kebijakan Ahli Muda")]),
                      Unit("setda_bag_hukum", "Bagian Hukum", "bagian", ADM, staff=[
                          S("Analis Hukum Ahli Muda")], children=[
                              Unit("setda_subbag_perundangan", "Sub Bagian Perundang-undangan", "sub_bagian",
                                   staff=[S("Perancang Peraturan Perundang-undangan Ahli Pertama", C)]),
                      ]),
                  ]),
             Unit("asisten_2", "Asisten Perekonomian dan Pembangunan", "asisten", JPT, head_key="asisten_2",
                  children=[
                      Unit("setda_bag_perekonomian", "Bagian Perekonomian dan Sumber Daya Alam", "bagian", ADM,
                           staff=[S("Analis Kebijakan Ahli Pertama"), S("Penata Layanan Operasional", P)]),
                  ]),
             Unit("asisten_3", "Asisten Administrasi Umum", "asisten", JPT, head_key="asisten_3", children=[
                 Unit("setda_bag_umum", "Bagian Umum", "bagian", ADM, children=[
                     Unit("setda_subbag_tu_pimpinan", "Sub Bagian Tata Usaha Pimpinan", "sub_bagian",
                          staff=[S("Pengadministrasi Perkantoran", P), S("Arsiparis Terampil")]),
                 ]),
                 Unit("setda_bag_organisasi", "Bagian Organisasi", "bagian", ADM,
                      staff=[S("Analis Kebijakan Ahli Pertama")]),
             ]),
             Unit("staf_ahli_1", "Staf Ahli Wali Kota Bidang Hukum, Politik dan Pemerintahan", "staf_ahli",
                  JPT, head_key="staf_ahli_1"),
             Unit("staf_ahli_2", "Staf Ahli Wali Kota Bidang Ekonomi, Keuangan dan Pembangunan", "staf_ahli",
                  JPT, head_key="staf_ahli_2"),
         ]),
    # 2. Sekretariat DPRD
    Unit("setwan", "Sekretariat DPRD", "opd:setwan", JPT, "Sekretaris DPRD", head_key="sekwan", titles=T_SETWAN,
         children=[
        Unit("setwan_bag_umum", "Bagian Umum dan Keuangan", "bagian", ADM, children=[
            Unit("setwan_subbag_tu", "Sub Bagian Tata Usaha dan Kepegawaian", "sub_bagian",
                 staff=[S("Pengadministrasi Perkantoran", P)]),
            Unit("setwan_subbag_keuangan", "Sub Bagian Keuangan", "sub_bagian",
                 staff=[S("Analis Keuangan Pusat dan Daerah Ahli Pertama")]),
        ]),
        Unit("setwan_bag_persidangan", "Bagian Persidangan dan Perundang-undangan", "bagian", ADM,
             staff=[S("Analis Hukum Ahli Muda")]),
    ]),
    # 3. Inspektorat Daerah
    Unit("inspektorat", "Inspektorat Daerah", "opd:inspektorat", JPT, "Inspektur", head_key="inspektur",
         head_edu=("S2", ("", ", S.E., M.Ak.")), titles=T_INSPEKTORAT, children=[
             Unit("inspektorat_sekretariat", "Sekretariat Inspektorat", "sekretariat", ADM,
                  "Sekretaris Inspektorat", children=[
                      Unit("inspektorat_subbag_umum", "Sub Bagian Umum, Keuangan dan Kepegawaian", "sub_bagian",
                           staff=[S("Pengadministrasi Perkantoran", P)]),
                  ]),
             Unit("irban_1", "Inspektur Pembantu Wilayah I", "inspektur_pembantu", ADM, head_key="irban_1",
                  staff=[S("Auditor Ahli Muda"), S("Auditor Ahli Pertama", P)]),
             Unit("irban_2", "Inspektur Pembantu Wilayah II", "inspektur_pembantu", ADM, head_key="irban_2",
                  staff=[S("Auditor Ahli Pertama")]),
             Unit("irban_3", "Inspektur Pembantu Wilayah III", "inspektur_pembantu", ADM, head_key="irban_3",
                  staff=[S("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Muda")]),
             Unit("irban_4", "Inspektur Pembantu Wilayah IV (Investigasi)", "inspektur_pembantu", ADM,
                  head_key="irban_4", staff=[S("Auditor Ahli Madya")]),
         ]),
    # 4. Dinas
    Unit("diskominfo", "Dinas Komunikasi dan Informatika", "opd:dinas", JPT,
         "Kepala Dinas Komunikasi dan Informatika", head_key="kadis_kominfo",
         head_edu=("S2", ("", ", S.Kom., M.T.")), titles=T_KOMINFO, children=[
             Unit("diskominfo_sekretariat", "Sekretariat Dinas Komunikasi dan Informatika", "sekretariat", ADM,
                  "Sekretaris Dinas Komunikasi dan Informatika", head_key="sekdis_kominfo",
                  staff=[S("Perencana Ahli Pertama")], children=[
                      Unit("diskominfo_subbag_umum", "Sub Bagian Umum dan Kepegawaian", "sub_bagian", staff=[
                          S("Pengadministrasi Perkantoran", P),
                          S("Pranata Komputer Terampil", key="pranata_komputer_override", override=(
                              "kabid_aptika", "kadis_kominfo",
                              "Berdasarkan Surat Keputusan Kepala Dinas Komunikasi dan Informatika Kota "
                              "Mekarsari Nomor 800.1.11.1/014/Diskominfo/2026 tentang Penugasan Tim "
                              "Pengelola Mekarsari Smart City, yang bersangkutan ditugaskan penuh pada Bidang "
                              "Aplikasi Informatika sejak 2 Februari 2026, sehingga kinerjanya dinilai oleh "
                              "Kepala Bidang Aplikasi Informatika.")),
                      ]),
                  ]),
             Unit("diskominfo_bid_ikp", "Bidang Informasi dan Komunikasi Publik", "bidang", ADM,
                  staff=[S("Pranata Hubungan Masyarakat Ahli Muda")], children=[
                      Unit("diskominfo_seksi_pip", "Seksi Pengelolaan Informasi Publik", "seksi", staff=[
                          S("Pranata Hubungan Masyarakat Ahli Pertama", P)]),
                  ]),
             Unit("diskominfo_bid_aptika", "Bidang Aplikasi Informatika", "bidang", ADM, head_key="kabid_aptika",
                  staff=[S("Sandiman Ahli Pertama")], children=[
                      Unit("diskominfo_seksi_egov", "Seksi Layanan e-Government", "seksi", staff=[
                          S("Pranata Komputer Ahli Pertama", P)]),
                      # the vacant post of the demo: no head, no Plt/Plh (Pasal 26 ayat 3)
                      Unit("diskominfo_seksi_infrastruktur", "Seksi Infrastruktur dan Teknologi Informasi", "seksi",
                           vacant=True, staff=[S("Pranata Komputer Ahli Muda"), S("Pranata Komputer Terampil", P)]),
                  ]),
         ]),
    # 5. Dinas with UPTD
    Unit("dinkes", "Dinas Kesehatan", "opd:dinas_uptd", JPT, "Kepala Dinas Kesehatan", head_key="kadis_kesehatan",
         head_name="dr. Ratna Wulandari, M.Kes.", head_gender="female", head_user="kadis_kesehatan",
         head_edu=("dr", None), titles=T_KESEHATAN, children=[
             Unit("dinkes_sekretariat", "Sekretariat Dinas Kesehatan", "sekretariat", ADM,
                  "Sekretaris Dinas Kesehatan", head_key="sekdis_kesehatan", children=[
                      Unit("dinkes_subbag_umum", "Sub Bagian Umum dan Kepegawaian", "sub_bagian", staff=[
                          S("Analis SDM Aparatur Ahli Pertama", key="admin_dinkes", name="Dede Kurniawan, S.AP.",
                            gender="male", user="admin_dinkes"),
                          S("Pengadministrasi Perkantoran", P)]),
                      Unit("dinkes_subbag_keuangan", "Sub Bagian Keuangan dan Aset", "sub_bagian",
                           staff=[S("Analis Keuangan Pusat dan Daerah Ahli Pertama")]),
                  ]),
             Unit("dinkes_bid_kesmas", "Bidang Kesehatan Masyarakat", "bidang", ADM, head_key="kabid_kesmas",
                  children=[
                      Unit("dinkes_seksi_kesga", "Seksi Kesehatan Keluarga dan Gizi", "seksi",
                           staff=[S("Nutrisionis Ahli Pertama", P)]),
                      Unit("dinkes_seksi_promkes", "Seksi Promosi dan Pemberdayaan Masyarakat", "seksi",
                           staff=[S("Penyuluh Kesehatan Masyarakat Ahli Muda")]),
                  ]),
             Unit("dinkes_bid_p2p", "Bidang Pencegahan dan Pengendalian Penyakit", "bidang", ADM,
                  head_key="kabid_p2p", children=[
                      Unit("dinkes_seksi_surveilans", "Seksi Surveilans dan Imunisasi", "seksi",
                           staff=[S("Epidemiolog Kesehatan Ahli Pertama"),
                                  S("Administrator Kesehatan Ahli Pertama", C)]),
                  ]),
             Unit("dinkes_bid_yankes", "Bidang Pelayanan dan Sumber Daya Kesehatan", "bidang", ADM,
                  head_key="kabid_yankes", head_name="dr. Hotman Parulian Sitompul, M.K.M.", head_gender="male",
                  head_user="kabid_yankes", head_edu=("dr", None),
                  staff=[S("Administrator Kesehatan Ahli Muda")], children=[
                      Unit("dinkes_seksi_yankes_primer", "Seksi Pelayanan Kesehatan Primer dan Rujukan", "seksi",
                           head_key="kasi_yankes_primer", staff=[
                               S("Administrator Kesehatan Ahli Pertama", key="pegawai_dinkes",
                                 name="Neneng Rohaeti, S.K.M.", gender="female", user="pegawai"),
                               S("Pengolah Data dan Informasi", P)]),
                      Unit("dinkes_seksi_sdk", "Seksi Kefarmasian, Alat Kesehatan dan SDM Kesehatan", "seksi",
                           staff=[S("Apoteker Ahli Pertama")]),
                  ]),
             Unit("dinkes_uptd_pkm_mekarsari", "UPTD Puskesmas Mekarsari", "uptd", PGW,
                  head_edu=("dr", None), head_key="kepala_puskesmas_mekarsari", staff=[
                      S("Dokter Ahli Pertama"), S("Perawat Terampil", P), S("Bidan Terampil", P)], children=[
                          Unit("dinkes_uptd_pkm_mekarsari_tu", "Sub Bagian Tata Usaha UPTD Puskesmas Mekarsari",
                               "sub_bagian_tu", head_title="Kepala Sub Bagian Tata Usaha UPTD Puskesmas Mekarsari",
                               staff=[S("Pengadministrasi Perkantoran")]),
                  ]),
             Unit("dinkes_uptd_pkm_sukamulya", "UPTD Puskesmas Sukamulya", "uptd", PGW,
                  head_edu=("drg", None), head_key="kepala_puskesmas_sukamulya", staff=[
                      S("Perawat Ahli Pertama"), S("Tenaga Sanitasi Lingkungan Terampil", P)]),
         ]),
    # 6. Dinas Pendidikan
    Unit("disdik", "Dinas Pendidikan", "opd:dinas_pendidikan", JPT, "Kepala Dinas Pendidikan",
         head_key="kadis_pendidikan", head_edu=("S2", ("Dr. ", ", S.Pd., M.Pd.")), titles=T_PENDIDIKAN, children=[
             Unit("disdik_sekretariat", "Sekretariat Dinas Pendidikan", "sekretariat", ADM,
                  "Sekretaris Dinas Pendidikan", head_key="sekdis_pendidikan", children=[
                      Unit("disdik_subbag_umum", "Sub Bagian Umum dan Kepegawaian", "sub_bagian",
                           staff=[S("Analis SDM Aparatur Ahli Pertama"), S("Pengadministrasi Perkantoran", P)]),
                  ]),
             Unit("disdik_bid_paud", "Bidang PAUD dan Pendidikan Masyarakat", "bidang", ADM,
                  code="bidang_paud_dikmas", head_key="kabid_paud", children=[
                      Unit("disdik_seksi_gtk_paud", "Seksi Guru dan Tenaga Kependidikan PAUD", "seksi",
                           code="seksi_gtk_paud", head_key="kasi_gtk_paud",
                           staff=[S("Penata Layanan Operasional")]),
                      Unit("disdik_tk_pembina", "TK Negeri Pembina Mekarsari", "tk_paud",
                           head_title="Kepala TK Negeri Pembina Mekarsari", head_job=("Guru Ahli Muda", "ahli_muda"),
                           head_gender="female", staff=[S("Guru Ahli Pertama", P, gender="female")]),
                  ]),
             Unit("disdik_bid_dikdas", "Bidang Pendidikan Dasar", "bidang", ADM, code="bidang_dikdas",
                  head_key="kabid_dikdas", staff=[
                      S("Pengawas Sekolah Ahli Madya", key="pengawas_sekolah", special="pengawas_sekolah")],
                  children=[
                      Unit("disdik_seksi_sd", "Seksi Kurikulum dan Kesiswaan SD", "seksi", code="seksi_sd",
                           head_key="kasi_sd", staff=[S("Pengolah Data dan Informasi")]),
                      Unit("disdik_seksi_smp", "Seksi Kurikulum dan Kesiswaan SMP", "seksi", code="seksi_smp",
                           head_key="kasi_smp"),
                      Unit("disdik_sdn_mekarsari_1", "SD Negeri Mekarsari 1", "sdn",
                           head_title="Kepala SD Negeri Mekarsari 1", head_job=("Guru Ahli Madya", "ahli_madya"),
                           staff=[S("Guru Ahli Muda"), S("Guru Ahli Pertama", P), S("Guru Ahli Pertama", C)]),
                      Unit("disdik_smpn_1", "SMP Negeri 1 Mekarsari", "smpn",
                           head_title="Kepala SMP Negeri 1 Mekarsari", head_job=("Guru Ahli Madya", "ahli_madya"),
                           staff=[S("Guru Ahli Madya"), S("Guru Ahli Pertama", P), S("Pustakawan Terampil", P)]),
                  ]),
             Unit("disdik_bid_gtk", "Bidang Pendidik dan Tenaga Kependidikan", "bidang", ADM, code="bidang_gtk",
                  head_key="kabid_gtk", staff=[
                      S("Guru Ahli Muda", key="guru_dpk_tk", special="diperbantukan_tk", gender="female",
                        job_title="Guru Ahli Muda (diperbantukan pada TK Islam Terpadu Nurul Iman)"),
                      S("Guru Ahli Muda", key="guru_dpk_sd", special="diperbantukan_sd",
                        job_title="Guru Ahli Muda (diperbantukan pada SD Kartika Mekarsari)"),
                      S("Guru Ahli Madya", key="guru_dpk_smp", special="diperbantukan_smp",
                        job_title="Guru Ahli Madya (diperbantukan pada SMP Pelita Bangsa Mekarsari)"),
                  ], children=[
                      Unit("disdik_seksi_ptk_smp", "Seksi Pendidik dan Tenaga Kependidikan SMP", "seksi",
                           code="seksi_ptk_smp", head_key="kasi_ptk_smp",
                           staff=[S("Analis SDM Aparatur Ahli Pertama")]),
                  ]),
             Unit("disdik_upp_mekarsari_utara", "Unit Pelayanan Pendidikan Kecamatan Mekarsari Utara", "upp",
                  ("pelaksana", None, ("III/d",)),
                  head_title="Koordinator Unit Pelayanan Pendidikan Kecamatan Mekarsari Utara",
                  staff=[S("Pengadministrasi Perkantoran", P)]),
         ]),
    # 7. Badan (BKPSDM and Bappelitbangda)
    Unit("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "opd:badan", JPT,
         "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", head_key="kaban_bkpsdm",
         titles=T_BKPSDM, children=[
             Unit("bkpsdm_sekretariat", "Sekretariat BKPSDM", "sekretariat", ADM, "Sekretaris BKPSDM",
                  staff=[S("Perencana Ahli Pertama")], children=[
                      Unit("bkpsdm_subbag_umum", "Sub Bagian Umum dan Kepegawaian", "sub_bagian",
                           staff=[S("Pengadministrasi Perkantoran", P)]),
                  ]),
             Unit("bkpsdm_bid_mutasi", "Bidang Mutasi, Promosi dan Informasi Kepegawaian", "bidang", ADM,
                  staff=[S("Analis SDM Aparatur Ahli Muda")], children=[
                      Unit("bkpsdm_subbid_mutasi", "Sub Bidang Mutasi dan Kepangkatan", "sub_bidang",
                           staff=[S("Penata Layanan Operasional"), S("Pranata Komputer Ahli Pertama", C)]),
                  ]),
             Unit("bkpsdm_bid_kinerja", "Bidang Penilaian Kinerja Aparatur dan Penghargaan", "bidang", ADM,
                  head_key="kabid_kinerja_bkpsdm", children=[
                      Unit("bkpsdm_subbid_kinerja", "Sub Bidang Penilaian Kinerja Aparatur", "sub_bidang", staff=[
                          S("Analis SDM Aparatur Ahli Muda", key="admin_bkpsdm", name="Fitri Yulianti, S.Psi., M.Psi.",
                            gender="female", user="bkpsdm"),
                          S("Asesor SDM Aparatur Ahli Pertama")]),
                  ]),
         ]),
    Unit("bappelitbangda", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "opd:badan", JPT,
         "Kepala Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
         head_key="kaban_bappelitbangda", head_edu=("S2", ("Ir. ", ", M.T.")), titles=T_PERENCANAAN, children=[
             Unit("bappelitbangda_sekretariat", "Sekretariat Bappelitbangda", "sekretariat", ADM,
                  "Sekretaris Bappelitbangda", children=[
                      Unit("bappelitbangda_subbag_umum", "Sub Bagian Umum dan Kepegawaian", "sub_bagian",
                           staff=[S("Pengadministrasi Perkantoran")]),
                  ]),
             Unit("bappelitbangda_bid_ppm", "Bidang Perencanaan Pemerintahan dan Pembangunan Manusia", "bidang", ADM,
                  children=[
                      Unit("bappelitbangda_subbid_pemerintahan", "Sub Bidang Pemerintahan dan Pembangunan Manusia",
                           "sub_bidang", staff=[
                               S("Analis Kebijakan Ahli Pertama", key="tugas_belajar", tb=True),
                               S("Perencana Ahli Muda")]),
                  ]),
             Unit("bappelitbangda_bid_pik", "Bidang Perekonomian, Infrastruktur dan Kewilayahan", "bidang", ADM,
                  staff=[S("Perencana Ahli Madya"), S("Perencana Ahli Pertama", P)]),
         ]),
    # 8. Badan with UPT
    Unit("bapenda", "Badan Pendapatan Daerah", "opd:badan_upt", JPT, "Kepala Badan Pendapatan Daerah",
         head_key="kaban_bapenda", titles=T_PENDAPATAN, children=[
             Unit("bapenda_sekretariat", "Sekretariat Badan Pendapatan Daerah", "sekretariat", ADM,
                  "Sekretaris Badan Pendapatan Daerah", children=[
                      Unit("bapenda_subbag_umum", "Sub Bagian Umum dan Kepegawaian", "sub_bagian",
                           staff=[S("Pengadministrasi Perkantoran", P)]),
                  ]),
             Unit("bapenda_bid_pendataan", "Bidang Pendataan dan Penetapan", "bidang", ADM, children=[
                 Unit("bapenda_subbid_pendataan", "Sub Bidang Pendataan dan Pendaftaran", "sub_bidang",
                      staff=[S("Pengolah Data dan Informasi", P)]),
             ]),
             Unit("bapenda_bid_penagihan", "Bidang Penagihan dan Pengendalian", "bidang", ADM,
                  staff=[S("Penata Layanan Operasional")]),
             Unit("bapenda_uptd_pajak_1", "UPTD Pajak Daerah Wilayah I", "uptd", PGW,
                  staff=[S("Penata Layanan Operasional"), S("Operator Layanan Operasional", P)], children=[
                      Unit("bapenda_uptd_pajak_1_tu", "Sub Bagian Tata Usaha UPTD Pajak Daerah Wilayah I",
                           "sub_bagian_tu", head_title="Kepala Sub Bagian Tata Usaha UPTD Pajak Daerah Wilayah I",
                           staff=[S("Pengadministrasi Perkantoran")]),
                  ]),
         ]),
    # 9. Satpol PP
    Unit("satpolpp", "Satuan Polisi Pamong Praja", "opd:satpol_pp", JPT, "Kepala Satuan Polisi Pamong Praja",
         head_key="kasat_polpp", head_edu=("S2", ("", ", S.STP, M.Si.")), titles=T_SATPOL, children=[
             Unit("satpolpp_sekretariat", "Sekretariat Satuan Polisi Pamong Praja", "sekretariat", ADM,
                  "Sekretaris Satuan Polisi Pamong Praja", children=[
                      Unit("satpolpp_subbag_umum", "Sub Bagian Umum dan Kepegawaian", "sub_bagian",
                           staff=[S("Pengadministrasi Perkantoran")]),
                  ]),
             Unit("satpolpp_bid_gakda", "Bidang Penegakan Peraturan Daerah", "bidang", ADM, children=[
                 Unit("satpolpp_seksi_lidik", "Seksi Penyelidikan dan Penyidikan", "seksi",
                      staff=[S("Polisi Pamong Praja Ahli Pertama"), S("Polisi Pamong Praja Terampil", P)]),
             ]),
             # the post with a Plt of the demo: no Kepala Bidang, the Kepala Seksi Operasi acts for it
             Unit("satpolpp_bid_trantibum", "Bidang Ketenteraman dan Ketertiban Umum", "bidang", ADM, vacant=True,
                  staff=[S("Polisi Pamong Praja Mahir")], children=[
                      Unit("satpolpp_seksi_operasi", "Seksi Operasi dan Pengendalian", "seksi",
                           head_key="kasi_operasi_polpp"),
                      Unit("satpolpp_seksi_pembinaan", "Seksi Pembinaan Ketertiban Umum dan Ketenteraman Masyarakat",
                           "seksi", staff=[S("Polisi Pamong Praja Terampil", P)]),
                  ]),
         ]),
    # 10. RSUD
    Unit("rsud", "RSUD Kota Mekarsari", "opd:rsud", JPT, "Direktur RSUD Kota Mekarsari", head_key="direktur_rsud",
         head_edu=("dr", ("dr. ", ", Sp.PD., M.Kes.")), titles=T_RSUD, children=[
             Unit("rsud_wadir_umum", "Wakil Direktur Umum dan Keuangan", "wakil_direktur", ADM,
                  head_key="wadir_umum_rsud", children=[
                      Unit("rsud_bag_umum", "Bagian Umum dan Kepegawaian", "bagian", ADM,
                           staff=[S("Analis SDM Aparatur Ahli Pertama")], children=[
                               Unit("rsud_subbag_kepegawaian", "Sub Bagian Kepegawaian dan Diklat", "sub_bagian",
                                    staff=[S("Pengadministrasi Perkantoran", P)]),
                           ]),
                      Unit("rsud_bag_keuangan", "Bagian Keuangan", "bagian", ADM,
                           staff=[S("Analis Keuangan Pusat dan Daerah Ahli Pertama")]),
                  ]),
             Unit("rsud_wadir_pelayanan", "Wakil Direktur Pelayanan", "wakil_direktur", ADM,
                  head_key="wadir_pelayanan_rsud", head_edu=("dr", ("dr. ", ", M.K.M.")), children=[
                      Unit("rsud_bid_yanmed", "Bidang Pelayanan Medik", "bidang", ADM, head_edu=("dr", None),
                           staff=[S("Administrator Kesehatan Ahli Pertama")], children=[
                               Unit("rsud_seksi_yanmed", "Seksi Pelayanan Medik dan Rekam Medis", "seksi",
                                    staff=[S("Perekam Medis Terampil", P)]),
                               Unit("rsud_instalasi_igd", "Instalasi Gawat Darurat", "instalasi",
                                    head_job=("Dokter Ahli Madya", "ahli_madya"),
                                    head_edu=("dr", ("dr. ", ", Sp.EM")),
                                    staff=[S("Dokter Ahli Pertama"), S("Perawat Terampil", P)]),
                           ]),
                      Unit("rsud_bid_keperawatan", "Bidang Keperawatan", "bidang", ADM,
                           head_edu=("S2", ("", ", S.Kep., Ners, M.Kep.")), children=[
                               Unit("rsud_seksi_askep", "Seksi Asuhan dan Mutu Keperawatan", "seksi",
                                    head_edu=("S1", ("", ", S.Kep., Ners")),
                                    staff=[S("Perawat Ahli Muda")]),
                           ]),
                  ]),
         ]),
    # 11.-12. Kecamatan, with their Kelurahan inside
    kecamatan(
        "kec_mekarsari_utara", "Mekarsari Utara", "camat_mekarsari_utara",
        kelurahan=[
            kelurahan("kel_sukamulya", "Sukamulya", "lurah_sukamulya",
                      seksi=[("pemerintahan", "Pemerintahan dan Ketenteraman"),
                             ("pemberdayaan", "Pemberdayaan Masyarakat dan Kesejahteraan Sosial")],
                      staff_sek=[S("Pengadministrasi Perkantoran", P)],
                      staff_seksi={"pemerintahan": [S("Penata Layanan Operasional")],
                                   "pemberdayaan": [S("Operator Layanan Operasional", P)]},
                      head_name="Mochamad Rojali, S.Sos.", head_gender="male", head_user="lurah"),
        ],
        seksi=[("pemerintahan", "Pemerintahan"), ("trantib", "Ketenteraman dan Ketertiban Umum")],
        subbag=[("umum", "Umum dan Kepegawaian"), ("keuangan", "Perencanaan dan Keuangan")],
        staff_sub={"umum": [S("Pengadministrasi Perkantoran")],
                   "keuangan": [S("Analis Keuangan Pusat dan Daerah Ahli Pertama")]},
        staff_seksi={"pemerintahan": [S("Penata Layanan Operasional")],
                     "trantib": [S("Polisi Pamong Praja Terampil", P)]},
    ),
    kecamatan(
        "kec_mekarsari_selatan", "Mekarsari Selatan", "camat_mekarsari_selatan",
        kelurahan=[
            kelurahan("kel_pasirjaya", "Pasirjaya", "lurah_pasirjaya",
                      seksi=[("pemerintahan", "Pemerintahan, Ketenteraman dan Pembangunan")],
                      staff_sek=[S("Pengadministrasi Perkantoran")],
                      staff_seksi={"pemerintahan": [S("Penata Layanan Operasional", P)]}),
        ],
        seksi=[("pemerintahan", "Pemerintahan dan Ketenteraman"), ("ekbang", "Ekonomi dan Pembangunan")],
        subbag=[("umum", "Umum, Kepegawaian dan Keuangan")],
        staff_sub={"umum": [S("Pengadministrasi Perkantoran", P)]},
        staff_seksi={"ekbang": [S("Penata Layanan Operasional")]},
    ),
    # 13. Pelaksana BPBD
    Unit("bpbd", "Badan Penanggulangan Bencana Daerah", "opd:bpbd", JPT, "Kepala Pelaksana BPBD",
         head_key="kalak_bpbd", titles=T_BENCANA, children=[
             Unit("bpbd_sekretariat", "Sekretariat BPBD", "sekretariat", ADM, "Sekretaris BPBD",
                  staff=[S("Pengadministrasi Perkantoran")]),
             Unit("bpbd_seksi_pencegahan", "Seksi Pencegahan dan Kesiapsiagaan", "seksi",
                  staff=[S("Penata Penanggulangan Bencana Ahli Pertama")]),
             Unit("bpbd_seksi_kedaruratan", "Seksi Kedaruratan dan Logistik", "seksi",
                  staff=[S("Operator Layanan Operasional", P)]),
         ]),
]

# The Plt of the demo (Pasal 26 ayat 2): (unit, acting employee key, decree)
PLT = ("satpolpp_bid_trantibum", "kasi_operasi_polpp",
       "Surat Perintah Wali Kota Mekarsari Nomor 800.1.3.3/009/BKPSDM/2026")
PLT_DATE = "2026-01-05"
TUGAS_BELAJAR = ("2025-08-25", "2027-08-31", "Universitas Padjadjaran, S2 Administrasi Publik")
ADMIN_OPD_DEPARTMENTS = {"admin_dinkes": ["dinkes"]}

# ----------------------------------------------------------------------------------------------
# Job catalogue: kind, jenjang, education (from the job title)
# ----------------------------------------------------------------------------------------------
JENJANG_SUFFIXES = (
    ("Ahli Pertama", "ahli_pertama"), ("Ahli Muda", "ahli_muda"), ("Ahli Madya", "ahli_madya"),
    ("Ahli Utama", "ahli_utama"), ("Pemula", "pemula"), ("Terampil", "terampil"), ("Mahir", "mahir"),
    ("Penyelia", "penyelia"),
)

# (keyword in the job title, education level, academic title choices as (prefix, suffix))
EDUCATION = (
    ("Dokter Gigi", "drg", [("drg. ", "")]),
    ("Dokter", "dr", [("dr. ", "")]),
    ("Perawat Terampil", "D3", [("", ", A.Md.Kep.")]),
    ("Perawat Ahli", "S1", [("", ", S.Kep., Ners")]),
    ("Bidan Terampil", "D3", [("", ", A.Md.Keb.")]),
    ("Bidan Ahli", "S1", [("", ", S.Tr.Keb.")]),
    ("Apoteker", "S1", [("apt. ", ", S.Farm.")]),
    ("Tenaga Teknis Kefarmasian", "D3", [("", ", A.Md.Farm.")]),
    ("Pranata Laboratorium Kesehatan", "D3", [("", ", A.Md.AK.")]),
    ("Perekam Medis", "D3", [("", ", A.Md.RMIK")]),
    ("Tenaga Sanitasi", "D3", [("", ", A.Md.K.L.")]),
    ("Nutrisionis", "S1", [("", ", S.Gz.")]),
    ("Epidemiolog", "S1", [("", ", S.K.M.")]),
    ("Penyuluh Kesehatan", "S1", [("", ", S.K.M.")]),
    ("Administrator Kesehatan", "S1", [("", ", S.K.M."), ("", ", S.K.M., M.Kes.")]),
    ("Pengawas Sekolah", "S1", [("", ", S.Pd., M.Pd.")]),
    ("Guru", "S1", [("", ", S.Pd."), ("", ", S.Pd."), ("", ", S.Pd.I."), ("", ", S.Pd., M.Pd.")]),
    ("Pranata Komputer Terampil", "D3", [("", ", A.Md.Kom."), ("", ", A.Md.")]),
    ("Pranata Komputer", "S1", [("", ", S.Kom."), ("", ", S.T.")]),
    ("Statistisi", "S1", [("", ", S.Stat."), ("", ", S.Si.")]),
    ("Sandiman", "S1", [("", ", S.Tr.Kom.")]),
    ("Pranata Hubungan Masyarakat", "S1", [("", ", S.I.Kom.")]),
    ("Analis Hukum", "S1", [("", ", S.H."), ("", ", S.H., M.H.")]),
    ("Perancang", "S1", [("", ", S.H.")]),
    ("Auditor", "S1", [("", ", S.E."), ("", ", S.Ak."), ("", ", S.E., M.Ak.")]),
    ("Analis Keuangan", "S1", [("", ", S.E."), ("", ", S.Ak.")]),
    ("Pengawas Penyelenggaraan", "S1", [("", ", S.STP"), ("", ", S.IP.")]),
    ("Analis SDM Aparatur", "S1", [("", ", S.Psi."), ("", ", S.AP."), ("", ", S.Sos.")]),
    ("Asesor SDM Aparatur", "S1", [("", ", S.Psi.")]),
    ("Perencana", "S1", [("", ", S.T."), ("", ", S.E."), ("", ", S.P.W.K."), ("", ", S.T., M.Si.")]),
    ("Analis Kebijakan", "S1", [("", ", S.Sos."), ("", ", S.IP."), ("", ", S.AP.")]),
    ("Pengelola Pengadaan", "S1", [("", ", S.T."), ("", ", S.E.")]),
    ("Arsiparis Terampil", "D3", [("", ", A.Md.")]),
    ("Arsiparis", "S1", [("", ", S.Hum."), ("", ", S.IP.")]),
    ("Pustakawan Terampil", "D3", [("", ", A.Md.")]),
    ("Polisi Pamong Praja Ahli", "S1", [("", ", S.H.")]),
    ("Polisi Pamong Praja", "SMA", [("", "")]),
    ("Penata Penanggulangan Bencana", "S1", [("", ", S.T."), ("", ", S.Si.")]),
    ("Penata Layanan Operasional", "S1", [("", ", S.E."), ("", ", S.Sos."), ("", ", S.AP."), ("", ", S.IP.")]),
    ("Pengolah Data", "D3", [("", ", A.Md.")]),
    ("Pengadministrasi", "SMA", [("", "")]),
    ("Operator Layanan", "SMA", [("", "")]),
)

HEAD_EDUCATION = {  # academic titles of heads, by kind of position
    "jpt": [("", ", S.E., M.M."), ("", ", S.Sos., M.Si."), ("", ", S.H., M.H."), ("", ", S.STP, M.Si."),
            ("", ", S.T., M.T."), ("", ", S.AP., M.AP."), ("Drs. ", ", M.Si."), ("Ir. ", ", M.M.")],
    "administrator": [("", ", S.E., M.M."), ("", ", S.Sos., M.Si."), ("", ", S.H., M.H."), ("", ", S.T., M.T."),
                      ("", ", S.STP, M.Si."), ("", ", S.AP., M.AP."), ("", ", S.Kom., M.Kom."), ("", ", S.E."),
                      ("", ", S.IP.")],
    "pengawas": [("", ", S.E."), ("", ", S.Sos."), ("", ", S.H."), ("", ", S.AP."), ("", ", S.IP."),
                 ("", ", S.T."), ("", ", S.Kom."), ("", ", S.STP"), ("", ", S.Sos., M.Si.")],
    "pelaksana": [("", ", S.Pd.")],
}

# Golongan by jenjang (PermenPANRB 1/2023) and for pelaksana by education.
GOLONGAN_BY_JENJANG = {
    "ahli_pertama": ("III/a", "III/b"),
    "ahli_muda": ("III/c", "III/d"),
    "ahli_madya": ("IV/a", "IV/b", "IV/c"),
    "terampil": ("II/c", "II/d", "III/a", "III/b"),
    "mahir": ("III/a", "III/b"),
    "penyelia": ("III/c", "III/d"),
}
PELAKSANA_GOLONGAN = {"SMA": ("II/c", "II/d", "III/a", "III/b"), "D3": ("II/c", "II/d", "III/a", "III/b"),
                      "S1": ("III/a", "III/b", "III/c", "III/d")}
PPPK_GOLONGAN = {"ahli_pertama": "pppk_IX", "ahli_muda": "pppk_XI", "terampil": "pppk_VII", "mahir": "pppk_VIII",
                 "SMA": "pppk_V", "D3": "pppk_VII", "S1": "pppk_IX"}
CPNS_GOLONGAN = {"SMA": "II/a", "D3": "II/c", "S1": "III/a", "S2": "III/b", "dr": "III/b", "drg": "III/b"}
ENTRY_GOLONGAN = {"SMA": "II/a", "D3": "II/c", "S1": "III/a", "S2": "III/a", "dr": "III/b", "drg": "III/b"}
ENTRY_AGE = {"SMA": (19, 24), "D3": (21, 27), "S1": (23, 29), "S2": (23, 29), "dr": (26, 31), "drg": (25, 30)}
GOLONGAN_ORDER = [
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
    "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
]
# BUP (batas usia pensiun, UU 20/2023 jo. PP 11/2017 Pasal 239): 58, 60 for JPT and Ahli Madya.
RETIREMENT_AGE = {"jpt": 60, "ahli_madya": 60, "ahli_utama": 65}


def job_profile(job):
    """``(kind, jenjang, education, title choices)`` of a job title."""
    kind, jenjang = "pelaksana", None
    for suffix, code in JENJANG_SUFFIXES:
        if job.endswith(suffix):
            kind, jenjang = "fungsional", code
            break
    for keyword, education, titles in EDUCATION:
        if keyword in job:
            return kind, jenjang, education, titles
    raise ValueError("no education known for job %r" % job)


# ----------------------------------------------------------------------------------------------
# Names (fictional, from common given names and family names of many ethnic groups)
# ----------------------------------------------------------------------------------------------
NAMES = {
    # ethnic group: (weight, male given names, female given names, male second names, female second names,
    #                muslim?)
    "sunda": (28, ["Asep", "Dadang", "Cecep", "Ujang", "Yayan", "Deden", "Iwan", "Dedi", "Aep", "Tatang", "Ade",
                   "Agus", "Rahmat", "Dede", "Encep", "Jajang", "Ridwan", "Wawan", "Yusuf", "Irfan", "Rizal",
                   "Hendra", "Galih", "Ilham", "Rudi"],
              ["Euis", "Neneng", "Iis", "Ai", "Enok", "Eti", "Lilis", "Yeni", "Nining", "Cucu", "Tuti", "Imas",
               "Rina", "Nia", "Wida", "Siti", "Dewi", "Rika", "Nurul", "Santi", "Fitri", "Yuyun", "Teti", "Rani"],
              ["Saepudin", "Suryana", "Sutisna", "Hidayat", "Permana", "Kurnia", "Sopyan", "Supriatna",
               "Gunawan", "Ruhiyat", "Sudrajat", "Setiadi", "Mulyana", "Rukmana", "Nugraha", "Firmansyah",
               "Ramdani", "Hermawan", "Sunarya", "Solihin"],
              ["Komalasari", "Nurhayati", "Rohaeti", "Kurniasih", "Sumiati", "Nurjanah", "Rosmiati", "Herawati",
               "Rosita", "Maryani", "Handayani", "Sulastri", "Mulyani", "Rahmawati", "Nurlaela", "Susanti"],
              True),
    "jawa": (28, ["Agus", "Bambang", "Joko", "Slamet", "Sugeng", "Heru", "Bayu", "Dwi", "Eko", "Teguh", "Hadi",
                  "Yudi", "Wahyu", "Sigit", "Puguh", "Dimas", "Aditya", "Fajar", "Guntur", "Hendro", "Arif",
                  "Tri", "Budi", "Danang", "Gilang", "Yoga", "Bagus", "Anton"],
             ["Sri", "Endang", "Tri", "Rini", "Wulan", "Yuni", "Ratna", "Dewi", "Retno", "Siti", "Ani", "Puji",
              "Dyah", "Ayu", "Indah", "Kartika", "Novi", "Dian", "Lestari", "Wahyu", "Eka", "Anisa", "Intan"],
             ["Santoso", "Setiawan", "Prasetyo", "Wibowo", "Susanto", "Nugroho", "Hartono", "Purnomo", "Sutrisno",
              "Wijaya", "Kurniawan", "Saputra", "Utomo", "Raharjo", "Widodo", "Hidayat", "Subagyo", "Prabowo",
              "Suharto", "Wicaksono", "Pamungkas", "Haryanto"],
             ["Rahayu", "Lestari", "Wulandari", "Handayani", "Puspitasari", "Astuti", "Suryani", "Kusumawati",
              "Rahmawati", "Setyaningsih", "Wahyuni", "Purwanti", "Utami", "Pratiwi", "Susilowati", "Anggraini",
              "Hastuti", "Mulyaningsih"],
             True),
    "betawi": (9, ["Ahmad", "Abdul", "Muhammad", "Saiful", "Rojali", "Nasrullah", "Bahrudin", "Rohim", "Sarmili",
                   "Zainudin", "Mursyid", "Syarifudin", "Jaelani"],
               ["Siti", "Nur", "Ida", "Ani", "Siti Nur"],
               ["Rojak", "Bahri", "Syarifudin", "Ridwan", "Hasbullah", "Sanusi", "Jaelani", "Marzuki", "Zakaria",
                "Nawawi", "Fauzi"],
               ["Maemunah", "Aminah", "Khodijah", "Rohayati", "Jubaedah", "Halimah", "Hasanah", "Masitoh",
                "Mardiyah", "Nurlela", "Zubaedah", "Rohmah"],
               True),
    "batak": (8, ["Robert", "Hotman", "Togar", "Parulian", "Marolop", "Bonar", "Ronald", "Samuel", "Daniel",
                  "Jhonson", "Lamhot", "Benny", "Rudolf", "Hasudungan", "Poltak"],
              ["Rotua", "Debora", "Maria", "Lamtiur", "Rosmauli", "Sarma", "Tiurma", "Novita", "Erni", "Melva",
               "Friska", "Yanti"],
              ["Simanjuntak", "Sitompul", "Panjaitan", "Siregar", "Nainggolan", "Hutapea", "Sinaga", "Situmorang",
               "Simatupang", "Pardede", "Sihombing", "Tampubolon", "Manurung", "Hutagalung", "Napitupulu",
               "Silalahi", "Gultom", "Pasaribu"],
              None, False),
    "mandailing": (3, ["Ahmad Fauzi", "Rizki", "Irwansyah", "Muhammad Yusuf", "Syahrul", "Khairul"],
                   ["Nurhalimah", "Fitri", "Rahmadani", "Aisyah", "Nurhasanah", "Sri Rezeki"],
                   ["Nasution", "Lubis", "Harahap", "Hasibuan", "Rangkuti", "Daulay", "Pulungan"], None, True),
    "minang": (7, ["Afrizal", "Yusrizal", "Zulkifli", "Syafrizal", "Hendri", "Fauzan", "Irwan", "Alfian", "Andri",
                   "Yulizar", "Nofrizal", "Dodi", "Rahmat", "Zulhendri", "Ikhsan", "Fadli"],
               ["Desmawati", "Yulianti", "Elvira", "Rini", "Yenni", "Fitri", "Yulia", "Silvia", "Mardhiyah", "Rahmi",
                "Nelvi", "Fauziah", "Suci"],
               ["Putra", "Efendi", "Chaniago", "Piliang", "Koto", "Tanjung", "Sikumbang", "Jambak", "Caniago",
                "Syahputra", "Rahman"],
               ["Yanti", "Roza", "Marlina", "Novita", "Sari", "Fitriani", "Yusnita", "Zulfa", "Afriani", "Oktavia"],
               True),
    "bugis": (3, ["Andi Muhammad", "Andi", "Syamsul", "Muhammad", "Rustam", "Hasanuddin", "Amiruddin"],
              ["Andi Tenri", "Andi Sitti", "Nurul", "Sitti", "Andi"],
              ["Arif", "Irfan", "Alam", "Effendi", "Basri", "Mappiasse", "Parenrengi"],
              ["Ajeng", "Rahmah", "Fadhilah", "Hasmawati", "Irmawati", "Aisyah", "Nurhaeda"], True),
    "bali": (2, ["I Made", "I Ketut", "I Wayan", "I Nyoman", "I Putu", "I Gede"],
             ["Ni Luh Putu", "Ni Made", "Ni Ketut", "Ni Wayan", "Ni Nyoman", "Ni Putu"],
             ["Suarjana", "Widiana", "Sudarsana", "Artawan", "Ariawan", "Wirawan", "Suardana", "Mahendra"],
             ["Ayu Lestari", "Sri Wahyuni", "Sukerti", "Sudiartini", "Ariani", "Widiastuti", "Ratnasari"], False),
    "minahasa": (2, ["Stevie", "Jefry", "Frangky", "Reinhard", "Vicky", "Hendrik", "Jemmy"],
                 ["Meiske", "Juliana", "Grace", "Vanny", "Sintia", "Deisy"],
                 ["Wowor", "Rumondor", "Lumowa", "Sumampouw", "Pangemanan", "Kalangi", "Tumbelaka", "Lontoh",
                  "Rorimpandey", "Mandagi"], None, False),
    "maluku": (1, ["Johanis", "Marthen", "Semuel", "Frederik", "Agustinus"],
               ["Yohana", "Magdalena", "Marlin", "Debby"],
               ["Latumahina", "Pattinasarany", "Tuhumury", "Pelupessy", "Wattimena", "Sahetapy"], None, False),
    "maluku_islam": (1, ["Abdul Gani", "Yusuf", "Ismail", "Hasan"],
                     ["Nurlaila", "Salma", "Fatma", "Sitti Hajar"],
                     ["Latuconsina", "Tuasikal", "Ohorella", "Marasabessy", "Lestaluhu"], None, True),
    "aceh": (2, ["Teuku", "Muhammad", "Zulfikar", "Fakhrurrazi", "Munawar"],
             ["Cut", "Nurul", "Rahmiati", "Safrina", "Zahratul"],
             ["Fadli", "Reza Fahlevi", "Iqbal", "Ridha", "Hasballah", "Maulana"],
             ["Maulidia", "Aini", "Husna", "Rizka", "Fitria"], True),
    "tionghoa": (3, ["Hendra", "Felix", "Kevin", "Budi", "Yohanes", "Rudy", "Willy"],
                 ["Lina", "Susanti", "Meliana", "Vivian", "Yuliana", "Lanny"],
                 ["Gunawan", "Wijaya", "Halim", "Tanoto", "Kurniawan", "Salim", "Hartanto", "Sugiarto", "Tjahjadi"],
                 None, False),
    "ntt": (2, ["Yohanes", "Fransiskus", "Agustinus", "Petrus", "Yosef"],
            ["Maria", "Yuliana", "Theresia", "Elisabeth"],
            ["Lewar", "Bunga", "Nggadas", "Manehat", "Kolo", "Fernandez", "Seran"], None, False),
}


class NameMaker:
    def __init__(self, rng, reserved):
        self.rng = rng
        self.used = set(reserved)
        self.groups = list(NAMES)
        self.weights = [NAMES[group][0] for group in self.groups]

    def make(self, gender, older=False):
        for _attempt in range(200):
            group = self.rng.choices(self.groups, self.weights)[0]
            _weight, males, females, male_last, female_last, muslim = NAMES[group]
            first = self.rng.choice(males if gender == "male" else females)
            last_pool = male_last if (gender == "male" or female_last is None) else female_last
            last = self.rng.choice(last_pool)
            if group in ("jawa", "sunda") and self.rng.random() < 0.2:
                middle = self.rng.choice(males if gender == "male" else females)
                if middle not in (first, last):
                    first = "%s %s" % (first, middle)
            if group == "tionghoa" and gender == "female" and self.rng.random() < 0.5:
                last = self.rng.choice(["Wijaya", "Halim", "Gunawan", "Salim"])
            name = "%s %s" % (first, last)
            if first.split()[-1] == last or name in self.used:
                continue
            self.used.add(name)
            haji = muslim and older and self.rng.random() < 0.25
            return name, haji
        raise RuntimeError("ran out of names")


def plain(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


# ----------------------------------------------------------------------------------------------
# People
# ----------------------------------------------------------------------------------------------
class Person:
    pass


class Generator:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.units = []  # flat, parent before child
        self.people = []
        self.heads = {}  # unit key -> person key
        self.nips = set()
        self.emails = set()
        self.keys = set()
        reserved = set()
        for unit in self._walk(ORGANISATION):
            if unit.head_name:
                reserved.add(self._bare(unit.head_name))
            for staff in unit.staff:
                if staff.name:
                    reserved.add(self._bare(staff.name))
        self.names = NameMaker(self.rng, reserved)
        # the given names keep their plain first.last address (the users file repeats it)
        self.emails = {self._email_base(name) for name in reserved}

    @staticmethod
    def _bare(name):
        """The name without academic titles (``dr. Ratna Wulandari, M.Kes.`` -> ``Ratna Wulandari``)."""
        name = name.split(",")[0]
        return re.sub(r"^((dr|drg|Dr|Drs|Dra|Ir|apt|H|Hj)\.\s+)+", "", name).strip()

    @staticmethod
    def _titles(unit, kind):
        """Academic titles for the head of ``unit``: the nearest pool set on it or above, else a general one."""
        while unit is not None:
            if kind in unit.titles:
                return unit.titles[kind]
            unit = unit.parent
        return HEAD_EDUCATION[kind]

    def _walk(self, units):
        for unit in units:
            yield unit
            yield from self._walk(unit.children)

    # -- dates and NIP ----------------------------------------------------------------------
    def _service_and_birth(self, status, golongan, education, kind, jenjang):
        rng = self.rng
        low_age, high_age = ENTRY_AGE[education]
        if status == "pppk":
            appointment_year = rng.choice((2022, 2023, 2023, 2024, 2024, 2025))
            birth_year = appointment_year - rng.randint(low_age + 1, 44)
        elif status == "cpns":
            appointment_year = 2025
            birth_year = appointment_year - rng.randint(low_age, min(high_age, 33))
        else:
            entry = ENTRY_GOLONGAN[education]
            steps = max(0, GOLONGAN_ORDER.index(golongan) - GOLONGAN_ORDER.index(entry))
            service = max(2, int(round(steps * rng.uniform(3.3, 4.3))) + rng.randint(1, 3))
            appointment_year = min(LAST_APPOINTMENT_YEAR, REFERENCE_YEAR - service)
            birth_year = appointment_year - rng.randint(low_age, high_age)
            retirement = RETIREMENT_AGE.get(jenjang if kind == "fungsional" else kind, 58)
            oldest = REFERENCE_YEAR + 1 - retirement  # still in service at the end of the reference year
            if birth_year < oldest:
                birth_year = oldest + rng.randint(0, 2)
                appointment_year = max(appointment_year, birth_year + low_age)
        birth = datetime.date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
        month = 0 if status == "pppk" else rng.choice((1, 2, 3, 3, 4, 6, 10, 12, 12))
        return birth, appointment_year, month

    def _nip(self, birth, year, month, gender):
        for _attempt in range(1000):
            number = nip_rules.build(birth, year, month, gender, self.rng.randint(1, 350))
            if number not in self.nips:
                parsed = nip_rules.parse(number, today=datetime.date(REFERENCE_YEAR, 1, 1))
                assert parsed.is_pppk == (month == 0)
                self.nips.add(number)
                return number
        raise RuntimeError("no free NIP")

    @staticmethod
    def _email_base(bare_name):
        words = bare_name.split()
        while len(words) > 2 and words[0] in ("I", "Ni", "Luh"):
            words = words[1:]  # Balinese: Ni Luh Putu Ayu Lestari -> putu.lestari
        words = [re.sub(r"[^a-z]", "", plain(word).lower()) for word in words]
        words = [word for word in words if word]
        return "%s.%s" % (words[0], words[-1]) if len(words) > 1 else words[0]

    def _email(self, bare_name, given=False):
        base = self._email_base(bare_name)
        if given:
            return "%s@%s" % (base, DOMAIN)
        email, n = base, 1
        while email in self.emails:
            n += 1
            email = "%s%d" % (base, n)
        self.emails.add(email)
        return "%s@%s" % (email, DOMAIN)

    def _person(self, key, unit, kind, jenjang, golongan_choices, education, titles, job_title, status="pns",
                name=None, gender=None, user=None, special=None, tb=False, golongan=None, override=None,
                female_share=0.45):
        rng = self.rng
        assert key not in self.keys, key
        self.keys.add(key)
        person = Person()
        person.key, person.unit, person.kind, person.jenjang = key, unit, kind, jenjang
        person.status, person.user, person.special, person.tb, person.override = status, user, special, tb, override
        person.job_title = job_title
        person.gender = gender or ("female" if rng.random() < female_share else "male")
        if status == "pppk":
            pppk_level = jenjang if jenjang in PPPK_GOLONGAN else education
            person.golongan = PPPK_GOLONGAN[pppk_level]
        elif status == "cpns":
            person.golongan = CPNS_GOLONGAN[education]
        else:
            person.golongan = golongan or rng.choice(golongan_choices)
        birth, year, month = self._service_and_birth(status, person.golongan if status == "pns" else "III/a",
                                                     education, kind, jenjang)
        person.birth = birth
        person.nip = self._nip(birth, year, month, person.gender)
        older = REFERENCE_YEAR - birth.year >= 45
        if name:
            person.name = name
            bare = self._bare(name)
        else:
            bare, haji = self.names.make(person.gender, older)
            prefix, suffix = rng.choice(titles)
            if prefix in ("", "Drs. ") and haji:
                prefix = prefix + ("H. " if person.gender == "male" else "Hj. ")
            if prefix == "Drs. " and (person.gender == "female"):
                prefix = prefix.replace("Drs. ", "Dra. ")
            if prefix.startswith(("Drs", "Dra")) and birth.year >= 1972:
                prefix = prefix.replace("Drs. ", "").replace("Dra. ", "")
                suffix = ", S.Sos." + suffix if suffix else ", S.Sos."
            person.name = "%s%s%s" % (prefix, bare, suffix)
        person.email = self._email(bare, given=bool(name))
        self.people.append(person)
        return person

    def build(self):
        for unit in self._walk(ORGANISATION):
            self.units.append(unit)
        for unit in self.units:
            self._build_unit(unit)
        self._check()

    def _build_unit(self, unit):
        if not unit.head_title:
            assert unit.kind in HEAD_TITLES, "%s: give the head_title" % unit.key
            unit.head_title = HEAD_TITLES[unit.kind] % unit.name
        if not unit.vacant:
            kind, jenjang, golongan_choices = unit.head
            if unit.head_golongan:
                golongan_choices = unit.head_golongan
            if unit.head_job:
                job, jenjang = unit.head_job
                kind, _jenjang, education, titles = job_profile(job)
                golongan_choices = GOLONGAN_BY_JENJANG[jenjang]
            else:
                education = "S2" if kind in ("jpt", "administrator") else "S1"
                titles = self._titles(unit, kind)
            if unit.head_edu:
                education = unit.head_edu[0]
                if unit.head_edu[1]:
                    titles = [unit.head_edu[1]]
                elif education in ("dr", "drg"):
                    titles = [(education + ". ", ", M.Kes."), (education + ". ", ", M.K.M."),
                              (education + ". ", ", M.A.R.S.")] if kind in ("jpt", "administrator") else [
                                  (education + ". ", "")]
            person = self._person(unit.head_key, unit, kind, jenjang, golongan_choices, education, titles,
                                  unit.head_title, name=unit.head_name, gender=unit.head_gender,
                                  user=unit.head_user, female_share=0.35)
            self.heads[unit.key] = person.key
        for n, staff in enumerate(unit.staff, start=1):
            kind, jenjang, education, titles = job_profile(staff.job)
            if kind == "fungsional":
                golongan_choices = GOLONGAN_BY_JENJANG[jenjang]
            else:
                golongan_choices = PELAKSANA_GOLONGAN[education]
            female_share = 0.5
            if staff.job.startswith("Bidan"):
                female_share = 1.0
            elif staff.job.startswith(("Perawat", "Guru", "Nutrisionis")):
                female_share = 0.7
            elif staff.job.startswith("Polisi Pamong Praja"):
                female_share = 0.2
            key = staff.key or "%s_%d" % (unit.key, n)
            self._person(key, unit, kind, jenjang, golongan_choices, education, titles,
                         staff.job_title or staff.job, status=staff.status, name=staff.name, gender=staff.gender,
                         user=staff.user, special=staff.special, tb=staff.tb, golongan=staff.golongan,
                         override=staff.override, female_share=female_share)

    def _check(self):
        keys = {person.key for person in self.people}
        for unit in self.units:
            assert unit.vacant or unit.key in self.heads, unit.key
        assert sum(1 for unit in self.units if unit.vacant) == 2  # one vacancy, one post with a Plt
        assert PLT[1] in keys and PLT[0] in {unit.key for unit in self.units if unit.vacant}
        for person in self.people:
            if person.override:
                assert person.override[0] in keys and person.override[1] in keys
        assert len(self.nips) == len(self.people)

    # -- XML ---------------------------------------------------------------------------------
    def xml(self):
        out = []
        w = out.append
        w('<?xml version="1.0" encoding="UTF-8" ?>')
        w("<!-- Generated by generate_demo_city.py: edit the generator, not this file. -->")
        w("<!-- Kota Mekarsari, a fictional city: every name, NIP, address and decree here is invented. -->")
        w("<odoo>")
        w("    <!-- oca-hooks:disable=xml-duplicate-record-id (a second pass sets the heads of the units once the"
          " employees exist) -->")
        w('    <record id="base.main_company" model="res.company">')
        for field, value in (
            ("name", "Pemerintah Kota Mekarsari"),
            ("street", "Jl. Veteran No. 1, Kompleks Balai Kota"),
            ("city", "Mekarsari"),
            ("zip", "17145"),
            ("phone", "(021) 8800 1234"),
            ("email", "setda@%s" % DOMAIN),
            ("website", "https://%s" % DOMAIN),
            ("asn_region_head_title", "wali_kota"),
            ("asn_region_head_name", "H. Arif Kurniadi Wiranata, S.E., M.M."),
        ):
            w('        <field name="%s">%s</field>' % (field, escape(value)))
        w('        <field name="country_id" ref="base.id"/>')
        w('        <field name="state_id" ref="base.state_id_jb"/>')
        w("    </record>")
        w("")
        w("    <!-- Perangkat Daerah and their units (parent before child) -->")
        for unit in self.units:
            w(RECORD_NO_RECOMPUTE % ("hr_asn_demo_dept_%s" % unit.key, "hr.department"))
            w('        <field name="name">%s</field>' % escape(unit.name))
            w('        <field name="company_id" ref="base.main_company"/>')
            if unit.parent:
                w('        <field name="parent_id" ref="hr_asn_demo_dept_%s"/>' % unit.parent.key)
            if unit.kind.startswith("opd:"):
                w('        <field name="asn_opd_kind">%s</field>' % unit.kind[4:])
            else:
                w('        <field name="asn_unit_kind">%s</field>' % unit.kind)
            if unit.code:
                w('        <field name="asn_function_code">%s</field>' % unit.code)
            w('        <field name="asn_head_title">%s</field>' % escape(unit.head_title))
            w("    </record>")
        w("")
        w("    <!-- Employees -->")
        for person in self.people:
            w(RECORD_NO_RECOMPUTE % ("hr_asn_demo_emp_%s" % person.key, "hr.employee"))
            w('        <field name="name">%s</field>' % escape(person.name))
            w('        <field name="company_id" ref="base.main_company"/>')
            w('        <field name="department_id" ref="hr_asn_demo_dept_%s"/>' % person.unit.key)
            w('        <field name="job_title">%s</field>' % escape(person.job_title))
            w('        <field name="work_email">%s</field>' % escape(person.email))
            w('        <field name="nip">%s</field>' % person.nip)
            w('        <field name="asn_status">%s</field>' % person.status)
            w('        <field name="asn_golongan">%s</field>' % person.golongan)
            w('        <field name="asn_position_kind">%s</field>' % person.kind)
            if person.jenjang:
                w('        <field name="asn_jenjang">%s</field>' % person.jenjang)
            if person.special:
                w('        <field name="asn_special_role">%s</field>' % person.special)
            w('        <field name="gender">%s</field>' % person.gender)
            w('        <field name="birthday">%s</field>' % person.birth.isoformat())
            if person.tb:
                date_from, date_to, institution = TUGAS_BELAJAR
                w('        <field name="tb_date_from">%s</field>' % date_from)
                w('        <field name="tb_date_to">%s</field>' % date_to)
                w('        <field name="tb_institution">%s</field>' % escape(institution))
            if person.user:
                w('        <field name="user_id" ref="hr_asn_demo_user_%s"/>' % person.user)
            w("    </record>")
        w("")
        w("    <!-- Heads of the units (set once the employees exist) -->")
        for unit in self.units:
            if unit.key in self.heads:
                w(RECORD_NO_RECOMPUTE % ("hr_asn_demo_dept_%s" % unit.key, "hr.department"))
                w('        <field name="manager_id" ref="hr_asn_demo_emp_%s"/>' % self.heads[unit.key])
                w("    </record>")
        w("")
        unit_key, acting_key, reference = PLT
        w("    <!-- Plt (Pasal 26 ayat 2): the Kepala Bidang post is vacant, a Kepala Seksi under it acts -->")
        w('    <record id="hr_asn_demo_plt_%s" model="hr.asn.acting.assignment">' % unit_key)
        w('        <field name="employee_id" ref="hr_asn_demo_emp_%s"/>' % acting_key)
        w('        <field name="department_id" ref="hr_asn_demo_dept_%s"/>' % unit_key)
        w('        <field name="kind">plt</field>')
        w('        <field name="date_from">%s</field>' % PLT_DATE)
        w('        <field name="reference">%s</field>' % escape(reference))
        w("    </record>")
        w("")
        w("    <!-- Admin Kepegawaian OPD: the Perangkat Daerah they keep -->")
        for user, departments in ADMIN_OPD_DEPARTMENTS.items():
            refs = ", ".join("ref('hr_asn_demo_dept_%s')" % key for key in departments)
            w('    <record id="hr_asn_demo_user_%s" model="res.users">' % user)
            w('        <field name="asn_admin_department_ids" eval="[Command.set([%s])]"/>' % refs)
            w("    </record>")
        w("")
        w("    <!-- The records above skip the recomputation; the city is resolved once here -->")
        w('    <function model="hr.employee" name="_asn_recompute_assessors"/>')
        w("")
        w("    <!-- Override of Lampiran II by BKPSDM -->")
        for person in self.people:
            if person.override:
                penilai, atasan, reason = person.override
                w('    <record id="hr_asn_demo_emp_%s" model="hr.employee">' % person.key)
                w('        <field name="assessor_override" eval="True"/>')
                w('        <field name="override_penilai_id" ref="hr_asn_demo_emp_%s"/>' % penilai)
                w('        <field name="override_atasan_id" ref="hr_asn_demo_emp_%s"/>' % atasan)
                w('        <field name="override_reason">%s</field>' % escape(reason))
                w("    </record>")
        w("</odoo>")
        return "\n".join(out) + "\n"

    def summary(self):
        total = len(self.people)
        by_status = {}
        for person in self.people:
            by_status[person.status] = by_status.get(person.status, 0) + 1
        return "%d units, %d employees (%s)" % (
            len(self.units), total, ", ".join("%s %d" % item for item in sorted(by_status.items())))


def main():
    generator = Generator()
    generator.build()
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        handle.write(generator.xml())
    print("wrote %s: %s" % (os.path.relpath(OUTPUT), generator.summary()))


if __name__ == "__main__":
    main()
