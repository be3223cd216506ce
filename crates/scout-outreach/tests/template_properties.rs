//! Property tests of the offer-template renderer: any template text and any values render or are
//! refused with a reason, never a panic; text without template syntax comes out as written, and values
//! are inserted exactly as given.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use scout_outreach::template::{render, MergeData, OfferTemplate};

fn data(value: &str) -> MergeData {
    MergeData {
        creator_handle: format!("@{value}"),
        creator_name: Some(value.to_string()),
        product_name: value.to_string(),
        product_price: "$24.00".into(),
        commission: "18 %".into(),
        free_sample: true,
        flat_fee: None,
        deadline: None,
        seller_name: "Glow Labs".into(),
        campaign_name: "Launch".into(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn any_template_renders_or_is_refused_with_a_reason(subject in "\\PC{0,40}", body in "(\\PC|[{}%#])*", value in "\\PC{0,20}") {
        let template = OfferTemplate { subject, body };
        if let Err(e) = render(&template, &data(&value)) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn text_without_template_syntax_comes_out_as_written(body in "[^{}%#]{0,200}") {
        let template = OfferTemplate { subject: "Hello".into(), body: body.clone() };
        // Like Jinja, the renderer drops one line break at the very end.
        let expected = ["\r\n", "\n", "\r"].iter().find_map(|end| body.strip_suffix(end)).unwrap_or(&body);
        prop_assert_eq!(render(&template, &data("mia")).unwrap().body, expected);
    }

    #[test]
    fn a_value_is_inserted_exactly_as_given(value in "\\PC{1,30}") {
        let template = OfferTemplate { subject: "{{ product.name }}".into(), body: "[{{ creator.name }}]".into() };
        let message = render(&template, &data(&value)).unwrap();
        prop_assert_eq!(message.body, format!("[{value}]"));
        prop_assert_eq!(message.subject, value.trim());
    }
}
