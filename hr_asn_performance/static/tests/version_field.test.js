import { defineMailModels } from "@mail/../tests/mail_test_helpers";
import { describe, expect, test } from "@odoo/hoot";
import {
    contains,
    defineModels,
    fields,
    models,
    mountView,
    onRpc,
} from "@web/../tests/web_test_helpers";

// The backend half of issue 13's concurrent edits: hr_asn_performance/static/src/js/version_field.js.
describe.current.tags("desktop");

class Skp extends models.Model {
    _name = "asn.skp";
    name = fields.Char();
    asn_version = fields.Integer({ readonly: true });
    line_ids = fields.One2many({ relation: "asn.line", relation_field: "skp_id" });
    _records = [{ id: 1, name: "SKP 2026", asn_version: 7, line_ids: [11] }];
}

class Line extends models.Model {
    _name = "asn.line";
    realisasi = fields.Char();
    asn_version = fields.Integer({ readonly: true });
    skp_id = fields.Many2one({ relation: "asn.skp" });
    _records = [{ id: 11, realisasi: "draft", asn_version: 3, skp_id: 1 }];
}

class Plain extends models.Model {
    _name = "asn.plain";
    name = fields.Char();
    asn_version = fields.Integer({ readonly: true });
    _records = [{ id: 1, name: "plain", asn_version: 5 }];
}

defineMailModels(); // the addon depends on mail: its services start with the web client
defineModels([Skp, Line, Plain]);

/**
 * Open a form of `resModel` (record `resId`, or a new one), type `value` into the field `name`
 * (a cell of a list first when `cell` is given), save; the values sent are recorded as a step.
 */
async function editAndSave({ resModel, resId, arch, name, value, cell }) {
    onRpc("web_save", ({ args }) => {
        expect.step(args[1]);
    });
    await mountView({ type: "form", resModel, resId, arch });
    if (cell) {
        await contains(`.o_data_cell[name=${cell}]`).click();
    }
    await contains(`.o_field_widget[name=${name}] input`).edit(value);
    await contains(".o_form_button_save").click();
}

test("hr_asn_performance: a save sends the version the form was loaded with", async () => {
    await editAndSave({
        resModel: "asn.skp",
        resId: 1,
        arch: `<form><field name="name"/><field name="asn_version" invisible="1"/></form>`,
        name: "name",
        value: "SKP 2026 (draft)",
    });
    expect.verifySteps([{ name: "SKP 2026 (draft)", asn_version: 7 }]);
});

test("hr_asn_performance: a line of an x2many sends its own version", async () => {
    await editAndSave({
        resModel: "asn.skp",
        resId: 1,
        arch: `<form>
            <field name="asn_version" invisible="1"/>
            <field name="line_ids">
                <list editable="bottom" create="0" delete="0">
                    <field name="asn_version" column_invisible="1"/>
                    <field name="realisasi"/>
                </list>
            </field>
        </form>`,
        cell: "realisasi",
        name: "realisasi",
        value: "done",
    });
    expect.verifySteps([
        { line_ids: [[1, 11, { realisasi: "done", asn_version: 3 }]], asn_version: 7 },
    ]);
});

test("hr_asn_performance: no version without the field in the view", async () => {
    await editAndSave({
        resModel: "asn.plain",
        resId: 1,
        arch: `<form><field name="name"/></form>`,
        name: "name",
        value: "other",
    });
    expect.verifySteps([{ name: "other" }]);
});

test("hr_asn_performance: no version on a new record", async () => {
    await editAndSave({
        resModel: "asn.plain",
        arch: `<form><field name="name"/><field name="asn_version" invisible="1"/></form>`,
        name: "name",
        value: "new",
    });
    expect.verifySteps([{ name: "new" }]);
});
