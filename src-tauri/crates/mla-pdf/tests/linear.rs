//! Rendering grows linearly with a long field (issue #22, class 6).
//!
//! A counting global allocator measures, for letter + typeset of a request whose one field
//! is long, the peak of live heap and the bytes allocated in all. Both are deterministic
//! (no clock): the peak must stay under a fixed multiple of the field's length, and the
//! bytes allocated per byte of field must not grow with the field (a 256 KB field may not
//! cost more per byte than a 64 KB one). Quadratic code fails both by a wide margin: the
//! page header laid the whole reference out again on every page, unicode-bidi copied the
//! paragraph's levels for every line, and a table row taller than a page was copied again
//! for every page it ran onto.
//!
//! The peak bound, 128 bytes a byte of field, holds with some margin: a 256 KB field peaks
//! at 98 to 113 bytes a byte, most of it while its run is shaped (rustybuzz's buffer and
//! the shaped glyphs, about 70 bytes a byte), the fixed cost of a letter included.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;

use mla_letter::{LetterOptions, Letters};
use mla_pdf::{typeset, PdfOptions};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);

fn grew(size: usize) {
    let live = LIVE.fetch_add(size, Relaxed) + size;
    PEAK.fetch_max(live, Relaxed);
    TOTAL.fetch_add(size, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The counters are global: one measurement at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Where a long field goes.
#[derive(Clone, Copy, Debug)]
enum Field {
    /// The request's reference: in the letter's first lines and every page's header.
    Reference,
    /// The statement of facts: numbered paragraphs.
    Facts,
    /// The first measure's provider: a table cell (a row taller than a page).
    Provider,
}

/// The French example with `field` set to `len` bytes of `unit` repeated.
fn request(field: Field, unit: &str, len: usize) -> mla_core::Request {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../assets/examples/laundering-e-evidence-fra.mla.json"
    );
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("the example request")).unwrap();
    let text: String = unit.repeat(len / unit.len() + 1)[..len].to_owned();
    match field {
        Field::Reference => value["reference"] = text.into(),
        Field::Facts => value["facts"] = text.into(),
        Field::Provider => value["measures"][0]["details"]["provider"] = text.into(),
    }
    mla_core::parse_request(&serde_json::to_vec(&value).unwrap()).expect("a valid request")
}

/// Peak live heap above what was live before, and bytes allocated, while rendering.
struct Cost {
    peak: usize,
    total: usize,
    pages: usize,
}

fn render(letters: &Letters, req: &mla_core::Request, lang: &str) -> Cost {
    let options = LetterOptions {
        lang: Some(lang.to_owned()),
        central_authority: None,
    };
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    TOTAL.store(0, Relaxed);
    let letter = letters.letter(req, &options).expect("the letter");
    let pdf = typeset(&letter, &PdfOptions::default()).expect("the PDF");
    let cost = Cost {
        peak: PEAK.load(Relaxed) - base,
        total: TOTAL.load(Relaxed),
        pages: pdf.pages,
    };
    drop((letter, pdf));
    cost
}

/// Render with the field at 64 KB and at 256 KB and check that the cost is linear.
fn linear(field: Field, unit: &str, lang: &str) {
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let letters = Letters::load().unwrap();
    // Warm the per-process caches (faces, shape plans) so they are
    // not counted against the first size.
    render(&letters, &request(field, unit, 1024), lang);
    let small = 64 * 1024;
    let large = 256 * 1024;
    let base = render(&letters, &request(field, unit, 16), lang);
    let at_small = render(&letters, &request(field, unit, small), lang);
    let at_large = render(&letters, &request(field, unit, large), lang);
    let per_byte = |c: &Cost, len: usize| (c.total - base.total) as f64 / len as f64;
    let (small_rate, large_rate) = (per_byte(&at_small, small), per_byte(&at_large, large));
    eprintln!(
        "{field:?} of {unit:?} in {lang}: {} pages at 64 KB, {} at 256 KB; \
         allocated {small_rate:.0} B per field byte at 64 KB, {large_rate:.0} at 256 KB; \
         peak {:.1} MB at 256 KB ({:.0} B per field byte)",
        at_small.pages,
        at_large.pages,
        at_large.peak as f64 / 1e6,
        at_large.peak as f64 / large as f64,
    );
    assert!(
        at_large.peak < 128 * large,
        "{field:?} in {lang}: peak heap {} bytes for a {large}-byte field, over 128 bytes a byte",
        at_large.peak
    );
    assert!(
        large_rate < small_rate * 1.25,
        "{field:?} in {lang}: {large_rate:.0} bytes allocated per field byte at 256 KB \
         against {small_rate:.0} at 64 KB: the work grows faster than the field"
    );
}

#[test]
fn long_reference_renders_in_linear_memory() {
    linear(Field::Reference, "RUR-NIB-2026-112 ", "en");
}

#[test]
fn long_reference_without_spaces_renders_in_linear_memory() {
    linear(Field::Reference, "RURNIB2026112", "en");
}

#[test]
fn long_facts_without_spaces_render_in_linear_memory() {
    linear(Field::Facts, "RURNIB2026112", "en");
}

#[test]
fn long_facts_in_a_right_to_left_letter_render_in_linear_memory() {
    linear(Field::Facts, "Les faits de l'affaire. ", "ar");
}

#[test]
fn long_table_cell_renders_in_linear_memory() {
    linear(Field::Provider, "Courrielia SAS, Paris. ", "en");
}
