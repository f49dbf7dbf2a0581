from lxml import html
from markupsafe import Markup

from odoo import api, models
from odoo.tools import is_html_empty, safe_eval


class MailTemplate(models.Model):
    _inherit = "mail.template"

    @api.model
    def _render_template_qweb(self, template_src, model, res_ids, add_context=None, options=None):
        """The body of this addon's e-mails compiled once per batch, not once per record (issue 13: Odoo's
        renderer compiles the template's QWeb for every record; setting a city's SKPs e-mails 20,000
        employees). The same template and options, rendered for each record with its ``object`` as Odoo
        does (``mail.render.mixin._render_template_qweb``, ``ir.qweb._render``); the language is the
        caller's, who renders per language. Other models' templates, a single record, restricted rendering
        (a user without template rights) and any error go to Odoo's own renderer, whose result or error
        stands."""
        restricted = (not self._unrestricted_rendering and not self.env.is_admin()
                      and not self.env.user.has_group("mail.group_mail_template_editor"))
        if (restricted or not template_src or len(res_ids) < 2 or not (model or "").startswith("hr.asn.")
                or not self._has_unsafe_expression_template_qweb(template_src, model)):
            return super()._render_template_qweb(template_src, model, res_ids, add_context, options)
        try:
            return self._asn_render_qweb_batch(template_src, model, res_ids, add_context, options)
        except Exception:  # noqa: BLE001 -- Odoo's renderer renders again and reports the error its way
            return super()._render_template_qweb(template_src, model, res_ids, add_context, options)

    @api.model
    def _asn_render_qweb_batch(self, template_src, model, res_ids, add_context, options):
        variables = self._render_eval_context()
        variables.update(add_context or {})
        qweb = self.env["ir.qweb"].with_context(**(options or {}))
        compiled = qweb._prepare_environment(dict(variables))
        functions, def_name = compiled._compile(html.fragment_fromstring(template_src, create_parent="div"))
        render = functions[def_name]
        results = {}
        for record in self.env[model].browse(res_ids):
            values = dict(variables, object=record)
            env_qweb = qweb._prepare_environment(values)
            safe_eval.check_values(values)
            # without the <div> wrapped around the nodes (as Odoo's renderer)
            results[record.id] = Markup("".join(render(env_qweb, values)))[5:-6]
        return results

    def _asn_send_mail_batch(self, res_ids, email_layout_xmlid):
        """``send_mail_batch`` with ``email_layout_xmlid``, the layout applied as Odoo applies it (same
        context, language and company: mail_template.py, ``send_mail_batch``) to what is sent, the mail's
        ``body_html``; the message the record's chatter keeps is the template's body without the layout,
        as a message posted on the record keeps it (issue 13: Odoo sanitizes the stored message, and the
        layout's tables made that half the cost of e-mailing 20,000 employees). What the recipient receives
        is unchanged."""
        self.ensure_one()
        if self.email_layout_xmlid:
            return self.send_mail_batch(res_ids, email_layout_xmlid=email_layout_xmlid)
        mails = self.send_mail_batch(res_ids)
        records = self.env[self.model].browse(res_ids)
        langs = self._render_lang(res_ids) if self.lang else {}
        companies = records._mail_get_companies(default=self.env.company)
        ir_model = self.env["ir.model"]._get(self.model)
        Render = self.env["mail.render.mixin"]
        for mail in mails:
            record = records.browse(mail.res_id)
            lang = langs.get(record.id) or False
            model_lang = ir_model.with_context(lang=lang) if lang else ir_model
            body = model_lang.env["ir.qweb"]._render(email_layout_xmlid, {
                "message": self.env["mail.message"].sudo().new({"body": mail.body_html,
                                                                "record_name": record.display_name}),
                "subtype": self.env["mail.message.subtype"].sudo(),
                "model_description": model_lang.display_name,
                "record": record,
                "record_name": False,
                "subtitles": False,
                "company": companies.get(record.id) or self.env.company,
                "email_add_signature": False,
                "signature": "",
                "website_url": "",
                "is_html_empty": is_html_empty,
            }, minimal_qcontext=True, raise_if_not_found=False)
            if body:
                mail.body_html = Render._replace_local_links(body)
        return mails
