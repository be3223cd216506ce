use super::*;

fn offer() -> TargetCollaboration {
    TargetCollaboration {
        name: "Glow serum launch".into(),
        end_time: DateTime::from_timestamp(1_900_000_000, 0).unwrap(),
        products: vec![ProductCommission { product_id: "1729".into(), commission_bps: 1500 }],
        creator_open_ids: vec!["c-1".into(), "c-2".into()],
        seller_email: Some("partners@glowlabs.example".into()),
        free_sample: FreeSampleRule { has_free_sample: true, is_sample_approval_exempt: false },
        message: "Hi!".into(),
        preferred_content_type: None,
    }
}

#[test]
fn the_body_follows_the_documented_shape() {
    let body: serde_json::Value = serde_json::from_slice(&offer().body().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "name": "Glow serum launch",
            "end_time": "1900000000",
            "products": [{"id": "1729", "target_commission_rate": 1500}],
            "creator_user_open_ids": ["c-1", "c-2"],
            "seller_contact_info": {"email": "partners@glowlabs.example"},
            "free_sample_rule": {"has_free_sample": true, "is_sample_approval_exempt": false},
            "message": "Hi!"
        }),
        "end_time is a string of Unix seconds, rates are basis points, absent options are left out"
    );
}

#[test]
fn validation_names_the_field() {
    let now = Utc::now();
    assert!(offer().validate(now).is_ok());
    let field = |o: TargetCollaboration| match o.validate(now) {
        Err(TiktokError::Invalid { field, .. }) => field,
        other => panic!("expected Invalid, got {other:?}"),
    };
    let mut o = offer();
    o.creator_open_ids = (0..51).map(|i| format!("c{i}")).collect();
    assert_eq!(field(o), "creator_user_open_ids");
    let mut o = offer();
    o.creator_open_ids.clear();
    assert_eq!(field(o), "creator_user_open_ids");
    let mut o = offer();
    o.products =
        (0..101).map(|i| ProductCommission { product_id: i.to_string(), commission_bps: 1000 }).collect();
    assert_eq!(field(o), "products");
    for bad in [99, 8001, 0] {
        let mut o = offer();
        o.products[0].commission_bps = bad;
        assert_eq!(field(o), "products[0].target_commission_rate", "{bad} bps is out of range");
    }
    for ok in [100, 8000] {
        let mut o = offer();
        o.products[0].commission_bps = ok;
        assert!(o.validate(now).is_ok(), "{ok} bps is allowed");
    }
    let mut o = offer();
    o.name = "  ".into();
    assert_eq!(field(o), "name");
    let mut o = offer();
    o.end_time = now;
    assert_eq!(field(o), "end_time");
    let mut o = offer();
    o.seller_email = Some("nope".into());
    assert_eq!(field(o), "seller_contact_info.email");
    let mut o = offer();
    o.preferred_content_type = Some("video".into());
    assert_eq!(field(o), "preferred_content_type");
}

#[test]
fn the_contact_info_the_model_requires_is_sent_without_an_email() {
    let mut o = offer();
    o.seller_email = None;
    o.preferred_content_type = Some("LIVE".into());
    let body: serde_json::Value = serde_json::from_slice(&o.body().unwrap()).unwrap();
    assert_eq!(body["seller_contact_info"], serde_json::json!({}), "present, empty");
    assert_eq!(body["preferred_content_type"], "LIVE");
}

fn creator(status: &str, showcase: u32, content: u32) -> CreatorInCollaboration {
    CreatorInCollaboration {
        open_id: "c-1".into(),
        username: None,
        collaboration_status: status.into(),
        showcase_products: showcase,
        content_products: content,
    }
}

#[test]
fn a_creator_accepts_by_showcasing_and_posts_with_content() {
    assert_eq!(creator("NORMAL", 0, 0).answer(false), CreatorAnswer::Pending);
    assert_eq!(creator("NORMAL", 0, 0).answer(true), CreatorAnswer::Expired);
    assert_eq!(creator("NORMAL", 1, 0).answer(true), CreatorAnswer::Accepted, "accepted stays after the end");
    assert_eq!(creator("NORMAL", 1, 2).answer(false), CreatorAnswer::Posted);
    assert_eq!(creator("DELETING", 1, 0).answer(false), CreatorAnswer::Removed);
    assert_eq!(creator("DELETED", 0, 0).answer(true), CreatorAnswer::Removed);
    let now = Utc::now();
    let c = CollaborationStatus {
        id: "7".into(),
        name: None,
        end_time: Some(now - chrono::Duration::hours(1)),
        creators: vec![creator("NORMAL", 1, 0)],
    };
    assert_eq!(c.answer_of("c-1", now), CreatorAnswer::Accepted);
    assert_eq!(c.answer_of("someone-else", now), CreatorAnswer::Expired, "unlisted after the end");
    let running = CollaborationStatus { end_time: Some(now + chrono::Duration::days(3)), ..c };
    assert_eq!(running.answer_of("someone-else", now), CreatorAnswer::Pending);
}
