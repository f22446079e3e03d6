//! On Windows builds, gives ttq.exe the app's icon and a version resource (product,
//! publisher, version), as Explorer's Properties shows them; elsewhere it does nothing.

fn main() {
    println!("cargo:rerun-if-changed=ttq.rc");
    println!("cargo:rerun-if-changed=../icons/icon.ico");
    let version = std::env::var("CARGO_PKG_VERSION").expect("cargo sets the version");
    let mut parts = version
        .split(['.', '-', '+'])
        .map(|p| p.parse::<u16>().unwrap_or(0));
    let mut next = || parts.next().unwrap_or(0);
    let numbers = format!("{},{},{},0", next(), next(), next());
    let macros = [
        format!("TTQ_VERSION={version}"),
        format!("TTQ_VERSION_NUMBERS={numbers}"),
    ];
    embed_resource::compile("ttq.rc", &macros)
        .manifest_optional()
        .expect("the Windows resource compiles");
}
