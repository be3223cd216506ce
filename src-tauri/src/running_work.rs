//! What the window is busy with right now: imports (creator lists, results exports, the marketplace,
//! the demo) counted while their command runs. The updater asks it (with the outbox worker's status)
//! before it checks or installs, so an update never interrupts an import or a delivery.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

#[derive(Debug, Default, Clone)]
pub struct RunningWork(Arc<AtomicUsize>);

/// One piece of running work; counted until dropped (also when its command fails or is cancelled).
#[derive(Debug)]
pub struct WorkGuard(Arc<AtomicUsize>);

impl RunningWork {
    pub fn start(&self) -> WorkGuard {
        self.0.fetch_add(1, Ordering::SeqCst);
        WorkGuard(self.0.clone())
    }

    pub fn any(&self) -> bool {
        self.0.load(Ordering::SeqCst) > 0
    }
}

impl Drop for WorkGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_counts_until_every_guard_is_dropped() {
        let work = RunningWork::default();
        assert!(!work.any(), "nothing runs at first");
        let first = work.start();
        let second = work.clone().start();
        drop(first);
        assert!(work.any(), "one import still runs");
        drop(second);
        assert!(!work.any(), "all finished");
    }
}
