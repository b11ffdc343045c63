//! What each command does: deserialised arguments in, a call into a library crate, the
//! error mapped to an [`IpcError`]. No domain logic lives here.

use mla_core::Request;
use mla_store::ListFilter;

use crate::commands::Ctx;
use crate::ipc::*;

pub fn register_status(ctx: &Ctx, _: ()) -> Result<RegisterStatus, IpcError> {
    Ok(RegisterStatus {
        path: ctx.state.register_path.display().to_string(),
        error: ctx.state.register.as_ref().err().cloned(),
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
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

pub fn ui_ready(_: &Ctx, _: ()) -> Result<(), IpcError> {
    if std::env::var_os(REPORT_READY_ENV).is_some() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        eprintln!("mla-desk: ui-ready {now}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The command implementations against a real register file, without a window.

    use super::*;
    use crate::state::{open_register, AppState};

    fn state(dir: &tempfile::TempDir) -> AppState {
        let (register_path, register) = open_register(Some(dir.path().join("r.sqlite")));
        AppState {
            register_path,
            register,
            actor: "tester".to_owned(),
            closing: Default::default(),
            export: Default::default(),
        }
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
        let st = AppState {
            register_path,
            register,
            actor: "tester".into(),
            closing: Default::default(),
            export: Default::default(),
        };
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
}
