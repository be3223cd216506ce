//! After the shortlist: manual offers exported and confirmed by hand, replies, agreed terms, shipments,
//! posts and the follow-ups they raise, on a small imported workspace.

use super::workspace;
use chrono::{Days, Duration, Local, Utc};
use scout_app::{
    default_template, AppError, CreatorQuery, FollowUpKind, FollowUpSettings, OfferChannel, OfferDraft,
    SellerProfile, EXAMPLE_CAMPAIGN,
};
use scout_domain::{
    AgreedTerms, BasisPoints, ContentPost, ContentType, FreeSample, OfferTerms, SampleShipment, Stage,
};

async fn shortlisted(ws: &scout_app::Workspace, n: usize) -> (i64, Vec<i64>) {
    ws.load_demo().await.unwrap();
    let campaign = ws.create_campaign(&serde_json::from_str(EXAMPLE_CAMPAIGN).unwrap()).await.unwrap().id;
    let page = ws.list_creators(&CreatorQuery { limit: n as u32, ..Default::default() }).await.unwrap();
    let ids: Vec<i64> = page.rows.iter().map(|r| r.id).collect();
    for id in &ids {
        ws.shortlist_add(campaign, *id).await.unwrap();
    }
    ws.set_seller_profile(&SellerProfile { name: "Glow Labs".into() }).await.unwrap();
    (campaign, ids)
}

fn terms() -> OfferTerms {
    OfferTerms {
        commission: BasisPoints(1500),
        free_sample: Some(FreeSample { approval_exempt: true }),
        flat_fee: None,
        content_type: ContentType::Video,
        deadline: None,
        valid_until: Utc::now() + Duration::days(14),
    }
}

#[tokio::test]
async fn manual_offers_export_as_csv_and_count_once_the_seller_confirms() {
    let (dir, ws) = workspace().await;
    let (campaign, ids) = shortlisted(&ws, 2).await;
    let draft = OfferDraft {
        campaign_id: campaign,
        creator_ids: ids.clone(),
        channel: OfferChannel::Manual,
        terms: terms(),
        template: default_template(),
    };
    let offer_ids = ws.queue_offers(&draft).await.unwrap();
    let path = dir.path().join("offers.csv");
    assert_eq!(ws.export_manual_offers(Some(campaign), &path).await.unwrap(), 2);
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        reader.headers().unwrap(),
        vec!["offer_id", "campaign", "creator_handle", "recipient", "subject", "message"]
    );
    assert_eq!(rows.len(), 2);
    assert!(rows[0][5].contains("15 % commission and a free sample"), "{}", &rows[0][5]);
    assert!(rows[0][5].ends_with("Glow Labs"), "rendered, not a template");

    assert_eq!(ws.pipeline_board(Some(campaign)).await.unwrap()[0].stage, Stage::Shortlisted);
    ws.confirm_sent_by_hand(offer_ids[0]).await.unwrap();
    assert_eq!(
        ws.export_manual_offers(Some(campaign), &path).await.unwrap(),
        1,
        "a sent offer is not exported again"
    );
    let board = ws.pipeline_board(Some(campaign)).await.unwrap();
    let invited: Vec<i64> =
        board.iter().filter(|c| c.stage == Stage::Invited).map(|c| c.creator_id).collect();
    assert_eq!(invited, vec![ids[0]]);
    assert_eq!(ws.outbox().await.unwrap().len(), 2, "both offers are in the send queue");

    assert_eq!(
        ws.do_not_contact(ids[1], "asked us to stop").await.unwrap(),
        1,
        "the waiting offer is cancelled"
    );
    assert!(ws.resend_offer(offer_ids[1]).await.is_err(), "and cannot be sent again");
    let again = ws.resend_offer(offer_ids[0]).await.unwrap();
    assert_eq!(ws.export_manual_offers(None, &path).await.unwrap(), 1, "the explicit re-send waits");
    assert!(ws.outbox().await.unwrap().iter().any(|i| i.offer.id == again));
}

