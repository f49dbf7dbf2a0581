from . import hr_asn_evaluation_report
