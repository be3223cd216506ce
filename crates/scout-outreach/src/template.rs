//! Offer messages from templates with merge fields, rendered by minijinja (a maintained Jinja engine)
//! in a sandbox: no file or network access, no custom functions, and a fuel limit so a template cannot
//! loop forever. Strict: a merge field the creator has no value for, or a field that does not exist, is
//! an error at preview time naming the field — never a blank in a sent message.

use minijinja::value::Value;
use minijinja::{Environment, UndefinedBehavior};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;
use ts_rs::TS;

/// Every merge field a template may use, with what it holds.
pub const MERGE_FIELDS: [(&str, &str); 10] = [
    ("creator.handle", "the creator's handle, with @"),
    ("creator.name", "the creator's display name"),
    ("product.name", "the product's name"),
    ("product.price", "the product's price, formatted"),
    ("offer.commission", "the commission rate, e.g. 18 %"),
    ("offer.sample", "true when a free sample is offered (use in {% if %})"),
    ("offer.flat_fee", "the flat fee, formatted"),
    ("offer.deadline", "when the content is due"),
    ("seller.name", "your shop's name"),
    ("campaign.name", "the campaign's name"),
];

/// The template offered when the seller has not written one.
pub fn default_template() -> OfferTemplate {
    OfferTemplate {
        subject: "Partnership offer: {{ product.name }} × {{ creator.handle }}".into(),
        body: "Hi {{ creator.handle }},\n\nWe love your content and would like to work with you on {{ product.name }} \
               ({{ product.price }}). We offer {{ offer.commission }} commission\
               {% if offer.sample %} and a free sample{% endif %}.\n\nInterested? Just reply to this message.\n\n\
               {{ seller.name }}"
            .into(),
    }
}

