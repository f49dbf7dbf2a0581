from . import hr_asn_skp_report
