from . import hr_asn_skp_reason
from . import hr_asn_skp_activity_comment
from . import hr_asn_siasn_import
from . import hr_asn_siasn_import_line
