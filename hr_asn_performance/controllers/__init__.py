from . import portal
from . import portal_todo
from . import home
from . import compliance
from . import portal_activity
from . import briefing