#[tokio::test]
async fn a_collaboration_is_recorded_step_by_step_and_follow_ups_follow_it() {
    let (_dir, ws) = workspace().await;
    let (campaign, ids) = shortlisted(&ws, 2).await;
    // The demo's finished campaign has posts to chase; set them aside for a month to see this one's.
    let later = Local::now().date_naive() + Days::new(30);
    for f in ws.follow_ups().await.unwrap().due {
        ws.snooze_follow_up(f.campaign_id, f.creator_id, f.kind, later).await.unwrap();
    }
    let c = ids[0];
    ws.move_stage(campaign, c, Stage::Invited, "offer sent by DM").await.unwrap();
    ws.record_reply(campaign, c, "Interested, asks for 20 %").await.unwrap();

    let agreed = AgreedTerms {
        commission: BasisPoints(9_000),
        flat_fee: None,
        free_sample: true,
        deliverables: "2 videos".into(),
        content_due: Some(Local::now().date_naive() + Days::new(10)),
    };
    let err = ws.record_agreement(campaign, c, &agreed).await.unwrap_err();
    assert!(
        matches!(&err, AppError::InvalidField { field, .. } if field == "terms.commission"),
        "the field is named: {err:?}"
    );
    let agreed = AgreedTerms { commission: BasisPoints(2_000), ..agreed };
    assert_eq!(ws.record_agreement(campaign, c, &agreed).await.unwrap(), Stage::Agreed);

    assert_eq!(ws.follow_up_notice().await.unwrap(), None, "nothing is due today yet");
    let in_three_days = Local::now().date_naive() + Days::new(3);
    let follow = ws.follow_ups_on(in_three_days, *Local::now().offset()).await.unwrap();
    let kinds: Vec<FollowUpKind> = follow.due.iter().filter(|f| f.creator_id == c).map(|f| f.kind).collect();
    assert_eq!(kinds, vec![FollowUpKind::ShipSample], "the sample is overdue after 2 days");
    assert_eq!(follow.upcoming[0].kind, FollowUpKind::ContentDue);

    let other = ids[1];
    ws.move_stage(campaign, other, Stage::Invited, "offer sent by DM").await.unwrap();
    let due_today =
        AgreedTerms { free_sample: false, content_due: Some(Local::now().date_naive()), ..agreed.clone() };
    ws.record_agreement(campaign, other, &due_today).await.unwrap();
    let notice = ws.follow_up_notice().await.unwrap().expect("content is due today");
    assert!(notice.starts_with("1 follow-up due today: @"), "{notice}");
    assert!(notice.ends_with("(content due)"), "{notice}");
    assert_eq!(ws.follow_up_notice().await.unwrap(), None, "told once a day");

    let ship = SampleShipment {
        carrier: " ".into(),
        tracking_number: "1Z".into(),
        cost: None,
        shipped_on: Utc::now().date_naive(),
    };
    let err = ws.record_shipment(campaign, c, &ship).await.unwrap_err();
    assert!(matches!(&err, AppError::InvalidField { field, .. } if field == "shipment.carrier"), "{err:?}");
    ws.record_shipment(campaign, c, &SampleShipment { carrier: "DHL".into(), ..ship }).await.unwrap();
    let post =
        ContentPost { url: "https://www.tiktok.com/@x/video/1".into(), posted_on: Utc::now().date_naive() };
    assert_eq!(ws.record_post(campaign, c, &post).await.unwrap(), Stage::ContentPosted);
    let due = ws.follow_ups_on(in_three_days, *Local::now().offset()).await.unwrap().due;
    assert!(due.iter().all(|f| f.creator_id != c), "nothing left to chase for a posted creator");

    let timeline = ws.timeline(c).await.unwrap();
    let causes: Vec<&str> = timeline.iter().map(|e| e.cause.as_str()).collect();
    assert_eq!(causes[2], "replied: Interested, asks for 20 %");
    assert_eq!(causes.len(), 6, "{causes:#?}");

    let err = ws.set_follow_up_settings(FollowUpSettings { no_reply_days: 0 }).await.unwrap_err();
    assert!(matches!(err, AppError::InvalidField { .. }));
    ws.set_follow_up_settings(FollowUpSettings { no_reply_days: 3 }).await.unwrap();
    assert_eq!(ws.follow_up_settings().await.unwrap().no_reply_days, 3);
}

