"""Locust users of the month-end portal load (issue 13); run by ``bench/run-portal-load``, never alone.

Employees (``EmployeeUser``) each take one login of the bench city, log in once (a phone keeps its
session) and, HR_ASN_LOAD_ITERATIONS times, do what an employee does on the first days of a month, with a
think time between the steps: open /my/skp, their SKP, this month, save the month's targets, save the
realisasi with a small bukti dukung (multipart), and read the month back. Leaders (``LeaderUser``, one per
leader login) log in and, HR_ASN_LOAD_REVIEWS times at most, read their To Review list, open the first month
waiting and press "Mark Reviewed", through the same JSON-RPC calls the backend's list and button make.

Forms are sent as a browser sends them: every field the page's form holds (hidden inputs such as
csrf_token, and any other the page adds, e.g. a version), with the user's changes on top. Each value
written is unique (login, iteration, a random tag): every save the server accepted is appended to
HR_ASN_LOAD_ACCEPTED as one JSON line, for the database check afterwards. Every request is named after its
step, so Locust's statistics are per step. Only the host Locust is given (127.0.0.1) is contacted.

Every request is also written to HR_ASN_LOAD_REQUESTS (CSV: time, step, milliseconds, error), with one line
"spawning complete" when the last user has started: the report splits the run there into the ramp (the
logins) and the month-end that follows, and keeps the logins' figures although Locust resets its own
statistics at that point (``--reset-stats``). A request that got no answer (status 0) is recorded with the
error the connection raised, not only its status.

Think times (HR_ASN_LOAD_THINK, HR_ASN_LOAD_TYPING: MIN,MAX seconds, uniform): THINK before a tap that
opens a page (read the page, find the link: 5-15 s by default), TYPING before each save: the month's
targets and its realisasi are typed on a phone, a sentence or two per IKI line (people type about 36 words
a minute on a phone: Palin et al., "How do people type on mobile devices?", MobileHCI 2019; a line of
realisasi of 15-25 words takes 25-40 s), and the realisasi's bukti dukung is picked from the phone's files
or photographed: 30-90 s by default for a form of two or three lines.
"""
import csv
import html.parser
import itertools
import json
import os
import random
import re
import threading
import time
import uuid

import gevent
from locust import HttpUser, between, events, task
from locust.exception import StopUser
from locust.runners import STATE_RUNNING

CITY = json.load(open(os.environ["HR_ASN_LOAD_CITY"], encoding="utf-8"))
ACCEPTED_PATH = os.environ["HR_ASN_LOAD_ACCEPTED"]
ITERATIONS = int(os.environ.get("HR_ASN_LOAD_ITERATIONS", "2"))
REVIEWS = int(os.environ.get("HR_ASN_LOAD_REVIEWS", "12"))
THINK = tuple(float(x) for x in os.environ.get("HR_ASN_LOAD_THINK", "5,15").split(","))
TYPING = tuple(float(x) for x in os.environ.get("HR_ASN_LOAD_TYPING", "30,90").split(","))
REQUESTS_PATH = os.environ.get("HR_ASN_LOAD_REQUESTS")
# a small PDF: the bukti dukung of a month (types and size as rules/skp.py check_bukti accepts)
BUKTI = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" \
        b"trailer<</Root 1 0 R>>\n" + b"%" + b"x" * 2048 + b"\n%%EOF\n"

_employee_logins = iter(CITY["employees"])
_leader_logins = iter(CITY["leaders"])
_lock = threading.Lock()
_rpc_ids = itertools.count(1)
THIS_MONTH = re.compile(r'<a[^>]*href="(/my/skp/\d+/month/\d+)"[^>]*>(?:(?!</a>).)*?badge text-bg-primary',
                        re.DOTALL)
SKP_LINK = re.compile(r'href="(/my/skp/\d+)"')
TARGET_FIELD = re.compile(r"^target_text_\d+$")
REALISASI_FIELD = re.compile(r"^realisasi_\d+$")


@events.init.add_listener
def quit_when_everybody_is_done(environment, **_kwargs):
    """The run ends when every user has done their bounded work (``--run-time`` bounds it otherwise)."""
    def watch():
        runner = environment.runner
        while True:
            gevent.sleep(2)
            if runner.state == STATE_RUNNING and runner.user_count == 0:
                runner.quit()
                return
    if environment.runner is not None:
        gevent.spawn(watch)


_requests_log = open(REQUESTS_PATH, "a", encoding="utf-8", newline="") if REQUESTS_PATH else None
_requests_csv = csv.writer(_requests_log) if _requests_log else None


def record(step, milliseconds, error=""):
    if _requests_csv is not None:
        with _lock:
            _requests_csv.writerow(["%.3f" % time.time(), step, "%.1f" % milliseconds, error])
            _requests_log.flush()


@events.request.add_listener
def record_request(name, response_time, exception=None, response=None, **_kwargs):
    """Every request with its time and, if it failed, why (the connection's own error for a status 0)."""
    error = ""
    if exception is not None:
        error = str(exception)
        cause = getattr(response, "error", None) if response is not None else None
        if cause is not None and cause is not exception and str(cause) not in error:
            error += " <- %s: %s" % (type(cause).__name__, cause)
    record(name, response_time or 0, error.replace("\n", " ")[:300])


