import { patch } from "@web/core/utils/patch";
import { Record } from "@web/model/relational_model/record";

/**
 * Concurrent edits never lose data silently (issue 13): a record of a model with `asn_version`
 * (hr.asn.version.mixin), when the view loads that field (invisible), sends the version it was
 * loaded with along with its changes. The server refuses the save when somebody else saved the
 * record meanwhile; the user reloads and sees their changes. Sub-records of an x2many (the lines of
 * a month) send theirs in their own update command. The field is read-only: without this patch the
 * web client would never send it.
 */
export const VERSION_FIELD = "asn_version";

patch(Record.prototype, {
    _getChanges() {
        const changes = super._getChanges(...arguments);
        if (
            !this.isNew &&
            VERSION_FIELD in this.activeFields &&
            !(VERSION_FIELD in changes) &&
            Object.keys(changes).some((name) => name !== "id")
        ) {
            changes[VERSION_FIELD] = this._values[VERSION_FIELD];
        }
        return changes;
    },
});
