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
    ctx.window
        .destroy()
        .map_err(|e| IpcError::new(ErrorCode::Internal, format!("closing the window: {e}")))
}
