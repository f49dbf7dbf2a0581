"""Warm Odoo's workers before bench/run-portal-load measures: python3 portal_load_warmup.py URL CITY ROUNDS.

A worker that serves a page for the first time compiles its QWeb templates and fills its caches (1-2 s
here); a production worker has long done so (it lives for ``limit_request`` requests). So one employee and
one leader of the city (CITY: the JSON of bench_portal_load.py) log in once and read, ROUNDS times, the
pages and calls the load makes (reads only: nothing is saved, no month reviewed); the requests go to
whichever worker accepts them, so a few rounds reach every worker. Standard library only; only URL
(127.0.0.1) is contacted. Prints what it did.
"""
import html.parser
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request


class Inputs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name"):
            self.values[attrs["name"]] = attrs.get("value") or ""


def session(base, login, password, redirect):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    inputs = Inputs()
    inputs.feed(opener.open(base + "/web/login", timeout=120).read().decode())
    data = dict(inputs.values, login=login, password=password, redirect=redirect)
    opener.open(base + "/web/login", urllib.parse.urlencode(data).encode(), timeout=120).read()
    return opener


def main(base, city_path, rounds):
    city = json.load(open(city_path, encoding="utf-8"))
    start = time.perf_counter()
    employee = session(base, city["employees"][0], city["password"], "/my/skp")
    leader = session(base, city["leaders"][0], city["password"], "/odoo")

    def rpc(url, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": 1}).encode()
        request = urllib.request.Request(base + url, body, {"Content-Type": "application/json"})
        return json.loads(leader.open(request, timeout=120).read()).get("result")

    info = rpc("/web/session/get_session_info", {})
    uid, context = info["uid"], info.get("user_context", {})
    requests = 0
    for _round in range(rounds):
        page = employee.open(base + "/my/skp", timeout=120).read().decode()
        skp = re.search(r'href="(/my/skp/\d+)"', page).group(1)
        page = employee.open(base + skp, timeout=120).read().decode()
        month = re.search(r'href="(%s/month/\d+)"' % re.escape(skp), page).group(1)
        employee.open(base + month, timeout=120).read()
        rows = rpc("/web/dataset/call_kw/hr.asn.skp.review/web_search_read", {
            "model": "hr.asn.skp.review", "method": "web_search_read", "args": [], "kwargs": {
                "domain": [("kind", "=", "month"), "|", ("penilai_user_id", "=", uid),
                           ("current_penilai_user_id", "=", uid)],
                "specification": {"name": {}, "month_id": {"fields": {}}}, "limit": 1, "context": context}})
        if rows and rows["records"]:
            rpc("/web/dataset/call_kw/hr.asn.skp.month/web_read", {
                "model": "hr.asn.skp.month", "method": "web_read", "args": [[rows["records"][0]["month_id"]["id"]]],
                "kwargs": {"specification": {"name": {}, "can_review": {}, "line_ids": {"fields": {"realisasi": {}}}},
                           "context": context}})
        requests += 5
    print("warm-up: %d requests in %.1f s (one employee, one leader, reads only)" % (
        requests + 5, time.perf_counter() - start))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
