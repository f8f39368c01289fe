use super::*;
use crate::test_db::{self, stories};

#[tokio::test]
async fn a_backup_is_a_working_copy_of_the_site_and_nothing_is_left_beside_it() {
    let db = test_db::sqlite().await;
    let media = db._dir.path().join("media");
    crate::seed::seed_demo(&db.pool, &media).await.unwrap();
    let dest = db._dir.path().join("nightly.db");

    let report = backup(&db.pool, &dest).await.unwrap();

    assert_eq!(report.stories, stories(&db.pool).await);
    assert!(report.stories > 0);
    assert_eq!(report.bytes, std::fs::metadata(&dest).unwrap().len());
    // Restored, it opens as a site database: migrations have nothing to do and the
    // published stories are all there.
    let restored = crate::connect(&format!("sqlite://{}", dest.display()))
        .await
        .unwrap();
    assert_eq!(stories(&restored).await, report.stories);
    let folder: Vec<_> = std::fs::read_dir(db._dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("partial"))
        .collect();
    assert_eq!(folder, Vec::<String>::new(), "no partial copy left");
}

#[tokio::test]
async fn a_backup_never_replaces_an_existing_file() {
    let db = test_db::sqlite().await;
    let dest = db._dir.path().join("yesterday.db");
    std::fs::write(&dest, b"yesterday's backup").unwrap();

    let refused = backup(&db.pool, &dest).await.unwrap_err();

    assert!(refused.to_string().contains("already exists"), "{refused}");
    assert_eq!(std::fs::read(&dest).unwrap(), b"yesterday's backup");
}

#[tokio::test]
async fn what_a_backup_cut_short_left_behind_is_replaced() {
    let db = test_db::sqlite().await;
    let dest = db._dir.path().join("nightly.db");
    // A crash or a full disk in the middle of the copy left this.
    std::fs::write(partial_path(&dest).unwrap(), b"half a database").unwrap();

    backup(&db.pool, &dest).await.unwrap();

    assert!(!partial_path(&dest).unwrap().exists());
    let restored = crate::connect(&format!("sqlite://{}", dest.display()))
        .await
        .unwrap();
    assert_eq!(stories(&restored).await, 0);
}
