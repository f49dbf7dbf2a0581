from . import hr_asn_skp_report
from . import hr_asn_skp_month_report
