//! The offer-template renderer on an arbitrary template and arbitrary values: a message or an error
//! naming the problem, never a panic (the sandbox's fuel limit ends loops).
#![no_main]

use libfuzzer_sys::fuzz_target;
use scout_outreach::template::{render, MergeData, OfferTemplate};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\u{1f}');
    let mut next = || parts.next().unwrap_or_default().to_string();
    let template = OfferTemplate { subject: next(), body: next() };
    let value = next();
    let data = MergeData {
        creator_handle: value.clone(),
        creator_name: Some(value.clone()).filter(|v| !v.is_empty()),
        product_name: next(),
        product_price: value.clone(),
        commission: next(),
        free_sample: value.len() % 2 == 0,
        flat_fee: Some(next()).filter(|v| !v.is_empty()),
        deadline: None,
        seller_name: value.clone(),
        campaign_name: value,
    };
    let _ = std::hint::black_box(render(&template, &data));
});
