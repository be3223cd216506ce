use super::*;
use crate::samples_read::{content, parse_word};
use scout_domain::Currency;
use serde_json::json;

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

#[test]
fn the_search_body_uses_tiktoks_own_spellings_byte_for_byte() {
    let q = SampleQuery {
        status: Some(SampleStatus::Pending),
        creator_open_id: Some("mk-00042".into()),
        target_collaboration_id: Some("7300000000000000001".into()),
        title: Some("  ".into()),
        ..Default::default()
    };
    assert_eq!(
        text(search_body(&q).unwrap()),
        r#"{"creator_user_oepn_id":"mk-00042","target_collabration_id":"7300000000000000001","status":"PENDING"}"#,
        "misspelled as the model has them; a blank title is not sent"
    );
    assert_eq!(text(search_body(&SampleQuery::default()).unwrap()), "{}");
    let all = SampleQuery {
        product_id: Some("1729".into()),
        title: Some("serum".into()),
        username: Some("mia".into()),
        order_id: Some("577".into()),
        ..Default::default()
    };
    assert_eq!(
        text(search_body(&all).unwrap()),
        r#"{"product_id":"1729","title":"serum","username":"mia","order_id":"577"}"#
    );
}

#[test]
fn review_bodies_are_byte_exact() {
    assert_eq!(text(review_body(&ReviewDecision::Approve).unwrap()), r#"{"review_result":"APPROVE"}"#);
    let cases = [
        (RejectReason::NotMatch, "NOT_MATCH"),
        (RejectReason::Offline, "OFFLINE"),
        (RejectReason::OutOfStock, "OUT_OF_STOCK"),
        (RejectReason::Other, "OTHER"),
    ];
    for (reason, wire) in cases {
        assert_eq!(
            text(review_body(&ReviewDecision::Reject(reason)).unwrap()),
            format!(r#"{{"review_result":"REJECT","reject_reason":"{wire}"}}"#)
        );
        assert_eq!(serde_json::to_value(reason).unwrap(), wire, "serde and the wire agree");
    }
}

#[test]
fn every_status_word_reads_back_as_itself() {
    use SampleStatus::*;
    let all = [
        Pending,
        AwaitingShipment,
        Shipped,
        ContentPending,
        Completed,
        RejectCancelled,
        OverdueCancelled,
        UnfulfillCancelled,
        DelOpenCollab,
        SellerNotShipCancelled,
        WithdrawCancelled,
        UnfulfillableCancelled,
        OpsCancelled,
        OpsFailed,
        OpsCompleted,
    ];
    for s in all {
        assert_eq!(parse_word::<SampleStatus>(s.as_wire()), Some(s));
    }
}

fn row(id: &str, status: &str) -> serde_json::Value {
    json!({
        "id": id, "commission_rate": "0.20", "status": status, "order_id": "", "available_quantity": 12,
        "approve_expiration_time": 1_796_700_000, "shipment_expiration_time": 0, "tracking_number": "",
        "fulfillment_status": "PENDING", "is_approvable": true, "disapprovable_reasons": [], "partner_name": "",
        "creator": {"creator_open_id": "mk-1", "username": "mia", "nickname": "Mia", "follower_count": 5200,
                    "avatar_url": "", "gmv": {"amount": "1234.56", "currency": "USD"}, "content_count": 14,
                    "fulfillment_percentage": "60.85", "ec_video_view": 3100},
        "product": {"id": "1729000000000000001", "title": "Glow serum", "sku_id": "1729000000000000101",
                    "sku_image_url": "https://x/1.jpeg", "sku_name": "30 ml"}
    })
}

#[test]
fn a_page_reads_tiktoks_signals_and_says_which_rows_it_could_not_read() {
    let mut private = row("2", "PENDING");
    private["creator"]["fulfillment_percentage"] = json!("");
    private["creator"]["content_count"] = json!("");
    private["partner_name"] = json!("Bright Agency");
    let page = read_page(json!({
        "next_page_token": "50", "total_count": 120,
        "sample_applications": [row("1", "PENDING"), private, row("3", "LOST_IN_THE_MAIL"), {"status": "PENDING"}]
    }))
    .unwrap();
    assert_eq!((page.total, page.next_page_token.as_deref()), (Some(120), Some("50")));
    let a = &page.applications[0];
    assert_eq!(a.status, SampleStatus::Pending);
    assert_eq!(a.fulfilment, Some(FulfilmentStatus::Pending));
    assert_eq!(a.commission, Some(BasisPoints(2000)), "0.20 is 20 %");
    assert_eq!(a.creator.fulfilment_90d, Some(BasisPoints(6085)), "60.85 % over 90 days");
    assert_eq!(a.creator.gmv, Some(Money::new(123_456, Currency::usd())));
    assert_eq!((a.creator.median_video_views, a.creator.posts_30d), (Some(3100), Some(14)));
    assert_eq!(a.approve_by, DateTime::from_timestamp(1_796_700_000, 0));
    assert_eq!(
        (a.ship_by, a.order_id.as_deref(), a.agency.as_deref()),
        (None, None, None),
        "0 and '' are unknown"
    );
    let b = &page.applications[1];
    assert_eq!((b.creator.fulfilment_90d, b.creator.posts_30d), (None, None), "not shared is not zero");
    assert_eq!(b.agency.as_deref(), Some("Bright Agency"));
    assert_eq!(
        page.unreadable,
        [
            "sample application 3: status 'LOST_IN_THE_MAIL' is not one TikTok documents",
            "a sample application without an id"
        ]
    );
    let last = read_page(json!({"next_page_token": "", "sample_applications": []})).unwrap();
    assert_eq!(last.next_page_token, None, "an empty token ends the paging");
}

#[test]
fn posted_content_is_read_with_its_figures() {
    let f: w::Fulfilment = serde_json::from_value(json!({
        "product": {"id": "1729", "main_image_url": ""},
        "content": {"id": "7301", "format": "LIVE", "url": "https://t/1", "view_count": 5400, "like_count": 300,
                    "comment_count": 12, "paid_order_count": 7, "page_link": "https://t", "description": "Live!",
                    "create_time": 1_796_000_000, "live_end_time": 1_796_007_200}
    }))
    .unwrap();
    let c = content(f);
    assert_eq!(c.format, Some(ContentFormat::Live));
    assert_eq!((c.views, c.likes, c.comments, c.paid_orders), (Some(5400), Some(300), Some(12), Some(7)));
    assert_eq!(c.live_ended_at, DateTime::from_timestamp(1_796_007_200, 0));
    assert_eq!(c.product_id.as_deref(), Some("1729"));
}

#[test]
fn an_id_with_a_slash_never_reaches_a_path() {
    assert!(path_id("application_id", "579000/../review").is_err());
    assert_eq!(path_id("application_id", " 5790001 ").unwrap(), "5790001");
}
