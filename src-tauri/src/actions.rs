//! What each command does: deserialised arguments in, a call into a library crate, the
//! error mapped to an [`IpcError`]. No domain logic lives here.

use mla_core::profile::{instrument_key, Sourced};
use mla_core::rules::{kind_label, measure_kinds};
use mla_core::{Lang, OffenceCatalogue, Request};
use mla_letter::LetterOptions;
use mla_store::ListFilter;
use tauri::Manager;

use crate::ipc::*;
use crate::state::Ctx;

pub fn register_status(ctx: &Ctx, _: ()) -> Result<RegisterStatus, IpcError> {
    Ok(RegisterStatus {
        path: ctx.state.register_path.display().to_string(),
        error: ctx.state.register.as_ref().err().cloned(),
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        time_zone: crate::timezone::local_time_zone(),
    })
}

pub fn list_drafts(ctx: &Ctx, args: ListDraftsArgs) -> Result<Vec<DraftRow>, IpcError> {
    let query = args.query.trim();
    let filter = ListFilter {
        query: (!query.is_empty()).then(|| query.to_owned()),
        include_deleted: false,
        only_deleted: args.trash,
    };
    let rows = ctx.state.register()?.list(&filter)?;
    Ok(rows.into_iter().map(DraftRow::from).collect())
}

pub fn create_draft(ctx: &Ctx, _: ()) -> Result<DraftRow, IpcError> {
    let reg = ctx.state.register()?;
    let id = reg.create(&Request::default(), &ctx.state.actor)?;
    Ok(reg.summary(id)?.into())
}

pub fn get_draft(ctx: &Ctx, args: DraftIdArgs) -> Result<DraftView, IpcError> {
    let draft = ctx.state.register()?.get(args.id)?;
    Ok(DraftView {
        summary: draft.summary.into(),
        request: draft.request,
    })
}

pub fn save_draft(ctx: &Ctx, args: SaveDraftArgs) -> Result<SaveDraftResponse, IpcError> {
    let reg = ctx.state.register()?;
    reg.save(args.id, &args.request, &ctx.state.actor)?;
    Ok(SaveDraftResponse {
        summary: reg.summary(args.id)?.into(),
    })
}

pub fn duplicate_draft(ctx: &Ctx, args: DraftIdArgs) -> Result<DraftRow, IpcError> {
    let reg = ctx.state.register()?;
    let id = reg.duplicate(args.id, &ctx.state.actor)?;
    Ok(reg.summary(id)?.into())
}

pub fn trash_draft(ctx: &Ctx, args: DraftIdArgs) -> Result<(), IpcError> {
    Ok(ctx.state.register()?.trash(args.id, &ctx.state.actor)?)
}

pub fn untrash_draft(ctx: &Ctx, args: DraftIdArgs) -> Result<(), IpcError> {
    Ok(ctx.state.register()?.untrash(args.id, &ctx.state.actor)?)
}

pub fn draft_history(ctx: &Ctx, args: DraftIdArgs) -> Result<Vec<VersionRow>, IpcError> {
    let history = ctx.state.register()?.history(args.id)?;
    Ok(history.into_iter().map(VersionRow::from).collect())
}

pub fn restore_version(ctx: &Ctx, args: RestoreVersionArgs) -> Result<DraftView, IpcError> {
    let reg = ctx.state.register()?;
    reg.restore_version(args.id, args.version, &ctx.state.actor)?;
    let draft = reg.get(args.id)?;
    Ok(DraftView {
        summary: draft.summary.into(),
        request: draft.request,
    })
}

pub fn close_window(ctx: &Ctx, _: ()) -> Result<(), IpcError> {
    let window = ctx
        .window
        .ok_or_else(|| IpcError::new(ErrorCode::Internal, "no window to close"))?;
    window
        .destroy()
        .map_err(|e| IpcError::new(ErrorCode::Internal, format!("closing the window: {e}")))
}

/// Environment variable: when set, `ui_ready` prints `mla-desk: ui-ready <unix ns>` on
/// stderr (read by scripts/bench-startup.sh).
pub const REPORT_READY_ENV: &str = "MLA_DESK_REPORT_READY";

pub fn ui_ready(ctx: &Ctx, _: ()) -> Result<(), IpcError> {
    if std::env::var_os(REPORT_READY_ENV).is_some() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        eprintln!("mla-desk: ui-ready {now}");
    }
    // The first screen is drawn: load the profiles and parse the letter templates in the
    // background, so that neither start-up nor the first check of a draft waits for them.
    if let Some(window) = ctx.window {
        let app = window.app_handle().clone();
        std::thread::spawn(move || {
            let state = app.state::<crate::state::AppState>();
            state.profiles();
            let _ = state.letters();
        });
    }
    Ok(())
}

/// Today's date on this machine (the checker itself never reads the clock).
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

