//! Messages in the window (issue 19) against the fake TikTok Shop API: three creators invited through
//! TikTok Shop four days ago get their collaboration card in a message from Pipeline → "Send invitation
//! cards", then their follow-up from "Follow up non-responders" (shown first, sent on confirm); one writes back, the window's
//! poll finds it — the Inbox lists the conversation unread (the sidebar's badge too) and the creator is
//! on Replied on the pipeline — and a reply typed in the Inbox reaches TikTok Shop. The third creator's
//! privacy settings refuse messages: her thread, opened from her card, shows each refused message with
//! TikTok Shop's reason. The creators and their words are synthetic.

use super::*;
use scout_testkit::{FakeTiktokApi, FakeTiktokOptions, FAKE_TIKTOK_APP_SECRET, FAKE_TIKTOK_AUTH_CODE};

const SEND: &str = "/messages";

/// The TEXT messages the fake TikTok Shop received (POST …/conversations/{id}/messages), in order.
fn texts_sent(api: &FakeTiktokApi) -> Vec<String> {
    api.requests()
        .iter()
        .filter(|r| r["method"] == "POST" && r["path"].as_str().is_some_and(|p| p.ends_with(SEND)))
        .filter(|r| r["body"]["msg_type"] == "TEXT" && r["code"] == 0)
        .filter_map(|r| {
            let content: serde_json::Value = serde_json::from_str(r["body"]["content"].as_str()?).ok()?;
            content["content"].as_str().map(str::to_string)
        })
        .collect()
}

