from . import test_assessors
from . import test_security
