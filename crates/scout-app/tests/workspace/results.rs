//! Results from file to report: an English order export with every kind of line (pending, refunded in
//! full, settled with a partial refund, an unknown creator, a repeated line, an unreadable row) imported
//! into a workspace with two collaborations; every figure checked against hand-computed values; the same
//! file again changes nothing; a newer export updates only what changed; a hand assignment; CSV export.

use crate::workspace;
use chrono::Utc;
use scout_app::{CancelToken, ImportRequest, Workspace};
use scout_domain::{
    AgreedTerms, BasisPoints, CampaignSpec, ContentPost, Currency, IssueOutcome, Money, ResultsQuery,
    SampleShipment, Stage,
};
use std::sync::{Arc, Mutex};

const HEADER: &str = "Order ID,Product ID,Product Name,SKU ID,Price,Payment Amount,Currency,Quantity,Order Status,\
Fully returned or refunded,Creator Username,Content Type,Content ID,commission model,Standard commission rate,\
Est. Commission Base,Est. standard commission payment,Actual Commission Base,Actual Commission Payment,\
Shop Ads commission rate,Time Created,Payment time,Order Delivery Time,Time Commission Paid,Refund Amount,\
Returned Quantity,Target Collaboration ID";

fn orders_csv(settle_first: bool) -> String {
    let d = Utc::now().date_naive().format("%Y/%m/%d").to_string();
    let (actual1, paid1) = if settle_first { ("7.00", format!("{d} 23:00:00")) } else { ("", String::new()) };
    let rows = [
        format!("5770001,1729001,Glow vitamin C serum 30 ml,1,$24.00,48.00,USD,2,Completed,No,@mia,Video,7301,Standard,15%,48.00,7.20,,{actual1},,{d} 10:00:00,{d} 10:01:00,,{paid1},,,"),
        format!("5770002,1729001,Glow vitamin C serum 30 ml,1,$24.00,24.00,USD,1,Completed,Yes,mia,Video,7301,Standard,15%,24.00,3.60,,,,{d} 11:00:00,{d} 11:01:00,,,,,"),
        format!("5770003,1729001,Glow vitamin C serum 30 ml,1,$24.00,72.00,USD,3,Delivered,No,leo,LIVE,,Standard,15%,72.00,10.80,72.00,10.80,,{d} 12:00:00,{d} 12:01:00,,{d} 20:00:00,24.00,1,"),
        format!("5770004,1729001,Glow vitamin C serum 30 ml,1,$24.00,24.00,USD,1,Completed,No,zoe,Video,,Standard,15%,24.00,3.60,,,,{d} 13:00:00,,,,,,"),
        format!("5770003,1729001,Glow vitamin C serum 30 ml,1,$24.00,72.00,USD,3,Delivered,No,leo,LIVE,,Standard,15%,72.00,10.80,72.00,10.80,,{d} 12:00:00,{d} 12:01:00,,{d} 20:00:00,24.00,1,"),
        format!("5770005,1729001,Glow vitamin C serum 30 ml,1,$24.00,24.00,USD,abc,Completed,No,leo,Video,,Standard,15%,24.00,3.60,,,,{d} 14:00:00,,,,,,"),
    ];
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

async fn creators(ws: &Workspace, dir: &std::path::Path) -> Vec<i64> {
    let file = dir.join("creators.csv");
    std::fs::write(&file, "handle,followers\nmia,12000\nleo,30000\nann,5000\n").unwrap();
    ws.import_file(ImportRequest::file(file), |_| {}, CancelToken::default()).await.unwrap();
    let mut ids = Vec::new();
    for h in ["mia", "leo"] {
        let page = ws
            .list_creators(&scout_app::CreatorQuery {
                search: Some(h.into()),
                limit: 5,
                ..Default::default()
            })
            .await
            .unwrap();
        ids.push(page.rows[0].id);
    }
    ids
}

/// Mia: invited, replied, agreed 15 % + $50 flat fee + sample, shipped ($8.50), posted. Leo: invited.
async fn collaborations(ws: &Workspace, mia: i64, leo: i64) -> i64 {
    let mut spec: CampaignSpec = serde_json::from_str(scout_app::EXAMPLE_CAMPAIGN).unwrap();
    spec.name = "Glow launch".into();
    spec.product.tiktok_product_id = Some("1729001".into());
    let campaign = ws.create_campaign(&spec).await.unwrap().id;
    let today = Utc::now().date_naive();
    for c in [mia, leo] {
        ws.shortlist_add(campaign, c).await.unwrap();
        ws.move_stage(campaign, c, Stage::Invited, "offer sent").await.unwrap();
    }
    ws.record_reply(campaign, mia, "yes").await.unwrap();
    let terms = AgreedTerms {
        commission: BasisPoints(1_500),
        flat_fee: Some(Money::new(5_000, Currency::usd())),
        free_sample: true,
        deliverables: "1 video".into(),
        content_due: None,
    };
    ws.record_agreement(campaign, mia, &terms).await.unwrap();
    let ship = SampleShipment {
        carrier: "USPS".into(),
        tracking_number: "9400100000000000000001".into(),
        cost: Some(Money::new(850, Currency::usd())),
        shipped_on: today,
    };
    ws.record_shipment(campaign, mia, &ship).await.unwrap();
    let post = ContentPost { url: "https://www.tiktok.com/@mia/video/7301".into(), posted_on: today };
    ws.record_post(campaign, mia, &post).await.unwrap();
    campaign
}

#[tokio::test]
async fn an_order_export_becomes_the_campaigns_net_result() {
    let (dir, ws) = workspace().await;
    let ids = creators(&ws, dir.path()).await;
    let (mia, leo) = (ids[0], ids[1]);
    let campaign = collaborations(&ws, mia, leo).await;
    let file = dir.path().join("orders.csv");
    std::fs::write(&file, orders_csv(false)).unwrap();

    let r = ws.import_results(&file, |_| {}, CancelToken::default()).await.unwrap();
    assert_eq!(
        (r.counts.rows_total, r.counts.created, r.counts.updated, r.counts.unchanged, r.counts.rejected),
        (6, 4, 0, 0, 2)
    );
    assert_eq!(
        r.attribution.map(|a| (a.attributed, a.unattributed)),
        Some((3, 1)),
        "mia's two lines and leo's; zoe has no collaboration"
    );
    assert_eq!(r.date_order, None, "year-first dates cannot be read two ways: nothing to say");
    let rejected: Vec<(u64, &str)> = r
        .issues
        .iter()
        .filter(|i| i.outcome == IssueOutcome::Rejected)
        .map(|i| (i.line, i.message.as_str()))
        .collect();
    assert_eq!(rejected.len(), 2, "{:?}", r.issues);
    assert_eq!(rejected[0].0, 6);
    assert!(rejected[0].1.contains("repeats order 5770003 SKU 1 of line 4"), "{rejected:?}");
    assert_eq!(rejected[1].0, 7);
    assert!(rejected[1].1.contains("Quantity"), "the reason names the column: {rejected:?}");

    let one = ResultsQuery { campaign_id: Some(campaign), ..Default::default() };
    let report = ws.results_report(&one).await.unwrap();
    assert_eq!(report.currencies.len(), 1);
    let row = &report.currencies[0].by_campaign[0];
    assert_eq!(row.label, "Glow launch");
    let l = &row.ledger;
    assert_eq!((l.orders, l.units_sold, l.units_refunded), (3, 6, 2));
    assert_eq!((l.gmv, l.refunds), (14_400, 4_800), "a full and a partial refund");
    assert_eq!(l.product_cost, 650 * 4, "unit cost $6.50 × 4 units kept");
    assert_eq!(
        (l.commission_paid, l.commission_pending),
        (1_080, 720),
        "leo's settled, mia's pending, none on the refund"
    );
    assert_eq!((l.flat_fees, l.sample_cost), (5_000, 650 + 850));
    // net revenue 96.00 − product 26.00 − creator cost (18.00 + 50.00 + 15.00) = −13.00; ROI −13 ÷ 83
    assert_eq!(row.net.net_profit.value.minor, -1_300);
    assert_eq!(row.net.roi_bp, Some(-1_566));
    assert!(
        row.net.net_profit.formula.contains("− creator cost 83.00 USD = -13.00 USD"),
        "{}",
        row.net.net_profit.formula
    );
    let f = report.funnel;
    // Leo sold without posting (a LIVE): the funnel counts sales of those who posted, so each step nests.
    assert_eq!((f.shortlisted, f.invited, f.replied, f.agreed, f.posted, f.sold), (2, 2, 1, 1, 1, 1));
    assert_eq!((f.sampled, f.sampled_posted), (1, 1));
    assert!(!report.currencies[0].over_time.is_empty(), "a week to chart");

    let all = ws.results_report(&ResultsQuery::default()).await.unwrap();
    let total = &all.currencies[0].total;
    assert_eq!((total.ledger.orders, total.ledger.gmv), (4, 16_800), "zoe's order is in the workspace total");
    assert_eq!(total.net.net_profit.value.minor, 90, "120.00 − 32.50 − 86.60");
    assert_eq!(all.unattributed_lines, 1);

    // The same file again changes nothing; a newer export with mia's commission paid updates one line.
    let again = ws.import_results(&file, |_| {}, CancelToken::default()).await.unwrap();
    assert_eq!(
        (again.counts.created, again.counts.updated, again.counts.unchanged, again.counts.rejected),
        (0, 0, 4, 2)
    );
    std::fs::write(&file, orders_csv(true)).unwrap();
    let newer = ws.import_results(&file, |_| {}, CancelToken::default()).await.unwrap();
    assert_eq!((newer.counts.created, newer.counts.updated, newer.counts.unchanged), (0, 1, 3));
    let settled = ws.results_report(&one).await.unwrap();
    let l = &settled.currencies[0].by_campaign[0].ledger;
    assert_eq!(
        (l.commission_paid, l.commission_pending),
        (1_080 + 700, 0),
        "mia's commission is now paid: 7.00"
    );

    // A period: every order of this file was placed today, the fee agreed and the sample shipped today.
    let today = Utc::now().date_naive();
    let yesterday = today - chrono::Days::new(1);
    let before = ResultsQuery { to: Some(yesterday), ..Default::default() };
    let empty = ws.results_report(&before).await.unwrap();
    assert!(empty.currencies.is_empty(), "nothing was sold or spent before today: {:?}", empty.currencies);
    assert_eq!(empty.unattributed_lines, 0, "zoe's order is today's");
    let this_week = ResultsQuery { from: Some(yesterday), to: Some(today), ..Default::default() };
    let week = ws.results_report(&this_week).await.unwrap();
    let now_all = ws.results_report(&ResultsQuery::default()).await.unwrap();
    assert_eq!(week.currencies[0].total, now_all.currencies[0].total, "the period holds everything");
    let inverted = ResultsQuery { from: Some(today), to: Some(yesterday), ..Default::default() };
    let refused = ws.results_report(&inverted).await.unwrap_err().payload();
    assert_eq!(refused.field.as_deref(), Some("to"), "{}", refused.message);
    assert!(refused.message.contains("before it starts"), "{}", refused.message);
    let groups = ws.unattributed_groups(&scout_domain::UnattributedQuery::default(), 0, 10).await.unwrap();
    assert_eq!(groups.groups.len(), 1);
    assert_eq!((groups.groups[0].creator.as_deref(), groups.groups[0].orders), (Some("@zoe"), 1));

    // Zoe's order, assigned by hand to leo's collaboration, counts for the campaign.
    let open = ws.unattributed_orders(0, 10).await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].reason, "@zoe has no collaboration in any campaign");
    assert_eq!(ws.assign_orders(&[open[0].line_id], campaign, leo).await.unwrap(), 1);
    let after = ws.results_report(&one).await.unwrap();
    assert_eq!(after.currencies[0].by_campaign[0].ledger.orders, 4);
    assert_eq!(after.unattributed_lines, 0);
    let by_creator: Vec<&str> = after.currencies[0].by_creator.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(by_creator, vec!["@leo", "@mia"], "the assigned order counts for leo, not for zoe");

    let out = dir.path().join("report.csv");
    let rows = ws.export_results(&one, out.clone()).await.unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count() as u64, rows + 1, "a header and one line per row");
    assert!(
        !text.contains('\r'),
        "lines end in LF on every OS (the csv crate's ending, not the OS's): a file exported on Windows is \
         byte for byte the one exported on Linux, and Excel, Numbers and Sheets read it"
    );
    assert!(
        text.lines().nth(1).unwrap().starts_with(
            "USD,Total,Total,4,7,2,168.00,48.00,120.00,32.50,21.60,17.80,3.60,50.00,15.00,86.40,1.10,1.27"
        ),
        "{text}"
    );
    let xlsx = dir.path().join("report.xlsx");
    assert_eq!(ws.export_results(&one, xlsx.clone()).await.unwrap(), rows);
    use calamine::{open_workbook_auto, Data, Reader};
    let mut book = open_workbook_auto(&xlsx).unwrap();
    let sheet = book.worksheet_range("Results").unwrap();
    assert_eq!(sheet.height() as u64, rows + 1, "a header and one line per row");
    let total: Vec<&Data> = sheet.rows().nth(1).unwrap().iter().collect();
    assert_eq!(total[2], &Data::String("Total".into()));
    assert_eq!(total[6], &Data::Float(168.0), "GMV as a number, in dollars");
    assert_eq!(total[17], &Data::Float(1.27), "ROI in percent");
}

