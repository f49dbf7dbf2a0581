from . import test_assessors
from . import test_security
from . import test_skp_workflow
from . import test_skp_monthly
from . import test_skp_performance
from . import test_skp_security
from . import test_skp_report
from . import test_skp_portal
