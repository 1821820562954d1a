//! The OpenAPI document, generated from the handlers' annotations (utoipa).

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "veille", description = "Conflict events coded from news articles, ACLED-style, with the evidence behind every field."),
    paths(
        crate::events,
        crate::event,
        crate::article,
        crate::post_article,
        crate::timeseries,
        crate::alerts,
        crate::changes,
        crate::map,
        crate::summary,
        crate::actors,
        crate::places,
        crate::export_route,
    ),
    modifiers(&Bearer)
)]
struct Api;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The document served at `/openapi.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = Api::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    doc
}
