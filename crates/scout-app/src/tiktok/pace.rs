//! Pacing TikTok Shop calls: at least the connection's interval between two.

use std::time::{Duration, Instant};

/// Keeps at least `interval` between two calls.
pub(crate) struct Pacer {
    interval: Duration,
    last: Option<Instant>,
}

impl Pacer {
    pub(crate) fn new(interval_ms: u64) -> Pacer {
        Pacer { interval: Duration::from_millis(interval_ms), last: None }
    }

    pub(crate) async fn wait(&mut self) {
        if let Some(last) = self.last {
            let due = last + self.interval;
            let now = Instant::now();
            if due > now {
                tokio::time::sleep(due - now).await;
            }
        }
        self.last = Some(Instant::now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_pacer_keeps_the_interval() {
        let mut p = Pacer::new(50);
        let start = Instant::now();
        p.wait().await;
        p.wait().await;
        p.wait().await;
        assert!(start.elapsed() >= Duration::from_millis(100), "{:?}", start.elapsed());
    }
}
