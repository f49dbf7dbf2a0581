from . import res_company
from . import res_config_settings
from . import res_users
from . import hr_asn_lampiran2_row
from . import hr_asn_acting_assignment
from . import hr_department
from . import hr_employee
from . import hr_employee_public
