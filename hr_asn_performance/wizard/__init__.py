from . import hr_asn_skp_reason
from . import hr_asn_skp_activity_comment