#[tokio::test]
async fn a_file_that_is_no_results_export_changes_nothing_and_says_what_is_missing() {
    let (dir, ws) = workspace().await;
    let file = dir.path().join("creators.csv");
    std::fs::write(&file, "Creator username,GMV,Affiliate items sold \nmia,100,3\n").unwrap();
    let err = ws.import_results(&file, |_| {}, CancelToken::default()).await.unwrap_err().to_string();
    assert!(err.contains("creators.csv") && err.contains("Order ID"), "{err}");
    let report = ws.results_report(&ResultsQuery::default()).await.unwrap();
    assert!(report.currencies.is_empty());
}

#[tokio::test]
async fn cancelling_a_results_import_leaves_nothing_behind() {
    let (dir, ws) = workspace().await;
    let file = dir.path().join("orders.csv");
    std::fs::write(&file, orders_csv(false)).unwrap();
    let cancel = CancelToken::default();
    cancel.cancel();
    let err = ws.import_results(&file, |_| {}, cancel).await.unwrap_err();
    assert!(matches!(err, scout_app::AppError::Cancelled), "{err}");
    let report = ws.results_report(&ResultsQuery::default()).await.unwrap();
    assert!(report.currencies.is_empty(), "no order line was kept");
}

/// Both importers run on the shared streamed engine: each is cancelled part-way (from its progress
/// report) and leaves nothing; each imports the same file whole afterwards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_importers_cancel_part_way_and_leave_nothing() {
    let (dir, ws) = workspace().await;
    let creators = dir.path().join("creators.csv");
    let cfg = scout_fixtures::GeneratorConfig {
        seed: 5,
        count: 60_000,
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
    };
    scout_fixtures::write_csv(&cfg, std::fs::File::create(&creators).unwrap()).unwrap();
    let orders = dir.path().join("orders.csv");
    let sample = scout_demo::orders::samples::SAMPLES[0];
    let run = scout_demo::orders::OrderConfig { rows: Some(60_000), ..sample.orders };
    let lines = scout_demo::orders::simulate_orders(&sample.seeds().unwrap(), &run).unwrap();
    let file = std::fs::File::create(&orders).unwrap();
    scout_demo::orders::write_orders_csv(lines, sample.language, file).unwrap();

    let cancel_on_progress = |cancel: &CancelToken, seen: &Arc<Mutex<u64>>| {
        let (c, s) = (cancel.clone(), seen.clone());
        move |p: scout_app::ImportProgress| {
            *s.lock().unwrap() = p.rows_done;
            c.cancel();
        }
    };
    let (cancel, seen) = (CancelToken::default(), Arc::new(Mutex::new(0)));
    let request = ImportRequest::file(creators.clone());
    let err = ws.import_file(request, cancel_on_progress(&cancel, &seen), cancel).await.unwrap_err();
    assert!(matches!(err, scout_app::AppError::Cancelled), "{err}");
    let rows = *seen.lock().unwrap();
    assert!(rows > 0 && rows < 60_000, "the creator import was cancelled part-way ({rows} rows in)");

    let (cancel, seen) = (CancelToken::default(), Arc::new(Mutex::new(0)));
    let err = ws.import_results(&orders, cancel_on_progress(&cancel, &seen), cancel).await.unwrap_err();
    assert!(matches!(err, scout_app::AppError::Cancelled), "{err}");
    let rows = *seen.lock().unwrap();
    assert!(rows > 0 && rows < 60_000, "the results import was cancelled part-way ({rows} rows in)");

    assert_eq!(ws.info().await.unwrap().creator_count, 0, "no creator of the cancelled import");
    let report = ws.results_report(&ResultsQuery::default()).await.unwrap();
    assert!(report.currencies.is_empty(), "no order line of the cancelled import");
    let imported = ws.import_file(ImportRequest::file(creators), |_| {}, CancelToken::default());
    assert_eq!(imported.await.unwrap().counts.rows_total, 60_000, "whole afterwards");
    let imported = ws.import_results(&orders, |_| {}, CancelToken::default()).await.unwrap();
    assert_eq!(imported.counts.rows_total, 60_000, "whole afterwards");
}