@events.spawning_complete.add_listener
def mark_ramp_end(user_count, **_kwargs):
    record("spawning complete", 0, "%d users" % user_count)


@events.user_error.add_listener
def count_task_errors(user_instance, exception, tb, **_kwargs):
    """A step that broke in the load tool itself (a page it could not read) counts as an error too."""
    user_instance.environment.events.request.fire(
        request_type="TASK", name="task error (%s)" % type(exception).__name__, response_time=0, response_length=0,
        exception=exception, context={})


def accepted(**entry):
    """Append one accepted save to the log (one line, written at once)."""
    entry["t"] = time.time()
    with _lock, open(ACCEPTED_PATH, "a", encoding="utf-8") as log:
        log.write(json.dumps(entry) + "\n")


class FormParser(html.parser.HTMLParser):
    """The fields of the forms of a page: {action: [(name, value, kind)]} as a browser would send them
    (file inputs and unchecked boxes left out, textareas with their text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = {}
        self._action = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._action = attrs.get("action") or ""
            self.forms.setdefault(self._action, [])
        elif self._action is None or not attrs.get("name"):
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("file", "submit", "button", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.forms[self._action].append([attrs["name"], attrs.get("value") or "", kind])
        elif tag == "textarea":
            self._textarea = [attrs["name"], "", "textarea"]
            self.forms[self._action].append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._action = None


def form_fields(page, action):
    parser = FormParser()
    parser.feed(page)
    if action not in parser.forms:
        return None
    return [(name, value) for name, value, _kind in parser.forms[action]]


class OdooUser(HttpUser):
    abstract = True
    wait_time = between(*THINK)

    def think(self, spread=THINK):
        time.sleep(random.uniform(*spread))

    def log_in(self, login, redirect):
        """A new session: the login form (its hidden inputs), then the POST; True when logged in."""
        self.client.cookies.clear()
        with self.client.get("/web/login", name="1 login form", catch_response=True) as response:
            fields = form_fields(response.text, "/web/login") if response.status_code == 200 else None
            if not fields:
                response.failure("no login form (%s %s)" % (response.status_code, response.error or ""))
                return False
        data = dict(fields, login=login, password=CITY["password"], redirect=redirect)
        with self.client.post("/web/login", data=data, name="2 login", allow_redirects=False,
                              catch_response=True) as response:
            if response.status_code not in (302, 303) or "/web/login" in response.headers.get("Location", ""):
                response.failure("login refused for %s (%s %s)" % (login, response.status_code, response.error or ""))
                return False
        return True


class EmployeeUser(OdooUser):
    weight = 1

    def on_start(self):
        with _lock:
            self.login = next(_employee_logins, None)
        if not self.login or not self.log_in(self.login, "/my/skp"):
            raise StopUser()
        self.iteration = 0

    def get(self, url, name, check=None):
        """GET, marked failed unless 200 (and ``check(text)`` holds); the page or None."""
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200 or "/web/login" in response.url:
                response.failure("%s -> %s %s" % (url, response.status_code, response.error or response.url))
                return None
            problem = check(response.text) if check else None
            if problem:
                response.failure(problem)
                return None
            return response.text

    def save(self, url, page, name, changes, files=None):
        """POST the month form as a browser does (every field of the page's form, ``changes`` on top):
        True when the server answered with its "saved" page."""
        fields = form_fields(page, url)
        if fields is None:
            return self.fail_step(name, "no form %s on the page" % url)
        data = dict(fields)
        data.update(changes)
        data["action"] = "save"
        with self.client.post(url, data=data, files=files, name=name, catch_response=True) as response:
            if response.status_code != 200 or "done=save" not in response.url:
                error = re.search(r'alert-danger[^>]*>(.*?)</div>', response.text or "", re.DOTALL)
                response.failure("not saved (%s): %s" % (response.status_code,
                                                         re.sub(r"<[^>]+>|\s+", " ", error.group(1)).strip()
                                                         if error else response.error or response.url))
                return None
            return response.text

    def fail_step(self, name, message):
        self.environment.events.request.fire(request_type="POST", name=name, response_time=0, response_length=0,
                                             exception=RuntimeError(message), context={})
        return None

    @task
    def month_end(self):
        if self.iteration >= ITERATIONS:
            raise StopUser()
        self.iteration += 1
        tag = "%s-%d-%s" % (self.login, self.iteration, uuid.uuid4().hex[:8])
        self.think()
        page = self.get("/my/skp", "3 /my/skp")
        skp = SKP_LINK.search(page or "")
        if not skp:
            return
        self.think()
        page = self.get(skp.group(1), "4 open SKP", lambda text: None if THIS_MONTH.search(text)
                        else "no month marked 'This month'")
        if not page:
            return
        month_url = THIS_MONTH.search(page).group(1)
        self.think()
        page = self.get(month_url, "5 open this month")
        if not page:
            return
        targets = {name: "Target load %s %s" % (tag, name.rsplit("_", 1)[1])
                   for name, _value in form_fields(page, month_url) or [] if TARGET_FIELD.match(name)}
        if not targets:
            self.fail_step("6 save targets", "no target field on %s" % month_url)
            return
        self.think(TYPING)
        page = self.save(month_url, page, "6 save targets", targets)
        if not page:
            return
        for name, value in targets.items():
            accepted(kind="target", login=self.login, line_id=int(name.rsplit("_", 1)[1]), value=value)
        realisasi = {name: "Realisasi load %s %s" % (tag, name.rsplit("_", 1)[1])
                     for name, _value in form_fields(page, month_url) or [] if REALISASI_FIELD.match(name)}
        first_line = min(int(name.rsplit("_", 1)[1]) for name in realisasi) if realisasi else None
        if first_line is None:
            self.fail_step("7 save realisasi + bukti", "no realisasi field on %s" % month_url)
            return
        bukti = "bukti-load-%s.pdf" % tag
        self.think(TYPING)
        page = self.save(month_url, page, "7 save realisasi + bukti", realisasi,
                         files=[("bukti_%d" % first_line, (bukti, BUKTI, "application/pdf"))])
        if not page:
            return
        for name, value in realisasi.items():
            accepted(kind="realisasi", login=self.login, line_id=int(name.rsplit("_", 1)[1]), value=value)
        accepted(kind="bukti", login=self.login, line_id=first_line, name=bukti)
        self.think()

        def shows_all(text):
            missing = [value for value in [*realisasi.values(), *targets.values(), bukti] if value not in text]
            return "read back: %d saved values not shown, e.g. %s" % (len(missing), missing[0]) if missing else None
        self.get(month_url, "8 read month back", shows_all)


class LeaderUser(OdooUser):
    fixed_count = len(CITY["leaders"])

    def on_start(self):
        with _lock:
            self.login = next(_leader_logins, None)
        if not self.login or not self.log_in(self.login, "/odoo"):
            raise StopUser()
        info = self.rpc("/web/session/get_session_info", {}, "L1 session info")
        if not info:
            raise StopUser()
        self.uid = info["uid"]
        self.odoo_context = info.get("user_context", {})
        self.reviews = 0

    def rpc(self, url, params, name):
        """One JSON-RPC call as the web client makes it; its result, or None (marked failed)."""
        payload = {"jsonrpc": "2.0", "method": "call", "params": params, "id": next(_rpc_ids)}
        with self.client.post(url, json=payload, name=name, catch_response=True) as response:
            try:
                body = response.json()
            except ValueError:
                body = {}
            if response.status_code != 200 or "error" in body or "result" not in body:
                message = (body.get("error") or {}).get("data", {}).get("message") \
                    or "%s %s" % (response.status_code, response.error or "")
                response.failure("%s: %s" % (name, message))
                return None
            return body["result"]

    def call_kw(self, model, method, args, kwargs, name):
        kwargs = dict(kwargs, context=self.odoo_context)
        return self.rpc("/web/dataset/call_kw/%s/%s" % (model, method),
                        {"model": model, "method": method, "args": args, "kwargs": kwargs}, name)

    @task
    def review(self):
        if self.reviews >= REVIEWS:
            raise StopUser()
        self.reviews += 1
        # the To Review list (hr_asn_skp_review_action: its domain, the months filter)
        rows = self.call_kw("hr.asn.skp.review", "web_search_read", [], {
            "domain": [("kind", "=", "month"), "|", ("penilai_user_id", "=", self.uid),
                       ("current_penilai_user_id", "=", self.uid)],
            "specification": {"kind": {}, "employee_name": {}, "employee_nip": {}, "unit_name": {}, "name": {},
                              "detail": {}, "since": {}, "deadline": {}, "month_id": {"fields": {}}},
            "offset": 0, "limit": 80, "order": "",
        }, "L2 to review list")
        if not rows or not rows.get("records"):
            raise StopUser()  # nothing left to review
        month_id = rows["records"][0]["month_id"]["id"]
        self.think()
        month = self.call_kw("hr.asn.skp.month", "web_read", [[month_id]], {"specification": {
            "name": {}, "state": {}, "is_mine": {}, "can_review": {}, "employee_id": {"fields": {"display_name": {}}},
            "plan_deadline": {}, "realisasi_deadline": {}, "report_date": {}, "review_note": {},
            "line_ids": {"fields": {"rhk_name": {}, "iki_name": {}, "target_text": {}, "realisasi": {},
                                    "attachment_ids": {"fields": {"name": {}}}}},
        }}, "L3 open month")
        if not month:
            return
        self.think()
        done = self.rpc("/web/dataset/call_button/hr.asn.skp.month/action_review", {
            "model": "hr.asn.skp.month", "method": "action_review", "args": [[month_id]],
            "kwargs": {"context": self.odoo_context}}, "L4 mark reviewed")
        if done is not None:
            accepted(kind="review", login=self.login, month_id=month_id)
        self.think()