/// Gas for one rendering: plenty for a letter, too little for a runaway loop.
const FUEL: u64 = 50_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OfferTemplate {
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RenderedMessage {
    pub subject: String,
    pub body: String,
}

/// The values for one creator; `None` means "no value", which a template using it cannot render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeData {
    pub creator_handle: String,
    pub creator_name: Option<String>,
    pub product_name: String,
    pub product_price: String,
    pub commission: String,
    pub free_sample: bool,
    pub flat_fee: Option<String>,
    pub deadline: Option<String>,
    pub seller_name: String,
    pub campaign_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TemplateError {
    #[error("the {part} uses '{field}', which is not a merge field (known: {known})")]
    UnknownField { part: &'static str, field: String, known: String },
    #[error("the {part} uses '{field}', but @{creator} has no value for it")]
    MissingValue { part: &'static str, field: String, creator: String },
    #[error("the {part} is not a valid template: {message}")]
    Syntax { part: &'static str, message: String },
    #[error("the {part} could not be rendered: {message}")]
    Render { part: &'static str, message: String },
}

impl MergeData {
    fn value(&self, field: &str) -> Option<Value> {
        Some(match field {
            "creator.handle" => Value::from(format!("@{}", self.creator_handle)),
            "creator.name" => Value::from(self.creator_name.clone()?),
            "product.name" => Value::from(self.product_name.clone()),
            "product.price" => Value::from(self.product_price.clone()),
            "offer.commission" => Value::from(self.commission.clone()),
            "offer.sample" => Value::from(self.free_sample),
            "offer.flat_fee" => Value::from(self.flat_fee.clone()?),
            "offer.deadline" => Value::from(self.deadline.clone()?),
            "seller.name" => Value::from(self.seller_name.clone()),
            "campaign.name" => Value::from(self.campaign_name.clone()),
            _ => return None,
        })
    }

    /// The context: only the fields that have a value, nested as `creator.handle` reads.
    fn context(&self) -> BTreeMap<String, BTreeMap<String, Value>> {
        let mut ctx: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
        for (field, _) in MERGE_FIELDS {
            if let (Some(value), Some((group, name))) = (self.value(field), field.split_once('.')) {
                ctx.entry(group.to_string()).or_default().insert(name.to_string(), value);
            }
        }
        ctx
    }
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env
}

fn render_part(
    env: &Environment<'_>,
    part: &'static str,
    source: &str,
    data: &MergeData,
) -> Result<String, TemplateError> {
    let template =
        env.template_from_str(source).map_err(|e| TemplateError::Syntax { part, message: e.to_string() })?;
    let mut fields: Vec<String> = template.undeclared_variables(true).into_iter().collect();
    fields.sort();
    for field in fields {
        let known = MERGE_FIELDS.iter().any(|(f, _)| *f == field);
        if !known {
            let known = MERGE_FIELDS.map(|(f, _)| f).join(", ");
            return Err(TemplateError::UnknownField { part, field, known });
        }
        if data.value(&field).is_none() {
            return Err(TemplateError::MissingValue { part, field, creator: data.creator_handle.clone() });
        }
    }
    template.render(data.context()).map_err(|e| TemplateError::Render { part, message: e.to_string() })
}

/// Renders a template for one creator.
pub fn render(template: &OfferTemplate, data: &MergeData) -> Result<RenderedMessage, TemplateError> {
    let env = environment();
    Ok(RenderedMessage {
        subject: render_part(&env, "subject", &template.subject, data)?.trim().to_string(),
        body: render_part(&env, "body", &template.body, data)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> MergeData {
        MergeData {
            creator_handle: "glowwithmia".into(),
            creator_name: Some("Mia".into()),
            product_name: "Glow serum".into(),
            product_price: "$24.00".into(),
            commission: "18 %".into(),
            free_sample: true,
            flat_fee: None,
            deadline: Some("20 Dec 2026".into()),
            seller_name: "Glow Labs".into(),
            campaign_name: "Glow serum launch".into(),
        }
    }

    fn template(body: &str) -> OfferTemplate {
        OfferTemplate { subject: "{{ product.name }} × {{ creator.handle }}".into(), body: body.into() }
    }

    #[test]
    fn merge_fields_fill_subject_and_body() {
        let t = template("Hi {{ creator.name }}, {{ offer.commission }} on {{ product.name }}{% if offer.sample %} plus a free sample{% endif %}. — {{ seller.name }}");
        let m = render(&t, &data()).unwrap();
        assert_eq!(m.subject, "Glow serum × @glowwithmia");
        assert_eq!(m.body, "Hi Mia, 18 % on Glow serum plus a free sample. — Glow Labs");
    }

    #[test]
    fn a_missing_value_is_an_error_naming_the_field_and_creator() {
        let mut d = data();
        d.creator_name = None;
        let err = render(&template("Hi {{ creator.name }}"), &d).unwrap_err();
        assert_eq!(err.to_string(), "the body uses 'creator.name', but @glowwithmia has no value for it");
        let err = render(&template("Fee: {{ offer.flat_fee }}"), &data()).unwrap_err();
        assert!(matches!(err, TemplateError::MissingValue { ref field, .. } if field == "offer.flat_fee"));
    }

    #[test]
    fn unknown_fields_and_bad_syntax_are_refused() {
        let err = render(&template("Hi {{ creator.nmae }}"), &data()).unwrap_err();
        assert!(err.to_string().contains("'creator.nmae', which is not a merge field"), "{err}");
        let err = render(&template("Hi {{ creator.name "), &data()).unwrap_err();
        assert!(matches!(err, TemplateError::Syntax { part: "body", .. }), "{err}");
    }

    #[test]
    fn the_sandbox_stops_runaway_templates_and_reads_no_files() {
        let err = render(&template("{{ range(10) }}"), &data()).unwrap_err();
        assert!(matches!(err, TemplateError::UnknownField { .. }), "only merge fields, no functions: {err}");
        let ten = "[0,1,2,3,4,5,6,7,8,9]";
        let runaway = format!(
            "{{% for a in {ten} %}}{{% for b in {ten} %}}{{% for c in {ten} %}}{{% for d in {ten} %}}{{% for e in {ten} %}}\
             x{{% endfor %}}{{% endfor %}}{{% endfor %}}{{% endfor %}}{{% endfor %}}"
        );
        let err = render(&template(&runaway), &data()).unwrap_err();
        assert!(matches!(err, TemplateError::Render { .. }), "out of fuel: {err}");
        let err = render(&template("{% include '/etc/passwd' %}"), &data()).unwrap_err();
        assert!(
            matches!(err, TemplateError::Render { .. } | TemplateError::Syntax { .. }),
            "no loader: {err}"
        );
    }

    #[test]
    fn the_default_template_renders_with_only_required_fields() {
        let mut d = data();
        d.creator_name = None;
        d.deadline = None;
        let m = render(&default_template(), &d).unwrap();
        assert!(m.body.contains("18 % commission and a free sample"), "{}", m.body);
    }

    #[test]
    fn text_is_not_html_escaped() {
        let mut d = data();
        d.product_name = "Serum <30 ml> & more".into();
        assert_eq!(render(&template("{{ product.name }}"), &d).unwrap().body, "Serum <30 ml> & more");
    }
}
