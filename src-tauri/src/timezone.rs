//! The machine's time zone, for the interface to show saved and signing times in local time.
//!
//! The interface formats times itself, without the webview's `Date` local-time functions or
//! `Intl.DateTimeFormat`: in WebKitGTK those load ICU's time-zone and calendar machinery into
//! the web process, ~3 MB (PSS) for a few dates on screen (measured with the start-up bench;
//! see ARCHITECTURE.md, "Speed"). The app knows the zone instead (jiff reads `TZ` or
//! `/etc/localtime` and the system's zoneinfo, offline) and hands the interface the zone's
//! UTC offsets as spans: an offset from an instant until the next span starts.

use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::ipc::{LocalTimeZone, OffsetSpan};

/// Spans are listed from this instant (1970-01-01T00:00:00Z)...
const FROM_SECOND: i64 = 0;
/// ...to this one (2100-01-01T00:00:00Z); later times keep the last offset.
const UNTIL_SECOND: i64 = 4_102_444_800;
/// A zone changing offset twice a year for 130 years has ~260 transitions; a bound keeps
/// a corrupt zone file from producing an unbounded list.
const MAX_SPANS: usize = 1_000;

/// The machine's zone (UTC when it cannot be determined: said in `name`).
pub fn local_time_zone() -> LocalTimeZone {
    match TimeZone::try_system() {
        Ok(tz) => spans_of(&tz, tz.iana_name().unwrap_or("local").to_owned()),
        Err(e) => {
            eprintln!("mla-desk: the time zone is unknown, times are shown in UTC: {e}");
            spans_of(&TimeZone::UTC, "UTC (time zone unknown)".to_owned())
        }
    }
}

/// The offsets of `tz` between [`FROM_SECOND`] and [`UNTIL_SECOND`].
pub fn spans_of(tz: &TimeZone, name: String) -> LocalTimeZone {
    let from = Timestamp::from_second(FROM_SECOND).unwrap_or(Timestamp::UNIX_EPOCH);
    let until = Timestamp::from_second(UNTIL_SECOND).unwrap_or(Timestamp::MAX);
    let mut spans = vec![OffsetSpan {
        from: FROM_SECOND,
        offset: tz.to_offset(from).seconds(),
    }];
    for transition in tz.following(from) {
        if transition.timestamp() >= until || spans.len() >= MAX_SPANS {
            break;
        }
        let offset = transition.offset().seconds();
        // A transition may change only the abbreviation or the DST flag.
        if spans.last().is_some_and(|s| s.offset == offset) {
            continue;
        }
        spans.push(OffsetSpan {
            from: transition.timestamp().as_second(),
            offset,
        });
    }
    LocalTimeZone { name, spans }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offset_at(zone: &LocalTimeZone, second: i64) -> i32 {
        zone.spans
            .iter()
            .rev()
            .find(|s| s.from <= second)
            .map_or(zone.spans[0].offset, |s| s.offset)
    }

    #[test]
    fn a_zone_with_summer_time_gives_each_change_at_its_instant() {
        // Central European rules (as in Europe/Paris since 1996), without a zoneinfo file.
        let tz = TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        let zone = spans_of(&tz, "CET".into());
        assert_eq!(
            zone.spans[0],
            OffsetSpan {
                from: 0,
                offset: 3600
            }
        );
        // 2026-03-29T01:00:00Z: clocks go from 02:00 to 03:00 local.
        let spring = 1_774_746_000;
        // 2026-10-25T01:00:00Z: clocks go back from 03:00 to 02:00.
        let autumn = 1_792_890_000;
        assert!(zone.spans.contains(&OffsetSpan {
            from: spring,
            offset: 7200
        }));
        assert!(zone.spans.contains(&OffsetSpan {
            from: autumn,
            offset: 3600
        }));
        assert_eq!(offset_at(&zone, spring - 1), 3600);
        assert_eq!(offset_at(&zone, spring), 7200);
        assert_eq!(offset_at(&zone, autumn - 1), 7200);
        assert_eq!(offset_at(&zone, autumn), 3600);
        // Two changes a year, 1970 to 2099, in order.
        assert_eq!(zone.spans.len(), 1 + 2 * 130);
        assert!(zone.spans.windows(2).all(|w| w[0].from < w[1].from));
    }

    #[test]
    fn a_fixed_zone_is_one_span() {
        let zone = spans_of(&TimeZone::UTC, "UTC".into());
        assert_eq!(zone.spans, vec![OffsetSpan { from: 0, offset: 0 }]);
        let tz = TimeZone::fixed(jiff::tz::offset(-5));
        assert_eq!(
            spans_of(&tz, "x".into()).spans,
            vec![OffsetSpan {
                from: 0,
                offset: -5 * 3600
            }]
        );
    }

    #[test]
    fn the_machine_zone_is_always_given() {
        let zone = local_time_zone();
        assert!(!zone.name.is_empty());
        assert!(!zone.spans.is_empty());
    }
}
