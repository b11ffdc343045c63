//! Render the rich fixture in one language: `cargo run --example render_fixture -- fr out.pdf`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = args.get(1).cloned().unwrap_or_else(|| "en".to_owned());
    let out = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| format!("/tmp/letter-{lang}.pdf"));
    let bytes =
        std::fs::read(args.get(3).cloned().unwrap_or_else(|| {
            "src-tauri/crates/mla-letter/tests/fixtures/rich.mla.json".to_owned()
        }))
        .unwrap();
    let req = mla_core::parse_request(&bytes).unwrap();
    let letters = mla_letter::Letters::load().unwrap();
    let t0 = std::time::Instant::now();
    let letter = letters
        .letter(
            &req,
            &mla_letter::LetterOptions {
                lang: Some(lang),
                central_authority: None,
            },
        )
        .unwrap();
    let pdf = mla_pdf::typeset(
        &letter,
        &mla_pdf::PdfOptions {
            paper: mla_pdf::Paper::A4,
            seal_box: true,
        },
    )
    .unwrap();
    eprintln!(
        "{} pages, {:?}, missing {:?}",
        pdf.pages,
        t0.elapsed(),
        pdf.missing_glyphs
    );
    std::fs::write(out, pdf.bytes).unwrap();
}