/// The collaboration cards TikTok Shop accepted.
fn cards_sent(api: &FakeTiktokApi) -> usize {
    api.requests()
        .iter()
        .filter(|r| r["method"] == "POST" && r["path"].as_str().is_some_and(|p| p.ends_with(SEND)))
        .filter(|r| r["body"]["msg_type"] == "TARGET_COLLABORATION_CARD" && r["code"] == 0)
        .count()
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and a Secret Service: run by scripts/test.sh"]
async fn a_follow_up_goes_a_reply_lands_in_the_inbox_and_the_sellers_answer_reaches_tiktok_shop() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("e2e-messages.scout");
    // An app key of its own: the E2E flows share one keychain.
    let app_key = format!("e2e-messages-{}", std::process::id());
    let api = FakeTiktokApi::start_with(&FakeTiktokOptions {
        app_key: app_key.clone(),
        ..FakeTiktokOptions::scenario("ok")
    });
    let ws = scout_app::Workspace::open(&workspace).await.unwrap();
    let csv = dir.path().join("creators.csv");
    std::fs::write(
        &csv,
        "username,open_id,followers\nglow.by.ava,oid-ava,52000\nmiles.makeup,oid-miles,38000\nzoe.films,privacy-zoe,21000\n",
    )
    .unwrap();
    ws.import_file(scout_app::ImportRequest::file(csv), |_| {}, Default::default()).await.unwrap();
    let mut spec: scout_domain::CampaignSpec = serde_json::from_str(scout_app::EXAMPLE_CAMPAIGN).unwrap();
    spec.product.tiktok_product_id = Some("1729000000000000001".into());
    let campaign = ws.create_campaign(&spec).await.unwrap().id;
    let page = ws.list_creators(&scout_app::CreatorQuery { limit: 10, ..Default::default() }).await.unwrap();
    let creators: Vec<i64> = page.rows.iter().map(|r| r.id).collect();
    for id in &creators {
        ws.shortlist_add(campaign, *id).await.unwrap();
    }
    ws.set_seller_profile(&scout_app::SellerProfile { name: "Glow Labs".into() }).await.unwrap();
    let mut connection = scout_app::TiktokConnection::new(app_key, format!("cipher-{}", std::process::id()));
    connection.api_base = api.base_url();
    connection.auth_base = api.base_url();
    connection.interval_ms = 50;
    let status = ws
        .connect_tiktok(
            &connection,
            scout_secrets::Secret::new(FAKE_TIKTOK_APP_SECRET),
            FAKE_TIKTOK_AUTH_CODE,
        )
        .await
        .unwrap();
    assert!(status.connected, "{status:?}");
    // Invited through TikTok Shop (a target collaboration), four days ago.
    let draft = scout_app::OfferDraft {
        campaign_id: campaign,
        creator_ids: creators.clone(),
        channel: scout_app::OfferChannel::Tiktok,
        terms: scout_domain::OfferTerms {
            commission: scout_domain::BasisPoints(1500),
            free_sample: None,
            flat_fee: None,
            content_type: scout_domain::ContentType::Video,
            deadline: None,
            valid_until: chrono::Utc::now() + chrono::Duration::days(14),
        },
        template: scout_app::default_template(),
    };
    ws.queue_offers(&draft).await.unwrap();
    let run =
        ws.run_outbox(&scout_app::OutboxRun::default(), &scout_app::CancelToken::default()).await.unwrap();
    assert!(run.problems.is_empty(), "{run:?}");
    for id in &creators {
        ws.backdate_collaboration(campaign, *id, 4).await.unwrap();
    }
    ws.close().await;

    // The window looks for messages every 3 seconds (the default is calmer).
    let _driver = Driver::start_with_env(4480, &[("SCOUT_MESSAGE_POLL_SECONDS", std::ffi::OsStr::new("3"))]);
    let c = connect(4480, &workspace).await;
    c.set_window_size(1280, 800).await.unwrap();

    // Pipeline → the campaign → Send invitation cards: each invited creator's collaboration card in
    // TikTok Shop's chat (Zoe's privacy settings refuse it).
    go_to(&c, "Pipeline").await;
    find(&c, "//label[contains(., 'Campaign')]//select/option[contains(., 'Glow serum')]")
        .await
        .click()
        .await
        .unwrap();
    button(&c, "Send invitation cards…").await.click().await.unwrap();
    button(&c, "Send the cards").await.click().await.unwrap();
    find(&c, "//*[@data-testid='invitation-cards-queued' and contains(., '3 creators get the card')]").await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while cards_sent(&api) < 2 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    assert_eq!(cards_sent(&api), 2, "two cards reached TikTok Shop; Zoe's conversation was refused");
    screenshot(&c, "inbox-0-invitation-cards").await;
    button(&c, "Done").await.click().await.unwrap();

    // Follow up non-responders: who gets one, then sent on confirm.
    button(&c, "Follow up non-responders…").await.click().await.unwrap();
    let due = text_of(&find(&c, "//*[@data-testid='follow-ups-due']").await).await;
    for who in ["@glow.by.ava", "@miles.makeup", "@zoe.films"] {
        assert!(due.contains(who), "{who} is due: {due}");
    }
    assert!(due.contains("just checking you saw our invitation"), "with the text they get: {due}");
    assert!(texts_sent(&api).is_empty(), "nothing goes before the confirm");
    screenshot(&c, "inbox-1-follow-up-plan").await;
    button(&c, "Send 3 follow-ups").await.click().await.unwrap();
    find(&c, "//*[@data-testid='follow-ups-queued' and contains(., '3 follow-ups queued')]").await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while texts_sent(&api).len() < 2 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let sent = texts_sent(&api);
    assert_eq!(sent.len(), 2, "one follow-up each reached TikTok Shop, none to Zoe: {sent:?}");
    assert!(sent.iter().all(|t| t.starts_with("Hi @")), "{sent:?}");
    button(&c, "Done").await.click().await.unwrap();

    // The fake shop's inbox holds one unread (synthetic) conversation with a creator who is not in the
    // workspace: the first poll finds it. Then Ava writes back, and the next poll finds that.
    find(&c, "//*[@data-testid='inbox-badge' and normalize-space(.)='1']").await;
    api.creator_says("oid-ava", "Yes please! Send the serum over and I'll film this week 🎬");
    find(&c, "//*[@data-testid='inbox-badge' and normalize-space(.)='2']").await;
    // The pipeline in view follows the poll: Ava is on Replied; Miles still on Invited.
    find(&c, "//*[@role='group' and @aria-label='Replied']//*[contains(., '@glow.by.ava')]").await;
    find(&c, "//*[@role='group' and @aria-label='Invited']//*[contains(., '@miles.makeup')]").await;
    screenshot(&c, "inbox-2-pipeline").await;
    find(&c, "//nav[@aria-label='Screens']//button[contains(., 'Inbox')]").await.click().await.unwrap();
    find(&c, "//h1[normalize-space(.)='Inbox']").await;
    let row = "//*[@data-testid='conversation-row'][contains(., '@glow.by.ava')]";
    let unread = text_of(&find(&c, &format!("{row}//*[@data-testid='conversation-unread']")).await).await;
    assert_eq!(unread.trim(), "1", "the conversation is unread");
    assert!(text_of(&find(&c, row).await).await.contains("film this week"), "the last message shows");
    find(&c, "//*[@data-testid='inbox-last-looked' and contains(., 'Checked')]").await;
    find(&c, &format!("{row}[@aria-selected='true']")).await;
    let thread = "//section[@aria-label='Conversation' and @aria-busy='false']";
    find(
        &c,
        &format!(
            "{thread}//*[@data-testid='message' and @data-from='creator'][contains(., 'film this week')]"
        ),
    )
    .await;
    find(
        &c,
        &format!("{thread}//*[@data-testid='message' and @data-from='shop'][contains(., 'just checking')]"),
    )
    .await;
    let card = "[contains(., 'Collaboration invitation card')]";
    find(&c, &format!("{thread}//*[@data-testid='message' and @data-from='shop']{card}")).await;
    screenshot(&c, "inbox-3-unread").await;

    // The seller answers from the Inbox; it reaches TikTok Shop and shows as sent in the thread.
    let answer = "Wonderful! The serum ships tomorrow — tag us when it's live.";
    let reply = find(&c, "//textarea[@aria-label='Your reply']").await;
    reply.send_keys(answer).await.unwrap();
    button(&c, "Send").await.click().await.unwrap();
    find(
        &c,
        &format!("{thread}//*[@data-testid='message' and @data-from='shop'][contains(., 'ships tomorrow')]"),
    )
    .await;
    assert_eq!(texts_sent(&api).last().map(String::as_str), Some(answer), "the reply reached TikTok Shop");
    // Sent, the list's last line follows.
    find(&c, &format!("{row}[contains(., 'You: Wonderful!')]")).await;
    screenshot(&c, "inbox-4-replied").await;

    // Mark read: on TikTok Shop (its misspelled path) and in the list.
    button(&c, "Mark read (1)").await.click().await.unwrap();
    wait_count(&c, &format!("{row}//*[@data-testid='conversation-unread']"), 0, "Ava's conversation is read")
        .await;
    assert_eq!(api.requests_to("POST", "/affiliate_seller/202412/conversatons/read").len(), 1);
    find(&c, "//*[@data-testid='inbox-badge' and normalize-space(.)='1']").await;
    screenshot(&c, "inbox-5-read").await;

    // From Miles's card on the pipeline to his conversation: the card and the follow-up, 2 of 5 before a
    // reply.
    go_to(&c, "Pipeline").await;
    find(&c, "//*[@role='group' and @aria-label='Invited']//button[contains(., '@miles.makeup')]")
        .await
        .click()
        .await
        .unwrap();
    find(&c, "//aside[@aria-label='Collaboration']//*[contains(., 'Conversation on TikTok Shop')]").await;
    screenshot(&c, "inbox-6-drawer").await;
    button(&c, "Messages").await.click().await.unwrap();
    find(&c, "//*[@data-testid='conversation-row' and @aria-selected='true'][contains(., '@miles.makeup')]")
        .await;
    find(
        &c,
        &format!(
            "{thread}//*[@data-testid='before-reply' and contains(., '2 of 5 messages before a reply')]"
        ),
    )
    .await;
    screenshot(&c, "inbox-7-from-pipeline").await;
    // Zoe's privacy settings refuse messages from shops: she has no conversation, and her thread (from
    // her card) says why her card and her follow-up were not sent.
    go_to(&c, "Pipeline").await;
    find(&c, "//*[@role='group' and @aria-label='Invited']//button[contains(., '@zoe.films')]")
        .await
        .click()
        .await
        .unwrap();
    find(&c, "//aside[@aria-label='Collaboration']//*[contains(normalize-space(.), 'No conversation on TikTok Shop yet')]")
        .await;
    button(&c, "Messages").await.click().await.unwrap();
    let refused = format!(
        "{thread}//*[@data-testid='outgoing' and @data-state='failed'][contains(., 'privacy settings do not accept messages')]"
    );
    wait_count(&c, &refused, 2, "the card and the follow-up, each with why").await;
    wait_count(&c, "//*[@data-testid='conversation-row' and @aria-selected='true']", 0, "no row is Zoe's")
        .await;
    find(&c, &format!("{thread}//*[@data-testid='outgoing' and @data-state='failed']{card}")).await;
    screenshot(&c, "inbox-8-refused").await;

    // The other conversation: a creator not in the workspace, so no reply box, and why.
    find(&c, "//*[@data-testid='conversation-row'][contains(., 'Not in your workspace')]")
        .await
        .click()
        .await
        .unwrap();
    find(&c, "//*[@data-testid='reply-blocked' and contains(., 'is not in your workspace')]").await;
    screenshot(&c, "inbox-9-not-in-workspace").await;
    c.close().await.unwrap();
}
