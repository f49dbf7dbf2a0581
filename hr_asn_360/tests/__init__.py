from . import test_assignment
from . import test_rating
from . import test_results
from . import test_security
from . import test_performance
from . import test_portal
from . import test_trust