pub fn check_draft(ctx: &Ctx, args: CheckDraftArgs) -> Result<CheckDraftResponse, IpcError> {
    let profiles = ctx.state.profiles();
    let letters = ctx.state.letters()?;
    // The same full check as `mla check`: the rules, the requested State's profile, and the
    // letter in the language that State accepts (which parts still need a translator, and
    // whether that template language was reviewed).
    let checked = mla_usecase::check_request(
        letters,
        &args.request,
        &mla_usecase::CheckInput {
            today: today(),
            lang: args.lang,
            profiles: Some(&profiles.set),
            letter: &mla_usecase::LetterChoice::Default,
        },
    )
    .map_err(|e| IpcError::new(ErrorCode::Internal, format!("checking the letter: {e}")))?;
    Ok(CheckDraftResponse {
        findings: checked.findings,
        readiness: checked.readiness,
        profile: checked.profile,
        pack_problem: profiles.problem.clone(),
    })
}

fn card_fact(
    p: mla_core::profile::Provenance<'_>,
    instruments: &[mla_core::profile::Instrument],
    values: Vec<String>,
) -> CardFact {
    CardFact {
        instruments: instruments
            .iter()
            .map(|i| instrument_key(*i).to_owned())
            .collect(),
        values,
        source: p.source.to_owned(),
        url: p.url.map(str::to_owned),
        checked: p.checked.to_string(),
        quote: p.quote.map(str::to_owned),
    }
}

/// A serde enum value as its snake_case name.
fn code<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub fn state_profile(ctx: &Ctx, args: StateProfileArgs) -> Result<ProfileCard, IpcError> {
    let iso3 = args.iso3.trim().to_ascii_uppercase();
    let profiles = ctx.state.profiles();
    let Some(entry) = profiles.set.entry(&iso3) else {
        return Ok(ProfileCard {
            iso3,
            found: false,
            name: String::new(),
            origin: String::new(),
            central_authorities: vec![],
            channels: vec![],
            languages: vec![],
            annex_languages: vec![],
            legal_basis: None,
            dual_criminality: None,
            optional_offences: vec![],
        });
    };
    let p = &entry.profile;
    let name_parts = |a: &mla_core::profile::CentralAuthority| {
        let mut v = vec![a.name.clone()];
        v.extend(a.address.iter().cloned());
        v.extend(a.email.iter().cloned());
        v.extend(a.phone.iter().cloned());
        v
    };
    Ok(ProfileCard {
        iso3: p.iso3.clone(),
        found: true,
        name: p.name(args.lang.code()).to_owned(),
        origin: entry.origin.to_string(),
        central_authorities: p
            .central_authorities
            .iter()
            .map(|a| card_fact(a.provenance(), &a.instruments, name_parts(a)))
            .collect(),
        channels: p
            .channels
            .iter()
            .map(|c| {
                card_fact(
                    c.provenance(),
                    &c.instruments,
                    c.value.iter().map(code).collect(),
                )
            })
            .collect(),
        languages: p
            .languages
            .iter()
            .map(|l| card_fact(l.provenance(), &l.instruments, l.requests.clone()))
            .collect(),
        annex_languages: p.languages.iter().map(|l| l.annexes.clone()).collect(),
        legal_basis: p
            .legal_basis
            .as_ref()
            .map(|f| card_fact(f.provenance(), &[], vec![code(&f.value)])),
        dual_criminality: p
            .dual_criminality
            .as_ref()
            .map(|f| card_fact(f.provenance(), &[], vec![code(&f.value)])),
        optional_offences: p
            .optional_offences
            .iter()
            .map(|(offence, f)| OptionalOffenceFact {
                category: offence.key().to_owned(),
                criminalized: f.value,
                fact: card_fact(f.provenance(), &[], vec![]),
            })
            .collect(),
    })
}

pub fn catalogue(ctx: &Ctx, args: CatalogueArgs) -> Result<CatalogueView, IpcError> {
    let lang: Lang = args.lang;
    let letter_languages = match ctx.state.letters() {
        Ok(letters) => letters
            .packs()
            .values()
            .map(|pack| LetterLanguageView {
                code: pack.language.code.clone(),
                name: pack.language.name.clone(),
                reviewed: pack.language.reviewed,
            })
            .collect(),
        Err(_) => vec![],
    };
    Ok(CatalogueView {
        measure_kinds: measure_kinds()
            .iter()
            .map(|k| MeasureKindView {
                key: k.key.clone(),
                label: kind_label(&k.key, lang).unwrap_or(&k.en).to_owned(),
                coercive: k.coercive,
            })
            .collect(),
        offences: OffenceCatalogue::builtin()
            .entries
            .iter()
            .map(|e| OffenceCategoryView {
                id: e.id.clone(),
                title: e.text(lang).title.clone(),
                article: e.article.clone(),
                instrument: e.instrument,
                status: e.status,
            })
            .collect(),
        letter_languages,
    })
}

