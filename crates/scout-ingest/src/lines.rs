//! Physical line numbers for CSV records. The `csv` crate's record position is taken before the
//! terminator of the previous record (the '\n' of a CRLF) and any blank lines are consumed, so it can
//! be one or more lines short. The line a record *ends* on is exact once we know whether its terminator
//! was a bare '\n'; this reader remembers where the '\n's are in the decoded stream to tell.

use std::collections::VecDeque;
use std::io::{self, Read};

/// Passes bytes through and remembers the offsets of '\n's not yet asked about.
#[derive(Debug)]
pub(crate) struct NewlineTracker<R> {
    inner: R,
    offset: u64,
    newlines: VecDeque<u64>,
}

impl<R> NewlineTracker<R> {
    pub fn new(inner: R) -> NewlineTracker<R> {
        NewlineTracker { inner, offset: 0, newlines: VecDeque::new() }
    }

    /// Whether the byte just before `end` (a decoded offset) is '\n'. Offsets are asked in increasing
    /// order; every '\n' before `end` is forgotten, so the memory held is one read-ahead buffer's worth.
    pub fn newline_before(&mut self, end: u64) -> bool {
        let Some(last) = end.checked_sub(1) else { return false };
        while self.newlines.front().is_some_and(|&at| at < last) {
            self.newlines.pop_front();
        }
        self.newlines.front() == Some(&last)
    }
}

impl<R: Read> Read for NewlineTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let base = self.offset;
        self.newlines
            .extend(buf[..n].iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| base + i as u64));
        self.offset += n as u64;
        Ok(n)
    }
}

/// The 1-based line a record starts on, from what is known once it has been read: the count of '\n's
/// consumed so far (`csv`'s line after the record, minus one), whether its terminator was a bare '\n',
/// and the '\n's inside its quoted cells.
pub(crate) fn start_line(line_after: u64, ended_by_newline: bool, newlines_inside: u64) -> u64 {
    let end_line = line_after.saturating_sub(u64::from(ended_by_newline));
    end_line.saturating_sub(newlines_inside).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<u64> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(NewlineTracker::new(text.as_bytes()));
        let mut record = csv::ByteRecord::new();
        let mut lines = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            let end = reader.position().clone();
            let inside = record.iter().map(|f| f.iter().filter(|b| **b == b'\n').count() as u64).sum();
            let by_newline = reader.get_mut().newline_before(end.byte());
            lines.push(start_line(end.line(), by_newline, inside));
        }
        lines
    }

    #[test]
    fn lines_are_physical_with_any_line_ending() {
        assert_eq!(lines_of("h\na\nb\n"), vec![1, 2, 3], "LF");
        assert_eq!(lines_of("h\r\na\r\nb\r\n"), vec![1, 2, 3], "CRLF");
        assert_eq!(lines_of("h\r\na\r\nb"), vec![1, 2, 3], "CRLF, no newline at the end");
        assert_eq!(lines_of("h\n\n\na\n\r\nb\n"), vec![1, 4, 6], "blank lines are skipped but counted");
        assert_eq!(lines_of("h\r\n\"x\r\ny\",1\r\nb\r\n"), vec![1, 2, 4], "a quoted cell over two lines");
        assert_eq!(lines_of("h\n\"x\ny\nz\"\nb"), vec![1, 2, 5], "a quoted cell over three lines, LF");
    }
}
