"""Indonesian translations: every string an addon exports has a translation in its id.po.

For each addon with an ``i18n/<addon>.pot`` (exported by Odoo with ``--i18n-export``), ``i18n/id.po``
must exist, translate every msgid of the template (non-empty msgstr, no fuzzy entry), keep the
python-format placeholders of code strings and the markup of view strings, and carry the Indonesian
header. Pure Python: a small .po reader, no Odoo and no polib.
"""
import ast
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATES = sorted(ROOT.glob("*/i18n/*.pot"))
ADDONS = [pot.parent.parent.name for pot in TEMPLATES if pot.stem == pot.parent.parent.name]

# %s, %d, %(name)s, %(name)d ... and the literal %%.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[sdifrxXeEgGcoa%]")
TAG = re.compile(r"</?([a-zA-Z][\w.-]*)")


def parse_po(path):
    """Entries of a .po/.pot file: dicts with msgid, msgstr, flags, comments (the header is skipped).

    Handles what Odoo and polib write: ``#`` comments, ``#,`` flags, single-line and continued
    ``msgid``/``msgstr``; obsolete ``#~`` entries are ignored. No plurals or msgctxt (Odoo uses neither).
    """
    entries = []
    current = {"flags": set(), "comments": []}
    key = None

    def finish():
        if "msgid" in current and current["msgid"] != "":
            entries.append(current)

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            if "msgstr" in current:
                finish()
                current, key = {"flags": set(), "comments": []}, None
            if line.startswith("#,"):
                current["flags"].update(flag.strip() for flag in line[2:].split(","))
            else:
                current["comments"].append(line)
            continue
        match = re.match(r"^(msgid|msgstr)\s+(\".*\")$", line)
        if match:
            key = match.group(1)
            if key == "msgid" and "msgstr" in current:
                finish()
                current = {"flags": set(), "comments": []}
            current[key] = ast.literal_eval(match.group(2))
            continue
        if line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
            continue
        raise ValueError("%s:%d: cannot read %r" % (path, number, raw))
    finish()
    return entries


def header(path):
    text = path.read_text(encoding="utf-8")
    match = re.search(r'^msgid ""\nmsgstr ""\n((?:".*"\n)+)', text, re.M)
    assert match, "%s has no header" % path
    value = "".join(ast.literal_eval(line) for line in match.group(1).splitlines())
    return dict(line.split(": ", 1) if ": " in line else (line.rstrip(":"), "")
                for line in value.split("\n") if line)


def is_python(entry):
    return ("python-format" in entry["flags"]
            or any(c.startswith("#. odoo-python") or c.startswith("#: code:") for c in entry["comments"]))


def is_markup(entry):
    return any(c.startswith("#: model_terms:") for c in entry["comments"])


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def tags(text):
    return sorted(TAG.findall(text))


def test_templates_found():
    assert {"hr_asn_performance", "hr_asn_360", "hr_asn_evaluation"} <= set(ADDONS)


@pytest.mark.parametrize("addon", ADDONS)
def test_indonesian_complete(addon):
    i18n = ROOT / addon / "i18n"
    po_path = i18n / "id.po"
    assert po_path.exists(), "%s has %s.pot but no id.po" % (addon, addon)
    template = parse_po(i18n / (addon + ".pot"))
    translated = {entry["msgid"]: entry for entry in parse_po(po_path)}
    missing = [entry["msgid"] for entry in template if entry["msgid"] not in translated]
    assert not missing, "%s/i18n/id.po lacks %d msgid(s) of the template: %r" % (addon, len(missing), missing)
    empty = [msgid for msgid, entry in translated.items() if not entry.get("msgstr", "").strip()]
    assert not empty, "%s/i18n/id.po leaves %d msgid(s) untranslated: %r" % (addon, len(empty), empty)
    fuzzy = [msgid for msgid, entry in translated.items() if "fuzzy" in entry["flags"]]
    assert not fuzzy, "%s/i18n/id.po has fuzzy entries to review: %r" % (addon, fuzzy)


@pytest.mark.parametrize("addon", ADDONS)
def test_placeholders_and_markup_kept(addon):
    i18n = ROOT / addon / "i18n"
    template = {entry["msgid"]: entry for entry in parse_po(i18n / (addon + ".pot"))}
    problems = []
    for entry in parse_po(i18n / "id.po"):
        msgid, msgstr = entry["msgid"], entry.get("msgstr", "")
        reference = template.get(msgid, entry)
        if not msgstr:
            continue
        if is_python(reference) or is_python(entry):
            if placeholders(msgid) != placeholders(msgstr):
                problems.append("placeholders %s != %s in %r" % (placeholders(msgid), placeholders(msgstr), msgid))
        if is_markup(reference) and tags(msgid) != tags(msgstr):
            problems.append("markup %s != %s in %r" % (tags(msgid), tags(msgstr), msgid))
    assert not problems, "%s/i18n/id.po:\n" % addon + "\n".join(problems)


@pytest.mark.parametrize("addon", ADDONS)
def test_indonesian_header(addon):
    meta = header(ROOT / addon / "i18n" / "id.po")
    assert meta.get("Language") == "id"
    assert meta.get("Plural-Forms") == "nplurals=1; plural=0;"
    assert "charset=UTF-8" in meta.get("Content-Type", "")


def test_parser_reads_continued_and_flagged_entries(tmp_path):
    sample = tmp_path / "sample.po"
    sample.write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\n'
        '#. module: x\n#. odoo-python\n#: code:addons/x/models/y.py:0\n#, python-format\n'
        'msgid ""\n"%(a)s and "\n"%s\\n"\nmsgstr "%(a)s dan %s\\n"\n\n'
        '#~ msgid "old"\n#~ msgstr "lama"\n',
        encoding="utf-8",
    )
    (entry,) = parse_po(sample)
    assert entry["msgid"] == "%(a)s and %s\n"
    assert entry["msgstr"] == "%(a)s dan %s\n"
    assert "python-format" in entry["flags"] and is_python(entry)
    assert placeholders("%(a)s %s %d %%") == sorted(["%(a)s", "%s", "%d", "%%"])
    assert placeholders("%(a)s") != placeholders("%(b)s")