pub fn letter_preview(ctx: &Ctx, args: LetterPreviewArgs) -> Result<LetterPreview, IpcError> {
    let letters = ctx.state.letters()?;
    let lang = args.lang.trim();
    let options = LetterOptions {
        lang: (!lang.is_empty()).then(|| lang.to_owned()),
        // Addressed to the central authority the requested State's profile designates for
        // the request's legal basis, as in the exported PDF.
        central_authority: mla_letter::addressee_from_profile(
            &args.request,
            ctx.state
                .profiles()
                .set
                .get(args.request.requested_state.trim()),
        ),
    };
    let letter = letters
        .letter(&args.request, &options)
        .map_err(|e| IpcError::new(ErrorCode::LetterFailed, e.to_string()))?;
    Ok(LetterPreview {
        lang: letter.lang,
        rtl: letter.rtl,
        reviewed: letter.reviewed,
        draft_notice: letter.draft_notice,
        html: letter.html,
        needs_translation: letter
            .needs_translation
            .into_iter()
            .map(|p| p.path)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    //! The command implementations against a real register file, without a window.

    use super::*;
    use crate::state::{open_register, AppState};

    fn state(dir: &tempfile::TempDir) -> AppState {
        let (register_path, register) = open_register(Some(dir.path().join("r.sqlite")));
        AppState::new(register_path, register, "tester".to_owned())
    }

    fn ctx(state: &AppState) -> Ctx<'_> {
        Ctx {
            state,
            window: None,
        }
    }

    fn list(state: &AppState, query: &str, trash: bool) -> Vec<String> {
        let args = ListDraftsArgs {
            query: query.to_owned(),
            trash,
        };
        list_drafts(&ctx(state), args)
            .unwrap()
            .into_iter()
            .map(|r| r.reference)
            .collect()
    }

    #[test]
    fn create_save_get_history_restore() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(&dir);
        let c = ctx(&st);
        let row = create_draft(&c, ()).unwrap();
        assert_eq!(row.version, 1);
        let mut view = get_draft(&c, DraftIdArgs { id: row.id }).unwrap();
        view.request.reference = "REF-1".into();
        view.request.facts = "first".into();
        let v2 = save_draft(
            &c,
            SaveDraftArgs {
                id: row.id,
                request: view.request.clone(),
            },
        )
        .unwrap()
        .summary
        .version;
        view.request.facts = "second".into();
        save_draft(
            &c,
            SaveDraftArgs {
                id: row.id,
                request: view.request.clone(),
            },
        )
        .unwrap();

        let history = draft_history(&c, DraftIdArgs { id: row.id }).unwrap();
        assert_eq!(history.len(), 3);
        assert!(history.iter().all(|v| v.actor == "tester"));

        let restored = restore_version(
            &c,
            RestoreVersionArgs {
                id: row.id,
                version: v2,
            },
        )
        .unwrap();
        assert_eq!(restored.request.facts, "first");
        assert_eq!(restored.summary.version, 4);
        assert_eq!(
            get_draft(&c, DraftIdArgs { id: row.id })
                .unwrap()
                .request
                .facts,
            "first"
        );
    }

    #[test]
    fn trash_untrash_duplicate_and_search() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(&dir);
        let c = ctx(&st);
        for (reference, state) in [("UK-7", "GBR"), ("BR-3", "BRA")] {
            let id = create_draft(&c, ()).unwrap().id;
            let mut request = get_draft(&c, DraftIdArgs { id }).unwrap().request;
            request.reference = reference.into();
            request.requested_state = state.into();
            save_draft(&c, SaveDraftArgs { id, request }).unwrap();
        }
        assert_eq!(list(&st, "bra", false), vec!["BR-3"]);
        assert_eq!(list(&st, "  ", false).len(), 2);

        let uk = list_drafts(
            &c,
            ListDraftsArgs {
                query: "UK".into(),
                trash: false,
            },
        )
        .unwrap()[0]
            .id;
        trash_draft(&c, DraftIdArgs { id: uk }).unwrap();
        assert_eq!(list(&st, "", false), vec!["BR-3"]);
        assert_eq!(list(&st, "", true), vec!["UK-7"]);
        untrash_draft(&c, DraftIdArgs { id: uk }).unwrap();
        assert!(list(&st, "", true).is_empty());

        let copy = duplicate_draft(&c, DraftIdArgs { id: uk }).unwrap();
        assert_ne!(copy.id, uk);
        assert_eq!(copy.reference, "UK-7");
        assert_eq!(list(&st, "uk", false).len(), 2);
    }

    #[test]
    fn errors_cross_with_stable_codes() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(&dir);
        let err = get_draft(&ctx(&st), DraftIdArgs { id: 999 }).unwrap_err();
        assert_eq!(err.code, ErrorCode::DraftNotFound);
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "draft_not_found");
        assert!(json["message"].as_str().unwrap().contains("999"));

        let id = create_draft(&ctx(&st), ()).unwrap().id;
        let err = restore_version(&ctx(&st), RestoreVersionArgs { id, version: 7 }).unwrap_err();
        assert_eq!(err.code, ErrorCode::VersionNotFound);
    }

    #[test]
    fn an_unopenable_register_is_reported_not_panicked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("garbage.sqlite");
        let garbage = b"not a database at all, just some text\n".repeat(100);
        std::fs::write(&path, &garbage).unwrap();
        let (register_path, register) = open_register(Some(path.clone()));
        let st = AppState::new(register_path, register, "tester".into());
        let status = register_status(&ctx(&st), ()).unwrap();
        assert_eq!(status.path, path.display().to_string());
        assert_eq!(status.error.unwrap().code, ErrorCode::RegisterNotADatabase);
        let err = list_drafts(&ctx(&st), ListDraftsArgs::default()).unwrap_err();
        assert_eq!(err.code, ErrorCode::RegisterUnavailable);
        assert_eq!(std::fs::read(&path).unwrap(), garbage);
    }

    #[test]
    fn a_register_in_a_missing_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let (_, register) = open_register(Some(dir.path().join("no/such/folder/r.sqlite")));
        let err = register.expect_err("opening must fail");
        assert_eq!(err.code, ErrorCode::RegisterCannotOpen, "{err:?}");
    }

    fn example(name: &str) -> Request {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../assets/examples")
            .join(name);
        mla_core::parse_request(&std::fs::read(path).unwrap()).unwrap()
    }

    #[test]
    fn check_draft_answers_in_the_asked_language_with_the_profile() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(&dir);
        let mut request = example("bribery-bank-records-che.mla.json");
        request.facts.clear();
        let en = check_draft(
            &ctx(&st),
            CheckDraftArgs {
                request: request.clone(),
                lang: Lang::En,
            },
        )
        .unwrap();
        let fr = check_draft(
            &ctx(&st),
            CheckDraftArgs {
                request,
                lang: Lang::Fr,
            },
        )
        .unwrap();
        assert_eq!(en.profile.as_deref(), Some("CHE"));
        let facts_en = en.findings.iter().find(|f| f.path == "facts").unwrap();
        let facts_fr = fr.findings.iter().find(|f| f.path == "facts").unwrap();
        assert_eq!(facts_en.rule_id, facts_fr.rule_id);
        assert_ne!(facts_en.title, facts_fr.title);
        assert_eq!(en.readiness, fr.readiness);
        assert!(en.readiness.blockers > 0);
    }

    #[test]
    fn profile_card_has_sourced_facts_or_says_none() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(&dir);
        let card = state_profile(
            &ctx(&st),
            StateProfileArgs {
                iso3: " che ".into(),
                lang: Lang::Fr,
            },
        )
        .unwrap();
        assert!(card.found);
        assert_eq!(card.iso3, "CHE");
        assert!(!card.central_authorities.is_empty());
        for fact in card.central_authorities.iter().chain(&card.languages) {
            assert!(
                !fact.source.is_empty() && fact.checked.len() == 10,
                "{fact:?}"
            );
        }
        assert_eq!(card.languages.len(), card.annex_languages.len());
        let none = state_profile(
            &ctx(&st),
            StateProfileArgs {
                iso3: "QQQ".into(),
                lang: Lang::En,
            },
        )
        .unwrap();
        assert!(!none.found && none.central_authorities.is_empty());
    }

    #[test]
    fn catalogue_and_letter_preview() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(&dir);
        let cat = catalogue(&ctx(&st), CatalogueArgs { lang: Lang::Es }).unwrap();
        assert!(cat
            .measure_kinds
            .iter()
            .any(|k| k.key == "search_seizure" && k.coercive));
        assert!(cat.offences.iter().any(|o| o.id == "uncac.15"));
        assert!(cat.letter_languages.iter().any(|l| l.code == "fr"));

        let mut request = example("laundering-e-evidence-fra.mla.json");
        request.reference = "<script>alert(1)</script>".into();
        let preview = letter_preview(
            &ctx(&st),
            LetterPreviewArgs {
                request: request.clone(),
                lang: "es".into(),
            },
        )
        .unwrap();
        assert_eq!(preview.lang, "es");
        assert!(
            !preview.html.contains("<script>"),
            "user text was not escaped"
        );
        assert!(preview.html.contains("&lt;script&gt;"));
        let err = letter_preview(
            &ctx(&st),
            LetterPreviewArgs {
                request,
                lang: "xx".into(),
            },
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::LetterFailed);
    }
}
