from . import hr_asn360_result_report
