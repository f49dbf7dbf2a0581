from . import models


def _post_init_hook(env):
    """Load Bekasi's Lampiran II table (Perwal Bekasi 38/2023) as the editable default."""
    env["hr.asn.lampiran2.row"]._load_default_table()
