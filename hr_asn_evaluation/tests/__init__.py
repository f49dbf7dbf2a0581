from . import test_tables
from . import test_capaian
from . import test_evaluation_workflow
from . import test_evaluation_objection
from . import test_evaluation_access
from . import test_evaluation_annual
from . import test_portal
from . import test_report
