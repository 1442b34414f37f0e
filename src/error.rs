//! The one error type of the crate.

use std::fmt;

/// Everything that can go wrong when analysing a text.
///
/// Every variant says what the caller should change. The wasm layer maps
/// [`Error::kind`] to the JavaScript error class (`TypeError` or `RangeError`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A date that is not a real calendar day in `YYYY-MM-DD` form.
    InvalidDate {
        /// Where the date came from, e.g. `options.date`.
        field: &'static str,
        /// The value that was given.
        value: String,
    },
    /// The text is longer than the configured limit.
    TextTooLong {
        /// Length of the text in bytes of UTF-8.
        len: usize,
        /// The limit in bytes of UTF-8.
        max: usize,
    },
    /// An option has a value outside its allowed range.
    OutOfRange {
        /// The option, e.g. `summary.ratio`.
        field: &'static str,
        /// What is allowed, e.g. `a number greater than 0 and at most 1`.
        allowed: &'static str,
    },
    /// A model blob that cannot be read.
    InvalidModel {
        /// What is wrong with it.
        reason: String,
    },
    /// Options that cannot be used together.
    Conflict {
        /// What to do instead.
        message: &'static str,
    },
}

/// Which JavaScript error class an [`Error`] corresponds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The value has the wrong shape (`TypeError`).
    Type,
    /// The value has the right shape but is out of range (`RangeError`).
    Range,
}

impl Error {
    /// The JavaScript error class this error maps to.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Conflict { .. } | Error::InvalidModel { .. } => ErrorKind::Type,
            Error::InvalidDate { .. } | Error::TextTooLong { .. } | Error::OutOfRange { .. } => {
                ErrorKind::Range
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidDate { field, value } => write!(
                f,
                "{field} must be a calendar date written YYYY-MM-DD (e.g. \"2020-10-16\"), got {value:?}"
            ),
            Error::TextTooLong { len, max } => write!(
                f,
                "text is {len} bytes of UTF-8, over the limit of {max}; split it or raise options.maxBytes"
            ),
            Error::OutOfRange { field, allowed } => write!(f, "{field} must be {allowed}"),
            Error::Conflict { message } => f.write_str(message),
            Error::InvalidModel { reason } => write!(f, "not a newslens model: {reason}"),
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
