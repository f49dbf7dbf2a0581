"""Load the addons' plain-Python rule packages without Odoo.

An addon's ``__init__`` imports odoo, so the ``rules`` package of each addon is loaded on its own, as a
top-level package named ``<addon>_rules`` (``hr_asn_performance_rules.nip`` ...).
"""
import importlib.util
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _load_package(name, path):
    spec = importlib.util.spec_from_file_location(
        name, path / "__init__.py", submodule_search_locations=[str(path)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


for addon in ("hr_asn_performance", "hr_asn_360", "hr_asn_evaluation"):
    rules = ROOT / addon / "rules"
    if (rules / "__init__.py").exists():
        _load_package(addon + "_rules", rules)

_load_module("lampiran2_cases", ROOT / "hr_asn_performance" / "tests" / "lampiran2_cases.py")
