from . import test_tables
from . import test_capaian
from . import test_evaluation_workflow