#[tokio::test]
async fn the_demo_has_a_finished_campaign_with_results_and_follow_ups_that_agree_with_its_board() {
    let (_dir, ws) = workspace().await;
    ws.load_demo().await.unwrap();
    let report = ws.results_report(&ResultsQuery::default()).await.unwrap();
    assert_eq!(report.currencies.len(), 1, "the demo sells in dollars");
    let finished = report.currencies[0]
        .by_campaign
        .iter()
        .find(|r| r.label == "Example: Lip oil launch (finished)")
        .expect("the finished example campaign has results");
    assert!(finished.ledger.orders > 100, "{:?}", finished.ledger);
    assert!(finished.ledger.sample_cost > 0 && finished.ledger.refunds > 0);
    assert!(report.unattributed_lines > 0, "organic sales wait to be assigned");
    let f = report.funnel;
    assert_eq!((f.shortlisted, f.invited), (30, 30));
    assert!(f.posted > 0 && f.sold > 0 && f.sampled >= f.sampled_posted);
    assert!(report.currencies[0].over_time.len() >= 6, "weeks of sales to chart");
    // Every card still waiting on its creator's post is a follow-up, overdue by weeks, as the board shows.
    let id = ws.find_campaign("Example: Lip oil launch (finished)").await.unwrap().id;
    let waiting: Vec<i64> = ws
        .pipeline_board(Some(id))
        .await
        .unwrap()
        .into_iter()
        .filter(|c| matches!(c.stage, Stage::Agreed | Stage::SampleShipped))
        .map(|c| c.creator_id)
        .collect();
    assert_eq!(waiting.len(), 6, "three agreed, three with the sample out");
    let follow = ws.follow_ups().await.unwrap();
    let mut chased: Vec<i64> =
        follow.due.iter().filter(|f| f.campaign_id == id).map(|f| f.creator_id).collect();
    chased.sort_unstable();
    let mut expected = waiting.clone();
    expected.sort_unstable();
    assert_eq!(chased, expected, "the follow-ups are the board's waiting cards: {:?}", follow.due);
    assert!(
        follow.due.iter().filter(|f| f.campaign_id == id).all(|f| {
            f.kind == scout_app::FollowUpKind::ContentDue && f.due_on + chrono::Days::new(14) < follow.today
        }),
        "each is a post weeks overdue"
    );
    let notice = ws.follow_up_notice().await.unwrap().expect("the late posts are told");
    assert!(notice.starts_with("6 follow-ups due or overdue: @"), "{notice}");
    let again = ws.load_demo().await.unwrap();
    assert_eq!(again.len(), 2);
    let same = ws.results_report(&ResultsQuery::default()).await.unwrap();
    assert_eq!(
        same.currencies[0].total.ledger, report.currencies[0].total.ledger,
        "loading twice adds nothing"
    );
}