#[tokio::test]
async fn the_outbox_logs_in_with_the_password_from_the_keychain() {
    if !scout_testkit::keychain_tests_enabled("the_outbox_logs_in_with_the_password_from_the_keychain") {
        return;
    }
    let (dir, ws) = workspace().await;
    let ws = ws.with_keychain(scout_secrets::Keychain::with_service(scout_testkit::test_keychain_service()));
    let sink = scout_testkit::SmtpSink::start_with(
        dir.path(),
        &scout_testkit::SmtpOptions { slow_seconds: 0, login: Some(("anna".into(), "app pässword".into())) },
    );
    let (campaign, ids) = shortlisted(&ws, 40).await;
    let mut with_email = Vec::new();
    for id in ids {
        if ws.creator(id).await.unwrap().profile.email.is_some() && with_email.len() < 2 {
            with_email.push(id);
        }
    }
    assert_eq!(with_email.len(), 2, "the demo has creators with an address");
    let mut settings = scout_app::EmailSettings::new(scout_app::SmtpAccount {
        host: "127.0.0.1".into(),
        port: sink.port,
        security: scout_app::SmtpSecurity::PlainLocal,
        username: "anna".into(),
        from_name: "Glow Labs".into(),
        from_address: "partners@glowlabs.example".into(),
        postal_address: "12 Market Street, Springfield".into(),
        unsubscribe_mailto: "mailto:optout@glowlabs.example".into(),
        unsubscribe_url: None,
    });
    settings.interval_ms = 0;
    let draft = OfferDraft {
        campaign_id: campaign,
        creator_ids: with_email.clone(),
        channel: OfferChannel::Email,
        terms: terms(),
        template: default_template(),
    };
    // Nothing is queued where nothing would send it: no account, then an account without its password.
    let refused = ws.queue_offers(&draft).await.unwrap_err().payload();
    assert_eq!(refused.field.as_deref(), Some("email.account"), "{refused:?}");
    let form = ws.save_email_account(&settings, None).await.unwrap_err().payload();
    assert_eq!(form.field.as_deref(), Some("email.password"), "the form asks for the password: {form:?}");
    assert!(ws.email_settings().await.unwrap().is_none(), "a refused form saves nothing");
    ws.set_email_settings(&settings).await.unwrap();
    let refused = ws.queue_offers(&draft).await.unwrap_err().payload();
    assert_eq!(
        (refused.code, refused.field.as_deref()),
        (scout_app::ErrorCode::SignIn, Some("email.password"))
    );
    assert!(ws.offers(campaign).await.unwrap().is_empty(), "nothing was queued");

    // Queued while the account needs no sign-in; then it does, and no password is saved.
    let relay = scout_app::EmailSettings {
        account: scout_app::SmtpAccount { username: String::new(), ..settings.account.clone() },
        ..settings.clone()
    };
    ws.set_email_settings(&relay).await.unwrap();
    ws.queue_offers(&draft).await.unwrap();
    ws.set_email_settings(&settings).await.unwrap();
    let cancel = scout_app::CancelToken::default();

    let run = scout_app::OutboxRun::default();
    let report = ws.run_outbox(&run, &cancel).await.unwrap();
    assert_eq!((report.sent, report.failed, report.problems.len()), (0, 0, 1), "{report:?}");
    let missing = &report.problems[0];
    assert_eq!((missing.channel, missing.code), (OfferChannel::Email, scout_app::ErrorCode::SignIn));
    assert!(missing.message.contains("no password is saved for anna@127.0.0.1"), "{missing:?}");
    assert!(!ws.has_email_password().await.unwrap());

    // A wrong password: the server refuses the sign-in, the run stops, the offer is given back whole.
    ws.set_email_password(scout_secrets::Secret::new("wrong")).await.unwrap();
    let report = ws.run_outbox(&run, &cancel).await.unwrap();
    assert_eq!((report.sent, report.failed, report.retrying), (0, 0, 1), "{report:?}");
    let refused = &report.problems[0];
    assert_eq!(refused.code, scout_app::ErrorCode::SignIn, "{refused:?}");
    assert_eq!(refused.field.as_deref(), Some("email.password"));
    assert_eq!(refused.retry_at, None, "a refused password is not tried again by itself: {refused:?}");
    let again = ws.run_outbox(&run, &cancel).await.unwrap();
    assert_eq!((again.sent, again.retrying, again.problems.len()), (0, 0, 0), "no second knock: {again:?}");
    let offers = ws.offers(campaign).await.unwrap();
    assert!(
        offers.iter().all(|o| o.attempts == 0 && o.state != scout_app::OfferState::Sending),
        "{offers:?}"
    );
    assert!(sink.received().is_empty(), "nothing arrived");

    ws.set_email_password(scout_secrets::Secret::new("app pässword")).await.unwrap();
    assert!(ws.has_email_password().await.unwrap());
    let report = ws.run_outbox(&run, &cancel).await.unwrap();
    assert_eq!((report.sent, report.failed), (2, 0), "a new password sends the held-back offer at once");
    let received = sink.received();
    assert_eq!(received.len(), 2, "exactly two messages arrived");
    assert!(received.iter().all(|m| m["login"] == "anna"), "each after logging in: {received:?}");
    let stored = std::fs::read(dir.path().join("ws.scout")).unwrap();
    assert!(
        !stored.windows("app pässword".len()).any(|w| w == "app pässword".as_bytes()),
        "the password is not in the workspace file"
    );
}

#[tokio::test]
async fn an_e_mail_account_is_refused_with_every_problem_at_once_and_nothing_is_saved() {
    let (_dir, ws) = workspace().await;
    let settings = scout_app::EmailSettings {
        account: scout_app::SmtpAccount {
            host: String::new(),
            port: 465,
            security: scout_app::SmtpSecurity::ImplicitTls,
            username: String::new(),
            from_name: "Glow Labs".into(),
            from_address: "partners".into(),
            postal_address: String::new(),
            unsubscribe_mailto: "optout@glowlabs.example".into(),
            unsubscribe_url: None,
        },
        interval_ms: 2_000,
        daily_cap: 0,
    };
    let refused = ws.save_email_account(&settings, None).await.unwrap_err().payload();
    assert_eq!(refused.code, scout_app::ErrorCode::InvalidInput);
    let fields: Vec<&str> = refused.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "email.host",
            "email.from_address",
            "email.postal_address",
            "email.unsubscribe_mailto",
            "email.daily_cap"
        ],
        "{refused:?}"
    );
    assert_eq!(refused.field.as_deref(), Some("email.host"), "the first is the field");
    assert!(ws.email_settings().await.unwrap().is_none(), "nothing was saved");
}
