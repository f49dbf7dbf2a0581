"""The employee's to-dos on the portal (issue 12: notifications where people are): the portal home (/my)
and the SKP list (/my/skp) show what waits for the logged-in user: a draft or returned SKP, a reopened
month, targets and realisasi due, and the news of the last days (SKP set, month reviewed, Umpan Balik
received), from ``hr.asn.skp._asn_todos``. Only the user's own employees are read (as the superuser,
since an employee may not read every record the list names); the list only links to pages that
check access themselves.
"""
from odoo import http
from odoo.http import request

from .portal import SkpPortal

# the portal home shows this many to-dos; /my/skp shows them all
HOME_TODO_LIMIT = 6
# what /my/skp shows in its own list of SKPs
LISTED_KINDS = ("draft", "set")


class SkpTodoPortal(SkpPortal):
    def _skp_todos(self):
        employees = request.env.user.sudo().employee_ids
        if not employees:
            return []
        return request.env["hr.asn.skp"]._asn_todos(employees)

    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        if getattr(response, "qcontext", None) is not None:
            todos = self._skp_todos()
            response.qcontext.update({"skp_todos": todos[:HOME_TODO_LIMIT],
                                      "skp_todos_more": max(0, len(todos) - HOME_TODO_LIMIT)})
        return response

    def _skp_list_values(self, page=1, error=None):
        values = super()._skp_list_values(page=page, error=error)
        # the list itself shows each SKP with its state and deadline: the card adds what it does not
        # (a returned SKP's reason, the months, the Umpan Balik)
        todos = [item for item in self._skp_todos() if item["kind"] not in LISTED_KINDS]
        values.update({"skp_todos": todos, "skp_todos_more": 0})
        return values
