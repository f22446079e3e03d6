//! Standard output and error for a command-line tool used in pipes: when the reader goes away
//! (`ttq incident list | head`) the tool stops quietly instead of panicking, like other Unix
//! tools; any other failure to write is said in Vietnamese.

use std::io::Write;

/// Writes one line to standard output; exits quietly when the pipe is closed.
pub fn line(args: std::fmt::Arguments) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        stop(e);
    }
}

/// Writes one line to standard error; a closed or broken stderr is ignored (nothing to tell).
pub fn error_line(args: std::fmt::Arguments) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args).and_then(|()| err.write_all(b"\n"));
}

/// Flushes standard output before exiting, with the same rules as `line`.
pub fn flush() {
    if let Err(e) = std::io::stdout().lock().flush() {
        stop(e);
    }
}

fn stop(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    error_line(format_args!(
        "Lỗi: không ghi được kết quả ra màn hình hoặc tệp (ổ đĩa đầy?). Hãy kiểm tra rồi chạy lại. (chi tiết: {e})"
    ));
    std::process::exit(1);
}

/// `println!` for the tool's results.
macro_rules! say {
    () => { $crate::output::line(format_args!("")) };
    ($($arg:tt)*) => { $crate::output::line(format_args!($($arg)*)) };
}

/// `eprintln!` for the tool's messages.
macro_rules! warn {
    ($($arg:tt)*) => { $crate::output::error_line(format_args!($($arg)*)) };
}