#[tokio::test]
async fn the_committed_sample_exports_import_whole_in_every_language_and_twice_change_nothing() {
    let (_dir, ws) = workspace().await;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/results");
    let files =
        [("orders_en.csv", 300), ("orders_es.xlsx", 200), ("orders_id.csv", 300), ("videos_en.xlsx", 0)];
    for (name, lines) in files {
        let r = ws.import_results(&root.join(name), |_| {}, CancelToken::default()).await.unwrap();
        assert_eq!(r.counts.rejected, 0, "{name}: {:?}", r.issues.iter().take(3).collect::<Vec<_>>());
        assert_eq!(r.counts.created, r.counts.rows_total, "{name}");
        if lines > 0 {
            assert_eq!(r.counts.rows_total, lines, "{name}");
        }
        let again = ws.import_results(&root.join(name), |_| {}, CancelToken::default()).await.unwrap();
        assert_eq!(
            (again.counts.created, again.counts.updated, again.counts.unchanged),
            (0, 0, r.counts.rows_total),
            "{name} again"
        );
    }
    let report = ws.results_report(&ResultsQuery::default()).await.unwrap();
    let mut codes: Vec<&str> = report.currencies.iter().map(|c| c.currency.code()).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["EUR", "GBP", "IDR", "JPY", "MXN", "USD"], "six currencies, never added together");
    let refunds: i64 = report.currencies.iter().map(|c| c.total.ledger.refunds).sum::<i64>();
    assert!(refunds > 0, "the samples have refunds");
    assert!(report.warnings.iter().any(|w| w.contains("unit cost is unknown")), "{:?}", report.warnings);
}
