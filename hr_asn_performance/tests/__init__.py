from . import test_assessors
