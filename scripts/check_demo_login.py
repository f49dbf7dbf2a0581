"""Log in to a running Odoo as a browser does and print where the user lands.

Usage: check_demo_login.py BASE_URL DB LOGIN [EXPECTED_PATH_PREFIX]
The password is the login (demo users). Exit 1 when the login is refused or the landing page is not the
expected one. Standard library only: it runs before and outside the Odoo venv (scripts/check-demo).
"""
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request


def main(base, db, login, expected=None):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open("%s/web/login?db=%s" % (base, urllib.parse.quote(db)), timeout=60) as response:
        page = response.read().decode("utf-8", "replace")
    match = re.search(r'name="csrf_token"\s+value="([^"]+)"', page)
    if not match:
        return "no csrf_token on /web/login"
    data = urllib.parse.urlencode({"login": login, "password": login, "csrf_token": match.group(1),
                                   "db": db}).encode()
    with opener.open("%s/web/login" % base, data=data, timeout=120) as response:
        landed = urllib.parse.urlparse(response.geturl()).path
        page = response.read().decode("utf-8", "replace")
    if landed.startswith("/web/login"):
        error = re.search(r'<p class="alert alert-danger[^"]*"[^>]*>\s*([^<]+)', page)
        return "refused: %s" % (error.group(1).strip() if error else "still on /web/login")
    # the portal speaks the user's language in its URLs: /id/my is /my for an Indonesian user
    path = re.sub(r"^/[a-z]{2}(?:_[A-Z]{2})?(?=/)", "", landed) if not landed.startswith("/odoo") else landed
    if expected and not path.startswith(expected):
        return "landed on %s, expected %s" % (landed, expected)
    print("logged in, lands on %s" % landed)
    return None


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    problem = main(*sys.argv[1:])
    if problem:
        print(problem)
        sys.exit(1)
