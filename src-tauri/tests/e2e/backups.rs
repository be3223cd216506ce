//! Backups end to end: Settings → Backups shows the last backup and its folder, "Back up now" adds one,
//! and "Restore…" says what a chosen backup holds (every page checked) before the workspace is replaced;
//! after the confirm the window shows the restored workspace, and the one it replaced is a backup too.

use super::*;

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test.sh under xvfb-run"]
async fn backups_are_made_and_one_is_restored_after_showing_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("e2e-backups.scout");
    let ws = scout_app::Workspace::open(&workspace).await.unwrap();
    let small = dir.path().join("first.csv");
    std::fs::write(&small, "handle,followers\nmia,12000\nleo,30000\nava,800\n").unwrap();
    ws.import_file(scout_app::ImportRequest::file(small), |_| {}, Default::default()).await.unwrap();
    let first = ws.back_up_now().await.unwrap();
    let more = dir.path().join("more.csv");
    std::fs::write(&more, "handle,followers\nzoe,5000\nkai,700\n").unwrap();
    ws.import_file(scout_app::ImportRequest::file(more), |_| {}, Default::default()).await.unwrap();
    ws.close().await;

    let _driver = Driver::start(4468);
    let c = connect(4468, &workspace).await;
    wait_attr(&c, "//*[@role='grid' and @aria-label='Creators']", "aria-rowcount", "6").await;
    find(&c, "//nav[@aria-label='Screens']//*[normalize-space(.)='Settings']").await.click().await.unwrap();
    let last = "//*[@data-testid='last-backup']";
    find(&c, &format!("{last}[contains(., 'Made by hand')]")).await;
    button(&c, "Back up now").await.click().await.unwrap();
    find(&c, "//*[contains(normalize-space(.), 'Backed up: 5 creators')]").await;
    let section = find(&c, "//*[@data-testid='backups']").await;
    section.click().await.unwrap(); // scrolled into view for the screenshot
    screenshot(&c, "b1-backups").await;

    button(&c, "Restore…").await.click().await.unwrap();
    let options = "//*[@role='listbox' and @aria-label='Backups']//*[@role='option']";
    wait_count(&c, options, 2, "the two backups are offered").await;
    // The older one (3 creators): nothing is replaced yet, the dialog says what it holds.
    let older = format!("({options})[2]");
    assert!(text_of(&find(&c, &older).await).await.contains("3 creators"), "the older backup's counts");
    find(&c, &older).await.click().await.unwrap();
    // What it holds shows at once; Replace waits until every page was checked.
    let whole = "//*[@data-testid='backup-holds'][contains(., 'This backup is whole')]";
    let holds = text_of(&find(&c, whole).await).await;
    let holds = holds.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(holds.contains("whole") && holds.contains("Creators"), "{holds}");
    assert!(holds.contains("holds 5 creators now"), "the workspace's own count beside it: {holds}");
    screenshot(&c, "b2-restore-holds").await;
    assert_eq!(
        scout_app::describe_backup(&first.path).await.unwrap().creators,
        3,
        "the backup chosen is the first one"
    );

    button(&c, "Replace the workspace").await.click().await.unwrap();
    let said = text_of(&find(&c, "//*[@data-testid='restored']").await).await;
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(said.contains("3 creators") && said.contains("kept as a backup"), "{said}");
    find(&c, "//dd[normalize-space(.)='3 creators from 1 import']").await;
    screenshot(&c, "b3-restored").await;
    find(&c, "//nav[@aria-label='Screens']//*[normalize-space(.)='Creators']").await.click().await.unwrap();
    wait_attr(&c, "//*[@role='grid' and @aria-label='Creators']", "aria-rowcount", "4").await;
    c.close().await.unwrap();

    let (_, backups) = scout_app::backups_of(&workspace).await.unwrap();
    let kinds: Vec<_> =
        backups.iter().filter_map(|b| b.summary.as_ref()).map(|s| (s.kind, s.creators)).collect();
    assert!(
        kinds.contains(&(scout_app::BackupKind::PreRestore, 5)),
        "the replaced workspace (5 creators) is a pre-restore backup: {kinds:?}"
    );
}
