//! Command-line values of the domain's enums, by their stable names with dashes
//! (`--role to-pho`); the domain types know nothing of the argument parser.

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::marker::PhantomData;
use ttq::model::Named;

/// Parses a value of `T` by name; underscores and dashes are the same.
#[derive(Clone)]
pub struct Choice<T>(PhantomData<T>);

/// The parser for `T`, for `#[arg(value_parser = choice::<T>())]`.
pub fn choice<T>() -> Choice<T> {
    Choice(PhantomData)
}

fn dashed(name: &str) -> String {
    name.replace('_', "-")
}

impl<T: Named + Send + Sync> TypedValueParser for Choice<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        let typed = value.to_string_lossy();
        let key = typed.replace('-', "_");
        T::from_name(&key).ok_or_else(|| {
            let mut e = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(a) = arg {
                e.insert(ContextKind::InvalidArg, ContextValue::String(a.to_string()));
            }
            e.insert(
                ContextKind::InvalidValue,
                ContextValue::String(typed.into_owned()),
            );
            e.insert(
                ContextKind::ValidValue,
                ContextValue::Strings(T::ALL.iter().map(|v| dashed(v.name())).collect()),
            );
            e
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            T::ALL.iter().map(|v| PossibleValue::new(dashed(v.name()))),
        ))
    }
}
