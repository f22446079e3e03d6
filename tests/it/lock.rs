//! The app lock on a real data file: set with a recovery code, unlock, wrong tries that
//! wait longer across restarts, the idle lock on the wall clock, and nothing shown or done
//! while locked.

use crate::common::*;
use chrono::Duration;
use ttq::session::Session;
use ttq::ErrorCode;

#[test]
fn the_lock_holds_the_data_until_the_right_pin_and_waits_after_wrong_ones() {
    let (dir, s) = store_with_group();
    drop(s);
    let mut session = Session::open(dir.path(), now()).unwrap();
    assert!(!session.info(now()).unwrap().lock.enabled);
    assert_eq!(
        session.set_lock(None, "12", 5, now()).unwrap_err().fields[0].field,
        "secret"
    );
    let code = session.set_lock(None, "2468", 5, now()).unwrap();
    assert_eq!(code.len(), 19, "{code}");
    // Changing it needs the current PIN.
    assert_eq!(
        session
            .set_lock(Some("1111"), "13579", 5, later(1))
            .unwrap_err()
            .fields[0]
            .field,
        "current"
    );

    // A restart opens locked: nothing named, no task done.
    drop(session);
    let mut session = Session::open(dir.path(), later(10)).unwrap();
    let info = session.info(later(10)).unwrap();
    assert!(info.lock.locked);
    assert_eq!((info.group, info.ward), (None, None));
    assert_eq!(
        session.enter(later(10)).unwrap_err().code,
        ErrorCode::Locked
    );

    // Three wrong tries (the wrong current PIN above was the first), then a wait that a
    // restart does not reset.
    for k in 0..2 {
        let e = session.unlock("0000", later(11 + k)).unwrap_err();
        assert_eq!(e.fields[0].field, "secret");
    }
    drop(session);
    let mut session = Session::open(dir.path(), later(15)).unwrap();
    let e = session.unlock("2468", later(15)).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert!(e.message.contains("Hãy chờ"), "{}", e.message);
    let info = session.unlock("2468", later(19)).unwrap();
    assert!(!info.lock.locked);
    assert!(info.group.is_some());
    session.enter(later(20)).unwrap();

    // Idle for five minutes on the wall clock: locked again, even with no click in between.
    let t = later(20) + Duration::minutes(5);
    assert_eq!(session.enter(t).unwrap_err().code, ErrorCode::Locked);
    // The recovery code opens it too, typed loosely.
    let loose = code.to_lowercase().replace('-', " ");
    assert!(!session.unlock(&loose, t).unwrap().lock.locked);

    // Removing the lock needs the current PIN; then the file opens unlocked.
    assert!(session.remove_lock("9999", t).is_err());
    session.remove_lock("2468", t).unwrap();
    drop(session);
    let session = Session::open(dir.path(), t).unwrap();
    assert!(!session.info(t).unwrap().lock.locked);
}

#[test]
fn locking_while_the_demo_is_open_goes_back_to_the_own_data() {
    let (dir, s) = store_with_group();
    drop(s);
    let mut session = Session::open(dir.path(), now()).unwrap();
    session.set_lock(None, "mật khẩu tổ", 5, now()).unwrap();
    session.open_demo(now()).unwrap();
    assert!(
        session.set_lock(None, "2468", 5, now()).is_err(),
        "not in the demo"
    );
    session.lock_now(later(1));
    let info = session.info(later(1)).unwrap();
    assert!(info.lock.locked && !info.demo);
    let info = session.unlock("  mật khẩu tổ ", later(2)).unwrap();
    assert!(!info.demo);
    assert_eq!(info.group.unwrap().name, group_input().name);
}
