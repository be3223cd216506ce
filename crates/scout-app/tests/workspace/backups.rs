//! Backups through the use cases: by hand and once a day, in the folder the workspace names, a folder
//! that is not a full path refused naming it, and a restore that gives back what the backup held.

use super::workspace;
use scout_app::{
    describe_backup, restore_workspace_file, AppError, BackupKind, CancelToken, ImportRequest, Workspace,
};

async fn import(ws: &Workspace, dir: &std::path::Path, name: &str, text: &str) {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    ws.import_file(ImportRequest::file(file), |_| {}, CancelToken::default()).await.unwrap();
}

#[tokio::test]
async fn the_days_backup_is_made_once_and_back_up_now_adds_one() {
    let (dir, ws) = workspace().await;
    import(&ws, dir.path(), "a.csv", "handle,followers\nglow_a,1200\nglow_b,900\n").await;
    let daily = ws.back_up_daily_if_due().await.unwrap().expect("no backup today yet");
    assert_eq!(daily.summary.unwrap().kind, BackupKind::Daily);
    assert!(ws.back_up_daily_if_due().await.unwrap().is_none(), "one daily backup a day");
    let manual = ws.back_up_now().await.unwrap();
    let overview = ws.backups().await.unwrap();
    assert!(overview.folder_is_default && overview.folder.ends_with("backups"), "{overview:?}");
    assert_eq!(overview.backups.len(), 2);
    assert_eq!(overview.last.as_ref().map(|b| &b.path), Some(&manual.path), "the newest is the last backup");
    assert_eq!(describe_backup(&manual.path).await.unwrap().creators, 2);
}

#[tokio::test]
async fn the_backup_folder_is_a_setting_and_must_be_a_full_path() {
    let (dir, ws) = workspace().await;
    let refused = ws.set_backup_folder(Some("relative/backups".into())).await.unwrap_err();
    assert!(matches!(&refused, AppError::InvalidField { field, .. } if field == "folder"), "{refused}");
    let elsewhere = dir.path().join("elsewhere");
    assert_eq!(ws.set_backup_folder(Some(elsewhere.clone())).await.unwrap(), elsewhere);
    let made = ws.back_up_now().await.unwrap();
    assert!(made.path.starts_with(&elsewhere), "{}", made.path.display());
    assert!(!ws.backups().await.unwrap().folder_is_default);
    assert_eq!(ws.set_backup_folder(None).await.unwrap(), dir.path().join("backups"), "back to the default");
}

#[tokio::test]
async fn a_restore_gives_back_what_the_backup_held_and_keeps_what_was_there() {
    let (dir, ws) = workspace().await;
    import(&ws, dir.path(), "a.csv", "handle,followers\nglow_a,1200\n").await;
    let one = ws.back_up_now().await.unwrap();
    import(&ws, dir.path(), "b.csv", "handle,followers\nglow_b,900\nglow_c,80\n").await;
    let (ws, report) = ws.restore_backup(&one.path).await.unwrap();
    assert_eq!(ws.info().await.unwrap().creator_count, 1, "the backup's one creator");
    assert_eq!(report.pre_restore.unwrap().summary.unwrap().creators, 3, "the three before are kept");

    // The same from the file alone (the command line, a workspace that may not open).
    let path = ws.path();
    ws.close().await;
    let again = restore_workspace_file(&path, &one.path).await.unwrap();
    assert_eq!(again.restored.creators, 1);
    assert_eq!(Workspace::open(&path).await.unwrap().info().await.unwrap().creator_count, 1);
}
