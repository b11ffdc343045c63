//! What each command does: deserialised arguments in, a call into a library crate, the
//! error mapped to an [`IpcError`]. No domain logic lives here.

use crate::commands::Ctx;
use crate::ipc::*;

pub fn register_status(ctx: &Ctx, _: ()) -> Result<RegisterStatus, IpcError> {
    Ok(RegisterStatus {
        path: ctx.state.register_path.display().to_string(),
        error: ctx.state.open_error.clone(),
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}

pub fn close_window(ctx: &Ctx, _: ()) -> Result<(), IpcError> {
    ctx.window
        .destroy()
        .map_err(|e| IpcError::new(ErrorCode::Internal, format!("closing the window: {e}")))
}
